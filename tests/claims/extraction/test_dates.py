import datetime as dt

import pytest

from tests.claims.extraction.helpers import figures, only_figure, summary

PUBLISHED = dt.date(2024, 2, 26)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The museum reopened on Feb. 21.", ("Feb. 21", "date", "2024-02-21", None, "exact")),
        ("The probe began on January 9th.", ("January 9th", "date", "2024-01-09", None, "exact")),
        (
            "The treaty was signed on 9 January 2021.",
            ("9 January 2021", "date", "2021-01-09", None, "exact"),
        ),
        (
            "The merger closed on March 3, 2023, after a review.",
            ("March 3, 2023", "date", "2023-03-03", None, "exact"),
        ),
        (
            "The chief executive resigned in November 2023.",
            ("November 2023", "date", "2023-11", None, "exact"),
        ),
        ("The brand was launched in mid-2022.", ("mid-2022", "date", "2022", None, "approx")),
        ("Sales have doubled since 2019.", ("2019", "date", "2019", None, "exact")),
        ("The filing is dated 2023-08-14.", ("2023-08-14", "date", "2023-08-14", None, "exact")),
        ("A deal was struck on Dec. 15.", ("Dec. 15", "date", "2023-12-15", None, "exact")),
        ("The vote is scheduled for March 15.", ("March 15", "date", "2024-03-15", None, "exact")),
        ("Revenue in Q3 2023 fell.", ("Q3 2023", "date", "2023", None, "exact")),
        ("Sea levels could rise sharply by 2100.", ("2100", "date", "2100", None, "exact")),
    ],
)
def test_date_is_resolved_near_the_publication_date(sentence, expected):
    assert summary(only_figure(sentence, PUBLISHED)) == expected


@pytest.mark.parametrize(
    "sentence",
    ["Relatives can call 1800 555 0134 for help.", "The helpline is 020 1999 4000."],
)
def test_a_phone_number_s_digit_group_is_no_year(sentence):
    assert not [f for f in figures(sentence, PUBLISHED) if f.kind == "date"]


def test_weekday_is_the_latest_such_day_on_or_before_publication():
    figure = only_figure("The board met on Thursday to approve it.", PUBLISHED)
    assert figure.date == "2024-02-22"


def test_weekday_without_publication_date_is_skipped():
    assert figures("The board met on Thursday to approve it.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Shoppers queued for Black Friday deals.",
        "Shoppers queued for Cyber Monday deals.",
        "The board will meet next Monday.",
        # a schedule that recurs dates no day
        "Draws are held every Tuesday and Friday at 8 p.m.",
        "The market opens each Monday, Wednesday and Saturday.",
    ],
)
def test_weekday_that_names_an_event_or_the_future_is_skipped(sentence):
    assert figures(sentence, PUBLISHED) == []


def test_yearless_date_without_publication_follows_the_latest_month_mentioned():
    # given an undated article that mentions October 2022 before a yearless date
    text = "The founder left in October 2022. An inquiry opened on February 2nd."
    # when it is extracted without a publication date
    found = figures(text)
    # then the yearless date is the first such day after the latest month mentioned
    assert [f.date for f in found] == ["2022-10", "2023-02-02"]


def test_a_month_a_record_runs_since_does_not_date_a_yearless_month():
    text = "Rates fell to their lowest level since March 2019. Prices will peak in September."

    found = figures(text)

    assert [f.date for f in found] == ["2019-03"]


def test_a_yearless_day_is_not_put_in_the_year_after_a_past_record_event():
    # given an undated article whose only full date is the past event a record is measured by
    text = (
        "A storm flooded the valley on May 6. The worst flood before it came on October 12, 1987."
    )
    # when it is extracted without a publication date
    found = figures(text)
    # then the day is not put in the year after that past event: no year is invented
    assert [f.date for f in found] == ["1987-10-12"]


def test_a_yearless_day_follows_a_month_mentioned_later_in_an_undated_article():
    text = "Opened on February 2nd, the inquiry is running. The founder left in October 2022."

    assert [f.date for f in figures(text)] == ["2023-02-02", "2022-10"]


