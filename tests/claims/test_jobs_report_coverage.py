"""Coverage of a monthly jobs report beside a strike at one company: the economy's figures are
not the company's, a forecast and a revision are facts of their own, a vote to ratify a
contract is a vote share."""

from __future__ import annotations

from datetime import date

import pytest

from claims import about
from claims.extraction.changes import states_a_fall
from claims.models import Fact
from tests.claims.stories import claim, publish, read_in_sentence

_STRIKE = "Kestrel Aero machinists have been on strike for six weeks. "


@pytest.mark.parametrize(
    ("sentence", "figure", "kind"),
    [
        ("Velmaran employers added just 8,000 jobs in May.", "8,000", "count"),
        ("The economy added 8,000 jobs in May.", "8,000", "count"),
        ("Nonfarm payrolls increased by 8,000 in May.", "8,000", "count"),
        ("The unemployment rate, which is less volatile, held steady at 3.9%.", "3.9%", "percent"),
        ("Payrolls grew in May, while unemployment was unchanged at 3.9%.", "3.9%", "percent"),
    ],
)
def test_a_figure_of_the_whole_economy_is_not_the_company_s_the_article_is_about(
    sentence, figure, kind
):
    found = read_in_sentence(_STRIKE + sentence, figure, kind=kind)
    assert found.entity_key in ("", "velmaran")  # the economy's, named or not; not Kestrel's
    assert found.measure in ("jobs", "unemployment rate")


def test_the_company_s_own_count_keeps_the_company():
    found = read_in_sentence(
        _STRIKE + "Kestrel Aero employs 30,000 workers.", "30,000", kind="count"
    )
    assert found.entity_key == "aero"


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("It was a fraction of the 80,000 jobs Harbor Bank economists had predicted.", "80,000"),
        ("Still, the figure is well below the 80,000 expected.", "80,000"),
        ("The market expectation for payrolls was a gain of 85,000 jobs.", "85,000"),
    ],
)
def test_a_forecast_is_scoped_apart_from_the_figure_that_came_in(sentence, figure):
    assert read_in_sentence(sentence, figure, kind="count", unit="jobs").scope == "projected"


def test_a_figure_compared_with_forecasts_is_no_forecast():
    found = read_in_sentence(
        "Velmaran employers added just 8,000 jobs in May, far below forecasts.",
        "8,000",
        kind="count",
        unit="jobs",
    )
    assert found.scope == ""


def test_a_revision_is_scoped_apart_from_the_levels_it_moves_between():
    sentence = "Job additions for April were revised down by 14,000, from 150,000 to 136,000."
    assert read_in_sentence(sentence, "14,000", kind="count", unit="jobs").scope == "revision"
    assert read_in_sentence(sentence, "150,000", kind="count", unit="jobs").scope == ""
    assert read_in_sentence(sentence, "136,000", kind="count", unit="jobs").scope == ""


def test_a_revision_of_employment_is_counted_in_jobs():
    from claims.extraction.extractor import extract

    text = (
        "The March job figure was revised down by 14,000 to a net job creation of 96,000. Job"
        " additions for April were revised down by 8,000, from 146,000 to 138,000."
    )
    assert {f.text: f.unit for f in extract(text)} == {
        "14,000": "jobs",
        "96,000": "jobs",
        "8,000": "jobs",
        "146,000": "jobs",
        "138,000": "jobs",
    }


def test_an_analyst_s_bank_is_the_source_of_a_cost_not_its_entity():
    found = read_in_sentence(
        _STRIKE + "Harbor Bank analysts estimated last month that Kestrel Aero was losing about"
        " $40 million a day during the strike.",
        "$40 million",
        kind="money",
        unit="USD",
    )
    assert (found.entity_key, found.measure, found.scope) == ("aero", "cost", "per day")


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("The contract was approved by 62% of union membership.", "62%"),
        ("Members voted by 62% to approve the deal.", "62%"),
        ("The deal, backed by 62% of union members, ends the strike.", "62%"),
        ("The union said 62% of members who cast ballots agreed to approve the offer.", "62%"),
    ],
)
def test_a_share_of_members_ratifying_a_contract_is_a_vote_share(sentence, figure):
    found = read_in_sentence(_STRIKE + sentence, figure, kind="percent", unit="percent")
    assert found.measure == "vote share"


