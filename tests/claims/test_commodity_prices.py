"""A commodity's price moves all day: the price it settled at and the price it was trading at
while the session ran are two facts, so outlets giving one and the other do not disagree."""

from __future__ import annotations

from tests.claims.stories import read_figure


def test_a_settled_price_and_a_trading_price_are_told_apart():
    settled = read_figure(
        "Northsea crude settled up $2.10 at $91.20 a barrel.", "$91.20", kind="money", unit="USD"
    )
    trading = read_figure(
        "Northsea crude was trading at $90.65 a barrel, up 2%.", "$90.65", kind="money", unit="USD"
    )
    bare = read_figure("Northsea crude was at $90.65 a barrel.", "$90.65", kind="money", unit="USD")

    assert (settled.measure, trading.measure, bare.measure) == ("price",) * 3
    assert settled.reference == "close"
    assert trading.reference == "intraday"
    assert bare.reference == ""
