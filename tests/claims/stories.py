"""Short articles run through the real services, for the fact tests."""

from __future__ import annotations

from datetime import date

from claims import pipeline
from claims.models import Claim


def publish(make_article, text: str, *, outlet: str, published: date | None, title: str = ""):
    """Store an article and run the worker's service on it, as an upload would."""
    article = make_article(
        original=text, title=title or text.split(".")[0], outlet=outlet, published=published
    )
    pipeline.propose_claims(article)
    return article


def claim(article, text: str) -> Claim:
    return article.claims.select_related("fact").get(text=text)