def test_a_contract_approved_by_a_share_of_members_is_no_fall():
    text = "The contract was approved by 62% of union members."
    assert not states_a_fall(text, text.index("62%"), text.index("62%") + 3)
    text = "The economy is expected to contract by 2% this year."
    assert states_a_fall(text, text.index("2%"), text.index("2%") + 2)


@pytest.mark.parametrize(
    ("sentence", "figure", "unit"),
    [
        (
            "The strike caused construction employment to decline by 18,000 positions.",
            "18,000",
            "positions",
        ),
        (
            "Strikers account for nearly all of the 18,000 in job losses in the construction sector.",
            "18,000",
            "",
        ),
    ],
)
def test_an_industry_s_jobs_are_scoped_to_the_industry(sentence, figure, unit):
    found = read_in_sentence(sentence, figure, kind="count", unit=unit)
    assert (found.measure, found.scope) == ("jobs", "in construction")


def test_two_outlets_giving_the_forecast_differently_make_a_dispute(make_article):
    first = publish(
        make_article,
        _STRIKE + "Velmaran employers added just 8,000 jobs in May. The total was a fraction of"
        " the 80,000 jobs Harbor Bank economists had predicted.",
        outlet="Coast Wire",
        published=date(2026, 6, 5),
    )
    second = publish(
        make_article,
        "The Velmaran economy added only 8,000 jobs in May, as a strike at Kestrel Aero"
        " weighed. The market expectation for payrolls was a gain of 86,000 jobs for the month.",
        outlet="Velmar Herald",
        published=date(2026, 6, 5),
    )

    headline = claim(first, "8,000 jobs").fact
    assert claim(second, "8,000 jobs").fact == headline
    forecast = claim(first, "80,000 jobs").fact
    assert forecast != headline
    assert claim(second, "86,000 jobs").fact == forecast
    assert forecast.agreement == Fact.Agreement.DISPUTED
    assert headline.agreement != Fact.Agreement.DISPUTED


def test_a_weekday_a_present_modal_points_at_is_the_coming_one():
    from tests.claims.extraction.helpers import only_figure

    monday = date(2026, 6, 1)
    found = only_figure("Members can return to work as soon as Wednesday.", monday)
    assert found.date == "2026-06-03"


def test_a_month_the_figure_is_the_most_since_is_behind_the_writer():
    from tests.claims.extraction.helpers import figures

    november = date(2026, 11, 6)
    found = figures("About 400,000 people missed work, the most since January.", november)
    assert [f.date for f in found if f.kind == "date"] == ["2026-01"]


def test_the_headline_figure_does_not_join_a_forecast_of_it(make_article):
    first = publish(
        make_article,
        "Velmaran employers added 70,000 jobs in May, the statistics office said. Economists"
        " had forecast 80,000 jobs.",
        outlet="Coast Wire",
        published=date(2026, 6, 5),
    )
    second = publish(
        make_article,
        "The Velmaran economy added 76,000 jobs in May, the statistics office said.",
        outlet="Velmar Herald",
        published=date(2026, 6, 5),
    )

    assert claim(second, "76,000 jobs").fact != claim(first, "80,000 jobs").fact


def test_an_industry_s_jobs_do_not_join_a_count_of_the_whole(make_article):
    first = publish(
        make_article,
        _STRIKE + "Employment in construction fell 18,000 in May, mostly because of the strike.",
        outlet="Coast Wire",
        published=date(2026, 6, 5),
    )
    second = publish(
        make_article,
        _STRIKE + "The strike has idled 21,000 workers at Kestrel Aero.",
        outlet="Velmar Herald",
        published=date(2026, 6, 5),
    )

    assert claim(first, "18,000").fact != claim(second, "21,000 workers").fact
    assert Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).count() == 0


