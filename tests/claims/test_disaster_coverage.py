"""Coverage of one disaster by several outlets: a quake's size is its own, whatever name
stands in the sentence; a rising toll is one fact per day it is reported as of; outlets
disagreeing on one day's toll, or on the quake's magnitude or depth, make a dispute."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from claims import about, comparison, report_day
from claims.models import Fact
from tests.claims.stories import claim, publish, read_figure, read_in_sentence


def test_a_quake_s_magnitude_and_depth_are_the_quake_s_not_a_name_beside_them():
    text = (
        "Relief from Harwell Bank reached Tarnovia on Monday. The quake that struck Tarnovia"
        " measured 6.4 on the Richter scale, the seismology office said, at a depth of 12 km."
    )
    for figure, unit, measure in (("6.4", "magnitude", "magnitude"), ("12 km", "km", "depth")):
        found = read_figure(
            text,
            figure,
            kind="quantity",
            unit=unit,
            title="Tarnovia earthquake kills dozens",
            sentence_start=text.index("The quake"),
        )
        assert found.measure == measure
        assert found.key == f"|{measure}|||"  # the story's event, no entity
        assert "Harwell" not in found.line
        assert "quake" in found.line


def test_a_magnitude_describing_quakes_of_a_kind_is_not_the_story_s_quake():
    text = "Magnitude 5 quakes are felt widely but rarely destroy stone houses."
    found = read_figure(text, "Magnitude 5", kind="quantity", unit="magnitude")
    assert found.measure != "magnitude"


def test_a_magnitude_is_read_to_a_tenth_whatever_digits_are_written():
    whole = comparison.Reading(
        number=Decimal(7), unit="magnitude", kind="quantity", text="7 magnitude"
    )
    tenth = comparison.Reading(number=Decimal("6.8"), unit="magnitude", kind="quantity", text="6.8")
    assert not comparison.compare(whole, tenth).agree


def test_a_toll_is_reported_as_of_the_day_its_sentence_names_else_the_article_s_latest_day():
    body = (
        "The flood that hit Pellara on Friday has killed 310 people. On Sunday officials said"
        " 42 more were missing. By then 1,200 homes were under water."
    )
    published = date(2026, 3, 17)  # a Tuesday
    first = body.index("The flood")
    assert report_day.reported_day(body, published, first, body.index(" On Sunday")) == date(
        2026, 3, 15
    )  # Friday dates the flood itself: the toll stands as of the article's latest day
    assert report_day.reported_day("The storm killed 12 people.", published, 0, 10) == published
    assert report_day.reported_day(body, None, first, 20) is None


def test_tolls_reported_on_different_days_are_different_facts(make_article):
    first = publish(
        make_article,
        "A storm tore through Velmar province on Friday. The death toll rose to 310 on Saturday,"
        " officials said.",
        outlet="Coast Wire",
        published=date(2026, 3, 14),
    )
    second = publish(
        make_article,
        "A storm tore through Velmar province on Friday. The death toll rose to 352 on Sunday,"
        " officials said.",
        outlet="Velmar Herald",
        published=date(2026, 3, 15),
    )

    assert claim(first, "310").fact != claim(second, "352").fact
    assert Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).count() == 0


def test_one_day_s_toll_given_differently_is_one_disputed_fact(make_article):
    first = publish(
        make_article,
        "A storm tore through Velmar province on Friday. By Sunday more than 350 people had"
        " died. The death toll climbed to 352, officials said.",
        outlet="Coast Wire",
        published=date(2026, 3, 16),
    )
    second = publish(
        make_article,
        "A storm tore through Velmar province on Friday. The death toll as of Sunday was 300,"
        " officials said.",
        outlet="Velmar Herald",
        published=date(2026, 3, 16),
    )

    rounded, exact = claim(first, "350 people"), claim(first, "352")
    assert rounded.fact == exact.fact  # "more than 350" restates that day's 352
    assert claim(second, "300").fact == exact.fact
    assert exact.fact.agreement == Fact.Agreement.DISPUTED


def test_a_toll_of_one_province_is_not_the_disaster_s_toll(make_article):
    publish(
        make_article,
        "A storm tore through Velmar on Friday. The death toll climbed to 352 on Sunday.",
        outlet="Coast Wire",
        published=date(2026, 3, 16),
    )
    second = publish(
        make_article,
        "A storm tore through Velmar on Friday. By Sunday 120 deaths were recorded in Ostra"
        " province alone.",
        outlet="Velmar Herald",
        published=date(2026, 3, 16),
    )

    assert claim(second, "120 deaths").fact.claim_count == 1
    assert Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).count() == 0


def test_outlets_giving_the_quake_different_depths_make_a_dispute(make_article):
    first = publish(
        make_article,
        "A strong earthquake struck Tarnovia on Monday. The quake had a depth of 12 km, the"
        " Tarnovia seismology office said.",
        outlet="Coast Wire",
        published=date(2026, 3, 16),
    )
    second = publish(
        make_article,
        "Rescuers from Harwell reached Tarnovia after Monday's earthquake, which struck at a depth"
        " of 19 km. The depth was initially reported at about 12 km.",
        outlet="Velmar Herald",
        published=date(2026, 3, 17),
    )

    depth = claim(first, "12 km").fact
    assert claim(second, "19 km").fact == depth
    assert depth.agreement == Fact.Agreement.DISPUTED
    assert claim(second, "12 km").fact != depth  # the first estimate is a fact of its own


def test_a_count_takes_no_noun_across_amid():
    from claims.extraction.extractor import extract

    text = "The death toll climbed to over 2,100 amid rescuers struggling in the ruins."
    (figure,) = [f for f in extract(text) if f.text.startswith("2,100")]
    assert figure.text == "2,100"
    assert figure.unit != "rescuers"


def test_a_past_disaster_s_toll_is_dated_by_its_year_not_today():
    body = (
        "Fires swept through Dravo county on Tuesday. The death toll rose to 64 on Thursday,"
        " the worst since 1931 when a blaze in the Kessin hills claimed 212 lives."
    )

    def reference(figure: str, unit: str) -> str:
        return read_figure(
            body,
            figure,
            kind="count",
            unit=unit,
            published=date(2026, 7, 10),
            sentence_start=body.index("The death"),
        ).reference

    assert reference("212 lives", "lives") == "1931"
    assert reference("64", "") == "9 July 2026"


def test_a_fire_s_containment_on_different_days_is_not_a_dispute(make_article):
    first = publish(
        make_article,
        "The Harlow Ridge fire began on Tuesday. It was 60% contained as of Thursday morning,"
        " the forest service said.",
        outlet="Coast Wire",
        published=date(2026, 7, 9),
    )
    second = publish(
        make_article,
        "The Harlow Ridge fire began on Tuesday. By Friday the Harlow Ridge fire was 75%"
        " contained, the forest service said.",
        outlet="Dravo Ledger",
        published=date(2026, 7, 10),
    )

    assert claim(first, "60%").fact != claim(second, "75%").fact
    assert Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).count() == 0


def test_one_day_s_containment_given_differently_is_disputed(make_article):
    first = publish(
        make_article,
        "The Harlow Ridge fire began on Tuesday. By Friday the Harlow Ridge fire was 75%"
        " contained, the forest service said.",
        outlet="Coast Wire",
        published=date(2026, 7, 10),
    )
    second = publish(
        make_article,
        "The Harlow Ridge fire began on Tuesday. On Friday the Harlow Ridge fire was 40%"
        " contained, the forest service said.",
        outlet="Dravo Ledger",
        published=date(2026, 7, 10),
    )

    assert claim(first, "75%").fact == claim(second, "40%").fact
    assert claim(first, "75%").fact.agreement == Fact.Agreement.DISPUTED


def _read(body: str, figure: str, unit: str, published: date = date(2026, 7, 10)) -> about.About:
    """What the count `figure` in the one-sentence-per-line `body` is about."""
    start = body.index(figure)
    sentence_end = body.find(". ", start)
    return read_figure(
        body,
        figure,
        kind="count",
        unit=unit,
        published=published,
        sentence_start=body.rfind(". ", 0, start) + 1,
        sentence_end=len(body) if sentence_end < 0 else sentence_end + 1,
    )


def test_the_missing_are_a_count_of_their_own_dated_by_report_day():
    body = (
        "The blaze that swept Corvell on Tuesday killed 40 people and left 700 unaccounted for."
        " Officials said an estimated 650 people remain missing. The sheriff put the number of"
        " missing people at around 600."
    )
    for figure, unit in (("700", ""), ("650 people", "people"), ("600", "")):
        found = _read(body, figure, unit)
        assert found.measure == "missing"
        assert found.reference == "10 July 2026"
    assert _read(body, "40 people", "people").measure == "death toll"


def test_buildings_destroyed_are_counted_as_such_beside_a_toll():
    body = "Storms in Pellmar have claimed 31 lives and destroyed more than 1 400 homes."
    found = _read(body, "1 400 homes", "homes")
    assert found.measure == "homes"
    assert _read(body, "31 lives", "lives").measure == "death toll"


def test_a_past_disaster_s_toll_dated_after_it_is_given_belongs_to_that_year():
    body = (
        "The fire is the deadliest in Orland since a flood that killed 48 people and destroyed"
        " 300 homes on March 3, 1971. The fire has killed 12 people so far."
    )
    assert _read(body, "48 people", "people").reference == "1971"
    assert _read(body, "12 people", "people").reference == "10 July 2026"


def test_the_day_a_disaster_began_is_one_date_of_the_story_whatever_the_sentence_names():
    published = date(2026, 7, 10)  # a Friday
    bodies = (
        "The fire in Corvell began just after midnight on Tuesday.",
        "Rescuers reached Dunmere, where the inferno, which erupted on Tuesday, still burns.",
        "A fast-moving blaze that struck on Tuesday destroyed the harbour.",
    )
    keys = set()
    for body in bodies:
        found = read_figure(
            body, "Tuesday", kind="date", published=published, date_value="2026-07-07"
        )
        keys.add(found.key)
    assert keys == {"|disaster start|||"}


@pytest.mark.parametrize(
    ("body", "day"),
    [
        ("The toll from Tuesday's powerful earthquake rose to 40.", "Tuesday"),
        ("The toll from Tuesday\u2019s fire rose to 40.", "Tuesday"),
        ("Forty people died in the July 7 magnitude-6.8 quake.", "July 7"),
    ],
)
def test_a_day_naming_the_disaster_it_belongs_to_is_its_start(body, day):
    published = date(2026, 7, 10)  # a Friday
    found = read_figure(body, day, kind="date", published=published, date_value="2026-07-07")
    assert found.measure == "disaster start"


def test_a_day_before_another_disaster_is_not_the_story_s_start():
    published = date(2026, 7, 10)
    for body in (
        "Crews were stretched on Tuesday\u2019s second fire.",
        "Officials said on Tuesday the earthquake had cut power to the harbour.",
    ):
        found = read_figure(
            body, "Tuesday", kind="date", published=published, date_value="2026-07-07"
        )
        assert found.measure != "disaster start"


def test_days_since_a_disaster_are_counted_as_of_the_day_written_so_never_disputed():
    body = "Crews searched Dunmere on Saturday, four days after the blaze leveled the harbour."

    def key(published: date) -> str:
        return read_figure(body, "four days", kind="duration", unit="days", published=published).key

    assert key(date(2026, 7, 12)) == "|time since disaster|12 July 2026||"
    assert key(date(2026, 7, 12)) != key(date(2026, 7, 11))


def test_an_aftershock_s_magnitude_is_not_the_main_quake_s():
    body = (
        "A strong earthquake shook Tarnovia on Monday. Dozens of aftershocks followed, the"
        " largest measuring 5.8. A magnitude 5.1 aftershock hit at noon. The 6.9-magnitude"
        " quake, followed by aftershocks, toppled a bridge."
    )

    def key(figure: str) -> str:
        start = body.rfind(". ", 0, body.index(figure)) + 1
        return read_figure(
            body, figure, kind="quantity", unit="magnitude", sentence_start=start
        ).key

    assert key("5.8") == key("magnitude 5.1") == "|magnitude||aftershock|"
    assert key("6.9-magnitude") == "|magnitude|||"


def test_a_quake_named_among_aftershocks_is_an_aftershock():
    body = (
        "A 6.9-magnitude quake struck Tarnovia on Monday. Strong aftershocks followed,"
        " including a 5.7-magnitude tremor. More aftershocks, among them a magnitude 5.2"
        " quake, shook the coast."
    )

    def key(figure: str) -> str:
        start = body.rfind(". ", 0, body.index(figure)) + 1
        return read_figure(
            body, figure, kind="quantity", unit="magnitude", sentence_start=start
        ).key

    assert key("5.7-magnitude") == key("magnitude 5.2") == "|magnitude||aftershock|"
    assert key("6.9-magnitude") == "|magnitude|||"


def test_each_agency_s_magnitude_is_its_own_reading():
    body = (
        "The Velmar Seismic Bureau rated the quake, which struck at a depth of 8.2 km, at 6.6."
        " The quake was measured as 6.9 by the Northern Geophysical Institute. According to"
        " the NGI, the epicentre lay offshore and the magnitude was 6.9."
    )

    def scope(figure: str, occurrence: int = 0) -> str:
        start = body.index(figure)
        for _ in range(occurrence):
            start = body.index(figure, start + 1)
        return about.about(
            about.ArticleContext(body, "", None),
            start=start,
            end=start + len(figure),
            sentence_start=body.rfind(". ", 0, start) + 1,
            sentence_end=(body.find(". ", start) + 1) or len(body),
            kind="quantity",
            unit="magnitude",
            text=figure,
        ).scope

    assert scope("6.6") == "by VSB"
    assert scope("6.9") == scope("6.9", 1) == "by NGI"  # the name and its acronym alike


def test_a_magnitude_counted_above_is_a_threshold_not_a_quake_s():
    body = (
        "A 6.9-magnitude quake struck Tarnovia on Monday. The bureau recorded 310 aftershocks,"
        " including 12 that were magnitude 4.5 or higher."
    )
    start = body.index("The bureau")
    found = read_figure(
        body, "magnitude 4.5", kind="quantity", unit="magnitude", sentence_start=start
    )

    assert found.key == "|magnitude||threshold|"


def test_a_past_quake_s_magnitude_is_dated_in_an_undated_article_by_since():
    body = (
        "A strong quake struck Tarnovia on Monday. It was the strongest since one of"
        " magnitude 6.9 in 1988 that toppled hundreds of homes."
    )
    start = body.index("It was")
    found = read_figure(
        body, "magnitude 6.9", kind="quantity", unit="magnitude", sentence_start=start
    )

    assert found.key == "|magnitude|1988||"


def test_an_agency_s_initials_are_its_acronym_however_its_country_is_written():
    for name in ("the V.R. Seismic Survey", "the VR Seismic Survey", "VRSS"):
        body = f"The quake measured 6.6, according to {name}."
        start = body.index("6.6")
        found = about.about(
            about.ArticleContext(body, "", None),
            start=start,
            end=start + 3,
            sentence_start=0,
            sentence_end=len(body),
            kind="quantity",
            unit="magnitude",
            text="6.6",
        )
        assert found.scope == "by VRSS", name


def test_agencies_giving_different_magnitudes_are_not_a_dispute(make_article):
    first = publish(
        make_article,
        "A strong earthquake struck Tarnovia on Monday. The quake measured 6.6, according to"
        " the Velmar Seismic Bureau.",
        outlet="Coast Wire",
        published=date(2026, 3, 16),
    )
    second = publish(
        make_article,
        "Rescuers reached Tarnovia after Monday's earthquake, which was measured as 6.9 by the"
        " Northern Geophysical Institute.",
        outlet="Velmar Herald",
        published=date(2026, 3, 16),
    )

    assert claim(first, "6.6").fact != claim(second, "6.9").fact
    assert Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).count() == 0


def test_a_past_quake_s_magnitude_is_dated_and_outlets_disagreeing_on_it_dispute(make_article):
    first = publish(
        make_article,
        "A strong earthquake of magnitude 6.8 struck Tarnovia on Monday. It was the strongest"
        " since a 7.2-magnitude quake in 1987.",
        outlet="Coast Wire",
        published=date(2026, 3, 16),
    )
    second = publish(
        make_article,
        "A magnitude 6.8 earthquake struck Tarnovia on Monday. Before that, in March 1987, an"
        " earthquake of magnitude 7.5 struck the valley.",
        outlet="Velmar Herald",
        published=date(2026, 3, 16),
    )

    past = claim(first, "7.2-magnitude")
    assert past.subject_reference == "1987"
    assert claim(second, "magnitude 7.5").fact == past.fact != claim(first, "magnitude 6.8").fact
    assert past.fact.agreement == Fact.Agreement.DISPUTED


def test_a_count_after_the_other_item_s_comma_takes_the_cue_after_it():
    body = "At least six people were confirmed dead, 240 were injured and 30 were missing."
    found = read_figure(body, "240", kind="count", unit="")
    assert found.measure == "injured"


def test_an_article_s_unattributed_magnitude_is_the_agency_s_it_names_later(make_article):
    first = publish(
        make_article,
        "A 6.6-magnitude earthquake struck Tarnovia on Monday. The quake measured 6.6,"
        " according to the Velmar Seismic Bureau.",
        outlet="Coast Wire",
        published=date(2026, 3, 16),
    )
    second = publish(
        make_article,
        "Rescuers reached Tarnovia after Monday's 6.9-magnitude earthquake. The quake was"
        " measured as 6.9 by the Northern Geophysical Institute.",
        outlet="Velmar Herald",
        published=date(2026, 3, 16),
    )

    lead = claim(first, "6.6-magnitude")
    assert lead.fact == claim(first, "6.6").fact != claim(second, "6.9-magnitude").fact
    assert Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).count() == 0


def test_everyone_on_board_is_one_fact_apart_from_the_passengers_among_them(make_article):
    first = publish(
        make_article,
        "A Velora Air jet crashed after take-off from Marden on Thursday. The jet was carrying"
        " 188 passengers and crew. The airline said the plane carried 176 passengers and 12"
        " crew members.",
        outlet="Coast Wire",
        published=date(2026, 3, 12),
    )
    second = publish(
        make_article,
        "A Velora Air jet crashed after take-off from Marden on Thursday. Of the 188 people on"
        " board, 150 were Velorian nationals. Among them were 171 passengers.",
        outlet="Marden Herald",
        published=date(2026, 3, 12),
    )

    aboard = claim(first, "188 passengers")
    assert claim(second, "188 people").fact == aboard.fact
    passengers = claim(first, "176 passengers").fact
    assert passengers != aboard.fact
    assert claim(second, "171 passengers").fact == passengers
    passengers.refresh_from_db()
    assert passengers.agreement == Fact.Agreement.DISPUTED  # a manifest is counted exactly


def test_outlets_leading_with_the_airline_or_the_plane_maker_dispute_the_plane_s_figures(
    make_article,
):
    first = publish(
        make_article,
        "Velora Air flight 12 crashed after take-off from Marden on Thursday. Velora Air said"
        " it was working with investigators. The aircraft only got to a height of about 400"
        " feet before it fell. It was the first fatal crash of a Corvan 500, a model that went"
        " into service in 2014.",
        outlet="Coast Wire",
        published=date(2026, 3, 12),
    )
    second = publish(
        make_article,
        "A Corvan 500 jet crashed after take-off from Marden on Thursday. The Corvan 500 had a"
        " good safety record. The plane reached an altitude of about 600 feet before losing"
        " signal. It is the first fatal accident involving the Corvan 500 since this type of"
        " aircraft entered service in 2016.",
        outlet="Marden Herald",
        published=date(2026, 3, 12),
    )

    for a, b in (("400 feet", "600 feet"), ("2014", "2016")):
        fact = claim(first, a).fact
        assert claim(second, b).fact == fact
        fact.refresh_from_db()
        assert fact.agreement == Fact.Agreement.DISPUTED


def test_a_toll_told_with_auxiliaries_is_the_toll_and_its_fire_s_county_is_no_part_of_it():
    body = "At least 57 people have been killed by the Harlow Fire in Dravo County, officials said."
    found = _read(body, "57 people", "people")
    assert found.measure == "death toll"
    assert found.scope == ""  # the county is where the fire burns, not a part of its toll


def test_the_place_of_an_earlier_disaster_a_record_is_counted_since_is_not_this_toll_s():
    body = (
        "The sheriff put the toll at 41 people on Monday, the worst blaze in the valley"
        " since the 2015 Harlow Fire in Oregon, which killed 70 people."
    )
    found = _read(body, "41 people", "people")
    assert (found.measure, found.scope) == ("death toll", "")
    assert "Oregon" not in found.line


def test_the_toll_of_an_earlier_disaster_named_with_its_year_is_that_year_s():
    body = (
        "The sheriff put the toll at 41 people on Monday, the worst blaze in the valley"
        " since the 2015 Harlow Fire in Oregon, which killed 70 people."
    )
    assert _read(body, "70 people", "people").reference == "2015"


def test_the_next_figure_s_another_is_not_this_toll_s_scope():
    body = "Officials said 910 people have now been found dead and another 2,100 injured."
    found = _read(body, "910 people", "people")
    assert (found.measure, found.scope) == ("death toll", "")


def test_a_toll_reached_on_a_day_is_that_day_s_though_no_earlier_day_is_named():
    body = "The Harlow Fire death toll reached 57 on Monday night, the sheriff said."
    published = date(2026, 7, 8)  # a Wednesday
    start = body.index("57")
    day = report_day.reported_day(body, published, 0, len(body), start + 2)
    assert day == date(2026, 7, 6)
    assert report_day.reported_day(body, published, 0, len(body)) == published


def _toll_reached_on_monday(make_article):
    return publish(
        make_article,
        "The Harlow Fire broke out in Dravo on Thursday. The death toll reached 57 on Monday"
        " night, the sheriff said.",
        outlet="Coast Wire",
        published=date(2026, 7, 7),
    )


def test_one_toll_dated_a_day_apart_by_two_outlets_is_one_fact(make_article):
    first = _toll_reached_on_monday(make_article)
    second = publish(
        make_article,
        "At least 57 people have been killed by the Harlow Fire, making it the deadliest in"
        " Dravo history.",
        outlet="Velmar Herald",
        published=date(2026, 7, 8),
    )
    assert claim(first, "57").fact == claim(second, "57 people").fact


def test_another_number_a_day_later_is_that_day_s_toll_not_a_dispute(make_article):
    first = _toll_reached_on_monday(make_article)
    second = publish(
        make_article,
        "The Harlow Fire has killed 63 people, the deadliest fire in Dravo history.",
        outlet="Dravo Ledger",
        published=date(2026, 7, 8),
    )
    assert claim(second, "63 people").fact != claim(first, "57").fact
    assert Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).count() == 0


def test_a_headline_toll_and_the_day_it_was_reached_are_one_figure(make_article):
    article = publish(
        make_article,
        "Harlow Fire toll reaches 57. The Harlow Fire became the deadliest in Dravo history as"
        " the death toll reached 57 on Monday night.",
        outlet="Coast Wire",
        published=date(2026, 7, 8),
    )
    assert article.claims.filter(text="57").values("fact").distinct().count() == 1


def test_another_fire_breaking_out_is_not_the_story_s_disaster_start():
    published = date(2026, 7, 10)  # a Friday
    body = "Two new fires broke out nearby on Tuesday, but crews put them out."
    found = read_figure(body, "Tuesday", kind="date", published=published, date_value="2026-07-07")
    assert found.measure != "disaster start"


def test_buildings_destroyed_by_a_day_named_are_that_day_s_count(make_article):
    early = publish(
        make_article,
        "The Harlow Fire began on Thursday. By Friday evening, the fire had destroyed 2,410"
        " homes in Dravo.",
        outlet="Coast Wire",
        published=date(2026, 7, 4),
    )
    later = publish(
        make_article,
        "The Harlow Fire began on Thursday. More than 3,000 homes have been destroyed in Dravo.",
        outlet="Dravo Ledger",
        published=date(2026, 7, 7),
    )
    assert claim(early, "2,410 homes").fact != claim(later, "3,000 homes").fact
    assert Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).count() == 0


def test_a_toll_a_model_foresees_is_a_projection_not_the_day_s_count():
    text = (
        "The quake killed 900 people in Tarnovia, officials said on Saturday. Modeling by the"
        " Pellaran Survey suggested the number of deaths was likely to surpass 20,000. The"
        " agency estimates that the final death toll could surpass 5,000."
    )
    published = date(2026, 3, 14)
    counted = read_in_sentence(text, "900", kind="count", unit="deaths")
    foreseen = [
        read_figure(
            text,
            figure,
            kind="count",
            unit="deaths",
            published=published,
            sentence_start=text.rfind(". ", 0, text.index(figure)) + 2,
        )
        for figure in ("20,000", "5,000")
    ]
    assert [f.key for f in foreseen] == ["|death toll||projected|"] * 2
    assert counted.key != foreseen[0].key


def test_a_toll_in_a_neighbouring_country_a_sentence_opens_on_is_that_country_s():
    text = (
        "The quake killed 900 people in Tarnovia, the military said. Rescuers in Tarnovia dug"
        " through the night. In neighbouring Pellara, tremors toppled a tower, killing at least"
        " six people."
    )
    title = "Tarnovia earthquake kills hundreds"
    whole = read_in_sentence(text, "900", kind="count", unit="people", title=title)
    abroad = read_in_sentence(text, "six", kind="count", unit="people", title=title)
    assert whole.key == "|death toll|||"
    assert abroad.key == "|death toll||in pellara|"


@pytest.mark.parametrize(
    ("body", "figure", "unit", "measure"),
    [
        (
            "Storm Keld killed at least 12 people in Pellmar, as crews worked to restore power"
            " to 90,000 customers.",
            "90,000 customers",
            "customers",
            "users",
        ),
        (
            "The floods killed 9 people and forced the cancellation of 1,200 flights.",
            "1,200 flights",
            "flights",
            "flights",
        ),
        ("The blast killed 4 workers at the Orland plant.", "4 workers", "workers", "death toll"),
    ],
)
def test_what_cannot_die_beside_a_toll_is_counted_as_itself(body, figure, unit, measure):
    assert _read(body, figure, unit).measure == measure


def test_a_toll_in_the_county_is_the_county_the_article_named_not_a_street_of_a_part():
    body = (
        "Dravo County Sheriff Ana Pell confirmed 14 deaths in the county, including a man found"
        " in his home on Mill Road."
    )

    found = _read(body, "14 deaths", "deaths")

    assert found.place == "in Dravo County"
    assert found.place_key == about.entity_key("Dravo County")


@pytest.mark.django_db
def test_a_county_s_toll_named_once_and_then_as_the_county_is_one_fact(make_article):
    first = publish(
        make_article,
        "Storm Keld killed 20 people across Pellmar. Of the 20 deaths, 14 were in Dravo County.",
        outlet="Coast Wire",
        published=date(2026, 7, 10),
    )
    second = publish(
        make_article,
        "Storm Keld hit Pellmar. Dravo County Sheriff Ana Pell confirmed 14 deaths in the county,"
        " including a man found in his home on Mill Road.",
        outlet="Dravo Sentinel",
        published=date(2026, 7, 10),
    )

    assert claim(first, "14").fact == claim(second, "14 deaths").fact


def test_a_toll_revised_down_is_one_fact_with_the_count_it_corrects(make_article):
    first = publish(
        make_article,
        "A ferry capsized off Tarnel island on Friday. The death toll rose to 212 on Saturday,"
        " the coast guard said.",
        outlet="Coast Wire",
        published=date(2026, 3, 14),
    )
    second = publish(
        make_article,
        "The Tarnel provincial government on Sunday revised the death toll in the ferry disaster"
        " to 198 from 212, saying some bodies had been counted twice.",
        outlet="Velmar Herald",
        published=date(2026, 3, 15),
    )
    third = publish(
        make_article,
        "The Tarnel ferry toll was earlier put at 212, which the government revised to 198 on"
        " Sunday. The toll rose to 203 on Monday after two injured passengers died.",
        outlet="Dravo Ledger",
        published=date(2026, 3, 16),
    )
    old = claim(first, "212").fact
    assert claim(second, "198").fact == old  # the correction states the count it replaces
    assert claim(third, "198").fact == old
    assert old.agreement == Fact.Agreement.DISPUTED
    # A later day's count is another update, not the corrected one.
    assert claim(third, "203").fact != old


def test_a_toll_s_correction_joins_the_count_it_names_not_an_earlier_day_s(make_article):
    early = publish(
        make_article,
        "A ferry capsized off Tarnel island on Thursday. The death toll stood at 150 on Friday"
        " morning, the coast guard said.",
        outlet="Coast Wire",
        published=date(2026, 3, 13),
    )
    first = publish(
        make_article,
        "A ferry capsized off Tarnel island on Thursday. The death toll rose to 212 on Saturday,"
        " the coast guard said.",
        outlet="Velmar Herald",
        published=date(2026, 3, 14),
    )
    second = publish(
        make_article,
        "The Tarnel provincial government on Sunday revised the death toll in the ferry disaster"
        " to 198 from 212, saying some bodies had been counted twice.",
        outlet="Dravo Ledger",
        published=date(2026, 3, 15),
    )
    assert claim(second, "198").fact == claim(first, "212").fact
    assert claim(second, "198").fact != claim(early, "150").fact


def test_a_toll_s_correction_and_the_count_it_replaces_are_read_as_such():
    text = "The provincial government revised the ferry death toll to 198 from 212 on Sunday."
    published = date(2026, 3, 15)
    corrected = read_figure(text, "198", kind="count", unit="people", published=published)
    replaced = read_figure(text, "212", kind="count", unit="people", published=published)
    assert corrected.scope == about.CORRECTED_COUNT
    assert replaced.reference == about.REPLACED_COUNT
    plain = "A storm that downed power lines on Friday killed 212 people, officials said."
    assert read_figure(
        plain, "212", kind="count", unit="people", published=published
    ).reference != (about.REPLACED_COUNT)
    by = "Officials revised the ferry death toll down by 14 on Sunday."
    assert read_figure(by, "14", kind="count", published=published).scope != about.CORRECTED_COUNT


def test_structures_and_buildings_a_fire_destroyed_are_one_count(make_article):
    # Outlets write "structures" or "buildings" for what a fire burned down: one count, and
    # two numbers for it on one day are a dispute.
    first = publish(
        make_article,
        "The Harlow Fire swept through Dravo on Thursday. The fire destroyed 1,200 structures in"
        " Dravo, officials said.",
        outlet="Coast Wire",
        published=date(2026, 7, 4),
    )
    second = publish(
        make_article,
        "The Harlow Fire swept through Dravo on Thursday. The fire destroyed 1,200 buildings in"
        " Dravo, the county said.",
        outlet="Dravo Ledger",
        published=date(2026, 7, 4),
    )
    third = publish(
        make_article,
        "The Harlow Fire swept through Dravo on Thursday. The fire destroyed 900 buildings in"
        " Dravo, the mayor said.",
        outlet="Valley Post",
        published=date(2026, 7, 4),
    )

    fact = claim(first, "1,200 structures").fact
    assert claim(second, "1,200 buildings").fact == fact
    assert claim(third, "900 buildings").fact == fact
    fact.refresh_from_db()
    assert fact.agreement == Fact.Agreement.DISPUTED


def test_each_of_two_fires_listed_before_contained_is_a_containment():
    text = "Two other fires in Dravo were 60% and 35% contained, the forest service said."

    first = read_in_sentence(text, "60%", kind="percent", unit="percent")
    second = read_in_sentence(text, "35%", kind="percent", unit="percent")

    assert first.measure == second.measure == "containment"


def test_undated_reports_of_a_rising_toll_are_no_dispute(make_article):
    first = publish(
        make_article,
        "A strong earthquake struck Tarnovia. The quake killed at least 14 people, officials said.",
        outlet="Coast Wire",
        published=None,
    )
    second = publish(
        make_article,
        "Rescuers dug through rubble in Tarnovia after the earthquake, which killed 23 people.",
        outlet="Velmar Herald",
        published=None,
    )
    third = publish(
        make_article,
        "The earthquake in Tarnovia killed at least 14 people, the coast guard said.",
        outlet="Harbour Daily",
        published=None,
    )

    assert claim(first, "14 people").fact != claim(second, "23 people").fact
    assert claim(first, "14 people").fact == claim(third, "14 people").fact
    assert Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).count() == 0


def test_a_quake_struck_decades_earlier_is_another_quake_not_a_misdated_one(make_article):
    first = publish(
        make_article,
        "A strong earthquake struck Tarnovia on March 4, 2026, toppling a bridge.",
        outlet="Coast Wire",
        published=date(2026, 3, 5),
    )
    second = publish(
        make_article,
        "Rescuers searched the rubble in Tarnovia. The island's worst quake struck on June 2,"
        " 1988, toppling hundreds of homes.",
        outlet="Velmar Herald",
        published=None,
    )

    assert claim(first, "March 4, 2026").fact != claim(second, "June 2, 1988").fact
    assert Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).count() == 0
