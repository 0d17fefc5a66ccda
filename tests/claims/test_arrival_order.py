"""A story's grouping and its disputes do not depend on the order its articles arrive in,
however many articles it has."""

from __future__ import annotations

import random
from datetime import date

import pytest

from articles.models import Article, Story
from claims import facts
from claims.models import Fact, FactEvent
from tests.claims.stories import publish

# Seven outlets on one warehouse fire: the same figures written alike, written differently
# (a toll revised, a wrong scale), and some only sharing words with each other.
FIRE = [
    (
        "A fire destroyed the Orlaith Logistics warehouse in Dunmore on Monday. Firefighters"
        " said 340 workers were evacuated from the Orlaith Logistics warehouse, and 12 workers"
        " were treated for smoke. Orlaith Logistics said the damage would cost $45 million.",
        "Dunmore Gazette",
        date(2025, 2, 3),
    ),
    (
        "Orlaith Logistics said on Tuesday that 340 workers had left the Dunmore warehouse"
        " safely. Orlaith Logistics put the damage at $45 million and said 1,200 jobs at the"
        " site were safe.",
        "Valley Wire",
        date(2025, 2, 4),
    ),
    (
        "The Dunmore fire chief said 14 workers were treated for smoke after the Orlaith"
        " Logistics fire. The blaze burned for 9 hours, and 60 firefighters fought it.",
        "Coastal Herald",
        date(2025, 2, 4),
    ),
    (
        "Orlaith Logistics estimated the damage at the Dunmore warehouse at $45 billion. The"
        " Orlaith Logistics site employs 1,200 people, and 60 firefighters tackled the blaze"
        " for 9 hours.",
        "Freight Weekly",
        date(2025, 2, 5),
    ),
    (
        "Insurers said the Orlaith Logistics fire in Dunmore could cost them $45 million."
        " About 340 staff were evacuated from the Orlaith Logistics warehouse, the insurers"
        " said.",
        "Insurance Day",
        date(2025, 2, 5),
    ),
    (
        "Dunmore council said the Orlaith Logistics warehouse fire closed 3 roads for 2 days."
        " Some 1,200 jobs depend on the Orlaith Logistics site, the council said, and 14"
        " workers were treated for smoke.",
        "Dunmore Council News",
        date(2025, 2, 6),
    ),
    (
        "A week after the Orlaith Logistics fire, 1,150 jobs remain at the Dunmore warehouse,"
        " Orlaith Logistics said. The company said the damage came to $45 million and that 340"
        " workers were evacuated.",
        "Business Post",
        date(2025, 2, 10),
    ),
]


def _import(make_article, order: list[int], run: int, *, dated: bool = True) -> tuple[list, list]:
    """Import FIRE in `order` (without their dates unless `dated`); the partition of its claims
    into facts and which claims sit in a disputed fact, each claim named by (article index,
    start)."""
    articles = {}
    for index in order:
        text, outlet, published = FIRE[index]
        published = published if dated else None
        articles[index] = publish(make_article, text, outlet=f"{outlet} {run}", published=published)
    groups: dict[int, list[tuple[int, int]]] = {}
    disputed = []
    for index in range(len(FIRE)):
        for claim in articles[index].claims.select_related("fact").order_by("start"):
            groups.setdefault(claim.fact_id, []).append((index, claim.start))
            if claim.fact.agreement == Fact.Agreement.DISPUTED:
                disputed.append((index, claim.start))
    return sorted(sorted(members) for members in groups.values()), sorted(disputed)


def _clear() -> None:
    Fact.objects.all().delete()
    Article.objects.all().delete()
    Story.objects.all().delete()


ORDERS = [
    list(range(7)),
    list(range(7))[::-1],
    [1, 2, 3, 4, 5, 6, 0],  # the first report arrives last: it touches every later article
    [6, 0, 5, 1, 4, 2, 3],
    *(random.Random(seed).sample(range(7), 7) for seed in (1, 2, 3)),
]


@pytest.mark.parametrize("order", ORDERS[1:], ids=lambda order: "".join(map(str, order)))
def test_a_story_of_seven_articles_is_grouped_alike_in_any_order(make_article, order):
    expected = _import(make_article, ORDERS[0], 0)
    _clear()

    grouping, disputed = _import(make_article, order, 1)

    assert grouping == expected[0]
    assert disputed == expected[1]


@pytest.mark.parametrize("order", ORDERS[1:4], ids=lambda order: "".join(map(str, order)))
def test_a_story_of_undated_articles_is_grouped_alike_in_any_order(make_article, order):
    # Pages saved without their date still tell one story: the order they are grouped in
    # must come from their text, not from when they arrived.
    expected = _import(make_article, ORDERS[0], 0, dated=False)
    _clear()

    grouping, disputed = _import(make_article, order, 1, dated=False)

    assert grouping == expected[0]
    assert disputed == expected[1]


def test_the_first_report_arriving_last_joins_the_facts_the_others_formed(make_article):
    grouping, _ = _import(make_article, ORDERS[2], 0)

    def articles_stating(index: int, figure: str) -> set[int]:
        start = FIRE[index][0].index(figure)
        return {other for other, _ in next(g for g in grouping if (index, start) in g)}

    assert articles_stating(0, "340 workers") == {0, 1, 4, 6}
    assert articles_stating(0, "$45 million") == {0, 1, 4, 6}


def _regrouped_claims() -> int:
    return FactEvent.objects.filter(note="grouped again in story order").count()


def test_an_early_report_arriving_late_regroups_the_reports_after_it(make_article):
    _import(make_article, ORDERS[1], 0)

    assert _regrouped_claims() > 0


@pytest.mark.parametrize("bound", ["REGROUP_ARTICLES", "REGROUP_LIMIT", "REGROUP_MEMBERS"])
def test_a_story_past_its_regrouping_bounds_keeps_its_grouping(make_article, monkeypatch, bound):
    # A wire story republished by hundreds of outlets: regrouping it on every arrival would
    # read its largest facts again and again.
    monkeypatch.setattr(facts, bound, 0)

    _import(make_article, ORDERS[1], 0)

    assert _regrouped_claims() == 0
