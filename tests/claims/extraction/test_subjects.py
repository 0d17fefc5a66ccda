import pytest

from tests.claims.extraction.helpers import figures


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        (
            "For now, Acme's stake in the venture is around $16 million.",
            "Acme's stake in the venture",
        ),
        ("The startup raised $531 million from investors.", "The startup raised"),
        ("Regulators are examining its $13 billion investment in Orbit.", "investment in Orbit"),
        ("Users pay a $20 subscription fee each month.", "subscription fee"),
    ],
)
def test_subject_is_a_short_phrase_from_the_sentence(sentence, subject):
    assert figures(sentence)[0].subject == subject


def test_subject_is_never_empty():
    for figure in figures("$5 million. 12%. On Feb. 3, 2021. 40 people!"):
        assert figure.subject.strip()
