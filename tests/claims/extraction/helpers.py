"""Small helpers shared by the extraction tests."""

from __future__ import annotations

import datetime as dt

from claims.extraction import Figure, extract_figures


def figures(text: str, published: dt.date | None = None) -> list[Figure]:
    return extract_figures(text, published=published)


def only_figure(text: str, published: dt.date | None = None) -> Figure:
    found = figures(text, published)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


def summary(figure: Figure) -> tuple[str, str, str, str | None, str]:
    """The fields a parametrize row states: span, kind, value, unit, qualifier."""
    return figure.text, figure.kind.value, figure.value, figure.unit, figure.qualifier.value
