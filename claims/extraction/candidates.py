"""A figure before it is final: what the passes over the text pass between them."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from decimal import Decimal

from .types import Kind, Qualifier


@dataclass
class Candidate:
    start: int
    end: int
    kind: Kind
    number: Decimal | None = None
    date: str | None = None
    date_high: str | None = None
    unit: str | None = None
    qualifier: Qualifier | None = None  # None: read it from the text around the span
    number_high: Decimal | None = None
    converts_from: int | None = None  # start offset of the figure this one converts
    # A bare number kept only if it takes the unit of the count before it ("37 seats from 52");
    # named: it follows a name ("the Farmers' League 8"), so only a parallel clause may do so.
    orphan: bool = False
    named: bool = False


class Spans:
    """Sorted, non-overlapping spans with an overlap test by bisection."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._starts = [s for s, _ in self._spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end)
        return i > 0 and self._spans[i - 1][1] > start


def resolve_overlaps(cands: list[Candidate]) -> list[Candidate]:
    """Keep the earliest (then longest) of overlapping candidates."""
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[Candidate] = []
    for c in cands:
        if kept and c.start < kept[-1].end:
            continue
        kept.append(c)
    return kept
