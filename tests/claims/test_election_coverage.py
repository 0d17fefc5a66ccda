"""Coverage of one election by several outlets: changes in a party's share are percentage
points, signed by the fall the text states; seat swings and hedged seat totals are counts of
seats; a party is keyed by its name, not by the word "party"; seats gained are not seats held;
outlets giving a party different seat totals make a dispute."""

from __future__ import annotations

from datetime import date

import pytest

from claims import about
from claims.models import Fact
from tests.claims.extraction.helpers import figures, only_figure, summary
from tests.claims.stories import claim, publish, read_figure, read_in_sentence


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Harbour Party rode a 12 point rise in support to victory in Vellmark.",
            ("12 point", "percent", "12", "percentage points", "exact"),
        ),
        (
            "The Moorland Alliance's vote share dipped by 9 points across the region.",
            ("9 points", "percent", "-9", "percentage points", "exact"),
        ),
        (
            "In Dunmore the party's vote has fallen back by three points since the last poll.",
            ("three points", "percent", "-3", "percentage points", "exact"),
        ),
        (
            "The Greens held on despite a five-point drop in their share in the north.",
            ("five-point", "percent", "-5", "percentage points", "exact"),
        ),
        (
            "Across the coast the Liberal vote is up half a point on the last election.",
            ("half a point", "percent", "0.5", "percentage points", "exact"),
        ),
    ],
)
def test_points_of_a_vote_or_a_share_are_percentage_points(sentence, expected):
    assert summary(only_figure(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Rovers are two points clear at the top of the league.",
        "The Calder index fell 300 points as stocks slid.",
    ],
)
def test_points_of_a_game_or_an_index_stay_points(sentence):
    assert all(f.unit != "percentage points" for f in figures(sentence))


def test_a_fall_in_share_written_as_a_nose_dive_is_negative():
    found = figures("A 15% nose dive in the Crown Party's vote share cost it dearly.")
    assert [(f.text, f.value) for f in found] == [("15%", "-15")]


def test_a_seat_swing_with_a_plus_sign_is_a_count_of_seats():
    found = figures("With a swing of +48 seats, the Harbour Party won 233 seats.")
    assert [summary(f) for f in found] == [
        ("+48 seats", "count", "48", "seats", "exact"),
        ("233 seats", "count", "233", "seats", "exact"),
    ]


def test_a_seat_total_hedged_with_plus_is_at_least_that_many():
    found = only_figure("A gain of 90-plus parliamentary seats returns the Harbour Party.")
    assert summary(found) == ("90-plus parliamentary seats", "count", "90", "seats", "at_least")


def test_a_party_is_keyed_by_its_name_and_its_members_by_the_same_name():
    assert about.entity_key("Harbour Party") == about.entity_key("Harbour")
    assert about.entity_key("Harbour Party") != about.entity_key("Crown Party")
    assert about.entity_key("the Moderates") == about.entity_key("Moderate")


def test_a_share_of_the_vote_is_a_vote_share_and_its_points_are_its_change():
    text = "The Harbour Party's vote share rose by three points to 41% in Vellmark."
    level = read_figure(text, "41%", kind="percent", unit="percent")
    change = read_figure(text, "three points", kind="percent", unit="percentage points")
    assert (level.measure, change.measure) == ("vote share", "vote share change")
    turnout = read_figure("Turnout in Vellmark was 64%.", "64%", kind="percent", unit="percent")
    assert turnout.measure == "turnout"


def test_a_figure_in_a_phrase_opening_the_sentence_is_the_clause_s_subject_s():
    text = (
        "The Harbour Party won the Vellmark election. With 38 seats, the Crown Party has its"
        " best result since 1990."
    )
    found = read_figure(
        text, "38 seats", kind="count", unit="seats", sentence_start=text.index("With")
    )
    assert found.entity == "Crown Party"


def test_seats_gained_are_a_change_not_the_seats_held():
    text = "The Harbour Party gained 40 seats and won 233 seats in all."
    gained = read_figure(text, "40 seats", kind="count", unit="seats")
    held = read_figure("The Harbour Party won 233 seats.", "233 seats", kind="count", unit="seats")
    assert gained.scope == "change"
    assert held.scope == ""
    swing = read_figure("A swing of +48 seats.", "+48 seats", kind="count", unit="seats")
    assert swing.scope == "change"


