"""What a page must never carry, whatever the people who wrote its text typed."""

from __future__ import annotations

from html.parser import HTMLParser

# Raw payloads the hostile cases type into titles, outlets, authors and texts.
PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    '<iframe src="javascript:alert(1)">',
    "</textarea><script>alert(1)</script>",
]
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href"}


class _ActiveMarkup(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in _URL_ATTRIBUTES and (value or "").strip().lower().startswith(
                ("javascript:", "data:", "vbscript:")
            ):
                self.found.append(f"<{tag} {name}={value!r}>")
        own_script = (attrs.get("src") or "").startswith("/") or attrs.get(
            "type"
        ) == "application/json"
        if tag == "script" and not own_script:
            self.found.append(f"<script> without a same-site src: {attrs}")
        if tag in ("iframe", "object", "embed", "frame", "base"):
            self.found.append(f"<{tag}>")


def assert_inert(page: str) -> None:
    """No payload appears unescaped and nothing on the page can run a script of its own."""
    for payload in PAYLOADS:
        assert payload not in page, f"unescaped: {payload}"
    parser = _ActiveMarkup()
    parser.feed(page)
    parser.close()
    assert not parser.found, parser.found
