import pytest

from articles.text import html_to_text, text_fingerprint


def test_paragraphs_become_lines_and_scripts_disappear():
    html = "<h1>Title</h1><p>First  paragraph.</p><script>var x = 1;</script><p>Second<br>line</p>"

    assert html_to_text(html) == "Title\n\nFirst paragraph.\n\nSecond\n\nline"


def test_entities_are_decoded():
    assert html_to_text("<p>R&amp;D rose &euro;5&nbsp;million</p>") == "R&D rose €5 million"


def test_deeply_nested_markup_is_read_without_error():
    html = "<div>" * 50_000 + "Deep 5%" + "</div>" * 50_000

    assert html_to_text(html) == "Deep 5%"


def test_a_page_that_leaves_its_head_open_keeps_its_text():
    html = "<html><head><title>Ledger</title><body><p>Prices rose 3%.</p></body></html>"

    assert html_to_text(html) == "Prices rose 3%."


def test_a_script_left_open_takes_the_rest_of_the_page_but_a_form_does_not():
    assert html_to_text("<p>Prices rose 3%.</p><script>alert(1)<p>never shown</p>") == (
        "Prices rose 3%."
    )
    assert html_to_text("<div><form><input></div><p>Prices rose 3%.</p>") == "Prices rose 3%."


def test_markup_inside_quoted_attributes_and_comments_is_not_text():
    html = "<p title=\"a > b\" data-x='<p>'>Prices<!-- rose 9% --> rose 3%.</p>"

    assert html_to_text(html) == "Prices rose 3%."


@pytest.mark.parametrize(
    "tail", ["<![ x", "<![<![x", "<!", "</", "<", "<a", "<a href='", "<!--", "<?php", "&#x110000;"]
)
def test_broken_markup_at_the_end_is_dropped_without_error(tail):
    assert html_to_text("<p>Prices rose 3%.</p>" + tail).startswith("Prices rose 3%.")


def test_texts_differing_only_in_case_and_spacing_share_a_fingerprint():
    assert text_fingerprint("Sales rose  5%.\n") == text_fingerprint("sales ROSE 5%.")
    assert text_fingerprint("Sales rose 5%.") != text_fingerprint("Sales rose 6%.")


def test_invisible_characters_do_not_change_a_fingerprint():
    disguised = "\ufeffSa\u200bles ro\u00adse\u202e 5%.\u2060"

    assert text_fingerprint(disguised) == text_fingerprint("Sales rose 5%.")
