import pytest

from claims.extraction.sentences import sentence_spans


def _sentences(text):
    return [text[s:e] for s, e in sentence_spans(text)]


def test_sentences_split_on_terminal_punctuation_and_newlines():
    assert _sentences("Sales rose. Costs fell!\nWhy? Nobody knows") == [
        "Sales rose.",
        "Costs fell!",
        "Why?",
        "Nobody knows",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "It opened on Feb. 21 in Paris.",
        "The U.S. Senate voted on it.",
        "Mr. Smith left early.",
        "Shares rose 2.5 percent today.",
        "It ranked No. 3 in the list.",
    ],
)
def test_abbreviations_and_decimals_do_not_end_a_sentence(text):
    assert _sentences(text) == [text]


def test_figure_carries_the_offsets_of_its_sentence():
    from tests.claims.extraction.helpers import figures

    text = "Rain fell. The dam holds 40 tonnes of silt. Work resumes."
    figure = figures(text)[0]
    assert text[figure.sentence_start : figure.sentence_end] == "The dam holds 40 tonnes of silt."
