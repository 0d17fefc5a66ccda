import pytest

from tests.claims.extraction.helpers import figures


@pytest.mark.parametrize(
    "sentence",
    [
        "The assistant runs on GPT-4 and GPT-3.5.",
        "Meta released Llama 2 to researchers.",
        "The startup's Mistral 7B and Mixtral 8x7B models are open.",
        "Microsoft also offers Phi-2 to developers.",
        "The model scores well on GSM8K.",
        "Image source: 123RF.",
        "Operators are rolling out 5G across the country.",
        "The FTSE 250 and the S&P 500 both fell.",
        "Airlines grounded the Boeing 737 and the A320.",
        "The iPhone 15 went on sale.",
        "See Figure 1 and Table 2 for details.",
        "Article 5 of the treaty applies.",
        "Platforms are protected by Section 230.",
        "The retailer filed for Chapter 11.",
        "The F-35 programme is over budget.",
        "The search for MH370 resumed.",
        "Call 020 7946 0958 for information.",
        "The service runs 24/7 since 9/11.",
        "The meeting starts at 10:30 in the annex.",
        "She ranked No. 1 in the poll.",
        "The Fed meets on Tuesday, said analysts at Route 66 Capital.",
        "Claude 3.5 and Python 3.12 were released.",
        "Delivery of 24 737 jets was delayed.",
    ],
)
def test_digits_in_names_and_labels_are_not_proposed(sentence):
    assert [f.text for f in figures(sentence) if f.kind.value != "date"] == []


def test_footnote_markers_are_not_proposed():
    # given footnote markers glued after punctuation and opening lines
    text = (
        "It is offered on two platforms (La Plateforme).1,2\n1 This is a note.\n2 Note the source."
    )
    # when extracted
    found = figures(text)
    # then only the real count remains
    assert [f.text for f in found] == ["two platforms"]


def test_numbered_list_items_are_not_proposed():
    assert figures("Key points:\n1. Costs rose.\n2. Margins fell.") == []


def test_count_after_a_model_name_keeps_the_label_out_of_its_span():
    found = figures("Airbus handed over 61 A321neo planes.")
    assert [(f.text, f.unit, f.qualifier.value) for f in found] == [("61", "planes", "exact")]


def test_a_sentence_end_with_its_space_lost_does_not_make_a_label():
    found = figures("Profit rose 5%.The board met.")
    assert [f.text for f in found] == ["5%"]


def test_a_model_number_the_text_named_before_stays_a_name_without_its_maker():
    text = (
        "The Corvane 412 Heron was grounded on Monday. The carrier flies all 30 of its "
        "412 Heron aircraft, and 412 passengers were stranded."
    )
    found = figures(text)
    assert [(f.text, f.unit) for f in found] == [
        ("30", "aircraft"),
        ("412 passengers", "passengers"),
    ]


def test_a_quote_widget_s_signed_change_beside_a_ticker_is_no_figure():
    found = figures(
        "Orvane Motors Inc.'s stock ORVM, -2.37% slid 1.8% early on Tuesday, while the broad"
        " index IDXA, +0.52% has risen 14% this year."
    )
    assert [f.text for f in found] == ["1.8%", "14%"]
