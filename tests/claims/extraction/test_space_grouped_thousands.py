"""Thousands grouped with a plain space in English copy ("2 300 homes")."""

from tests.claims.extraction.helpers import figures, summary

SPACED_STORY = (
    "The blaze near Corvale destroyed more than 3 400 homes. "
    "Crews saved the old mill, and 1 275 people slept in shelters (4 150 acres burned)."
)


def values(text: str) -> list[str]:
    return [f.value for f in figures(text)]


def test_a_text_grouping_with_spaces_reads_each_lone_group_as_one_number():
    found = [summary(f)[:3] for f in figures(SPACED_STORY)]
    assert ("3 400 homes", "count", "3400") in found
    assert ("1 275 people", "count", "1275") in found
    assert "4150" in values(SPACED_STORY)


def test_one_lone_group_in_a_text_is_still_two_numbers():
    assert "12747" not in values("The carrier flies 12 747 freighters.")


def test_a_text_grouping_with_commas_does_not_join_spaced_numbers():
    text = "The lessor placed 18 787 jets and 21 737 jets; it owns 1,250 aircraft."
    assert "18787" not in values(text)
    assert "21737" not in values(text)


def test_a_spaced_group_next_to_other_digits_is_not_joined():
    text = SPACED_STORY + " Rooms 4 5 120 and 6 310 were empty; in 2019 2 330 fled."
    found = values(text)
    assert "5120" not in found
    assert "2330" not in found


def test_nonbreaking_and_narrow_spaces_group_thousands_in_any_text():
    assert "2600" in values("The fire forced 2\u00a0600 people from their homes.")
    assert "2600" in values("The fire forced 2\u202f600 people from their homes.")
