"""Ages written as a bare number after "aged" or "at the age of" read like "a 17-year-old"."""

import pytest

from tests.claims.extraction.helpers import figures, summary


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The winger joined Kestrel Rovers in 2018, aged 17, and scored on debut.",
            ("17", "duration", "17", "years", "exact"),
        ),
        (
            "At the age of just 18, Tomas Vell moved to Harrowgate Athletic.",
            ("18", "duration", "18", "years", "exact"),
        ),
        (
            "Mira Osk retired from the national team at the age of 34.",
            ("34", "duration", "34", "years", "exact"),
        ),
    ],
)
def test_bare_age_after_aged_or_at_the_age_of(sentence, expected):
    found = [summary(f) for f in figures(sentence) if f.kind.value == "duration"]
    assert found == [expected]


def test_a_number_after_the_word_age_alone_stays_what_it_was():
    # "the age 65 threshold" names a rule, not someone's age.
    assert all(f.kind.value != "duration" for f in figures("The age 65 threshold was raised."))