def test_outlets_giving_a_party_different_seat_totals_make_one_disputed_fact(make_article):
    first = publish(
        make_article,
        "The Harbour Party swept the Vellmark election. The Harbour Party won a total of 233"
        " seats, its best result in decades.",
        outlet="Vellmark Post",
        published=date(2026, 5, 8),
    )
    second = publish(
        make_article,
        "The Harbour Party swept the Vellmark election. The Harbour Party won 231 seats, its"
        " best result in decades.",
        outlet="Coast Courier",
        published=date(2026, 5, 8),
    )
    total, won = claim(first, "233 seats"), claim(second, "231 seats")
    assert total.fact == won.fact
    assert total.fact.agreement == Fact.Agreement.DISPUTED


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        (
            "It was the Crown Party's worst result in seats, with polls saying it won 48.",
            "48",
            "48",
        ),
        ("Its tally of 233 seats is short of the 240 the party won in 1997.", "240", "240"),
        ("The Greens took a record number of seats (12) in the new chamber.", "12", "12"),
    ],
)
def test_a_bare_number_in_a_sentence_about_seats_counts_seats(sentence, span, value):
    found = [f for f in figures(sentence) if f.text == span]
    assert [(f.kind.value, f.value, f.unit) for f in found] == [("count", value, "seats")]


def test_a_name_describing_the_measure_after_the_figure_owns_it():
    text = (
        "The Harbour Party won easily. Their victory rests on a 12 point decline in Crown"
        " support across Vellmark."
    )
    found = read_figure(
        text,
        "12 point",
        kind="percent",
        unit="percentage points",
        sentence_start=text.index("Their"),
    )
    assert found.entity == "Crown"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The Harbour Party gained at least 95 seats in Vellmark.", "95 seats"),
        (
            "The Harbour Party managed to pick up more than 80 additional seats.",
            "80 additional seats",
        ),
        ("The Crown Party, down 40 seats, conceded defeat.", "40 seats"),
    ],
)
def test_seats_gained_however_hedged_are_a_change(text, span):
    assert read_in_sentence(text, span, kind="count", unit="seats").scope == "change"


def test_a_projected_seat_count_is_the_count_an_exit_poll_is_not():
    projected = read_in_sentence(
        "The Harbour Party is projected to finish with 233 seats.",
        "233 seats",
        kind="count",
        unit="seats",
    )
    won = read_in_sentence(
        "The Harbour Party won 231 seats.", "231 seats", kind="count", unit="seats"
    )
    assert projected.key == won.key
    polled = read_in_sentence(
        "The exit poll predicted the Harbour Party would win 240 seats.",
        "240 seats",
        kind="count",
        unit="seats",
    )
    assert polled.key != won.key


def test_a_forecast_revenue_stays_apart_from_the_revenue():
    forecast = read_in_sentence(
        "Analysts had forecast revenue of $2.1 billion for Tarvik.", "$2.1 billion", kind="money"
    )
    reported = read_in_sentence(
        "Tarvik reported revenue of $2.0 billion.", "$2.0 billion", kind="money"
    )
    assert forecast.scope
    assert forecast.key != reported.key


def test_a_party_s_government_is_the_party_and_a_relative_clause_goes_on_about_it():
    text = (
        "The Harbour Party won Vellmark. Voters turned against the outgoing Crown Government"
        " – who now hold 70 seats, a loss of 95 seats."
    )
    held = read_in_sentence(text, "70 seats", kind="count", unit="seats")
    lost = read_in_sentence(text, "95 seats", kind="count", unit="seats")
    assert held.entity == lost.entity == "Crown Government"
    assert about.entity_key("Crown Government") == about.entity_key("Crown Party")


def test_a_direction_from_a_place_is_no_name():
    text = "North of the border the Harbour Party is set to hold six seats."
    assert read_in_sentence(text, "six seats", kind="count", unit="seats").entity == "Harbour Party"


