"""Rules for news copy added in extractor 1.1, each checked on a sentence written for it."""

import datetime as dt

import pytest

from tests.claims.extraction.helpers import figures, only_figure, summary

PUBLISHED = dt.date(2024, 6, 12)


def spans(sentence: str, published: dt.date | None = None) -> list[tuple]:
    return [summary(f) for f in figures(sentence, published)]


# Money in pence and cents


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The brewer's shares slipped to 187.5p in early trade.",
            ("187.5p", "money", "1.875", "GBP", "exact"),
        ),
        ("A second-class stamp now costs 85 pence.", ("85 pence", "money", "0.85", "GBP", "exact")),
        ("The toll rises to 60 cents next month.", ("60 cents", "money", "0.6", "USD", "exact")),
        ("A pack of gum sells for 99¢ at the kiosk.", ("99¢", "money", "0.99", "USD", "exact")),
        (
            "Diesel prices climbed to 45c a litre at the pump.",
            ("45c", "money", "0.45", "USD", "exact"),
        ),
    ],
)
def test_pence_and_cents_are_money(sentence, expected):
    assert summary(only_figure(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The camera records video at 1080p and streams it live.",
        "The night bus leaves at 11p.m. sharp.",
        "Inland valleys will see highs near 38c by Thursday afternoon.",
    ],
)
def test_a_glued_p_or_c_outside_money_is_not_money(sentence):
    assert [f for f in figures(sentence) if f.kind.value == "money"] == []


# Continental numbers


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The jobless rate edged up by 0,3 percentage points in May.",
            ("0,3 percentage points", "percent", "0.3", "percentage points", "exact"),
        ),
        (
            "Der Umsatz stieg auf 4,8 Mrd. € im Quartal.",
            ("4,8 Mrd. €", "money", "4800000000", "EUR", "exact"),
        ),
        (
            "Die Firma investiert 120 Mio. Euro.",
            ("120 Mio. Euro", "money", "120000000", "EUR", "exact"),
        ),
        (
            "Roughly 2 450 000 voters are registered in the region.",
            ("2 450 000 voters", "count", "2450000", "voters", "approx"),
        ),
    ],
)
def test_continental_forms(sentence, expected):
    assert summary(only_figure(sentence)) == expected


def test_a_lone_plain_space_group_is_one_number_only_in_continental_copy():
    assert all(f.value != "12747" for f in figures("The carrier flies 12 747 freighters."))
    continental = "Inflation was 2,1 % and the plant hired 1 350 workers."
    assert spans(continental)[1] == ("1 350 workers", "count", "1350", "workers", "exact")


def test_dates_are_not_glued_to_a_following_number():
    found = spans("On 12 March 300 nurses walked out.", PUBLISHED)
    assert found == [
        ("12 March", "date", "2024-03-12", None, "exact"),
        ("300 nurses", "count", "300", "nurses", "exact"),
    ]


# Multiples, measures and rates


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The chipmaker trades at about 31 times forward earnings.",
            ("31 times", "quantity", "31", "times", "approx"),
        ),
        ("Leverage stood at 4.5x after the deal.", ("4.5x", "quantity", "4.5", "times", "exact")),
        (
            "The new fibre line is three times as fast as copper.",
            ("three times", "quantity", "3", "times", "exact"),
        ),
        ("The screen refreshes at 90Hz.", ("90Hz", "quantity", "90", "hertz", "exact")),
        ("The charger delivers 100W.", ("100W", "quantity", "100", "watts", "exact")),
        ("The heater draws 2,000 watts.", ("2,000 watts", "quantity", "2000", "watts", "exact")),
        (
            "It adds a 64-megapixel sensor.",
            ("64-megapixel", "quantity", "64", "megapixels", "exact"),
        ),
        (
            "The tablet packs a 10,000mAh cell.",
            ("10,000mAh", "quantity", "10000", "milliamp hours", "exact"),
        ),
        ("The hatchback makes 180hp.", ("180hp", "quantity", "180", "horsepower", "exact")),
        (
            "The hybrid returns 61.4mpg on the combined cycle.",
            ("61.4mpg", "quantity", "61.4", "miles per gallon", "exact"),
        ),
        (
            "The essay ran to 3,500 words.",
            ("3,500 words", "quantity", "3500", "words", "exact"),
        ),
        (
            "Debris circles the planet at 7 km per second.",
            ("7 km per second", "quantity", "7", "kilometers per second", "exact"),
        ),
        (
            "Gusts reached 110 kilometres an hour on the coast.",
            ("110 kilometres an hour", "quantity", "110", "kilometers per hour", "exact"),
        ),
        (
            "The mine ships 40 million tonnes a year.",
            ("40 million tonnes a year", "quantity", "40000000", "tonnes per year", "exact"),
        ),
    ],
)
def test_multiples_measures_and_rates(sentence, expected):
    assert summary(only_figure(sentence)) == expected


