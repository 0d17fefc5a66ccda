"""An article body cut into plain stretches and its claims' figures, for the article page."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from claims.models import Claim


@dataclass(frozen=True)
class Segment:
    text: str
    claim: Claim | None = None


def highlight_segments(body: str, claims: Iterable[Claim]) -> list[Segment]:
    """Cut the body into plain stretches and figures, for a page to mark up."""
    segments: list[Segment] = []
    position = 0
    for claim in sorted(claims, key=lambda c: c.start):
        if claim.start < position or claim.end > len(body):
            continue  # overlapping or stale offsets: show the text unmarked
        if claim.start > position:
            segments.append(Segment(body[position : claim.start]))
        segments.append(Segment(body[claim.start : claim.end], claim))
        position = claim.end
    if position < len(body):
        segments.append(Segment(body[position:]))
    return segments
