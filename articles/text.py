"""Turning what an editor uploads into the plain text figures are read from."""

from __future__ import annotations

import hashlib
import html
import re

# Elements whose content is never article text, skipped up to their end tag. Left
# open, a script or style takes the rest of the page (as in a browser); a form or
# svg left open loses only its tag.
_RAW_TEXT = {"script", "style", "title", "noscript", "template", "iframe"}
_CONTAINERS = {"object", "svg", "canvas", "form", "button", "select"}
_NON_CONTENT = _RAW_TEXT | _CONTAINERS
_BLOCKS = {
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
}
# One token of HTML. Every alternative either matches or gives up at once, so one
# forward pass reads any page in time proportional to its size. A comment, tag or
# quoted attribute value left open runs to the end of the page, as in a browser.
_TOKEN = re.compile(
    r"""
      (?P<text>(?:[^<]|<(?![a-zA-Z/!?]))+)                 # text, a lone "<" included
    | <!--.*?(?:-->|\Z)                                    # a comment
    | <(?P<close>/?)(?P<name>[a-zA-Z][^\s/>]*)             # a tag, by name,
      (?:=\s*(?:"[^"]*(?:"|\Z)|'[^']*(?:'|\Z))|[^>])*>?    # with its attributes
    | <[!?/][^>]*>?                                        # a doctype, CDATA, stray </
    """,
    re.DOTALL | re.VERBOSE,
)
_END_TAG = {name: re.compile(rf"</{name}\b[^>]*>?", re.IGNORECASE) for name in _NON_CONTENT}
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
# Characters that are not seen but change how text reads: soft hyphens, zero-width
# spaces and joiners, the byte order mark, and the bidirectional controls.
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
_INVISIBLE = re.compile(f"[\u00ad\u200b-\u200f\u2060-\u2064\ufeff{BIDI_CONTROLS}]")
_BLANK_LINES = re.compile(r"\n{3,}")


def html_to_text(page: str) -> str:
    """The readable text of an HTML document, one block per paragraph.

    A small scanner rather than a parser: a page is never turned into a tree, so
    deep nesting costs nothing, and a hostile page cannot make the work grow faster
    than its size (Python's html.parser slows down quadratically on some unclosed
    markup, and editing a parsed tree of deeply nested blocks did too).
    """
    parts: list[str] = []
    unclosed: set[str] = set()  # names with no end tag further on: never searched again
    position = 0
    while position < len(page):
        token = _TOKEN.match(page, position)
        position = token.end()
        name = (token["name"] or "").lower()
        if token["text"] is not None:
            parts.append(html.unescape(token["text"]))
        elif name in _NON_CONTENT and not token["close"]:
            end = None if name in unclosed else _END_TAG[name].search(page, position)
            if end:
                position = end.end()
            elif name in _RAW_TEXT:
                position = len(page)
            else:
                unclosed.add(name)
        elif name in _BLOCKS:
            # br and hr have no end tag: they break the line before and after at once.
            parts.append("\n\n" if name in ("br", "hr") else "\n")
    text = "".join(parts).replace("\r\n", "\n").replace("\r", "\n")
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def visible_text(text: str) -> str:
    """The text without its invisible characters."""
    return _INVISIBLE.sub("", text)


def text_fingerprint(body: str) -> str:
    """Equal for texts that differ only in case, white space and invisible characters."""
    folded = " ".join(visible_text(body).casefold().split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()
