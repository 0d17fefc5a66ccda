"""The shortcuts that spare the subject reader and the extractor repeated work answer as the
long way would. Our own sentences; no database."""

from __future__ import annotations

import re

import pytest

from claims import about
from claims.extraction import grammar
from claims.extraction.qualifiers import qualifier_before
from claims.extraction.types import Qualifier

ARTICLE = (
    "Tolvane Shipping said on Monday it would buy Harrow Dock Services for $310 million.\n"
    "The Port of Casmere handled 4.2 million containers last year, a record. Tolvane Shipping"
    " owns the Edmund Casmere Bridge, and the bridge carried 18,000 trucks a day.\n"
    "Chief executive Ines Marlow said the deal would add about 600 jobs in Casmere. Harrow"
    " Dock Services employs 1,150 people, according to Kestrel Analytics."
)

CLAUSES = [
    "the company said its annual revenue rose",
    "about 40 passengers and crew were killed",
    "shares closed at",
    "an estimated 12 percent of the vote",
    "the bridge carried trucks each day",
    "fully diluted earnings per share",
    "nothing here names a cue",
    "",
]

CUE_TABLES = [
    about._MEASURE_PATTERNS,
    about._MONEY_PATTERNS,
    about._OTHER_PATTERNS,
    about._EVENT_PATTERNS,
    about._EVENT_PATTERNS_BUT_ANNOUNCEMENT,
    about._MOMENT_PATTERNS,
    about._DAY_PATTERNS,
    about._SCOPE_PATTERNS,
    about._EVENT_LENGTHS,
]


@pytest.mark.parametrize("cues", CUE_TABLES)
@pytest.mark.parametrize("clause", CLAUSES)
def test_one_search_for_all_cues_finds_a_cue_exactly_when_one_of_them_matches(cues, clause):
    assert bool(cues.any.search(clause)) == any(pattern.search(clause) for _, pattern in cues)


def test_the_names_around_a_figure_are_the_names_starting_there():
    context = about.ArticleContext(ARTICLE, "Tolvane Shipping to buy Harrow Dock Services")
    names = context.names
    assert names == sorted(names, key=lambda name: name.start)
    for start in range(0, len(ARTICLE), 37):
        for end in (start, start + 50, start + 400):
            expected = [name for name in names if start <= name.start < end]
            assert context.names_from(start, end) == expected


def test_names_are_indexed_as_written_and_by_their_last_word():
    context = about.ArticleContext(ARTICLE)

    for text, found in context.names_as_written.items():
        assert found == [name for name in context.names if name.text == text]
    bridges = context.names_by_last_word["bridge"]
    assert [name.text for name in bridges] == ["Edmund Casmere Bridge"]


@pytest.mark.parametrize(
    "text",
    ["Tolvane rose.  \n  Harrow fell", "  Casmere", "Casmere", "one,\ttwo", ""],
)
def test_the_character_before_a_word_is_read_back_from_the_word(text):
    for at in range(len(text) + 1):
        preceding = text[:at]
        stripped = preceding.rstrip()
        assert about._before_space(text, at) == (stripped[-1:], preceding[len(stripped) :])


def test_a_hedge_is_read_for_each_text_even_at_the_same_offset():
    hedged = "It hired nearly 400 people."
    plain = "It hired merely 400 people."
    at = hedged.index("400")
    assert plain.index("400") == at

    assert qualifier_before(hedged, at) == (Qualifier.APPROX, hedged.index("nearly"))
    assert qualifier_before(plain, at) is None


@pytest.mark.parametrize(
    "text",
    ["costs fell -5% and rose +7%", "a loss of −12 million", "2,500 jobs", "no figure at all"],
)
def test_the_number_grammar_finds_the_same_numbers_with_its_first_character_lookahead(text):
    found = [m.span() for m in grammar.DIGIT_NUMBER.finditer(text)]
    without_lookahead = re.compile(grammar.DIGIT_NUMBER.pattern.removeprefix(grammar._NUMBER_START))
    assert found == [m.span() for m in without_lookahead.finditer(text)]