def test_yearless_date_without_any_anchor_is_skipped():
    assert figures("An inquiry opened on February 2nd.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Vendors showed phones at MWC 2024 in Barcelona.",
        "Vendors showed phones at Mobile World Congress (MWC) 2024 in Barcelona.",
        "It was unveiled at its 2023 Microsoft Ignite conference.",
        "The COVID-19 pandemic closed schools.",
        "The laptop ships with Windows 11 installed.",
        "Fans travelled to Euro 2024 in Germany.",
        "Growth slowed in the 1990s.",
        "The filing is due under the Harbour Works Improvements Act of 1962, as amended.",
    ],
)
def test_year_inside_a_name_is_not_a_date(sentence):
    assert figures(sentence, PUBLISHED) == []


def test_year_after_a_preposition_is_a_date_even_before_a_name():
    figure = only_figure("In 2021 Siemens moved its headquarters.", PUBLISHED)
    assert figure.date == "2021"


def test_a_possessive_weekday_dates_its_event():
    found = figures("The index fell after Friday's close.", PUBLISHED)
    assert [(f.text, f.kind.value) for f in found] == [("Friday", "date")]


def test_an_acronym_before_a_weekday_does_not_make_it_a_name():
    found = figures("Its shares have doubled since the IPO Tuesday.", PUBLISHED)
    assert [(f.text, f.kind.value) for f in found] == [("Tuesday", "date")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The warranty extension covers Dart hatchbacks of the 2014-2017 model years.",
        "The warranty extension covers Dart hatchbacks of the 2014 – 2017 model years.",
        "The warranty extension covers Dart hatchbacks from the 2014 through 2017 model years.",
    ],
)
def test_a_span_of_years_is_read_as_its_first_and_its_last_year(sentence):
    found = [(f.text, f.value) for f in figures(sentence) if f.kind.value == "date"]
    assert found == [("2014", "2014"), ("2017", "2017")]


def test_a_season_written_with_two_digits_stays_one_date():
    found = [(f.text, f.value) for f in figures("Sales fell in the 2023-24 season.")]
    assert found == [("2023-24", "2023")]


def test_years_before_models_are_model_years_even_after_a_quantifier():
    found = figures("The service campaign reaches 2015 - 2017 models and some 2014 models.")
    assert [(f.text, f.kind.value, f.value) for f in found] == [
        ("2015", "date", "2015"),
        ("2017", "date", "2017"),
        ("2014", "date", "2014"),
    ]


@pytest.mark.parametrize(
    "line",
    ["Copyright Harbour Wire Service, 2016", "© 2015 Tollan Media", "(c) Tollan Media 2015"],
)
def test_the_year_of_a_copyright_notice_is_no_date(line):
    found = figures("Dravik recalled 9,000 cars on Friday.\n" + line + "\n")
    assert [f.text for f in found if f.kind.value == "date"] == []


def test_a_second_day_after_and_takes_the_month_before_it():
    found = figures("The lender said the intrusions came on April 8 and 9.", dt.date(2025, 5, 2))
    assert [(f.text, f.value) for f in found if f.kind.value == "date"] == [
        ("April 8", "2025-04-08"),
        ("9", "2025-04-09"),
    ]


def test_a_count_after_a_date_and_and_is_no_second_day():
    found = figures("Storms hit on April 8 and 9 people died.", dt.date(2025, 5, 2))
    assert [f.text for f in found if f.kind.value == "date"] == ["April 8"]


def test_a_month_in_a_since_clause_of_something_done_is_in_the_past():
    published = dt.date(2031, 5, 2)
    text = "It will be the deepest trim since the league slashed 3 million bpd in November."
    plans = "Since the plant will reopen in November, staff will return."

    assert [f.value for f in figures(text, published) if f.kind.value == "date"] == ["2030-11"]
    assert only_figure(plans, published).value == "2031-11"