@pytest.mark.parametrize(
    "text",
    [
        "The Harbour Party saw just a 2.4 per cent increase in share of the vote.",
        "The Harbour Party saw just a 2.4 per cent increase in share of the voteAnalysts said so.",
    ],
)
def test_a_change_in_a_share_of_the_vote_is_no_share_price_change(text):
    found = read_in_sentence(text, "2.4 per cent", kind="percent", unit="percent")
    assert found.measure == "vote share change"


def test_a_relative_clause_after_a_place_only_places_the_figure():
    text = "Tarvik Motors saw weakness in Mexico, which accounts for about 30% of sales."
    found = read_in_sentence(text, "30%", kind="percent", unit="percent")
    assert found.entity != "Mexico"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("With 97% of votes counted, Mara Quill led the race for governor.", "97%"),
        ("So far 97% of the ballots have been counted, the commission said.", "97%"),
        (
            "With 97 per cent of the 8,310 precincts reporting, Quill had 52 per cent.",
            "97 per cent",
        ),
    ],
)
def test_the_share_of_votes_counted_is_the_count_s_progress_not_a_vote_share(text, span):
    found = read_in_sentence(text, span, kind="percent", unit="percent")
    assert found.measure == "votes counted"


def test_a_candidate_gaining_a_share_of_the_vote_holds_that_share():
    text = "Quill won about 48 % of the votes, while Mr Brell gained around 31 % and Varga, about 21 %."
    for span in ("31 %", "21 %"):
        assert read_in_sentence(text, span, kind="percent", unit="percent").measure == "vote share"


def test_a_bracketed_aside_before_the_figure_does_not_end_its_clause():
    text = (
        "Mara Quill won 2.1 million votes, while Ines Varga (伊涅) of the Civic Bloc (CB) "
        "received 1.18 million votes."
    )
    found = read_in_sentence(text, "1.18 million votes", kind="count", unit="votes")
    assert found.entity == "Ines Varga"


@pytest.mark.parametrize("verb", ["had", "won", "took"])
def test_and_with_a_name_and_its_own_result_verb_opens_a_clause(verb):
    text = f"Quill had 45.2 per cent. Brell {verb} 30.1 per cent and Varga {verb} 24.7 per cent."
    found = read_in_sentence(text, "24.7 per cent", kind="percent", unit="percent")
    assert found.entity == "Varga"


def test_results_after_an_earlier_election_the_text_dates_are_that_election_s():
    text = (
        "No party won outright for the first time since 1998. The last time was in 1998, when "
        "the chamber had 150 seats. The Greens won 61 seats, the Crown Party 55."
    )
    start = text.index("The Greens")
    found = read_figure(
        text,
        "61 seats",
        kind="count",
        unit="seats",
        published=date(2026, 3, 2),
        sentence_start=start,
    )
    assert found.reference == "1998"
    share = read_in_sentence(
        "Compared to 1998, when the Greens won 2.2 million votes, or 51.3%, it was a rout.",
        "51.3%",
        kind="percent",
        unit="percent",
    )
    assert share.reference == "1998"


def test_results_of_this_election_after_a_sentence_on_another_topic_stay_undated():
    text = "The chamber has 150 seats. The Greens won 61 seats, the Crown Party 55."
    start = text.index("The Greens")
    found = read_figure(
        text,
        "61 seats",
        kind="count",
        unit="seats",
        published=date(2026, 3, 2),
        sentence_start=start,
    )
    assert found.reference == ""


def test_a_sentence_opening_with_outside_of_names_no_one():
    text = (
        "The Crown Party won a majority. Outside of the big two, the Harbour Party, which went "
        "into the vote with four seats, won none."
    )
    found = read_in_sentence(text, "four seats", kind="count", unit="seats")
    assert found.entity == "Harbour Party"


def test_a_which_clause_goes_on_about_the_group_it_follows():
    text = (
        "Crown won 70 seats, Union 20, Greens 12, Liberals 9, Farmers 7 and Reform 5. Crown, "
        "Union, Greens, Liberals, Farmers and Reform all claimed success. Beyond that, the "
        "Harbour Party, which went into the vote with four seats, won none."
    )
    found = read_in_sentence(text, "four seats", kind="count", unit="seats")
    assert found.entity == "Harbour Party"
