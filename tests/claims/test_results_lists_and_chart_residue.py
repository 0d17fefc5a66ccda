"""Results lists and scraped page residue: each item of a results list belongs to the name
heading it; a source that shows or projects a figure is not what it is about; a word opening
a sentence ("Due to", a month) names nobody; fatalities are deaths; a scraped chart's legend
and axis ticks are no figures."""

from __future__ import annotations

from tests.claims.extraction.helpers import figures
from tests.claims.stories import read_figure

RESULTS = (
    "With 598 of 600 seats declared, the Harbour Party has won 301, the Crown Party 140,"
    " the Moorland Alliance 52 and the Greens nine."
)


def test_each_item_of_a_results_list_belongs_to_the_name_heading_it():
    for figure, party in (("140", "Crown Party"), ("nine", "Greens")):
        found = read_figure(RESULTS, figure, kind="count", unit="seats")
        assert found.entity == party, figure


def test_a_source_showing_a_figure_is_not_its_entity():
    text = (
        "The Vellmark Courier, on the other hand, shows the Harbour Party has won only 31.4"
        " per cent of the vote."
    )
    found = read_figure(text, "31.4 per cent", kind="percent", unit="percent")
    assert found.entity == "Harbour Party"


def test_a_word_opening_a_sentence_names_nobody():
    text = "Due to lower turnout, the Harbour Party won 2.1 million votes in Vellmark."
    found = read_figure(text, "2.1 million votes", kind="count", unit="votes")
    assert found.entity == "Harbour Party"


def test_fatalities_are_counted_as_deaths():
    found = figures("Storm Orla caused 48 fatalities across the Drummond coast.")
    assert [(f.text, f.unit) for f in found] == [("48 fatalities", "deaths")]


def test_a_scraped_chart_legend_and_axis_are_no_figures():
    text = (
        "The Harbour Party won 301 seats with 38.2 per cent of the vote.\n"
        "How the chamber would look under proportional representation\n"
        "2012 - actual\nHarbour\n2012 - PR\nCrown\n2018 - actual\nGreens\n2018 - PR\nOther\n"
        "0%\n25\n50\n75\n100\n"
        "Source: Vellmark Courier analysis\n\n"
        "The result was the most lopsided since 1987, when the party won 44 per cent.\n"
    )
    found = [f.text for f in figures(text)]
    assert found == ["301 seats", "38.2 per cent", "1987", "44 per cent"]


def test_a_lone_short_line_with_a_number_stays_a_figure():
    text = "Shares of Kestrel Foods rose on Tuesday.\nKSF,\n+2.4%\nafter the company raised its outlook."
    assert [f.text for f in figures(text)] == ["+2.4%"]


def test_names_joined_by_and_before_a_figure_are_no_results_list():
    text = "The closure will cost Brisk and Tolland $9 million a week, the Harlow Board said."
    found = read_figure(text, "$9 million", kind="money", unit="USD")
    assert found.entity != "Tolland"
