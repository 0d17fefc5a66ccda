"""A figure of a whole economy (its jobs, its jobless rate) is about the country whose economy
the story names, not the agency that reports it. Our own sentences; invented countries."""

from __future__ import annotations

import pytest

from claims import about
from tests.claims.stories import read_in_sentence as read


@pytest.mark.parametrize(
    "opening",
    [
        "The Valdonian Republic's economy added 135,000 jobs in May, the labour office said.",
        "Employers in Valdonia added 135,000 jobs in May, the labour office said.",
        "Valdonia added 135,000 jobs in May, the labour office said.",
        "The economy of Valdonia added 135,000 jobs in May, the labour office said.",
    ],
)
def test_the_economy_a_story_names_leads_its_jobless_rate(opening):
    text = f"{opening} The unemployment rate rose to 4.2%, the Statistics Bureau said."

    found = read(text, "4.2%", kind="percent", unit="percent")

    assert found.line.startswith(("Valdonia", "Valdonian Republic"))
    assert "Statistics Bureau" not in found.line


def test_the_country_is_written_one_way_whatever_the_outlet_writes():
    text = (
        "The U.S. economy added 135,000 jobs in May, the Labor Department said. "
        "The unemployment rate rose to 4.2%."
    )

    found = read(text, "4.2%", kind="percent", unit="percent")

    assert found.line.startswith("US ")


def test_a_story_naming_no_economy_keeps_its_line():
    text = "Harbour Mills hired 300 people. The unemployment rate in the town rose to 4.2%."

    found = read(text, "4.2%", kind="percent", unit="percent")

    assert about.ArticleContext(text).economy_place == ""
    assert found.entity_key == ""


def test_the_agency_that_reports_an_economy_s_jobs_gives_way_to_the_country():
    text = (
        "Employers in Valdonia added 135,000 jobs in May. "
        "The Labour Department said 12,000 jobs were added in construction."
    )

    found = read(text, "12,000", kind="count")

    assert found.line.startswith("Valdonia")
    assert "Labour Department" not in found.line


def test_a_company_s_jobs_stay_the_company_s():
    text = "Employers in Valdonia added 135,000 jobs in May. Harbour Mills said it cut 300 jobs."

    found = read(text, "300", kind="count")

    assert "Valdonia" not in found.line
