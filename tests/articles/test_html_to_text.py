from articles.text import html_to_text, text_fingerprint


def test_paragraphs_become_lines_and_scripts_disappear():
    html = "<h1>Title</h1><p>First  paragraph.</p><script>var x = 1;</script><p>Second<br>line</p>"

    assert html_to_text(html) == "Title\n\nFirst paragraph.\n\nSecond\n\nline"


def test_entities_are_decoded():
    assert html_to_text("<p>R&amp;D rose &euro;5&nbsp;million</p>") == "R&D rose €5 million"


def test_deeply_nested_markup_is_read_without_error():
    html = "<div>" * 5000 + "Deep 5%" + "</div>" * 5000

    assert html_to_text(html) == "Deep 5%"


def test_texts_differing_only_in_case_and_spacing_share_a_fingerprint():
    assert text_fingerprint("Sales rose  5%.\n") == text_fingerprint("sales ROSE 5%.")
    assert text_fingerprint("Sales rose 5%.") != text_fingerprint("Sales rose 6%.")