def test_a_spelled_minus_signs_a_temperature():
    figure = only_figure("Overnight lows fell to minus 14C in the glens.")
    assert (figure.text, figure.value) == ("minus 14C", "-14")


def test_how_often_is_not_a_multiple():
    assert figures("The minister has visited the region four times.") == []


def test_a_year_ago_is_not_part_of_a_rate():
    found = spans("She swam 5 km a year ago.")
    assert found == [("5 km", "quantity", "5", "kilometers", "exact")]


def test_abbreviated_units_keep_one_spelling():
    # The unit is normalised whatever the text spells: one fact reported in "km" by one outlet
    # and in "kilometres" by another must compare as the same unit.
    assert only_figure("The trail is 12 kilometres long.").unit == "kilometers"
    assert only_figure("The trail is 12km long.").unit == "kilometers"


# Durations with an article


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Officials must publish the audit within a month.",
            ("a month", "duration", "1", "months", "up_to"),
        ),
        (
            "The strike could last up to a fortnight.",
            ("a fortnight", "duration", "2", "weeks", "up_to"),
        ),
        (
            "The start-up is less than a year old.",
            ("a year", "duration", "1", "years", "less_than"),
        ),
        ("He was banned for a year.", ("a year", "duration", "1", "years", "exact")),
        (
            "Repairs will take within 72 hours.",
            ("72 hours", "duration", "72", "hours", "up_to"),
        ),
    ],
)
def test_a_period_with_its_article_is_a_duration(sentence, expected):
    assert summary(only_figure(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "A year earlier the figure was lower.",
        "Members pay £12 a month.",
        "The board meets twice a year.",
        "It will reopen in a year when demand returns.",
    ],
)
def test_a_period_that_dates_or_rates_is_not_a_duration(sentence):
    assert [f for f in figures(sentence) if f.kind.value == "duration"] == []


# Counts whose noun is elsewhere in the sentence


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The landslide killed at least 23 and injured dozens more.",
            ("23", "count", "23", "people", "at_least"),
        ),
        ("Border guards detained 64 overnight.", ("64", "count", "64", "people", "exact")),
        (
            "The number of nurses has grown by 14,200 since the pledge.",
            ("14,200", "count", "14200", "nurses", "exact"),
        ),
        (
            "The aftershock, the largest of several, measured 5.6.",
            ("5.6", "quantity", "5.6", "magnitude", "exact"),
        ),
        (
            "The lessor placed 18 787 Dreamliner jets with carriers.",
            ("18", "count", "18", "jets", "exact"),
        ),
    ],
)
def test_a_bare_number_takes_the_noun_the_sentence_gives_it(sentence, expected):
    assert summary(only_figure(sentence)) == expected


def test_a_title_case_headline_still_has_counted_nouns():
    assert summary(only_figure("Carmaker Axes 3,200 Jobs In Restructuring")) == (
        "3,200 Jobs",
        "count",
        "3200",
        "jobs",
        "exact",
    )


