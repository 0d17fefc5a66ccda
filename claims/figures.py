"""A claim row in the shapes the pure modules read: the one adapter from `Claim` to
claims.matching's `Mention` and claims.comparison's `Reading`, and the label a reading
carries (who said it, when)."""

from __future__ import annotations

from articles.models import Article

from . import comparison, matching
from .models import Claim


def mention_of(claim: Claim) -> matching.Mention:
    return matching.Mention(
        id=claim.pk,
        start=claim.start,
        end=claim.end,
        sentence_start=claim.sentence_start,
        sentence_end=claim.sentence_end,
        text=claim.text,
        kind=claim.kind,
        unit=claim.unit,
        number=claim.number,
        number_high=claim.number_high,
        date=claim.date,
        qualifier=claim.qualifier,
        subject=claim.subject_terms or claim.subject,
        converts_id=claim.converts_id,
    )


def reading_of_claim(claim: Claim, article: Article | None = None) -> comparison.Reading:
    """The claim's reading, labelled with its article (given, or read from the claim)."""
    article = claim.article if article is None else article
    return comparison.reading_of(claim, on=article.published, label=reading_label(article))


def reading_label(article: Article) -> str:
    """Who said it, when: "TechTarget, 26 Feb 2024"."""
    source = article.outlet or article.title[:60]
    if article.published is None:
        return source
    return f"{source}, {article.published.day} {article.published:%b %Y}"
