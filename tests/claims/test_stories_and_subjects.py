"""Structured subjects, stories, and grouping that does not depend on arrival order."""

from __future__ import annotations

import random
from datetime import date

from articles.models import Article, Story
from claims import about, facts
from claims.models import Fact
from tests.claims.stories import claim, publish, read_in_sentence

BRIDGE = [
    (
        "The Harwick Bridge carried about 31,000 vehicles a day before it fell. Goods worth"
        " $28 billion were trucked over the Harwick Bridge each year, a trucking group said.",
        "Valley Courier",
        date(2024, 3, 26),
    ),
    (
        "Some 34,000 vehicles crossed the Harwick Bridge every day, state figures show. About"
        " $28 million of goods were trucked across the Harwick Bridge each year.",
        "Bay Observer",
        date(2024, 3, 27),
    ),
    (
        "Traffic on the Harwick Bridge reached 31,000 vehicles a day last year, officials said.",
        "Harbor Times",
        date(2024, 3, 28),
    ),
]


def _figure(
    text: str, figure: str, *, unit: str = "", title: str = "", published: date | None = None
):
    context = about.ArticleContext(text, title, published)
    start = text.index(figure)
    return about.about(
        context,
        start=start,
        end=start + len(figure),
        sentence_start=0,
        sentence_end=len(text),
        kind="money" if figure.startswith("$") else "count",
        unit=unit,
        text=figure,
    )


def test_a_share_price_reads_entity_measure_and_moment():
    text = "Dovetail Inc. shares closed at $50.44 on their first day of trading."

    found = _figure(text, "$50.44", title="Dovetail shares soar")

    assert (found.entity, found.measure) == ("Dovetail", "share price")
    assert found.line == "Dovetail share price at closing on first trading day"


def test_one_organisation_written_three_ways_has_one_key():
    assert about.entity_key("Vantor Corp.") == about.entity_key("Vantor") == "vantor"
    assert about.entity_key("Federal Rail Administration") == about.entity_key("FRA") == "fra"
    assert about.entity_key("Northwind Airlines") == about.entity_key("Northwind")


def test_the_company_stands_for_the_article_s_main_entity():
    text = (
        "Dovetail Inc. filed to go public on Monday. Dovetail plans to list in New York."
        " The company was valued at $6.4 billion in its last round."
    )

    found = _figure(text, "$6.4 billion", title="Dovetail files for listing")

    assert (found.entity, found.measure) == ("Dovetail", "valuation")


def test_a_figure_per_day_and_per_year_are_kept_apart():
    daily = _figure(
        "The Harwick Bridge carried 31,000 vehicles a day.", "31,000 vehicles", unit="vehicles"
    )
    yearly = _figure(
        "The Harwick Bridge carried 11 million vehicles a year.",
        "11 million vehicles",
        unit="vehicles",
    )

    assert (daily.scope, yearly.scope) == ("per day", "per year")
    assert daily.key != yearly.key


def test_a_dateline_is_about_no_story():
    text = "HARWICK, March 26 (Wire) - The bridge fell on Tuesday."
    context = about.ArticleContext(text, "Bridge falls", date(2024, 3, 26))
    start = text.index("March 26")

    found = about.about(
        context,
        start=start,
        end=start + 8,
        sentence_start=0,
        sentence_end=len(text),
        kind="date",
        date_value="2024-03-26",
        text="March 26",
    )

    assert found.incidental
    assert found.key == ""


def test_articles_about_one_event_share_a_story_and_another_event_gets_its_own(make_article):
    first = publish(make_article, BRIDGE[0][0], outlet=BRIDGE[0][1], published=BRIDGE[0][2])
    second = publish(make_article, BRIDGE[1][0], outlet=BRIDGE[1][1], published=BRIDGE[1][2])
    other = publish(
        make_article,
        "Quillon Foods will cut 400 jobs at its Marsden bakery, Quillon Foods said.",
        outlet="Food Wire",
        published=date(2024, 3, 27),
    )

    first.refresh_from_db(), second.refresh_from_db(), other.refresh_from_db()
    assert first.story_id == second.story_id
    assert other.story_id != first.story_id
    assert claim(first, "31,000 vehicles").fact.story_id == first.story_id


def test_a_wrong_scale_of_one_figure_lands_in_its_fact_and_is_flagged(make_article):
    first = publish(make_article, BRIDGE[0][0], outlet=BRIDGE[0][1], published=BRIDGE[0][2])
    second = publish(make_article, BRIDGE[1][0], outlet=BRIDGE[1][1], published=BRIDGE[1][2])

    fact = claim(first, "$28 billion").fact
    assert claim(second, "$28 million").fact == fact
    assert fact.agreement == Fact.Agreement.DISPUTED
    assert fact.subject.startswith("Harwick Bridge")


def _grouping(make_article, order, prefix):
    articles = []
    for index in order:
        text, outlet, published = BRIDGE[index]
        articles.append(
            (index, publish(make_article, text, outlet=f"{prefix} {outlet}", published=published))
        )
    by_index = dict(articles)
    claims = [c for index in range(len(BRIDGE)) for c in by_index[index].claims.order_by("start")]
    position = {c.pk: n for n, c in enumerate(claims)}
    groups: dict[int, list[int]] = {}
    for c in claims:
        groups.setdefault(c.fact_id, []).append(position[c.pk])
    return sorted(sorted(members) for members in groups.values())


def test_a_story_is_grouped_the_same_whatever_order_its_articles_arrive_in(make_article):
    orders = [[0, 1, 2], [2, 1, 0]] + [random.Random(seed).sample(range(3), 3) for seed in (1, 2)]
    groupings = []
    for run, order in enumerate(orders):
        groupings.append(_grouping(make_article, order, f"run {run}"))
        Fact.objects.all().delete()
        Article.objects.all().delete()
        Story.objects.all().delete()

    assert all(grouping == groupings[0] for grouping in groupings)


def test_a_reviewer_moves_an_article_to_another_story_and_it_is_recorded(make_article, editor):
    first = publish(make_article, BRIDGE[0][0], outlet=BRIDGE[0][1], published=BRIDGE[0][2])
    second = publish(make_article, BRIDGE[1][0], outlet=BRIDGE[1][1], published=BRIDGE[1][2])
    second.refresh_from_db()

    story = facts.move_article_to_story(second, None, actor=editor, note="a different bridge")

    second.refresh_from_db()
    assert second.story_id == story.pk != first.story_id
    assert claim(second, "$28 million").fact.story_id == story.pk
    assert claim(second, "$28 million").fact != claim(first, "$28 billion").fact
    event = second.events.last()
    assert event.actor == editor
    assert "a different bridge" in event.note


def test_it_opening_a_sentence_is_the_company_the_sentence_before_was_about():
    text = (
        "Corvane Bank said a hacker stole the records of 2 million customers. Corvane Bank "
        "expects the breach to cost it $90 million. In 2016, the payments company Lister "
        "lost card numbers to a break-in. Last month, it agreed to a $300 million "
        "settlement with a state regulator."
    )

    found = read_in_sentence(text, "$300 million", kind="money")

    assert found.entity_key == "lister"  # the company the sentence before named, not Corvane


def test_it_after_a_sentence_about_the_main_company_stays_the_main_company():
    text = (
        "Corvane Bank said a hacker stole the records of 2 million customers. On Monday, "
        "the lender Corvane Bank disclosed the breach. Last month, it set aside $90 million "
        "for the costs."
    )

    found = read_in_sentence(text, "$90 million", kind="money")

    assert found.entity_key == about.entity_key("Corvane Bank")
