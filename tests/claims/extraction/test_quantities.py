import pytest

from tests.claims.extraction.helpers import figures, only_figure, summary


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The pipeline runs 1,200 kilometres to the coast.",
            ("1,200 kilometres", "quantity", "1200", "kilometers", "exact"),
        ),
        ("The trail is 10km long.", ("10km", "quantity", "10", "kilometers", "exact")),
        ("The farm covers 300 hectares.", ("300 hectares", "quantity", "300", "hectares", "exact")),
        (
            "The new reactor produces 1.6 GW of power.",
            ("1.6 GW", "quantity", "1.6", "gigawatts", "exact"),
        ),
        (
            "Output rose to 2 million barrels per day.",
            ("2 million barrels per day", "quantity", "2000000", "barrels per day", "exact"),
        ),
        (
            "Gusts reached 150 km/h on the coast.",
            ("150 km/h", "quantity", "150", "kilometers per hour", "exact"),
        ),
        (
            "The truck hit 70 mph on the ramp.",
            ("70 mph", "quantity", "70", "miles per hour", "exact"),
        ),
        (
            "The crane lifted 40 tonnes of steel.",
            ("40 tonnes", "quantity", "40", "tonnes", "exact"),
        ),
        (
            "A magnitude 6.4 tremor shook the valley.",
            ("magnitude 6.4", "quantity", "6.4", "magnitude", "exact"),
        ),
        (
            "A 5.9-magnitude quake hit at dawn.",
            ("5.9-magnitude", "quantity", "5.9", "magnitude", "exact"),
        ),
        (
            "Thermometers showed 41C in the shade.",
            ("41C", "quantity", "41", "degrees Celsius", "exact"),
        ),
        (
            "The night fell to −12°C in the hills.",
            ("−12°C", "quantity", "-12", "degrees Celsius", "exact"),
        ),
        (
            "The chatbot has a 200K context window.",
            ("200K", "quantity", "200000", "tokens", "exact"),
        ),
        (
            "The assistant reads a 16K-token prompt.",
            ("16K-token", "quantity", "16000", "tokens", "exact"),
        ),
        (
            "The new model has 70 billion parameters.",
            ("70 billion parameters", "quantity", "70000000000", "parameters", "exact"),
        ),
        ("The runner won the 400m final.", ("400m", "quantity", "400", "meters", "exact")),
        (
            "Velmark offered a 70,000 barrel-a-day trim.",
            ("70,000 barrel-a-day", "quantity", "70000", "barrels per day", "exact"),
        ),
        (
            "Kandor agreed a 30,000 barrel per day trim.",
            ("30,000 barrel per day", "quantity", "30000", "barrels per day", "exact"),
        ),
    ],
)
def test_quantity_unit_is_normalised_to_a_plural_word(sentence, expected):
    assert summary(only_figure(sentence)) == expected


def test_context_window_given_earlier_in_the_sentence_makes_a_k_number_tokens():
    figure = only_figure("The context window of the rival model is only 8K.")
    assert summary(figure) == ("8K", "quantity", "8000", "tokens", "exact")


def test_a_k_number_with_no_unit_is_a_label():
    assert figures("The film was shot in 4K by the crew.") == []


def test_distance_with_conversion_is_two_linked_figures():
    found = figures("The storm travelled 900 kilometers (550 miles) inland.")
    assert [summary(f) for f in found] == [
        ("900 kilometers", "quantity", "900", "kilometers", "exact"),
        ("550 miles", "quantity", "550", "miles", "exact"),
    ]
    assert found[1].converts == 0


@pytest.mark.parametrize(
    ("sentence", "span", "value", "unit"),
    [
        ("A tsunami of half a metre reached the harbour.", "half a metre", "0.5", "meters"),
        ("Snow lay half a foot deep on the pass.", "half a foot", "0.5", "feet"),
        ("The crack widened by half an inch overnight.", "half an inch", "0.5", "inches"),
    ],
)
def test_half_a_unit_of_length_is_a_quantity(sentence, span, value, unit):
    found = [f for f in figures(sentence) if f.text == span]
    assert [(f.value, f.unit) for f in found] == [(value, unit)]


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("Strong 6.2 Quake Rattles Orvale Coast", "6.2"),
        ("A 5.4 earthquake hits the island, officials said.", "5.4"),
    ],
)
def test_a_decimal_before_a_quake_noun_is_its_magnitude(sentence, span):
    found = [f for f in figures(sentence) if f.text == span]
    assert [(f.kind.value, f.unit) for f in found] == [("quantity", "magnitude")]


def test_a_barrel_cut_in_a_story_measuring_output_per_day_is_per_day():
    text = (
        "Velmark plans a 3 million-barrel supply cut. It pumps 9 million barrels a day,"
        " after a 600,000 barrel reduction last spring."
    )

    assert [(f.text, f.unit) for f in figures(text)] == [
        ("3 million-barrel", "barrels per day"),
        ("9 million barrels a day", "barrels per day"),
        ("600,000 barrel", "barrels per day"),
    ]


def test_a_barrel_count_stays_barrels_beside_a_daily_rate():
    text = "The tanker held 7 million barrels. The field pumps 90,000 barrels a day."

    assert figures(text)[0].unit == "barrels"


def test_a_mile_long_stretch_stays_miles_beside_a_speed():
    text = "Crews cleared a 10-mile stretch. Gusts hit 60 miles per hour."

    assert figures(text)[0].unit == "miles"
