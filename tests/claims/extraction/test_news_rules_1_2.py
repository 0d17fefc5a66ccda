"""Rules for news copy added in extractor 1.2, each checked on a sentence written for it."""

import datetime as dt

import pytest

from claims.extraction import EXTRACTOR_VERSION
from claims.extraction.dates import year_near
from tests.claims.extraction.helpers import figures, only_figure, summary

SEPTEMBER = dt.date(2025, 9, 16)


def spans(sentence: str, published: dt.date | None = None) -> list[tuple]:
    return [summary(f) for f in figures(sentence, published)]


def test_version_is_bumped():
    assert tuple(int(part) for part in EXTRACTOR_VERSION.split(".")) >= (1, 2)


# Yearless dates: the nearest occurrence, biased to the past


@pytest.mark.parametrize(
    ("sentence", "published", "value"),
    [
        # two and a half months ahead beats nine and a half back
        ("The ski lifts shut on Dec. 2.", SEPTEMBER, "2025-12-02"),
        # five days back
        ("The vote was held on Feb. 21.", dt.date(2024, 2, 26), "2024-02-21"),
        # past and near: stays in the past
        ("The fair opened on Aug. 3.", SEPTEMBER, "2025-08-03"),
        # six months ahead without a cue: the past one
        ("Sales peaked on March 9.", SEPTEMBER, "2025-03-09"),
        # six months ahead with a future cue
        ("The new terminal will open on March 9.", SEPTEMBER, "2026-03-09"),
    ],
)
def test_yearless_date_takes_the_nearest_year(sentence, published, value):
    assert only_figure(sentence, published).value == value


def test_year_near_prefers_a_close_future_over_a_far_past():
    assert year_near(11, 30, SEPTEMBER) == 2025
    assert year_near(1, 20, SEPTEMBER) == 2025
    assert year_near(1, 20, SEPTEMBER, future_cue=True) == 2026


def test_at_least_before_a_date_qualifies_it():
    found = only_figure("The bridge will stay shut until at least Oct. 20.", SEPTEMBER)
    assert (found.value, found.qualifier.value) == ("2025-10-20", "at_least")


# Qualifiers


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Rebuilding costs could top $3 billion, the insurer said.",
            [("$3 billion", "money", "3000000000", "USD", "more_than")],
        ),
        (
            "The ferry passed about 45 kilometres north of the cape.",
            [("45 kilometres", "quantity", "45", "kilometers", "approx")],
        ),
        (
            "Battery gains were closer to 15% in our own test.",
            [("15%", "percent", "15", "percent", "approx")],
        ),
        (
            "Waves of up to 9 feet (2.7 meters) struck the pier.",
            [
                ("9 feet", "quantity", "9", "feet", "up_to"),
                ("2.7 meters", "quantity", "2.7", "meters", "up_to"),
            ],
        ),
        (
            "The rebels took over 3 towns in the north.",
            [("3 towns", "count", "3", "towns", "exact")],
        ),
    ],
)
def test_qualifiers(sentence, expected):
    assert spans(sentence) == expected


def test_top_as_a_noun_is_not_a_qualifier():
    assert spans("The top 5 banks lent $40 billion.")[-1][-1] == "exact"


# Currencies


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("Grenada will borrow EC$85 million for the port.", "XCD"),
        ("The league paid NZ$12 million for the rights.", "NZD"),
        ("The airline lost NT$3 billion last year.", "TWD"),
        ("Petrobras will invest R$9 billion.", "BRL"),
        ("The bank lent J$400 million to farmers.", "JMD"),
        ("The budget sets aside TT$2 billion.", "TTD"),
    ],
)
def test_prefixed_dollars(sentence, unit):
    assert only_figure(sentence).unit == unit


# Continental and Indian digit grouping


def test_continental_article_reads_dot_groups_and_decimal_commas():
    found = spans(
        "The group employs 7.800 people, about 1.200 of them in Austria, and grew 2,5 % "
        "last year; rivals trade at 9,6 times earnings."
    )
    assert found == [
        ("7.800 people", "count", "7800", "people", "exact"),
        ("1.200", "count", "1200", "people", "approx"),
        ("2,5 %", "percent", "2.5", "percent", "exact"),
        ("9,6 times", "quantity", "9.6", "times", "exact"),
    ]


def test_english_article_keeps_dot_decimals():
    assert only_figure("The index rose 1.500 points overnight.").value == "1.5"


def test_indian_lakh_grouping():
    figure = only_figure("The line carried a record 3,45,210 passengers on its busiest day.")
    assert (figure.text, figure.value) == ("3,45,210 passengers", "345210")


# Ranges


