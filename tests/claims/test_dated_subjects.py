"""A date's line names whom its own verb is about, written right before it. Our own
sentences; invented names."""

from __future__ import annotations

from tests.claims.stories import read_in_sentence as read


def test_a_date_right_after_a_named_subject_s_verb_dates_that_subject():
    text = (
        "Harbour Freight Lines expects losses to mount.\n\n"
        "Freight was stuck for days once the Lumo Bridge fell on Tuesday, traders said."
    )

    found = read(text, "Tuesday", kind="date")

    assert found.line.startswith("Lumo Bridge")


def test_a_date_whose_verb_has_no_name_before_it_keeps_the_sentence_s_name():
    text = "Harbour Freight Lines said trucks were rerouted on Tuesday."

    found = read(text, "Tuesday", kind="date")

    assert found.line.startswith("Harbour Freight Lines")
