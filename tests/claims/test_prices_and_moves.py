"""A price per unit and the move that took it there are two facts about the priced thing."""

from __future__ import annotations

from tests.claims.stories import read_in_sentence as read

TEXT = (
    "Palmetto cocoa was trading at $91.25 a tonne by noon, up $4.15, or 4.8%, after touching"
    " the highest in nearly a month at $93.10 earlier in the session."
)


def test_a_price_per_unit_is_the_price_of_the_thing_named():
    found = read(TEXT, "$91.25", kind="money", unit="USD")
    # "was trading at": the session's price, not the settled one (test_commodity_prices).
    assert found.key == "palmetto|price|intraday||"


def test_the_move_beside_a_price_is_its_change_not_another_price():
    found = read(TEXT, "$4.15", kind="money", unit="USD")
    assert found.key == "palmetto|price|intraday|change|"


def test_a_span_of_time_after_in_is_no_rate():
    found = read(TEXT, "$93.10", kind="money", unit="USD")
    assert "per month" not in found.key


def test_a_forecast_lifting_prices_by_an_amount_is_a_change():
    text = "The cuts could lift Palmetto cocoa prices by $12 per tonne, an analyst said."
    found = read(text, "$12", kind="money", unit="USD")
    assert found.key.endswith("|change|")


def test_the_price_shares_moved_to_is_the_share_price():
    lead = "Korvane Corp. shares tumbled on Friday after weak results. "
    fell_to = read(
        lead + "The shares fell 8% to $14.30, erasing some $6 billion of market value.",
        "$14.30",
        kind="money",
        unit="USD",
    )
    down_at = read(
        lead + "Korvane shares are down 6% at $13.95.", "$13.95", kind="money", unit="USD"
    )

    assert fell_to.measure == down_at.measure == "share price"
    assert fell_to.entity_key == down_at.entity_key == "korvane"


def test_how_full_a_battery_may_be_charged_is_one_measure_however_worded():
    lead = "Dravik is recalling its Tolva scooters. "
    sentences = [
        "Riders are told to keep the state of charge below 80%, the firm said.",
        "Riders can set the maximum charge at 80 percent.",
        "A patch caps the Tolva's charging capacity at 80 percent.",
        "Dravik asks riders to charge the scooters to no more than 80%.",
    ]
    found = [read(lead + s, "80", kind="percent", unit="percent") for s in sentences]

    assert {f.measure for f in found} == {"battery charge"}


def test_shares_that_spiked_moved_in_price():
    text = "Shares of Brisket spiked more than 9 percent in premarket trading."

    found = read(text, "9 percent", kind="percent", unit="percent")

    assert found.measure == "share price change"
    assert "premarket" in found.reference
