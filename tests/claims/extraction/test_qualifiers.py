import pytest

from tests.claims.extraction.helpers import only_figure


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("The fund raised about $40 million.", "approx"),
        ("The fund raised around $40 million.", "approx"),
        ("The fund raised roughly $40 million.", "approx"),
        ("The fund raised nearly $40 million.", "approx"),
        ("The fund raised some $40 million.", "approx"),
        ("The fund raised an estimated $40 million.", "approx"),
        ("The fund raised close to $40 million.", "approx"),
        ("The fund raised more than $40 million.", "more_than"),
        ("The fund raised over $40 million.", "more_than"),
        ("The fund raised in excess of $40 million.", "more_than"),
        ("The fund raised less than $40 million.", "less_than"),
        ("The fund raised under $40 million.", "less_than"),
        ("The fund raised at least $40 million.", "at_least"),
        ("The fund raised no fewer than 40 million dollars.", "at_least"),
        ("The fund could raise up to $40 million.", "up_to"),
        ("The fund could raise as much as $40 million.", "up_to"),
        ("The fund raised $40 million.", "exact"),
        ("The fund raised $40 million or more.", "at_least"),
    ],
)
def test_hedge_word_before_the_figure_sets_its_qualifier(sentence, qualifier):
    figure = only_figure(sentence)
    # then the qualifier word stays out of the span
    assert figure.text in ("$40 million", "40 million dollars")
    assert figure.qualifier.value == qualifier


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("Shares of Larchmont climbed as high as $41.20 before settling.", "exact"),
        ("The lake level fell as low as 3.2 metres last summer.", "exact"),
        ("Analysts say the shares could go as high as $41.20.", "up_to"),
        ("The fine may be as high as $40 million.", "up_to"),
        ("Losses were estimated as high as $40 million.", "up_to"),
    ],
)
def test_a_peak_a_past_verb_says_was_reached_is_the_figure_observed(sentence, qualifier):
    assert only_figure(sentence).qualifier.value == qualifier


def test_a_phrasal_verb_particle_is_not_a_qualifier():
    assert only_figure("The builder handed over 300 homes.").qualifier.value == "exact"


def test_over_the_next_is_a_period_not_a_more_than():
    assert only_figure("Spending will rise over the next 5 years.").qualifier.value == "exact"


def test_more_then_misspelled_is_still_more_than():
    assert (
        only_figure("In towns where they won more then 60% they fell back.").qualifier
        == "more_than"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The three awards add up to $40 million.",
        "Those payments added up to $40 million last year.",
        "The fees, which adds up to $40 million, were waived.",
    ],
)
def test_parts_that_add_up_to_a_sum_state_it_exactly(sentence):
    assert only_figure(sentence).qualifier.value == "exact"
