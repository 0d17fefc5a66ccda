"""A jobs count for one industry is that industry's, not the whole economy's.
Our own sentences; no database."""

from __future__ import annotations

from claims import about


def read(text: str, figure: str, unit: str = "jobs"):
    context = about.ArticleContext(text, "Hiring in Velmora")
    start = text.index(figure)
    sentence_start = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    stop = text.find(". ", start)
    return about.about(
        context,
        start=start,
        end=start + len(figure),
        sentence_start=sentence_start if sentence_start > 1 else 0,
        sentence_end=len(text) if stop < 0 else stop + 1,
        kind="count",
        unit=unit,
        text=figure,
    )


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