def test_a_projected_total_is_a_total():
    found = read_in_sentence(
        "The Harbor Party won a projected total of 312 seats.", "312 seats", kind="count"
    )
    assert found.scope == "total"


def test_outlets_naming_the_strikers_differently_count_one_workforce(make_article):
    first = publish(
        make_article,
        "Kestrel Aero machinists ended their strike on Monday. The strike had idled 27,000"
        " workers at two plants.",
        outlet="Coast Wire",
        published=date(2026, 6, 2),
    )
    second = publish(
        make_article,
        "Striking Kestrel Aero workers voted to end their strike. The 27,000 union members will"
        " return on Wednesday.",
        outlet="Velmar Herald",
        published=date(2026, 6, 2),
    )
    third = publish(
        make_article,
        "Kestrel Aero said the strike by its 27,000 machinists had ended. The strike lasted"
        " six weeks.",
        outlet="Harbor Daily",
        published=date(2026, 6, 2),
    )

    workforce = claim(first, "27,000 workers").fact
    assert claim(second, "27,000 union members").fact == workforce
    assert claim(third, "27,000 machinists").fact == workforce


def test_a_forecast_in_the_clause_before_and_is_no_forecast_of_the_cut():
    found = read_in_sentence(
        "Korvane stock sagged once the firm lowered its sales forecast and said it would"
        " shed 8,000 jobs.",
        "8,000",
        kind="count",
        unit="jobs",
    )

    assert found.scope == ""


@pytest.mark.parametrize(
    "text",
    [
        # The economy adds jobs: a bare count after it is a count of jobs.
        "Officials later said the economy added only 64,000 in March.",
        # An average pace of hiring is counted in jobs, however the clause names it.
        "Over the winter, employment grew an average of 120,000 a month.",
        "Job gains have been averaging only 95,000 since winter.",
        "In the second half, job gains averaged 120,000 a month.",
    ],
)
def test_a_bare_change_in_employment_is_counted_in_jobs(text):
    from claims.extraction.extractor import extract

    assert [f.unit for f in extract(text) if f.kind == "count"] == ["jobs"]


def test_a_revision_or_average_without_its_noun_counts_what_the_story_just_counted():
    from claims.extraction.extractor import extract

    text = (
        "Velmaran employers added 64,000 jobs in March, officials said. In the revision,"
        " February's tally was lowered by 12,000 to 51,000. Statisticians made downward revisions"
        " to January, by 8,000 (from 70,000 to 62,000). It is under last year's average of 88,000."
    )
    assert {f.text: f.unit for f in extract(text) if f.kind == "count"} == {
        "64,000 jobs": "jobs",
        "12,000": "jobs",
        "51,000": "jobs",
        "8,000": "jobs",
        "70,000": "jobs",
        "62,000": "jobs",
        "88,000": "jobs",
    }


@pytest.mark.parametrize(
    ("sentence", "figure", "reference"),
    [
        ("Velmaran employers added 64,000 jobs in March.", "64,000", "March"),
        ("Job additions for February were revised down by 12,000.", "12,000", "February"),
        ("Their February report lowered the figure to 51,000.", "51,000", "February"),
        ("The economy added 64,000 jobs, officials said.", "64,000", ""),
        # Two months: no one month is the figure's.
        ("Revisions to the January and February tallies cut 21,000.", "21,000", ""),
        # A date is no period; a month a change is measured from is its base.
        ("Hiring slowed to 64,000 on March 3.", "64,000", ""),
        ("The rate is the highest since March 2021 at 4.1%.", "4.1%", ""),
        # A month whose year may lie past what is read after the figure is not taken alone.
        (
            "It beat the 64,000 that the Northbridge club paid for a young winger in August 2021.",
            "64,000",
            "",
        ),
    ],
)
def test_a_monthly_figure_is_referred_to_its_month(sentence, figure, reference):
    kind = "percent" if figure.endswith("%") else "count"
    unit = "percent" if kind == "percent" else "jobs"
    assert read_in_sentence(sentence, figure, kind=kind, unit=unit).reference == reference


