import pytest

from tests.claims.extraction.helpers import figures, only_figure, summary


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The insurer employs 3,000 employees in Leeds.",
            ("3,000 employees", "count", "3000", "employees", "exact"),
        ),
        (
            "The drought affects 1.2 million people.",
            ("1.2 million people", "count", "1200000", "people", "exact"),
        ),
        (
            "The app is available in five languages.",
            ("five languages", "count", "5", "languages", "exact"),
        ),
        (
            "The group runs two cloud platforms.",
            ("two cloud platforms", "count", "2", "platforms", "exact"),
        ),
        (
            "The airline ordered 40 new Airbus jets.",
            ("40 new Airbus jets", "count", "40", "jets", "exact"),
        ),
        (
            "The strike involved 12,500 registered nurses.",
            ("12,500 registered nurses", "count", "12500", "nurses", "exact"),
        ),
        (
            "The bloc admitted a dozen countries.",
            ("a dozen countries", "count", "12", "countries", "exact"),
        ),
        (
            "The survey questioned 2,000 Americans.",
            ("2,000 Americans", "count", "2000", "americans", "exact"),
        ),
        ("Regulators approved 14 ETFs this year.", ("14 ETFs", "count", "14", "etfs", "exact")),
        ("Judges issued a 43-page ruling.", ("43-page", "count", "43", "pages", "exact")),
        (
            "The ferry carried 250 passengers and crew.",
            # passengers and crew together are people, the span still ends at its noun
            ("250 passengers", "count", "250", "people", "exact"),
        ),
        ("Rebels seized 12 of the 30 towns.", ("12", "count", "12", "towns", "exact")),
        ("The toll rose to 75 as rescuers dug on.", ("75", "count", "75", "people", "exact")),
    ],
)
def test_count_span_runs_to_the_counted_noun(sentence, expected):
    assert summary(figures(sentence)[0]) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "She is one of the founders of the firm.",
        "It is one other option for buyers.",
        "Not one size fits all, the analyst said.",
        "The company took its first step abroad.",
        "He finished second in the race.",
        "The regulator could pit its two kids against each other.",
        "The two companies said the deal would close soon.",
        "The merger will bring together two very successful lenders.",
        'The chief executive said the deal unites "two strong brands" under one roof.',
        "It is the largest combination of two regional carriers this decade.",
        "She rented a two-bedroom flat in town.",
    ],
)
def test_pronoun_ordinal_and_referential_numbers_are_not_counts(sentence):
    assert figures(sentence) == []


def test_spelled_count_needs_a_counted_noun():
    assert figures("The committee voted seven to nothing.") == []


def test_a_bare_large_number_is_a_count_without_unit():
    figure = only_figure("The stadium can hold 53,000 when full.")
    assert summary(figure) == ("53,000", "count", "53000", None, "exact")


def test_a_bare_comparison_borrows_the_unit_it_is_compared_with():
    found = figures("The plant built 4.1 million engines, up from 3.6 million.")
    assert [(f.value, f.unit) for f in found] == [("4100000", "engines"), ("3600000", "engines")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Police said one person died in the fire.",
            ("one person", "count", "1", "people", "exact"),
        ),
        ("The firm laid off 3,000 of its workers.", ("3,000", "count", "3000", "workers", "exact")),
        ("Germany sent 14 Leopard 2 tanks to the front.", ("14", "count", "14", "tanks", "exact")),
    ],
)
def test_count_noun_can_come_from_the_phrase_around_the_number(sentence, expected):
    assert summary(only_figure(sentence)) == expected


def test_negated_single_is_not_a_count():
    assert figures("Not one person was hurt in the crash.") == []


def test_spelled_dozens_and_hundreds_multiply():
    found = figures("Two dozen people and three hundred and fifty workers were hit.")
    assert [(f.text, f.value) for f in found] == [
        ("Two dozen people", "24"),
        ("three hundred and fifty workers", "350"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Greens won a landslide majority of 96 and a total of 330 seats.",
            ("96", "count", "96", "seats", "exact"),
        ),
        (
            "Ms Varga held the seat with a majority of 4,310.",
            ("4,310", "count", "4310", "votes", "exact"),
        ),
    ],
)
def test_a_bare_majority_counts_seats_or_votes_as_the_sentence_says(sentence, expected):
    assert summary(figures(sentence)[0]) == expected


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("The death toll from the floods in Orvale rose to eight.", "eight", "8"),
        ("The toll is at least five, with 90 injured, officials said.", "five", "5"),
    ],
)
def test_a_spelled_toll_is_a_count_of_people(sentence, span, value):
    found = [f for f in figures(sentence) if f.text == span]
    assert [(f.value, f.unit) for f in found] == [(value, "people")]


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("The blast left 14 dead and 60 injured in Orvale.", "60"),
        ("Officials said 25 were missing after the landslide.", "25"),
        ("At least six people were killed and over 300 injured.", "300"),
        ("Twelve were seriously injured when the roof fell.", "Twelve"),
        ("The slide blocked the pass, with 38 trapped in two buses.", "38"),
        ("Forty-two are stranded at the mountain lodge.", "Forty-two"),
    ],
)
def test_a_bare_number_before_a_casualty_word_counts_people(sentence, span):
    (found,) = [f for f in figures(sentence) if f.text == span]
    assert (found.kind.value, found.unit) == ("count", "people")


def test_a_bare_number_a_company_employs_counts_its_employees():
    (found,) = [
        f
        for f in figures("Last year Vexa had $2 billion in sales and employed about 8,400.")
        if f.text == "8,400"
    ]
    assert (found.kind.value, found.unit) == ("count", "employees")


def test_zero_with_no_rate_after_it_is_no_figure():
    assert figures("The club has zero tolerance for zero-sum thinking.") == []


def test_a_capitalised_number_word_in_a_title_case_headline_is_a_figure():
    found = figures("Storm Leaves at Least Six Dead Across Orvale Province")
    assert [(f.text, f.value) for f in found] == [("Six", "6")]
    assert figures("The Big Four accounting firms hired staff.") == []
