"""A small dot chart of the values a fact's mentions report, laid out for inline SVG.

Pure layout: the template draws it, so every label goes through Django's escaping. One row
per mention on a common scale; a logarithmic scale when the values span more than ten times,
so that one figure a hundred times larger than the others stands apart instead of squashing
them into one dot.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from .comparison import format_amount

WIDTH = 900
LABEL_WIDTH = 260  # left column: who said it
VALUE_WIDTH = 190  # right column: the value in the common unit
ROW = 28
TOP = 12
AXIS = 34  # below the rows: the axis and its tick labels
LOG_SPAN = 10  # max/min beyond which the scale is logarithmic


@dataclass(frozen=True)
class Row:
    label: str
    value: Decimal
    outlier: bool = False
    muted: bool = False  # disputed or rejected by a reviewer
    conversion: bool = False  # a stated conversion, drawn hollow


@dataclass(frozen=True)
class Point:
    label: str
    value_label: str
    x: float
    y: float
    outlier: bool
    muted: bool
    conversion: bool


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    plot_left: int
    plot_right: int
    axis_y: float
    log: bool
    unit: str | None
    points: tuple[Point, ...]
    ticks: tuple[Tick, ...]
    verified_x: float | None = None

    @property
    def scale_name(self) -> str:
        return "logarithmic scale" if self.log else "linear scale from zero"


def dot_chart(
    rows: Sequence[Row], *, unit: str | None, verified: Decimal | None = None
) -> Chart | None:
    """The chart of `rows` in `unit`, or None when there is nothing to draw on one scale."""
    rows = [row for row in rows if row.value is not None and row.value.is_finite()]
    if not rows:
        return None
    values = [row.value for row in rows] + ([verified] if verified is not None else [])
    low, high = min(values), max(values)
    log = low > 0 and high / low > LOG_SPAN
    if not log and low < 0:
        return None  # negative figures are rare; a table says it better than a chart
    plot_left, plot_right = LABEL_WIDTH + 10, WIDTH - VALUE_WIDTH - 10
    if log:
        lo_exp = math.floor(math.log10(low))
        hi_exp = math.ceil(math.log10(high))
        if hi_exp == lo_exp:
            hi_exp += 1

        def position(value: Decimal) -> float:
            fraction = (math.log10(value) - lo_exp) / (hi_exp - lo_exp)
            return plot_left + fraction * (plot_right - plot_left)

        tick_values = [Decimal(10) ** exp for exp in range(lo_exp, hi_exp + 1)]
        if len(tick_values) > 8:
            tick_values = tick_values[:: math.ceil(len(tick_values) / 8)]
    else:
        step = _nice_step(high / 4 if high > 0 else Decimal(1))
        top = (high / step).to_integral_value(rounding=ROUND_CEILING) * step or step

        def position(value: Decimal) -> float:
            return plot_left + float(value / top) * (plot_right - plot_left)

        tick_values = [step * i for i in range(int(top / step) + 1)]
    points = tuple(
        Point(
            label=row.label,
            value_label=format_amount(row.value, unit),
            x=round(position(row.value), 1),
            y=TOP + ROW * index + ROW / 2,
            outlier=row.outlier,
            muted=row.muted,
            conversion=row.conversion,
        )
        for index, row in enumerate(rows)
    )
    axis_y = TOP + ROW * len(rows) + 4
    ticks = tuple(
        Tick(x=round(position(value), 1), label=format_amount(value, unit) if value else "0")
        for value in tick_values
    )
    return Chart(
        width=WIDTH,
        height=int(axis_y + AXIS),
        plot_left=plot_left,
        plot_right=plot_right,
        axis_y=axis_y,
        log=log,
        unit=unit,
        points=points,
        ticks=ticks,
        verified_x=round(position(verified), 1) if verified is not None else None,
    )


def _nice_step(rough: Decimal) -> Decimal:
    """1, 2 or 5 times a power of ten, at least `rough`."""
    exponent = math.floor(math.log10(rough))
    base = Decimal(10) ** exponent
    for factor in (1, 2, 5, 10):
        if base * factor >= rough:
            return base * factor
    return base * 10
