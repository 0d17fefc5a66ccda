"""Coverage of a film's opening: the line says which takings a figure is (the market, the
opening weekend or day, the previews), ticket pre-sales are no company's revenue, and a
specific amount an article repeats is one figure."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from claims import about, facts, matching
from claims.models import Fact
from tests.claims.extraction.helpers import figures
from tests.claims.stories import claim, publish, read_figure


@pytest.mark.parametrize(
    ("text", "figure", "line"),
    [
        (
            "Halvern Studios' “Lanterns” took $92 million in domestic theaters over its"
            " opening weekend.",
            "$92 million",
            "domestic opening weekend gross",
        ),
        (
            "“Lanterns” earned $31 million on its opening day; Thursday previews accounted"
            " for $9 million.",
            "$31 million",
            "opening day gross",
        ),
        (
            "“Lanterns” earned $31 million on its opening day; Thursday previews accounted"
            " for $9 million.",
            "$9 million",
            "previews gross",
        ),
        (
            "The film took $210 million worldwide after it debuted with $118 million overseas.",
            "$118 million",
            "international opening weekend gross",
        ),
    ],
)
def test_a_film_s_takings_say_which_in_the_line(text, figure, line):
    found = read_figure(text, figure, kind="money", unit="USD")
    assert line in about.subject_line(found, figure)


def test_box_office_words_key_the_market_but_leave_the_rest_to_the_words():
    text = "Halvern Studios' “Lanterns” took $92 million in domestic theaters this weekend."
    found = read_figure(text, "$92 million", kind="money", unit="USD")
    # The market is the measure; no scope, so the key alone decides nothing: grouping still
    # reads the sentence's words (a weekend chart gives many films' takings in one line).
    assert (found.measure, found.scope) == ("domestic gross", "")
    assert not found.decisive


def test_a_gross_margin_is_no_box_office():
    text = "Velta Foods said its gross margin widened to $92 million in the quarter."
    found = read_figure(text, "$92 million", kind="money", unit="USD")
    assert "box office" not in about.subject_line(found, "$92 million")
    assert "opening" not in about.subject_line(found, "$92 million")


@pytest.mark.parametrize("sales", ["$22 million in pre-sales", "advance sales of $22 million"])
def test_ticket_pre_sales_are_no_revenue(sales):
    text = f"“Lanterns” set a record for its studio with {sales}."
    found = read_figure(text, "$22 million", kind="money", unit="USD")
    assert found.measure != "revenue"


def test_sales_are_still_revenue():
    text = "Velta Foods said sales rose to $92 million in the quarter."
    found = read_figure(text, "$92 million", kind="money", unit="USD")
    assert found.measure == "revenue"


def test_a_specific_amount_repeated_in_one_article_is_one_figure(make_article):
    article = publish(
        make_article,
        "Halvern Studios' “Lanterns” grossed $92.4 million in its first weekend, while Corvo"
        " Films' “Ashgrove” took $40 million.\n\nCritics had doubted it, yet Halvern's film"
        " took $92.4 million in North America, its chief Omar Veld said.",
        outlet="Screen Ledger",
        published=date(2025, 6, 9),
    )
    first, second = article.claims.filter(text="$92.4 million").order_by("start")
    assert first.fact == second.fact


def test_a_round_amount_written_twice_is_not_taken_for_one_figure_on_its_own():
    def mention(start: int, text: str, number: str) -> matching.Mention:
        return matching.Mention(
            id=start, start=start, end=start + len(text), sentence_start=start,
            sentence_end=start + 50, text=text, kind="money", unit="USD",
            number=Decimal(number), number_high=None, date="", qualifier="exact", subject="",
        )  # fmt: skip

    named = matching.Profile(own_names=frozenset({"halvern"}))
    specific = (mention(0, "$92.4 million", "92400000"), mention(100, "$92.4 million", "92400000"))
    rounded = (mention(0, "$90 million", "90000000"), mention(100, "$90 million", "90000000"))
    assert facts._specific_repeat(*specific, named, named, None)
    assert not facts._specific_repeat(*rounded, named, named, None)
    assert not facts._specific_repeat(*specific, named, matching.Profile(), None)


def test_a_year_after_a_plural_possessive_dates_the_work():
    found = figures("Her film beat director Ana Reyes' 2019 “Harbor Lights” in Tessal.")
    assert [(f.text, f.kind.value, f.value) for f in found] == [("2019", "date", "2019")]


def test_a_year_a_best_day_is_ranked_in_is_not_its_period():
    text = (
        "“Lanterns” had the best domestic opening of the year; it also took the largest"
        " grossing day of 2024 with $41.6 million."
    )
    found = read_figure(text, "$41.6 million", kind="money", unit="USD")
    assert found.measure == "gross"
    assert found.scope == "domestic opening day"
    assert found.reference == ""


def test_a_market_named_beside_another_figure_is_not_taken(make_article):
    text = "“Lanterns” took $40 million abroad, beating forecasts, and on Friday took $12 million."
    found = read_figure(text, "$12 million", kind="money", unit="USD")
    assert "international" not in about.subject_line(found, "$12 million")


def test_outlets_giving_a_film_different_opening_days_make_one_disputed_fact(make_article):
    first = publish(
        make_article,
        "Halvern Studios' “Lanterns” topped the charts. “Lanterns” grossed $41.6 million"
        " domestically when it opened on Friday, including $9 million in previews.",
        outlet="Screen Ledger",
        published=date(2025, 6, 9),
    )
    second = publish(
        make_article,
        "Halvern Studios' “Lanterns” topped the charts. It had the biggest domestic opening of"
        " the year; it also took the largest grossing day of 2025 with $41.9 million.",
        outlet="Reel Desk",
        published=date(2025, 6, 9),
    )
    low, high = claim(first, "$41.6 million"), claim(second, "$41.9 million")
    assert low.fact == high.fact
    assert low.fact.agreement == Fact.Agreement.DISPUTED


def test_a_film_s_credited_cast_is_not_whose_takings_they_are():
    text = (
        "“Harbor Lights” did better than expected in its first weekend. The musical drama,"
        " starring Ana Ruiz and Tom Vale, collected $48 million in its domestic debut."
    )
    found = read_figure(
        text, "$48 million", kind="money", unit="USD", sentence_start=text.index("The musical")
    )
    assert found.entity == "Harbor Lights"


@pytest.mark.parametrize(
    "estimate", ["Sunday’s estimate of $88 million", "the studio's estimate of $88 million"]
)
def test_a_day_s_or_a_studio_s_estimate_is_no_analysts_estimate(estimate):
    text = f"Ticket sales for “Lanterns” were above {estimate}."
    found = read_figure(text, "$88 million", kind="money", unit="USD")
    assert found.scope == "provisional"
    assert "analyst" not in about.subject_line(found, "$88 million")


def test_analysts_estimates_stay_estimates():
    text = "Velta Foods said sales beat analysts' estimate of $88 million."
    found = read_figure(text, "$88 million", kind="money", unit="USD")
    assert found.scope == "estimate"


def test_an_article_s_final_figure_and_its_early_estimate_are_one_fact(make_article):
    first = publish(
        make_article,
        "Halvern Studios' “Lanterns” collected $92 million in its domestic box office debut."
        " Ticket sales were above Sunday’s estimate of $88 million, a record for the studio.",
        outlet="Screen Ledger",
        published=date(2025, 6, 10),
    )
    second = publish(
        make_article,
        "Halvern Studios' “Lanterns” took $88 million in domestic theaters over its opening"
        " weekend, according to studio figures.",
        outlet="Reel Desk",
        published=date(2025, 6, 9),
    )
    final, early = claim(first, "$92 million"), claim(first, "$88 million")
    assert final.fact == early.fact == claim(second, "$88 million").fact
    assert final.fact.agreement == Fact.Agreement.DISPUTED


@pytest.mark.parametrize(
    ("text", "figure", "line"),
    [
        (
            "“Lanterns” set a record with $92 million in ticket sales domestically and"
            " $240 million globally.",
            "$240 million",
            "global",
        ),
        (
            "“Lanterns” broke box office records with $92 million in North America and"
            " $148 million overseas.",
            "$148 million",
            "international",
        ),
    ],
)
def test_a_figure_joined_by_and_to_a_film_s_takings_shares_their_words(text, figure, line):
    # "$92 million in ticket sales domestically and $240 million globally": the second figure
    # leaves out the words it shares with the first; it is the film's takings in its market.
    found = read_figure(text, figure, kind="money", unit="USD")
    assert found.measure == f"{line} gross"


def test_a_figure_joined_by_and_to_other_words_is_no_film_s_takings():
    text = "Halvern Studios' “Lanterns” took $92 million in theaters and $15 million in toys."
    found = read_figure(text, "$15 million", kind="money", unit="USD")
    assert "gross" not in found.measure


@pytest.mark.parametrize(
    ("figure", "line"),
    [("$21 million", "previews gross"), ("$57.5 million", "opening day gross")],
)
def test_a_record_s_figure_in_brackets_is_labelled_by_the_words_before_them(figure, line):
    text = (
        "“Lanterns” broke several records, including the largest Thursday preview gross"
        " ($21 million), the largest opening day on record ($57.5 million) and the largest"
        " Saturday ($40.3 million)."
    )
    found = read_figure(text, figure, kind="money", unit="USD")
    assert line in about.subject_line(found, figure)


def test_the_words_after_the_next_figure_are_its_own():
    # "raking in $240 million, with $6.7 million of its earnings from Tessal": the earnings
    # are the second figure's; the first is no profit.
    text = (
        "“Lanterns” has broken records by raking in $240 million, with $6.7 million of its"
        " earnings coming in from Tessal."
    )
    found = read_figure(text, "$240 million", kind="money", unit="USD")
    assert found.measure != "profit"


def test_the_same_amount_converted_is_no_next_figure():
    text = (
        "Ostra said on Monday that it will put 15 million euros, or about $16.2 million, into"
        " Velda AI, the Lisbon company."
    )
    found = read_figure(text, "15 million euros", kind="money", unit="EUR")
    assert found.measure == "investment"


def test_an_opening_day_naming_no_market_joins_the_one_market_the_story_names(make_article):
    first = publish(
        make_article,
        "Halvern Studios' “Lanterns” topped the charts. “Lanterns” grossed $41.6 million"
        " domestically when it opened on Friday, including $9 million in previews.",
        outlet="Screen Ledger",
        published=date(2025, 6, 9),
    )
    second = publish(
        make_article,
        "Halvern Studios' “Lanterns” broke several records, including the largest Thursday"
        " preview gross ($9.2 million) and the largest opening day on record ($41.9 million).",
        outlet="Reel Desk",
        published=date(2025, 6, 9),
    )
    low, high = claim(first, "$41.6 million"), claim(second, "$41.9 million")
    assert low.fact == high.fact
    assert low.fact.agreement == Fact.Agreement.DISPUTED


@pytest.mark.parametrize(
    ("text", "figure", "market"),
    [
        (
            "Corvo Films' “Ashgrove” ended the weekend on top, taking in $64 million"
            " domestically to lead the chart.",
            "$64 million",
            "domestic",
        ),
        ("“Ashgrove” took in $140 million worldwide in ten days.", "$140 million", "global"),
    ],
)
def test_takings_named_only_by_their_market_are_a_film_s_gross(text, figure, market):
    # "taking in $64 million domestically": an amount a film takes in one market, the
    # box office left unsaid.
    found = read_figure(text, figure, kind="money", unit="USD")
    assert found.measure == f"{market} gross"


def test_a_company_taking_in_money_names_no_market_and_takes_no_gross():
    text = "Velta Foods took in $64 million from the sale of its bakery arm."
    found = read_figure(text, "$64 million", kind="money", unit="USD")
    assert "gross" not in found.measure


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "Corvo Films' “Ashgrove” and Halvern's “Lanterns” both opened strongly, a boon for"
            " Orrin Toys. But it was Reyes's adaptation of Orrin Toys' best-known doll, which"
            " stars Ola Brandt, that came out on top, taking in $64 million domestically.",
            "But",
        ),
        (
            "“Ashgrove” led a crowded weekend. Director Ana Reyes's film took $64 million in its"
            " domestic opening weekend, studio figures showed.",
            "Director",
        ),
    ],
)
def test_whose_film_it_is_names_its_maker_not_whose_takings_they_are(text, start):
    # "Reyes's adaptation took $64 million": the takings are the film's, not the director's
    # nor its cast's ("which stars Ola Brandt"), nor the maker of what it adapts.
    found = read_figure(
        text,
        "$64 million",
        kind="money",
        unit="USD",
        title="“Ashgrove” tops a crowded weekend",
        sentence_start=text.index(start),
    )
    assert found.key.startswith("ashgrove|")