def test_from_range_after_a_comma_is_the_old_range():
    found = spans("Forecasters cut the outlook to 2.1 per cent, from 2.5 to 3 per cent.")
    assert found == [
        ("2.1 per cent", "percent", "2.1", "percent", "exact"),
        ("2.5 to 3 per cent", "percent", "2.5", "percent", "exact"),
    ]


# Rates and units


def test_rate_per_population_is_one_quantity_and_lends_its_unit():
    found = spans("Pollution causes 7.6 deaths per 100,000 people, up from 6.9 a decade ago.")
    unit = "deaths per 100,000 people"
    assert found == [
        ("7.6 deaths per 100,000 people", "quantity", "7.6", unit, "exact"),
        ("6.9", "quantity", "6.9", unit, "exact"),
    ]


def test_rate_per_second():
    figure = only_figure("The accelerator runs 80 trillion calculations per second.")
    assert (figure.kind.value, figure.unit) == ("quantity", "calculations per second")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The star is 4.2 light-years away.",
            ("4.2 light-years", "quantity", "4.2", "light-years", "exact"),
        ),
        ("The gas cloud sits at 20 kelvins.", ("20 kelvins", "quantity", "20", "kelvins", "exact")),
        ("The bump was seen at 3.4 sigma.", ("3.4 sigma", "quantity", "3.4", "sigma", "exact")),
        ("They want a 5-sigma result.", ("5-sigma", "quantity", "5", "sigma", "exact")),
        (
            "The watchdog has 30 working days to respond.",
            ("30 working days", "duration", "30", "working days", "exact"),
        ),
        (
            "Buyers get 10 business days to cancel.",
            ("10 business days", "duration", "10", "business days", "exact"),
        ),
        (
            "Officials counted 2,614 ballot papers by midnight.",
            ("2,614 ballot papers", "count", "2614", "ballot papers", "exact"),
        ),
        (
            "The bank follows two earlier rescues this year.",
            ("two earlier rescues", "count", "2", "rescues", "exact"),
        ),
    ],
)
def test_units(sentence, expected):
    assert summary(only_figure(sentence)) == expected


def test_collective_noun_names_the_unit():
    found = spans("Some 40,112 votes were cast out of an electorate of 97,450.")
    assert found[-1] == ("97,450", "count", "97450", "electors", "exact")


# Labels


def test_product_names_in_a_list_are_not_parallel_counts():
    found = spans("It has three slots that take SD cards, Wi-Fi 6 and Bluetooth.")
    assert found == [("three slots", "count", "3", "slots", "exact")]


def test_parallel_results_still_borrow_the_noun():
    found = spans("The Liberals won 21 seats in the capital, the Greens 8 and the Farmers 5.")
    assert [f[0] for f in found] == ["21 seats", "8", "5"]
    assert {f[3] for f in found} == {"seats"}


# Counts whose noun is elsewhere in the clause


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The chain opened 22 branches and shut four in May.", ("four", "4", "branches")),
        ("The club lost 9 seats and ended with 31.", ("31", "31", "seats")),
        ("Lakes were worst, with 40 deaths, followed by rivers with 35.", ("35", "35", "deaths")),
        ("Burglaries in the city rose to 412 last year.", ("412", "412", "burglaries")),
        ("He said 9 of the county's 40 libraries had flood damage.", ("9", "9", "libraries")),
        (
            "The region saw 14 wildfires by mid-August, against an average of nine.",
            ("nine", "9", "wildfires"),
        ),
        (
            "Only 30 players have cost over $50m, and only four of them were defenders.",
            ("four", "4", "defenders"),
        ),
        (
            "At the peak 2,400 patients waited in nine wards. That number fell to fewer than 900.",
            ("900", "900", "patients"),
        ),
        (
            "Labour lost 8 seats and ended with 22. The Liberal Party won 9 and the Greens 3.",
            ("9", "9", "seats"),
        ),
    ],
)
def test_noun_from_the_clause(sentence, expected):
    found = {f.text: (f.text, f.value, f.unit) for f in figures(sentence)}
    assert found[expected[0]] == expected


def test_subject_inside_an_of_phrase_is_not_counted():
    assert figures("The index of factories climbed to 52 in May.") == []


def test_next_sentence_needs_a_result_verb_count_to_borrow_from():
    found = spans("About 1,500 papers were rejected. The Labour Party won 14 and the Tories 9.")
    assert [f[0] for f in found] == ["1,500 papers"]


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("Crews were sent to the four counties hit by the floods.", "four counties"),
        ("The firm runs its two mills in Ohio and Indiana.", "two mills"),
    ],
)
def test_a_defining_phrase_makes_a_small_count_a_claim(sentence, span):
    assert only_figure(sentence).text == span


def test_references_stay_references():
    assert figures("Its two sons attended. The two sides met on the terrace.") == []
