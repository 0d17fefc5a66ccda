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


def read_figure(
    text: str,
    figure: str,
    *,
    kind: str,
    published: date | None = None,
    title: str = "",
    sentence_start: int = 0,
    sentence_end: int | None = None,
    **details,
):
    """What the first `figure` in `text` is about, its sentence being
    text[sentence_start:sentence_end] (the whole text unless told)."""
    from claims import about

    start = text.index(figure)
    return about.about(
        about.ArticleContext(text, title, published),
        start=start,
        end=start + len(figure),
        sentence_start=sentence_start,
        sentence_end=len(text) if sentence_end is None else sentence_end,
        kind=kind,
        text=figure,
        **details,
    )


def read_in_sentence(
    text: str,
    figure: str,
    *,
    kind: str,
    unit: str = "",
    title: str = "",
    date_value: str = "",
    nth: int = 0,
):
    """What the `nth` `figure` in `text` is about, its sentence the one around it (ended by
    ". " or a line break)."""
    from claims import about

    start = -1
    for _ in range(nth + 1):
        start = text.index(figure, start + 1)
    sentence_start = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    stop = text.find(". ", start)
    return about.about(
        about.ArticleContext(text, title),
        start=start,
        end=start + len(figure),
        sentence_start=sentence_start if sentence_start > 1 else 0,
        sentence_end=len(text) if stop < 0 else stop + 1,
        kind=kind,
        unit=unit,
        date_value=date_value,
        text=figure,
    )
