"""A jobs count for one industry is that industry's, not the whole economy's.
Our own sentences; no database."""

from __future__ import annotations

from claims import about
from tests.claims.stories import read_in_sentence


def read(text: str, figure: str, unit: str = "jobs"):
    return read_in_sentence(text, figure, kind="count", unit=unit, title="Hiring in Velmora")


TEXT = (
    "Employers in Velmora added 120,000 jobs in March, the Velmora Office of Labour Figures"
    " reported. Over the month, furniture and garden retailers added 18,000 jobs, while"
    " home appliance makers shed 4,000 jobs. Employment in child care rose by 9,000 jobs."
    " Some 7,000 jobs were added in the coal and gravel mining industry."
)


def test_the_headline_count_has_no_industry():
    assert read(TEXT, "120,000 jobs").scope == ""


def test_an_industry_that_adds_jobs_is_the_scope_of_its_count():
    assert read(TEXT, "18,000 jobs").scope == "in furniture and garden retailers"
    assert read(TEXT, "4,000 jobs").scope == "in home appliance makers"


def test_employment_in_an_industry_is_the_scope_of_its_change():
    assert read(TEXT, "9,000 jobs").scope == "in child care"


def test_an_industry_after_the_count_is_its_scope_without_the_word_industry():
    assert read(TEXT, "7,000 jobs").scope == "in coal and gravel mining"


def test_two_industries_counts_do_not_share_a_key():
    assert read(TEXT, "18,000 jobs").key != read(TEXT, "4,000 jobs").key


def test_health_care_written_two_ways_is_one_scope():
    one = "Velmora added 30,000 jobs. Employment in health care rose by 6,000 jobs."
    assert read(one, "6,000 jobs").scope == "in healthcare"
    assert about._sector("", " jobs added in healthcare.") == "in healthcare"