def test_one_month_s_figure_does_not_join_another_month_s(make_article):
    first = publish(
        make_article,
        "Velmaran employers added 64,000 jobs in March, the statistics office said.",
        outlet="Coast Wire",
        published=date(2026, 4, 3),
    )
    second = publish(
        make_article,
        "In its report for February, the office said employers added 64,000 jobs.",
        outlet="Velmar Herald",
        published=date(2026, 4, 3),
    )
    third = publish(
        make_article,
        "The Velmaran economy added 64,000 jobs in March.",
        outlet="Daily Lantern",
        published=date(2026, 4, 3),
    )

    assert claim(first, "64,000 jobs").fact != claim(second, "64,000 jobs").fact
    assert claim(first, "64,000 jobs").fact == claim(third, "64,000 jobs").fact


_REPORT = (
    "Velmaran employers added 90,000 jobs in May, the Labour Ministry said on Friday. "
    "The ministry said hiring slowed in retail. "
)


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("That was well below Corvel’s figure of 120,000 jobs in April.", "120,000"),
        ("That was well below Corvel's figure of 120,000 jobs in April.", "120,000"),
        (
            "A day earlier, payroll firm Corvel’s monthly report showed private employers "
            "added 75,000 jobs in May.",
            "75,000",
        ),
    ],
)
def test_a_figure_from_another_firm_s_report_is_that_firm_s(sentence, figure):
    found = read_in_sentence(_REPORT + sentence, figure, kind="count")
    assert found.entity_key == "corvel"  # the payroll firm's count, not the ministry's


def test_an_industry_written_in_capitals_is_no_organisation_the_report_is_about():
    text = (
        "Payrolls rose by 90,000 in May while joblessness edged up to 4.1%. That pace trails "
        "the 120,000 a month of the previous year. "
        "Mining and Utilities shed workers once more; Retail and Education hired."
    )
    for figure in ("90,000", "120,000"):
        found = read_in_sentence(text, figure, kind="count")
        assert found.entity_key == ""  # the whole economy's, not an industry named later


def test_one_number_given_for_two_months_in_an_article_is_two_figures(make_article):
    article = publish(
        make_article,
        "Velmaran employers added 164,000 jobs in May, the statistics office said on Friday. "
        "Job additions for April were revised down by 20,000, from 164,000 to 144,000.",
        outlet="Coast Wire",
        published=date(2026, 6, 5),
    )

    may = claim(article, "164,000 jobs")
    april = article.claims.get(text="164,000")
    assert may.fact_id != april.fact_id  # May's gain is no restatement of April's first count


def test_a_figure_whose_month_only_a_restatement_gives_does_not_join_another_month_s(
    make_article,
):
    april = publish(
        make_article,
        "Velmaran employers added 164,000 jobs in April, the statistics office said. The "
        "jobless rate held at 4.1%.",
        outlet="Coast Wire",
        published=date(2026, 6, 5),
    )
    may = publish(
        make_article,
        "Velmaran Adds 164,000 Jobs\n\nVelmaran employers added 164,000 jobs in May, the "
        "statistics office said. The jobless rate held at 4.1%.",
        outlet="Velmar Herald",
        published=date(2026, 6, 5),
    )

    assert claim(may, "164,000 Jobs").fact_id != claim(april, "164,000 jobs").fact_id


@pytest.mark.parametrize("dateline", ["June 5 (HWN) — ", "Sept. 5 (Harbour Wire) -- "])
def test_a_wire_s_credit_in_a_dated_dateline_is_no_name_the_figure_is_about(dateline):
    text = dateline + "The country added 90,000 jobs in May, the Labour Ministry reported Friday."
    found = read_in_sentence(text, "90,000", kind="count")
    assert found.entity_key not in ("hwn", "wire", about.entity_key("Harbour Wire"))
