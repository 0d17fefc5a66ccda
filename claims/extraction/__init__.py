"""Figure extraction: every checkable figure in English news text, normalised.

Pure Python (no Django): a precompiled regex grammar over the text, with a little context
logic per number found.
"""

from __future__ import annotations

import datetime as dt

from .extractor import extract
from .money import currency_of_address, currency_of_country
from .types import Figure, Kind, Qualifier

EXTRACTOR_NAME = "factcheck-grammar"
EXTRACTOR_VERSION = "1.4"


def extract_figures(
    text: str, *, published: dt.date | None = None, local_currency: str | None = None
) -> list[Figure]:
    """The figures in text, sorted by start and non-overlapping.

    published resolves yearless dates ("Feb. 21"), weekdays ("on Monday") and times ago ("five
    years ago"); without it, yearless dates are read after the latest month the text mentions
    and the others are skipped. local_currency is the outlet's own currency (ISO 4217): a "$"
    the text does not otherwise explain is read in it when it is a dollar ("CAD" for a
    Canadian outlet), a "¥" when it is the yuan.
    """
    return extract(text, published, local_currency)


__all__ = [
    "EXTRACTOR_NAME",
    "EXTRACTOR_VERSION",
    "Figure",
    "Kind",
    "Qualifier",
    "currency_of_address",
    "currency_of_country",
    "extract_figures",
]