def test_a_one_decimal_number_without_a_quake_is_not_a_magnitude():
    assert figures("The index measured 5.6 on Tuesday.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Labour took 58 seats, the Greens 9 and the Independents 4.",
            [("58 seats", "58", "seats"), ("9", "9", "seats"), ("4", "4", "seats")],
        ),
        (
            "The Nationalists fell to 31 seats from 40, eleven short of a majority.",
            [("31 seats", "31", "seats"), ("40", "40", "seats"), ("eleven", "11", "seats")],
        ),
        (
            "Of the 40 miners, 35 were rescued and five died.",
            [("40 miners", "40", "miners"), ("35", "35", "miners"), ("five", "5", "miners")],
        ),
        (
            "Vega has 19 goals in 34 matches this season, and Ortiz 15.",
            [("19 goals", "19", "goals"), ("34 matches", "34", "matches"), ("15", "15", "goals")],
        ),
        (
            "The prison holds 900 inmates, of whom 140 are on remand.",
            [("900 inmates", "900", "inmates"), ("140", "140", "inmates")],
        ),
        (
            "The motion passed by 301 votes to 249.",
            [("301 votes", "301", "votes"), ("249", "249", "votes")],
        ),
        (
            "The club has 22 players, down 3 on last season.",
            [("22 players", "22", "players"), ("3", "3", "players")],
        ),
    ],
)
def test_an_elliptical_number_takes_the_noun_of_the_count_before(sentence, expected):
    assert [(f.text, f.value, f.unit) for f in figures(sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The carmaker sold 300,000 vehicles, led by the Model 3 and the Model Y.",
        "Police held 12 people after the match, and the Rovers 2 fans were released.",
        "The company hired 40 engineers and Chief Executive Anna Berg turned 50.",
        "Rovers signed 3 players, and Manager Tom Hale, 52, was sacked.",
        "It runs 12 stores in Leeds; the nearest is 3 miles away.",
        "The carmaker sold 9,000 cars, mostly the 5 Series and the 7 Series.",
    ],
)
def test_a_small_number_without_an_ellipsis_stays_out(sentence):
    found = [(f.text, f.unit) for f in figures(sentence) if f.kind.value == "count"]
    assert len(found) == 1, found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Regulators blocked two of Europe's largest telecom mergers.",
            ("two", "count", "2", "mergers", "exact"),
        ),
        (
            "The chain will shut four of Scotland's 27 depots.",
            ("four", "count", "4", "depots", "exact"),
        ),
        (
            "A merger of these two lenders would create a giant.",
            ("two lenders", "count", "2", "lenders", "exact"),
        ),
        (
            "Police said 12 co-defendants were charged.",
            ("12 co-defendants", "count", "12", "co-defendants", "exact"),
        ),
    ],
)
def test_spelled_counts_with_their_noun(sentence, expected):
    assert summary(figures(sentence)[0]) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "She is one of Britain's best-known chefs.",
        "The two of them met in Paris.",
        "The firm plans to pit its two brands against each other.",
    ],
)
def test_pronoun_like_spelled_numbers_stay_out(sentence):
    assert figures(sentence) == []


# Dates


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ban took effect on 2024/02/09.", ("2024/02/09", "2024-02-09")),
        ("The ban took effect on 19/02/2024.", ("19/02/2024", "2024-02-19")),
        ("The ban took effect on 02/19/2024.", ("02/19/2024", "2024-02-19")),
        ("Die Sitzung findet am 4.11.2024 statt.", ("4.11.2024", "2024-11-04")),
        ("Orders fell in Q2 2024.", ("Q2 2024", "2024")),
        ("Guidance for FY25 was cut.", ("FY25", "2025")),
    ],
)
def test_numeric_and_period_dates(sentence, expected):
    figure = only_figure(sentence)
    assert (figure.text, figure.date) == expected


def test_an_ambiguous_slashed_date_follows_the_order_of_the_texts_dates():
    assert figures("The hearing on 05/06/2024 was adjourned.") == []
    british = "The hearing on 05/06/2024 was adjourned to 9 July."
    assert figures(british)[0].date == "2024-06-05"
    american = "The hearing on 05/06/2024 was adjourned to July 9."
    assert figures(american)[0].date == "2024-05-06"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Exports doubled between 2015 and 2022.", ("2015 and 2022", "2015", "2022")),
        ("He was top scorer in the 2022-23 season.", ("2022-23", "2022", "2023")),
    ],
)
def test_year_ranges_are_one_date_figure(sentence, expected):
    figure = only_figure(sentence)
    assert (figure.text, figure.date, figure.date_high) == expected


def test_a_span_of_full_years_is_its_first_and_its_last_year():
    found = figures("The 2021-2025 budget was cut.")
    assert [(f.text, f.date, f.date_high) for f in found] == [
        ("2021", "2021", None),
        ("2025", "2025", None),
    ]


def test_two_years_joined_by_and_without_between_are_two_dates():
    assert [f.text for f in figures("Floods hit in 2014 and 2020.")] == ["2014", "2020"]


def test_topped_means_more_than():
    assert only_figure("Ticket sales topped $40 million.").qualifier.value == "more_than"


def test_a_figure_expected_to_exceed_is_more_than_it():
    assert only_figure("Sales are set to exceed 40,000 units.").qualifier.value == "more_than"
    assert only_figure("Costs could exceed $7 million.").qualifier.value == "more_than"
