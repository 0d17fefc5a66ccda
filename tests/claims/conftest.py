from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from claims import services
from claims.models import Claim, Fact


@dataclass
class Dispute:
    """One fact, three reports: two say €40 million, one says €400 million."""

    fact: Fact
    right: Claim  # Northern Post, €40 million
    wrong: Claim  # Tarvik Herald, €400 million
    other: Claim  # Baltic Wire, €40 million

    def refresh(self) -> Dispute:
        for item in (self.fact, self.right, self.wrong, self.other):
            item.refresh_from_db()
        return self


REPORTS = [
    (
        "Harlow Motors will invest €40 million in its Tarvik battery plant, the company said.",
        "Northern Post",
        date(2024, 3, 4),
    ),
    (
        "Harlow Motors is investing €400 million in the Tarvik battery plant, its chief executive said.",
        "Tarvik Herald",
        date(2024, 3, 6),
    ),
    (
        "Harlow Motors has pledged €40 million for the Tarvik battery plant.",
        "Baltic Wire",
        date(2024, 3, 7),
    ),
]


@pytest.fixture
def dispute(make_article) -> Dispute:
    articles = []
    for text, outlet, published in REPORTS:
        article = make_article(
            original=text, title=f"{outlet} story", outlet=outlet, published=published
        )
        services.propose_claims(article)
        articles.append(article)
    right, wrong, other = (article.claims.get() for article in articles)
    assert right.fact_id == wrong.fact_id == other.fact_id
    fact = Fact.objects.get(pk=right.fact_id)
    assert fact.agreement == Fact.Agreement.DISPUTED
    return Dispute(fact=fact, right=right, wrong=wrong, other=other)
