"""A "$" or "¥" several countries share, read in the outlet's currency or the one the text names."""

import pytest

from claims.extraction import currency_of_address, extract_figures


def units(text: str, local_currency: str | None) -> list[tuple[str, str | None]]:
    return [(f.text, f.unit) for f in extract_figures(text, local_currency=local_currency)]


@pytest.mark.parametrize(
    ("url", "currency"),
    [
        ("https://www.harbourgazette.ca/news/1", "CAD"),
        ("https://www.coastpost.com.au/business/a", "AUD"),
        ("https://tidings.co.nz/", "NZD"),
        ("https://straitsledger.com.sg/x", "SGD"),
        ("https://bayledger.com.hk/x", "HKD"),
        ("https://paper.example.com/x", None),
        ("https://paper.example.co.uk/x", None),
        ("", None),
    ],
)
def test_the_outlets_currency_from_its_addresss_country_domain(url, currency):
    assert currency_of_address(url) == currency


def test_a_bare_dollar_is_the_outlets_dollar():
    assert units("The mill was sold for $40 million.", "CAD") == [("$40 million", "CAD")]
    assert units("The mill was sold for 40 million dollars.", "AUD") == [
        ("40 million dollars", "AUD")
    ]


def test_a_bare_dollar_without_a_known_outlet_currency_is_the_us_dollar():
    assert units("The mill was sold for $40 million.", None) == [("$40 million", "USD")]


def test_the_text_naming_us_dollars_first_decides_the_bare_signs_after_it():
    text = "The float raised US$700 million. The shares closed at $41.20 on Friday."
    assert units(text, "CAD")[:2] == [("US$700 million", "USD"), ("$41.20", "USD")]


def test_a_conversion_after_a_named_amount_is_in_the_outlets_currency():
    text = "The mill was sold for US$30 million ($41 million)."
    found = extract_figures(text, local_currency="CAD")
    assert [(f.unit, f.converts) for f in found] == [("USD", None), ("CAD", 0)]


def test_an_amount_with_its_own_mark_keeps_it():
    assert units("The Canadian arm paid C$12 million.", None) == [("C$12 million", "CAD")]
    assert units("It fetched A$9 million.", "CAD") == [("A$9 million", "AUD")]


def test_a_yen_sign_in_a_chinese_outlet_is_the_yuan():
    assert units("The plant cost ¥80 million.", "CNY") == [("¥80 million", "CNY")]
    assert units("The plant cost ¥80 million.", None) == [("¥80 million", "JPY")]


def test_an_outlet_whose_currency_has_its_own_sign_changes_no_dollar():
    assert units("The mill was sold for $40 million.", "EUR") == [("$40 million", "USD")]


def test_a_headline_amount_rounding_one_the_body_marks_is_in_that_currency():
    text = (
        "Harbour lender braces for $92m bill after outage\n\nThe lender said the outage would"
        " cost US$68 million (NZ$91.6 million) this year."
    )
    found = {f.text: (f.unit, f.qualifier) for f in extract_figures(text)}

    assert found["$92m"] == ("NZD", "approx")


def test_a_headline_amount_the_body_gives_in_the_signs_own_currency_stays_in_it():
    text = (
        "Harbour lender braces for $68m bill after outage\n\nThe lender said the outage would"
        " cost US$68 million (NZ$91.6 million) this year."
    )
    found = {f.text: (f.unit, f.qualifier) for f in extract_figures(text)}

    assert found["$68m"] == ("USD", "exact")
