"""Amounts and quantities whose clause names no measure of the lexicon: the governing verb or
noun names it, the same whichever outlet's wording. Our own sentences; no database."""

from __future__ import annotations

from claims import unnamed_measures
from tests.claims.stories import read_in_sentence as read


def test_a_budget_is_read_from_the_noun_governing_the_amount():
    one = read("The budget for Skyfold is around $180 million.", "$180 million", kind="money")
    other = read("Skyfold was shot on a budget of $180 million.", "$180 million", kind="money")

    assert one.measure == other.measure == "budget"


def test_an_amount_a_budget_moved_by_is_no_budget_held():
    found = read("The crew had their budget slashed by $6 million.", "$6 million", kind="money")

    assert (found.measure, found.scope) == ("budget", "change")


def test_a_disaster_s_damage_is_one_measure_whichever_words_outlets_use():
    texts = [
        ("Storm Oriel caused $40 billion in damage across the coast.", "$40 billion"),
        ("Damage estimates from Oriel have surged to $40 billion.", "$40 billion"),
        ("The total damage and economic losses from Oriel came to $40 billion.", "$40 billion"),
        ("Officials said the damage from Oriel would cost $40 billion.", "$40 billion"),
    ]

    found = [read(text, figure, kind="money") for text, figure in texts]

    assert {f.measure for f in found} == {"damage"}
    assert {f.scope for f in found} == {"", "total"}


def test_insured_losses_are_a_part_of_the_damage_not_the_whole():
    text = "Insured losses from Oriel reached $6 billion, a broker said."

    assert read(text, "$6 billion", kind="money").measure == "insured losses"


def test_an_amount_saved_is_savings_whatever_it_is_saved_on():
    found = read("The cuts are meant to save $3 billion in costs.", "$3 billion", kind="money")

    assert found.measure == "savings"


def test_a_total_of_the_damage_is_not_a_part_of_it():
    text = "Insured losses reached $3 billion; total economic damage could top $8 billion."

    total = read(text, "$8 billion", kind="money")

    assert (total.measure, total.scope) == ("damage", "total")


def test_damages_a_court_awards_stay_a_fine():
    found = read(
        "A jury awarded the Pellow family $3 million in damages on Friday.",
        "$3 million",
        kind="money",
    )

    assert found.measure == "fine"


def test_punitive_or_compensatory_damages_are_a_fine_with_no_court_in_the_sentence():
    # The verdict's sentence named the jury; the next one only says what kind of damages.
    texts = [
        ("The two brothers received a further $9 million in punitive damages.", "$9 million"),
        ("Each was owed $4 million in compensatory damages as well.", "$4 million"),
    ]

    found = [read(text, figure, kind="money") for text, figure in texts]

    assert {f.measure for f in found} == {"fine"}


def test_the_ends_of_a_range_of_estimates_are_not_the_estimate():
    text = "Damage estimates ranged from $9 billion to more than $30 billion, insurers said."

    low = read(text, "$9 billion", kind="money")
    high = read(text, "$30 billion", kind="money")

    assert (low.measure, low.scope) == ("damage", "low end")
    assert (high.measure, high.scope) == ("damage", "high end")


def test_savings_funding_and_loans_are_told_apart():
    text = "The grant gives Corvane up to $4 billion in direct funding and $7 billion in loans."

    assert read(text, "$4 billion", kind="money").measure == "funding"
    assert read(text, "$7 billion", kind="money").measure == "loans"
    saved = read("Corvane plans to save $2 billion next year.", "$2 billion", kind="money")
    assert saved.measure == "savings"


def test_a_quantity_s_measure_is_the_word_governing_it():
    dose = read("The maximum dosage of Veltrin is 12 mg once a week.", "12 mg", kind="quantity")
    wind = read("Oriel came ashore with winds up to 120 mph.", "120 mph", kind="quantity")
    rain = read(
        "Oriel dumped 9 trillion gallons of rain on the valley.",
        "9 trillion gallons",
        kind="quantity",
    )

    assert (dose.measure, wind.measure, rain.measure) == ("dose", "wind speed", "rainfall")


def test_a_film_s_takings_are_keyed_by_their_market_whatever_the_verb():
    texts = [
        ("Moonbrook took a massive $88 million domestic bow.", "$88 million"),
        ("Moonbrook debuted domestically with $88 million.", "$88 million"),
        (
            "Moonbrook made $88 million in its first weekend in North American theaters.",
            "$88 million",
        ),
    ]

    found = [read(text, figure, kind="money") for text, figure in texts]
    world = read("Moonbrook has grossed $190 million globally.", "$190 million", kind="money")

    assert {f.measure for f in found} == {"domestic gross"}
    assert world.measure == "global gross"


def test_takings_in_no_named_market_keep_no_measure():
    found = read("Moonbrook opened to $88 million this weekend.", "$88 million", kind="money")

    assert found.measure == ""


def test_other_kinds_and_unworded_figures_have_no_unnamed_measure():
    assert unnamed_measures.read("count", "a budget of ", "") == ("", "")
    assert unnamed_measures.read("money", "it reached ", " on Monday") == ("", "")


def test_an_instalment_is_a_part_of_a_price_not_the_price():
    texts = [
        (
            "The buyer of the Ashgrove fresco pays in six instalments, five of them for $31.4m.",
            "$31.4m",
        ),
        ("A first installment of $12 million falls due in Larnport in May.", "$12 million"),
    ]

    found = [read(text, figure, kind="money") for text, figure in texts]

    assert {f.measure for f in found} == {"instalment"}


def test_a_price_paid_in_instalments_is_still_the_price():
    text = "Orla Quist bought the Ashgrove fresco for $210 million, paid in six instalments."

    assert read(text, "$210 million", kind="money").measure == "deal value"


def test_a_payment_to_be_paid_in_instalments_is_not_one_of_them():
    text = "The $90m payment is to be paid in three yearly instalments to Orla Quist."

    assert read(text, "$90m", kind="money").measure != "instalment"
