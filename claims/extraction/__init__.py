"""Figure extraction: every checkable figure in English news text, normalised.

Pure Python (no Django): a precompiled regex grammar over the text, with a little context
logic per number found.
"""

from __future__ import annotations

import datetime as dt

from .extractor import extract
from .types import Figure, Kind, Qualifier

EXTRACTOR_NAME = "factcheck-grammar"
EXTRACTOR_VERSION = "1.2"


def extract_figures(text: str, *, published: dt.date | None = None) -> list[Figure]:
    """The figures in text, sorted by start and non-overlapping.

    published resolves yearless dates ("Feb. 21") and weekdays ("on Monday"); without it,
    yearless dates are read after the latest month the text mentions and weekdays are skipped.
    """
    return extract(text, published)


__all__ = ["EXTRACTOR_NAME", "EXTRACTOR_VERSION", "Figure", "Kind", "Qualifier", "extract_figures"]
