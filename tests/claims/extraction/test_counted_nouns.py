"""What a count counts, as real coverage writes it."""

import pytest

from tests.claims.extraction.helpers import figures, summary


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ferry carried 212 passengers and six crew.", ("six crew", "6", "crew members")),
        (
            "The ferry carried 212 passengers and six crew members.",
            ("six crew members", "6", "crew members"),
        ),
        ("The trawler lost eight crewmembers.", ("eight crewmembers", "8", "crew members")),
        (
            "Fitters removed two rows of seats.",
            ("two rows of seats", "2", "rows of seats"),
        ),
        ("The barge held 40 crates of apples.", ("40 crates of apples", "40", "crates of apples")),
        (
            "The vessel can carry 8,000 40-foot (12-metre) containers.",
            ("8,000", "8000", "containers"),
        ),
        ("A 41-story tower rose over the quay.", ("41-story", "41", "storeys")),
        (
            "The letter was signed by 38 regional data watchdogs.",
            ("38 regional data watchdogs", "38", "watchdogs"),
        ),
        ("Cranes topped out its 18-storey twin blocks.", ("18-storey", "18", "storeys")),
    ],
)
def test_the_noun_a_count_counts(sentence, expected):
    found = [summary(f) for f in figures(sentence)]
    assert (expected[0], "count", expected[1], expected[2], "exact") in found


def test_a_count_per_day_is_a_count_of_its_noun():
    found = figures("About 26,000 vehicles per day used the tunnel, or 9.5 million per year.")
    assert [(f.text, f.kind.value, f.unit) for f in found] == [
        ("26,000 vehicles", "count", "vehicles"),
        ("9.5 million", "count", "vehicles"),
    ]


def test_a_rate_per_second_or_per_person_stays_a_rate():
    found = figures("The chip runs 45 trillion operations per second.")
    assert [(f.kind.value, f.unit) for f in found] == [("quantity", "operations per second")]


def test_numbers_in_brackets_break_down_the_count_before_them():
    text = (
        "A total of 9 million shares were sold (6.5 million by the firm and 2.5 million by funds)."
    )
    found = figures(text)
    assert [(f.text, f.unit) for f in found] == [
        ("9 million shares", "shares"),
        ("6.5 million", "shares"),
        ("2.5 million", "shares"),
    ]


def test_a_hedge_reaches_over_an_additional():
    found = figures("Underwriters may buy up to an additional 1.2 million shares.")
    assert [(f.text, f.qualifier.value) for f in found] == [("1.2 million shares", "up_to")]


def test_a_fraction_of_a_counted_noun_is_a_quantity_a_ratio_not_a_count():
    found = figures("Vexa holders will get 0.85 Orrin One shares for each share they own.")

    assert [(f.text, f.kind.value, f.value) for f in found] == [("0.85", "quantity", "0.85")]
    assert figures("The bank has 1.2 million customers.")[0].kind.value == "count"


def test_a_fraction_of_one_share_is_an_exchange_ratio_in_shares():
    found = figures("Vexa holders will receive 1.05 Orrin One share for each Vexa share.")

    assert [(f.text, f.kind.value, f.value, f.unit) for f in found] == [
        ("1.05", "quantity", "1.05", "shares")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Holders will receive 1.0245 Brackwater One shares for each Tallis share.",
        "Brackwater will pay 1.0245 of its own shares for each share of Tallis.",
        "Holders get just over one (1.0245) Brackwater One shares for every Tallis share.",
        "Tallis investors will get 1.0245 new shares per share held.",
    ],
)
def test_an_exchange_ratio_is_the_number_alone_not_the_buyer_s_name(sentence):
    # The buyer's name may hold a number word ("One"), which is no part of the figure.
    found = [f for f in figures(sentence) if f.value == "1.0245"]

    assert [(f.text, f.kind.value, f.unit) for f in found] == [("1.0245", "quantity", "shares")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The fleet gains about 6,400 Darts this year.",
        "The warranty spans 12,000 Tolvas built last year.",
        "The warranty spans 12,000 Tolvas on top of an earlier 9,000 older Tolvas.",
    ],
)
def test_a_verb_right_before_a_count_is_not_what_it_counts(sentence):
    found = [f for f in figures(sentence) if f.kind.value == "count"]
    assert found
    assert all(f.unit not in ("gains", "spans") for f in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "Benefit claims, which track dismissals, dropped 3,000 to 205,000 in the week.",
        "The rolling count of claims, which evens out holiday swings, climbed 1,500 to 210,250.",
    ],
)
def test_a_bare_count_counts_the_subject_a_relative_clause_comes_between(sentence):
    assert {f.unit for f in figures(sentence) if f.kind.value == "count"} == {"claims"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # One noun for people however an outlet writes it: "individuals", "persons".
        ("The leak exposed 2.4 million individuals.", ("2.4 million individuals", "people")),
        ("Police detained 40 persons overnight.", ("40 persons", "people")),
        # An abbreviated place may modify the counted noun.
        (
            "The leak exposed 2.4 million U.S. individuals.",
            ("2.4 million U.S. individuals", "people"),
        ),
        ("It shut 40 U.K. stores.", ("40 U.K. stores", "stores")),
    ],
)
def test_people_under_another_word_are_people(sentence, expected):
    found = [f for f in figures(sentence) if f.kind.value == "count"]
    assert [(f.text, f.unit) for f in found] == [expected]
