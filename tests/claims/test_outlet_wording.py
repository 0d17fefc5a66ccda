"""One fact told in each outlet's own words: the nouns it counts in, how it names a rise, and
which of an article's figures a fact's other outlets report."""

from __future__ import annotations

from datetime import date

from claims import about, matching
from claims.extraction.types import Kind
from claims.units import dimension_of, dimensions_compatible
from tests.claims.extraction.helpers import only_figure, summary
from tests.claims.stories import claim, publish


def _measure(text: str, figure: str, *, kind: str = "percent", unit: str = "percent") -> str:
    context = about.ArticleContext(text, "", None)
    start = text.index(figure)
    return about.about(
        context,
        start=start,
        end=start + len(figure),
        sentence_start=0,
        sentence_end=len(text),
        kind=kind,
        unit=unit,
        text=figure,
    ).measure


def test_machines_devices_and_pcs_hit_by_one_fault_are_one_count():
    devices = dimension_of(Kind.COUNT, "devices")
    for noun in ("machines", "PCs", "computers"):
        assert dimensions_compatible(
            Kind.COUNT, devices, Kind.COUNT, dimension_of(Kind.COUNT, noun)
        )
    assert dimension_of(Kind.COUNT, "trucks") != devices

    text = "The faulty patch from Tallow Systems crashed 2.1 million Brisk {} overnight."
    measures = {
        _measure(text.format(noun), "2.1 million", kind="count", unit=noun.lower())
        for noun in ("devices", "machines", "PCs")
    }
    assert measures == {"devices"}


def test_a_pay_rise_is_a_change_of_wages_not_a_count_of_workers():
    text = "Organisers said workers will get a 14% wage increase over three years."

    assert _measure(text, "14%") == "wages change"


def test_a_wage_rate_rising_is_a_pay_rise_not_an_interest_rate():
    text = "The top wage rate at Orrin Mills will rise about 21% to $31 an hour."

    assert _measure(text, "21%") == "wages change"


def test_increases_and_rises_name_a_change_as_increased_and_rose_do():
    assert _measure("The pact includes 14% in base increases through 2029.", "14%") == "change"
    assert _measure("Its output rises 6% in the plan.", "6%") == "change"


def test_less_than_one_percent_is_a_figure_but_the_pronoun_one_is_not():
    found = only_figure("The fault reached less than one percent of Brisk machines.")

    assert summary(found) == ("one percent", "percent", "1", "percent", "less_than")


def test_a_fact_goes_to_the_figure_whose_value_agrees_not_to_a_closer_worded_one():
    agreeing = matching.Score(0.7, 0.5, 0.2, ("orrin",), ("wag",), agrees=True)
    closer = matching.Score(0.8, 0.7, 0.0, ("orrin",), ("wag",), agrees=False)

    chosen = matching.assign({(0, 7): agreeing, (1, 7): closer})

    assert [(a.group, a.fact) for a in chosen] == [(0, 7)]


PAY_DEAL = [
    (
        "Orrin Mills and the Loom Workers Guild reached a tentative deal on Monday."
        " Guild leaders said members will get a 14% general wage increase over the deal.",
        "Valley Courier",
        date(2025, 5, 12),
    ),
    (
        "Orrin Mills and the Loom Workers Guild agreed a tentative contract on Monday."
        " Weavers get 14% in base wage increases by June 2029, the guild said, and a first"
        " 6% wage increase once they vote the contract in.",
        "Mill Town Record",
        date(2025, 5, 13),
    ),
]


def test_outlets_naming_one_pay_rise_differently_share_its_fact(make_article):
    first = publish(make_article, PAY_DEAL[0][0], outlet=PAY_DEAL[0][1], published=PAY_DEAL[0][2])
    second = publish(make_article, PAY_DEAL[1][0], outlet=PAY_DEAL[1][1], published=PAY_DEAL[1][2])

    fact = claim(first, "14%").fact
    assert claim(second, "14%").fact == fact
    assert claim(second, "6%").fact != fact
    fact.refresh_from_db()
    assert fact.agreement != fact.Agreement.DISPUTED


def test_walking_off_the_job_dates_a_strike():
    text = "Loom Workers Guild members walked off the job on March 3 over pay."

    assert _measure(text, "March 3", kind="date", unit="") == "strike"


STRIKE = [
    (
        "Orrin Mills reached a deal with its weavers on Friday. Loom Workers Guild members"
        " walked off the job at three mills on March 3, 2025, over pay.",
        "Valley Courier",
        date(2025, 4, 18),
    ),
    (
        "Orrin Mills weavers will return to work on Monday. The mill owner has raised its offer"
        " twice since the strike started on March 3, 2025.",
        "Mill Town Record",
        date(2025, 4, 19),
    ),
]


def test_outlets_dating_one_strike_to_one_day_share_its_fact_whoever_they_name(make_article):
    first = publish(make_article, STRIKE[0][0], outlet=STRIKE[0][1], published=STRIKE[0][2])
    second = publish(make_article, STRIKE[1][0], outlet=STRIKE[1][1], published=STRIKE[1][2])

    assert claim(second, "March 3, 2025").fact == claim(first, "March 3, 2025").fact
    assert claim(second, "Monday").fact != claim(first, "March 3, 2025").fact


def test_the_sentence_before_a_quote_runs_past_a_company_s_abbreviation():
    body = (
        "Engineers from Tallow Corp. said the fault hit under 2% of Brisk machines."
        " “We estimate it hit 2.1 million Brisk machines,” the firm wrote."
    )
    text = matching.ArticleText(body)

    previous = text.previous_sentence(body.index("“"))

    assert previous.startswith("Engineers from Tallow Corp. said")
