"""Rules for news copy added in extractor 1.4, each checked on a sentence written for it."""

import datetime as dt

import pytest

from claims.extraction import EXTRACTOR_VERSION
from tests.claims.extraction.helpers import figures, summary

MONDAY = dt.date(2025, 3, 10)


def spans(sentence: str, published: dt.date | None = None) -> list[tuple]:
    return [summary(f) for f in figures(sentence, published)]


def test_version_is_bumped():
    assert tuple(int(part) for part in EXTRACTOR_VERSION.split(".")) >= (1, 4)


# What a count counts


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an airline's "guests" beside its crew are its passengers
        (
            "The ferry docked safely with 212 guests and nine crew members.",
            ("212 guests", "count", "212", "passengers", "exact"),
        ),
        (
            "The crew of six looked after 88 guests on the night train.",
            ("88 guests", "count", "88", "passengers", "exact"),
        ),
        # citizens of a country are its nationals, however an outlet words it
        (
            "Among the passengers were 60 Velorian citizens.",
            ("60 Velorian citizens", "count", "60", "nationals", "exact"),
        ),
        # passengers and crew together are everyone on board: people
        (
            "The jet was carrying 188 passengers and crew when it came down.",
            ("188 passengers", "count", "188", "people", "exact"),
        ),
        # an event befalling a thing counts the things: cancelled flights, cut jobs
        (
            "The storm led to about 340 flight cancellations at the hub.",
            ("340 flight cancellations", "count", "340", "flights", "approx"),
        ),
        (
            "The lender announced 1,200 job cuts on Tuesday.",
            ("1,200 job cuts", "count", "1200", "jobs", "exact"),
        ),
        (
            "The grocer plans 25 store closures this year.",
            ("25 store closures", "count", "25", "stores", "exact"),
        ),
        # "examples" stands for the thing the sentence names
        (
            "The carrier, which flies the Airbus A220 aircraft with 44 examples in service, "
            "grounded them.",
            ("44 examples", "count", "44", "aircraft", "exact"),
        ),
        (
            "The order covers 60 examples of the class after two locomotives derailed.",
            ("60 examples", "count", "60", "locomotives", "exact"),
        ),
        # the part a subject names: "Vans accounted for 900 of those trips" counts vans
        (
            "Vans accounted for nearly 900 of those daily trips.",
            ("900", "count", "900", "vans", "approx"),
        ),
        (
            "Pensioners made up 1,300 of the town's voters.",
            ("1,300", "count", "1300", "pensioners", "exact"),
        ),
        # one more of something forecast is a count
        (
            "Traders expect at least one more hike of 50 basis points.",
            ("one more hike", "count", "1", "hikes", "at_least"),
        ),
        (
            "Economists see one further rate cut before December.",
            ("one further rate cut", "count", "1", "cuts", "exact"),
        ),
    ],
)
def test_the_noun_a_count_counts(sentence, expected):
    assert expected in spans(sentence)


def test_bare_cancellations_count_the_things_the_sentence_names():
    sentence = (
        "The railway ran some planned trains with spare carriages, avoiding about 15 "
        "cancellations on Sunday."
    )
    assert ("15 cancellations", "count", "15", "trains", "approx") in spans(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The carrier scrapped 140 flights on Sunday and a further 55 on Monday.",
            ("55", "count", "55", "flights", "exact"),
        ),
        (
            "The firm hired 300 engineers in March and another 45 in April.",
            ("45", "count", "45", "engineers", "exact"),
        ),
    ],
)
def test_a_further_number_counts_the_noun_before(sentence, expected):
    assert expected in spans(sentence)


def test_cancellations_of_nothing_named_stay_cancellations():
    assert spans("There were 12 cancellations.") == [
        ("12 cancellations", "count", "12", "cancellations", "exact")
    ]


def test_a_share_verb_without_of_keeps_its_noun():
    assert ("57 deaths", "count", "57", "deaths", "exact") in spans(
        "Men accounted for 57 deaths last year."
    )


def test_of_them_after_deaths_counts_people():
    sentence = "Tourists accounted for 31 deaths, and 12 of them had arrived that week."
    assert ("12", "count", "12", "people", "exact") in spans(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "He asked for one more chance.",
        "Give it one more try.",
        "She stayed one more day.",
        "We need one more of those.",
    ],
)
def test_one_more_of_a_vague_thing_is_no_figure(sentence):
    assert spans(sentence) == []


# Weekdays a verb of the future points at


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The carrier expects more cancellations on Wednesday.", "2025-03-12"),
        ("The vote will be held Thursday.", "2025-03-13"),
        ("Talks are due to resume on Friday.", "2025-03-14"),
        ("The council is set to decide on Monday.", "2025-03-10"),
        ("A ruling is expected on Tuesday.", "2025-03-11"),
        ("The shops won't open on Saturday.", "2025-03-15"),
        # the verb well before the weekday, past the place and the occasion
        (
            "The new signing will be shown to supporters at a gala evening by the harbour on"
            " Friday.",
            "2025-03-14",
        ),
        (
            "Rain could force the organisers to move the river parade in Dunmore to Saturday.",
            "2025-03-15",
        ),
        # "could have" looks back
        ("The ferry could have sailed on Saturday.", "2025-03-08"),
        # "was expected" looks ahead from a past day: no reading of the future
        ("A ruling was expected on Tuesday.", "2025-03-04"),
        # no verb of the future: the past one
        ("Shares fell on Friday.", "2025-03-07"),
        # a past event named between the verb and the weekday stays in the past
        ("The union will appeal the ruling issued on Friday.", "2025-03-07"),
        ("She will retire after the crash on Thursday.", "2025-03-06"),
    ],
)
def test_a_weekday_ahead_of_a_future_verb_is_the_coming_one(sentence, value):
    dates = [f.value for f in figures(sentence, MONDAY) if f.kind.value == "date"]
    assert dates == [value]
