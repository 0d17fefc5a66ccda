"""What the extractor returns: one Figure per checkable figure found in a text; and how a
figure's value is written, for machines and for people (`decimal_text`, `value_for_people`),
wherever it is shown: claims, facts, the API, the admin."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class Kind(StrEnum):
    MONEY = "money"
    PERCENT = "percent"
    COUNT = "count"
    QUANTITY = "quantity"
    DATE = "date"
    DURATION = "duration"


class Qualifier(StrEnum):
    EXACT = "exact"
    APPROX = "approx"
    MORE_THAN = "more_than"
    LESS_THAN = "less_than"
    AT_LEAST = "at_least"
    UP_TO = "up_to"


@dataclass(frozen=True)
class Figure:
    """A figure as written in the text, normalised.

    Offsets are Python string indices into the text given to the extractor:
    ``text[start:end] == figure.text``.
    """

    start: int
    end: int
    text: str
    kind: Kind
    # Numeric kinds: the number (15 million euros -> Decimal("15000000")); None for dates.
    number: Decimal | None
    # Dates: ISO date at the precision the text gives ("2024-02-21", "2024-02", "2023"); else None.
    date: str | None
    # ISO 4217 code for money, "percent", "percentage points", a plural unit word otherwise; None for dates.
    unit: str | None
    qualifier: Qualifier
    subject: str
    sentence_start: int
    sentence_end: int
    # Upper end of a range ("between 10 and 12 people": number=10, number_high=12).
    number_high: Decimal | None = None
    # End of a date range ("2019-2023": date="2019", date_high="2023").
    date_high: str | None = None
    # Index, in the same result list, of the figure this one converts ("€2 billion ($2.1 billion)").
    converts: int | None = None

    @property
    def value(self) -> str:
        """The normalised value as the evaluation format writes it."""
        if self.kind is Kind.DATE:
            return self.date or ""
        return decimal_text(self.number) if self.number is not None else ""


def decimal_text(number: Decimal, *, grouped: bool = False) -> str:
    """A number as plain digits, without exponent or trailing zeros ("15000000", "2.5");
    `grouped`: with thousands separated ("15,000,000"), for people."""
    return format(number.normalize(), ",f" if grouped else "f")


def value_for_people(
    *, number: Decimal | None, number_high: Decimal | None, unit: str, date: str, qualifier: str
) -> str:
    """A value as people read it: "about 15,000,000 EUR", "2024-02-26", or ""."""
    if date:
        return date
    if number is None:
        return ""
    text = decimal_text(number, grouped=True)
    if number_high is not None:
        text += f"–{decimal_text(number_high, grouped=True)}"
    qualifier = "" if qualifier in ("", "exact") else qualifier.replace("_", " ")
    return " ".join(part for part in (qualifier, text, unit) if part)
