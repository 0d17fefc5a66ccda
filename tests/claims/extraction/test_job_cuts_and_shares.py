"""Job cuts as outlets word them, shares of a whole a cut takes, and hyphened magnitudes."""

import pytest

from tests.claims.extraction.helpers import figures, summary


def spans(sentence: str) -> list[tuple]:
    return [summary(f) for f in figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Corvex said it would cut more than 12% of its workforce, some 4,300 people.",
            ("4,300 people", "count", "4300", "jobs", "approx"),
        ),
        (
            "Velmora Foods will slash 2,100 employees from its bakeries.",
            ("2,100 employees", "count", "2100", "jobs", "exact"),
        ),
        (
            "The memo said the bank would be reducing headcount by 4,000.",
            ("4,000", "count", "4000", "jobs", "exact"),
        ),
        (
            "Tarrow had 50,000 employees. The number of jobs it plans to cut would be more"
            " than 6,200.",
            ("6,200", "count", "6200", "jobs", "more_than"),
        ),
    ],
)
def test_what_an_employer_cuts_is_jobs(sentence, expected):
    assert expected in spans(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # people laid off are counted as the people they are
        (
            "Brightwell laid off another 220 staff last week.",
            ("220 staff", "count", "220", "staff", "exact"),
        ),
        # a cut of something else reaches people, it does not cut them
        (
            "The storm cut power to 40,000 people.",
            ("40,000 people", "count", "40000", "people", "exact"),
        ),
    ],
)
def test_people_not_cut_keep_their_noun(sentence, expected):
    assert expected in spans(sentence)


def test_modifiers_joined_by_and_still_reach_the_noun():
    assert (
        "3,000 manufacturing and construction jobs",
        "count",
        "3000",
        "jobs",
        "exact",
    ) in spans("The plant will create a combined 3,000 manufacturing and construction jobs.")


@pytest.mark.parametrize(
    ("sentence", "share"),
    [
        ("Corvex is cutting 12% of its huge workforce.", "12"),
        ("Corvex will cut over 12% of its staff this year.", "12"),
        ("Corvex to cut 12% jobs", "12"),
        ("Dravo slashed 30% of its staff.", "30"),
        ("Halden will trim about 8% of its branches.", "8"),
    ],
)
def test_a_share_of_a_whole_is_no_fall(sentence, share):
    assert [f.value for f in figures(sentence) if f.kind.value == "percent"] == [share]


def test_an_amount_slashed_by_a_hedged_percentage_falls():
    found = spans("Corvex's capital spending was slashed by approximately 20% this year.")
    assert ("20%", "percent", "-20", "percent", "approx") in found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Lanterns smashes the record with a $187-m debut.",
            ("$187-m", "money", "187000000", "USD", "exact"),
        ),
        ("Orrin agreed a €3-bn deal.", ("€3-bn", "money", "3000000000", "EUR", "exact")),
    ],
)
def test_a_hyphened_magnitude_scales_a_priced_amount(sentence, expected):
    assert expected in spans(sentence)


def test_a_hyphened_m_without_a_price_is_no_million():
    assert not any(f.value == "100000000" for f in figures("She ran the 100-m sprint."))
