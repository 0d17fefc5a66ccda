"""Turning what an editor uploads into the plain text figures are read from."""

from __future__ import annotations

import hashlib
import re

from bs4 import BeautifulSoup

# Elements whose content is never article text.
_NON_CONTENT = [
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "canvas",
    "form",
    "button",
    "select",
    "head",
]
_BLOCKS = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "dt",
    "dd",
    "tr",
    "pre",
    "figcaption",
    "figure",
    "table",
    "ul",
    "ol",
    "br",
    "hr",
]
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def html_to_text(html: str) -> str:
    """The readable text of an HTML document, one block per paragraph."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(_NON_CONTENT):
        element.decompose()
    for element in soup.find_all(_BLOCKS):
        element.insert_before("\n")
        element.insert_after("\n")
    text = soup.get_text().replace("\r\n", "\n").replace("\r", "\n")
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def text_fingerprint(body: str) -> str:
    """Equal for texts that differ only in case and white space."""
    folded = " ".join(body.casefold().split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()
