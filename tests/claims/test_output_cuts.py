"""Producers' output cuts listed per country: each item's figure belongs to the name heading
it, every wording of a cut reads as one measure, the group's total is a fact of its own, and
a contrasting clause with its own subject does not borrow the previous clause's name."""

from __future__ import annotations

from tests.claims.stories import read_figure
from tests.claims.stories import read_in_sentence as read

PLEDGES = (
    "Under the pact, Veloria will cut its output by 300,000 bpd, Kandor by a similar"
    " 300,000 bpd, Ostria by 120,000 barrels per day and the Marsh Republic by 9,000 bpd."
)
UNIT = "barrels per day"


def test_each_list_item_s_cut_belongs_to_the_name_heading_it():
    found = [
        read(PLEDGES, figure, kind="quantity", unit=UNIT, nth=nth)
        for figure, nth in (("300,000 bpd", 0), ("300,000 bpd", 1), ("120,000", 0), ("9,000", 0))
    ]

    assert [f.entity for f in found] == ["Veloria", "Kandor", "Ostria", "Marsh Republic"]
    assert {(f.measure, f.scope) for f in found} == {("output cut", "")}


def test_a_bracketed_list_item_belongs_to_the_name_before_its_bracket():
    text = "Pledges came from Veloria (300,000 bpd), Ostria (120,000 bpd) and Tebland (7,000 bpd)."

    found = [read(text, figure, kind="quantity", unit=UNIT) for figure in ("120,000", "7,000")]

    assert [f.entity for f in found] == ["Ostria", "Tebland"]


def test_every_wording_of_a_country_s_cut_is_one_measure():
    texts = [
        ("Ostria announced a reduction of 120,000 barrels per day.", "120,000 barrels per day"),
        ("Ostria will implement a voluntary cut of 120,000 bpd from May.", "120,000 bpd"),
        ("Ostria said oil production would be cut by 120,000 barrels per day.", "120,000"),
    ]

    found = [read(text, figure, kind="quantity", unit=UNIT) for text, figure in texts]

    assert {(f.entity, f.measure, f.scope) for f in found} == {("Ostria", "output cut", "")}


def test_the_group_s_total_of_cuts_is_not_its_new_cut():
    text = (
        "The Grain League agreed to cut outputs by 1.2 million bpd, bringing overall cuts"
        " to around 3.1 million bpd."
    )

    new = read(text, "1.2 million bpd", kind="quantity", unit=UNIT)
    total = read(text, "3.1 million bpd", kind="quantity", unit=UNIT)

    assert (new.entity, new.measure, new.scope) == ("Grain League", "output cut", "")
    assert (total.entity, total.measure, total.scope) == ("Grain League", "output cut", "total")


def test_a_cut_of_something_else_is_no_output_cut():
    text = "Kestrel Foods will cut its emissions by 9,000 tonnes."

    assert read(text, "9,000 tonnes", kind="quantity", unit="tonnes").measure != "output cut"


def test_and_with_a_name_and_its_own_verb_after_a_figure_opens_a_clause():
    text = (
        "Ostria announced a reduction of 120,000 barrels per day and Kandor said that it would"
        " also reduce its production by 500,000 barrels per day."
    )

    assert read(text, "500,000", kind="quantity", unit=UNIT).entity == "Kandor"


def test_a_while_clause_with_its_own_subject_borrows_no_name():
    text = (
        "Northsea futures jumped $7 to $91.20 a barrel, while U.S. crude climbed $3.15 to $71.35."
    )
    lower = "Northsea futures jumped $7 to $91.20, while the rest climbed $3.15 to $71.35."

    assert read_figure(text, "$71.35", kind="money", unit="USD").entity == ""
    assert read_figure(text, "$91.20", kind="money", unit="USD").entity == "Northsea"
    assert read_figure(lower, "$71.35", kind="money", unit="USD").entity == "Northsea"


def test_a_place_named_with_of_gives_no_surname_to_quote():
    text = (
        "The energy ministry in Ostria said the cut was a precaution. Sultanate of Ostria will"
        " implement a voluntary cut of 40,000 barrels per day with the Grain League."
    )

    assert read(text, "40,000", kind="quantity", unit=UNIT).entity == "Sultanate of Ostria"


def test_an_earlier_cut_recalled_beside_the_new_one_is_a_fact_of_its_own():
    new = read(
        "The Grain League agreed to cut outputs by 1.2 million bpd on Sunday.",
        "1.2 million bpd",
        kind="quantity",
        unit=UNIT,
    )
    earlier = [
        read(text, "3 million bpd", kind="quantity", unit=UNIT)
        for text in (
            "The Grain League meant to keep the 3 million bpd in cuts already agreed.",
            "Last March the Grain League cut its output by 3 million bpd.",
            "The tally counts a 3 million bpd cut made last March.",
            "The Grain League left the 3 million bpd of output cuts put in place untouched.",
            "The league kept to an earlier pledge to cut its output by 3 million bpd.",
        )
    ]

    assert new.reference == ""
    assert {e.reference for e in earlier} == {"earlier cut"}


def test_a_total_before_an_earlier_cut_it_includes_is_not_that_cut():
    text = "Curbs now reach 4.2 million bpd, counting a 3 million bpd cut made last March."

    assert read(text, "4.2 million bpd", kind="quantity", unit=UNIT).reference == ""


def test_a_new_cut_after_a_recalled_one_in_the_sentence_is_not_it():
    text = "Beside the 3 million bpd already agreed, Ostria will cut 50,000 bpd."

    assert read(text, "50,000 bpd", kind="quantity", unit=UNIT).reference == ""


def test_a_member_and_other_producers_of_a_group_cut_as_that_group():
    text = (
        "Veloria and fellow Grain League states said they would cut output by a combined"
        " 900,000 barrels per day."
    )

    assert read(text, "900,000", kind="quantity", unit=UNIT).entity == "Grain League"


def test_a_cut_a_producer_calls_its_own_is_its_output_cut_not_a_stake():
    text = "Veloria said its own 70,000 barrel-a-day production reduction would start soon."

    assert read(text, "70,000", kind="quantity", unit=UNIT).measure == "output cut"


def test_an_earlier_cut_kept_until_a_year_end_is_still_the_earlier_cut():
    text = "The panel expected the 3 million bpd of curbs already in place to last until late 2031."

    assert read(text, "3 million bpd", kind="quantity", unit=UNIT).reference == "earlier cut"
