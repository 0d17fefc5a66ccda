"""What a figure is about, read from its sentence: entity, measure, scope, place, and the
line a reviewer reads. Our own sentences; no database."""

from __future__ import annotations

import pytest

from claims import about
from tests.claims.stories import read_figure
from tests.claims.stories import read_in_sentence as read


def test_a_name_joined_by_an_ampersand_is_one_entity_written_in_full():
    text = (
        "Pellow & Drake reported higher sales on Tuesday. Pellow said its stores did well."
        " Pellow & Drake employs 12,000 people."
    )

    found = read(text, "12,000 people", kind="count", unit="people")

    assert about.entity_key("Pellow & Drake") == about.entity_key("Pellow") == "pellow"
    assert found.line.startswith("Pellow & Drake")


def test_the_line_names_the_entity_as_fully_as_the_article_does():
    text = (
        "Hurricane Lena came ashore on Sunday. Lena brought a storm surge of up to 9 feet"
        " to the coast."
    )

    found = read(text, "9 feet", kind="quantity", unit="feet")

    assert found.line == "Hurricane Lena storm surge"
    # what grouping compares keeps the name as the sentence writes it
    assert about.subject_terms(found, "storm surge").startswith("Lena")


def test_another_company_opening_the_clause_is_what_its_figure_is_about():
    text = (
        "Tarvo Systems raised its forecast on Monday. Tarvo expects strong demand."
        " Its American rival, Westmere Instruments, reported quarterly revenue of $2.4bn."
    )

    found = read(text, "$2.4bn", kind="money", title="Tarvo raises forecast")

    assert found.entity_key == "westmere"
    assert found.line == "Westmere Instruments quarterly revenue"
    assert found.measure == "revenue"


def test_a_change_in_percent_is_a_change_of_the_measure_the_clause_names():
    text = "Dunmore Foods said pre-tax profit rose 11 per cent to £512m for the year."

    change = read(text, "11 per cent", kind="percent")
    level = read(text, "£512m", kind="money")

    assert change.measure.endswith("change")
    assert change.wording == "pre-tax profit growth"
    assert change.line == "Dunmore Foods pre-tax profit growth"
    assert (level.measure, level.wording) == ("profit", "pre-tax profit")


def test_a_percent_move_with_no_measure_named_is_a_share_price_move_only_where_shares_trade():
    shares = read("Dunmore shares rose 4% in morning trading.", "4%", kind="percent")
    other = read("Rainfall at the Dunmore station rose 4% last month.", "4%", kind="percent")

    assert shares.measure == "share price change"
    assert other.measure != "share price change"


def test_shares_soaring_is_a_price_move_and_a_market_value_falling_is_that_value_s_move():
    soared = read(
        "Shares in the Brisket company soared 31%, closing at $20.10.", "31%", kind="percent"
    )
    value = read(
        "Brisket's market capitalisation fell to $2.1 billion on its second day of trading,"
        " down 9% from the day before.",
        "9%",
        kind="percent",
    )

    assert soared.measure == "share price change"
    assert value.measure == "market value change"


def test_a_day_reads_the_event_named_next_to_it():
    text = (
        "Regulators grounded 80 Dove jets following a cabin panel blowout late Friday that"
        " forced a Tarn Air jet to land."
    )

    assert read(text, "Friday", kind="date").measure == "incident"


def test_a_fall_by_as_much_as_is_the_day_s_low_not_its_high():
    fell = read(
        "Brisket stock was lower by as much as 6% in premarket trading.", "6%", kind="percent"
    )
    rose = read("Brisket stock rose as much as 40% in its debut.", "40%", kind="percent")

    assert "intraday low" in fell.reference
    assert "intraday high" in rose.reference


def test_a_day_opening_its_sentence_dates_what_the_sentence_then_says():
    text = "On Monday, Brisket announced the pricing of its offering at $21 a share."

    assert read(text, "Monday", kind="date").measure == "pricing"


def test_killed_and_injured_in_one_sentence_are_two_measures():
    text = (
        "The quake struck the Varn valley, killing at least 112 people and injuring more than"
        " 900, officials said."
    )

    killed = read(text, "112 people", kind="count", unit="people")
    injured = read(text, "900", kind="count", unit="people")

    assert (killed.measure, injured.measure) == ("death toll", "injured")


def test_a_counted_noun_is_the_measure_whatever_verb_is_near():
    text = "Corlan employs 7,800 people at 11 factories in 40 countries."

    assert read(text, "11 factories", kind="count", unit="factories").measure == "factories"
    assert read(text, "40 countries", kind="count", unit="countries").measure == "countries"


def test_passengers_among_whom_people_were_hurt_are_counted_as_passengers():
    text = "Doctors treated minor injuries among its 171 passengers."

    found = read(text, "171 passengers", kind="count", unit="passengers")

    assert found.measure == "passengers"


def test_everyone_on_board_is_a_count_of_its_own_not_the_passengers_or_the_dead():
    carried = "The Velora Air jet was carrying 188 passengers and crew when it came down."
    partitive = "The crash caused the deaths of 187 of the 188 people on board."
    killing = "The jet hit a hangar, killing 187 people onboard."

    assert read(carried, "188 passengers", kind="count", unit="passengers").measure == (
        "people aboard"
    )
    assert read(partitive, "188 people", kind="count", unit="people").measure == "people aboard"
    assert read(partitive, "187", kind="count").measure == "death toll"
    assert read(killing, "187 people", kind="count", unit="people").measure == "death toll"
    landed = "The jet landed safely with 171 passengers and six crew on board."
    assert read(landed, "171 passengers", kind="count", unit="passengers").measure == "passengers"
    assert read(landed, "six crew", kind="count", unit="crew members").measure == "crew"
    assert (
        read(
            "The ferry carried 90 passengers and 12 crew members.",
            "90 passengers",
            kind="count",
            unit="passengers",
        ).measure
        == "passengers"
    )


def test_nationals_and_citizens_of_a_passenger_list_are_one_measure():
    text = "The passengers included 60 Velorian nationals and 20 Mardenese citizens."

    nationals = read(text, "60 Velorian nationals", kind="count", unit="nationals")
    citizens = read(text, "20 Mardenese citizens", kind="count", unit="citizens")

    assert nationals.measure == citizens.measure == "nationals"


def test_the_year_a_model_entered_service_is_no_crash_date():
    text = "It was the first fatal crash of a Corvan 500, which went into service in 2014."

    found = read(text, "2014", kind="date", date_value="2014")

    assert found.measure == "service entry"
    assert found.key == "|service entry|||"  # the story's plane, whoever the outlet names


def test_an_age_or_altitude_whose_sentence_names_nobody_is_keyed_by_no_company():
    lead = "Velora Air flight 12 crashed near Marden. Velora Air said one passenger survived. "
    survivor = read(
        lead + "He is a 52-year-old Mardenese passenger.",
        "52-year-old",
        kind="duration",
        unit="years",
    )
    climbed = read(
        lead + "The plane reached an altitude of about 600 feet.",
        "about 600 feet",
        kind="quantity",
        unit="feet",
    )
    named = read(
        lead + "The Velora Tower is 300 feet tall.", "300 feet", kind="quantity", unit="feet"
    )

    assert survivor.key == "|age|||"
    assert survivor.line == "Velora Air age"  # the reader still sees the story's name
    assert climbed.key == "|height|||"
    assert named.key.split("|")[0]  # the tower the sentence names keeps its key


def test_a_prize_taken_at_once_is_its_lump_sum_not_the_jackpot():
    text = (
        "The Lucky Lotto jackpot was revised to $900 million, with a cash value of $452.6"
        " million. The winner may instead take a lump sum of $452.6 million."
    )

    assert read(text, "$452.6 million", kind="money", unit="USD").measure == "lump sum"
    assert read(text, "$452.6 million", kind="money", unit="USD", nth=1).measure == "lump sum"
    assert read(text, "$900 million", kind="money", unit="USD").measure != "lump sum"


def test_the_deaths_of_workers_count_the_dead_not_the_workforce():
    text = "The crane fell at the Tarrow yard, causing the deaths of four dock workers on shift."

    found = read(text, "four dock workers", kind="count", unit="workers")

    assert found.measure == "death toll"


def test_a_length_of_time_is_no_price_or_amount():
    text = "The company's shares had fallen by almost 19 per cent over the previous 12 months."

    found = read(text, "12 months", kind="duration", unit="months")

    assert found.measure == ""


def test_a_year_earlier_dates_a_figure_and_is_no_rate():
    text = "Earnings came in at 23.4p a share, up from 21.1p a year earlier."

    found = read(text, "21.1p", kind="money")

    assert found.scope != "per year"


def test_each_figure_takes_the_rate_written_next_to_it():
    text = "About 11.3 million vehicles crossed the bridge each year, or 31,000 a day."

    yearly = read(text, "11.3 million", kind="count", unit="vehicles")
    daily = read(text, "31,000", kind="count", unit="vehicles")

    assert (yearly.scope, daily.scope) == ("per year", "per day")


def test_a_figure_more_than_another_is_a_difference():
    text = "Its market value ended $3 billion more than its valuation at the offering."

    assert read(text, "$3 billion", kind="money").scope == "difference"


def test_a_place_the_figure_is_counted_in_is_its_place():
    text = "Corlan employs 11,500 people worldwide. Of those, 4,200 work in Britain."

    found = read(text, "4,200", kind="count", unit="people")

    assert (found.place, found.place_key) == ("in Britain", "britain")
    assert found.line.endswith("in Britain")


def test_headline_capitals_are_no_names():
    text = (
        "Port City Faces Long Delays After Crane Failure\n\nThe Harlan terminal moved 9,000"
        " containers a week before the failure, Harlan said."
    )

    context = about.ArticleContext(text, "Port City Faces Long Delays After Crane Failure")

    assert "failure" not in context.story_names
    assert context.salient == "Harlan"


def test_a_model_number_belongs_to_its_name():
    text = "Airlines fly 64 Vantor 420 Max 8 jets. Vantor said the 420 Max 8 is safe."

    names = [name.text for name in about.find_names(text)]

    assert "Vantor 420 Max 8" in names
    assert about.entity_key("Vantor 420 Max 8") == "vantor"
    assert about.entity_key("Slate 2") == about.entity_key("Corvid Slate 2")


def test_a_quoted_person_is_no_entity_but_an_organisation_stating_its_own_figure_is():
    text = (
        "Varrow Air grounded its jets on Friday. Varrow Air canceled flights, Jane Moss said."
        " The FAA says its order applies to 171 aircraft worldwide."
    )
    context = about.ArticleContext(text, "Varrow Air grounds jets")

    assert "moss" in context.speakers
    assert "faa" not in context.speakers
    found = read(text, "171 aircraft", kind="count", unit="aircraft", title="Varrow Air grounds")
    assert found.entity_key == "faa"


def test_a_name_describing_the_company_stands_for_the_main_entity():
    text = (
        "Ashby Pumps agreed to a takeover on Monday. Ashby said the deal was fair."
        " The FTSE 250 company's shares had fallen by almost 19 per cent."
    )

    found = read(text, "19 per cent", kind="percent", title="Ashby agrees takeover")

    assert found.entity_key == "ashby"


def test_a_length_of_time_reads_what_lasts_and_an_age_only_where_written():
    text = "Pellow will invest £1.1bn over the next 2 years. Its chair, a 61-year-old, led it for six years."

    period = read(text, "2 years", kind="duration", unit="years")
    age = read(text, "61-year-old", kind="duration", unit="years")
    tenure = read(text, "six years", kind="duration", unit="years")

    assert period.line == "Pellow investment period"
    assert (age.measure, tenure.measure) == ("age", "")


def test_a_date_with_no_event_named_reads_as_a_start_or_an_end():
    text = "Rates at Pellow Bank have held since 2021 and will stay there until 2028."

    assert read(text, "2021", kind="date").wording == "start"
    assert read(text, "2028", kind="date").wording == "end"


def test_the_county_is_the_county_the_article_named():
    text = (
        "Storm Edda flooded Harlow County on Sunday. Edda moved north overnight."
        " At the peak, 1,930 residents were staying in the county's seven shelters."
    )

    found = read(text, "seven shelters", kind="count", unit="shelters", title="Storm Edda")

    assert found.entity == "Harlow County"
    assert found.line == "Harlow County shelters"


def test_a_dateline_after_a_headline_is_no_name():
    text = "Rates cut again\n\nLISBON – The Bank of Arvel cut its main rate to 4.75 per cent."

    found = read(text, "4.75 per cent", kind="percent")

    assert found.entity == "Bank of Arvel"


def test_a_deal_written_in_the_passive_is_the_buyers():
    text = "Ashby Pumps has agreed to a £4.3bn takeover by India's Varn Group, the firms said."

    found = read(text, "£4.3bn", kind="money", title="Ashby agrees takeover")

    assert (found.entity_key, found.measure) == ("varn", "deal value")


def test_a_count_of_people_reads_what_befell_them():
    text = "The Orsk quake struck at dawn. About 30,000 people have been left homeless."

    found = read(text, "30,000 people", kind="count", unit="people", title="Orsk quake")

    assert found.wording == "people left homeless"


def test_the_island_is_the_place_the_article_writes_most():
    text = (
        "Storm Edda hit Port Vell on Monday. Damage in Saint Orla was heavy and roads in Saint"
        " Orla stayed shut. Power was cut to 9,000 of the island's 19,000 households."
    )

    found = read(text, "19,000 households", kind="count", unit="households", title="Storm Edda")

    assert found.entity == "Saint Orla"


def test_a_counted_thing_reads_what_was_done_to_it():
    text = "Norra Air canceled 200 flights on Monday."

    found = read(text, "200 flights", kind="count", unit="flights", title="Norra Air")

    assert found.line == "Norra Air flights canceled on Monday"


def test_units_and_participles_opening_a_sentence_are_no_names():
    text = "Built by Orvane in 2009, the telescope cost $2bn. It has 512GB of storage."

    names = [name.text for name in about.find_names(text)]

    assert "Built" not in names
    assert "GB" not in names


def test_a_one_word_speaker_is_a_person_only_when_the_article_gives_a_full_name():
    text = (
        "Norvik said on Monday it would buy Pell. Jane Moss, an analyst, called it cheap."
        " Moss said the price was low."
    )
    context = about.ArticleContext(text, "Norvik to buy Pell")

    assert "moss" in context.speakers
    assert "norvik" not in context.speakers


def test_it_in_the_line_is_the_name_opening_the_sentence_before():
    text = (
        "Pellow Foods is the biggest baker in the region. Norvik has made other plans in"
        " Europe. It will invest $3.5 million in Germany."
    )

    found = read(text, "$3.5 million", kind="money", title="Pellow Foods results")

    assert found.line.startswith("Norvik investment")


def test_the_line_keeps_the_time_the_sentence_gives():
    text = (
        "Pellow Foods made $142 million, or 87 cents a share, up from $128 million a year earlier."
    )

    found = read(text, "$128 million", kind="money", title="Pellow Foods results")

    assert found.line.endswith("a year earlier")
    assert found.scope != "per year"


def test_a_scope_of_an_earlier_figure_in_the_sentence_is_not_this_figures():
    text = (
        "Harlow Port handles 2,000 ships a year. Lorries made up 900 of those daily trips,"
        " carrying some $40 million of goods through Harlow Port each year."
    )

    found = read(text, "$40 million", kind="money")

    assert found.scope == "per year"


def test_a_plural_noun_opening_sentences_is_no_entity():
    text = (
        "Harlow Port handles 2,000 ships a year. Lorries are the main traffic at Harlow Port."
        " Lorries made up 900 of those trips, carrying some $40 million of goods a year."
    )

    found = read(text, "$40 million", kind="money")

    assert found.entity_key == "harlow"


def test_a_quoted_expert_and_her_institute_are_not_what_her_figure_is_about():
    text = (
        "Harlow Port closed on Monday after the storm. Harlow Port handles most of the"
        " region's grain. Jane Moss, of the Trade Research Institute at Kentford University,"
        " says the closure of Harlow Port will cost $12m a day."
    )

    found = read(text, "$12m", kind="money")

    assert found.entity_key == "harlow"
    assert found.scope == "per day"


def test_a_titled_person_leading_the_story_is_not_what_its_figures_are_about():
    text = (
        "Governor Ann Kell promised to rebuild the Tarvik bridge quickly. Governor Ann Kell"
        " visited Tarvik on Monday. The port of Tarvik is closed. Economists say the port"
        " closure will cost $9m a day."
    )

    found = read(text, "$9m", kind="money", title="Governor Ann Kell promises to rebuild")

    assert found.entity_key != "kell"


def test_the_port_of_a_lead_is_the_port_the_article_names_further_on():
    text = (
        "The bridge carried 20,000 cars a day, while the port provides some 9,000 jobs.\n"
        "Ships could no longer reach the Port of Tarvik after the collapse."
    )

    found = read(text, "9,000 jobs", kind="count", unit="jobs")

    assert found.entity_key == "tarvik"


def test_another_figure_is_an_additional_one_and_its_word_is_not_the_figure_before():
    text = "Velo Air cancelled 310 flights on Saturday, with another 120 flights saved by swaps."

    cancelled = read(text, "310 flights", kind="count", unit="flights")
    saved = read(text, "120 flights", kind="count", unit="flights")

    assert cancelled.scope == ""
    assert saved.scope == "additional"
    assert cancelled.reference == "Saturday"


def test_a_calendar_years_count_of_traffic_is_a_yearly_figure():
    text = "The Tarvik bridge is busy. In 2024, the Tarvik bridge carried 13.8 million vehicles."

    found = read(text, "13.8 million vehicles", kind="count", unit="vehicles")

    assert (found.reference, found.scope) == ("2024", "per year")


def test_a_day_something_was_announced_on_dates_what_was_announced():
    text = "Velora set its IPO price. The pricing, announced by the company on Wednesday, was high."

    found = read(text, "Wednesday", kind="date")

    assert found.measure == "pricing"


def test_a_sentence_adverb_or_a_nationality_adjective_is_no_name():
    text = (
        "Tarvik Systems sells pumps to farms. The Danish maker, founded by engineers, grew fast."
        " Moreover, on May 2, Tarvik Systems said it had 40 factories. Danish officials and"
        " Swiss banks welcomed the news, as did the Danish Energy Agency."
    )

    names = [n.text for n in about.ArticleContext(text).names]

    assert not {"Moreover", "Danish", "Swiss"} & set(names)
    assert "Danish Energy Agency" in names
    assert not read(text, "40 factories", kind="count", unit="factories").line.startswith(
        ("Moreover", "Danish")
    )


def test_a_currency_abbreviation_is_no_name():
    text = "Harlow Metro said the line would cost Rs 9,000 crore. Harlow Metro opens next year."

    assert "Rs" not in [n.text for n in about.ArticleContext(text).names]


def test_the_line_names_the_product_a_company_owns_in_the_sentence():
    text = (
        "Lindqvist Aero builds drones for farmers. Lindqvist Aero sells them in Europe."
        " The range of Lindqvist Aero's Falcon Pro drone is 40 km, the company says."
    )

    found = read(text, "40 km", kind="quantity", unit="km")

    assert found.line.startswith("Falcon Pro")


def test_the_bridge_is_the_bridge_the_article_named():
    text = (
        "The Port of Dunmere is busy. The Port of Dunmere ships cars. The Port of Dunmere"
        " handles coal. The Harwick Bridge crosses the bay beside it."
        " The bridge spans 1.6 miles."
    )

    found = read(text, "1.6 miles", kind="quantity", unit="miles")

    assert found.line.startswith("Harwick Bridge")
    assert found.entity_key == "dunmere"  # grouping keeps the main entity


def test_it_is_the_name_that_opened_the_sentences_before():
    text = (
        "Corvane makes tablets. Corvane Slate is its new tablet. It is sold in Germany and"
        " Spain. It weighs 600 grams."
    )

    found = read(text, "600 grams", kind="quantity", unit="grams")

    assert found.line.startswith("Corvane Slate")


def test_a_name_the_verb_takes_after_the_figure_is_what_the_clause_is_about():
    text = (
        "The Port of Dunmere is busy. The Port of Dunmere ships cars. The Port of Dunmere"
        " handles coal. Some 20,000 vehicles crossed Harwick Bridge each day. About 300"
        " trucks were built by Volka last year. The probe flies 400 km above Ostia."
    )

    assert read(text, "20,000 vehicles", kind="count", unit="vehicles").line.startswith(
        "Harwick Bridge"
    )
    assert not read(text, "300", kind="count").line.startswith("Volka")
    assert not read(text, "400 km", kind="quantity", unit="km").line.startswith("Ostia")


def test_a_measure_opening_a_sentence_is_no_name():
    text = "Voters in Dunmere elected a council. Turnout was 61.5%, the highest since 1998."

    names = [n.text for n in about.ArticleContext(text).names]

    assert "Turnout" not in names
    assert "Dunmere" in names


def test_an_institution_of_a_place_opening_a_line_is_a_name_whole():
    text = (
        "The Bank of Marlow lowered its main rate on Thursday, and the central bank said more"
        " cuts may follow.\nBank of Marlow cuts rates to 3% after a close vote"
    )

    names = [n.text for n in about.ArticleContext(text).names]

    assert "Marlow" not in names
    assert read(text, "3%", kind="percent", unit="percent").line.startswith("Bank of Marlow")


def test_a_preposition_opening_a_sentence_is_no_name():
    text = (
        "Pellow Mills reported results on Monday. Alongside the results, the miller raised its"
        " margin forecast to 12%."
    )

    names = [n.text for n in about.ArticleContext(text).names]

    assert "Alongside" not in names
    assert read(text, "12%", kind="percent", unit="percent").line.startswith("Pellow")


def test_a_name_right_after_an_age_describes_the_person_and_is_not_the_entity():
    text = (
        "Kestrel Rovers signed a striker on Monday. Kestrel Rovers paid a club record."
        " The 23-year-old Brazil international will sign a five-year contract."
    )

    found = read(text, "23-year-old", kind="duration", unit="years")

    assert not found.line.startswith("Brazil")


def test_a_clause_with_no_subject_of_its_own_shares_the_sentences():
    text = (
        "The Port of Dunmere is busy. The Port of Dunmere ships cars. The Port of Dunmere"
        " handles coal. The Harwick Bridge crosses the bay beside it."
        " The bridge spans 1.6 miles, and was used by 20,000 vehicles per day."
    )

    found = read(text, "20,000 vehicles", kind="count", unit="vehicles")

    assert found.line.startswith("Harwick Bridge")


def test_an_owner_describes_the_noun_it_owns_in_the_measures_words():
    text = "Tarvik Systems paid £2m, less than 4% of the harvest’s value, its filing shows."

    found = read(text, "4%", kind="percent")

    assert "harvest value" in found.line
    assert "’s" not in found.line
    assert read(
        "Tarvik Systems said the company’s net debt was £2m.", "£2m", kind="money"
    ).line.startswith("Tarvik Systems net debt")


def test_a_descriptor_before_a_name_leads_to_the_name():
    text = "Online grocery company Basketly has priced its shares at $21 ahead of its debut."

    found = read(text, "$21", kind="money")

    assert found.line.startswith("Basketly")


def test_the_line_does_not_repeat_the_names_last_word():
    found = about.About(entity="Harwick Bridge", name="Harwick Bridge", wording="bridge length")

    assert found.line == "Harwick Bridge length"


def test_a_name_that_says_it_of_itself_is_what_its_figure_is_about():
    text = (
        "Storm Ivy hit the coast. Storm Ivy flooded towns. Storm Ivy moved north."
        " Water firm Brenmoor Water said it expected to restore supply to 80% of homes."
        " Hallin said it had no plans to close its 12 depots."
    )

    assert read(text, "80%", kind="percent").line.startswith("Brenmoor Water")
    assert read(text, "12 depots", kind="count", unit="depots").line.startswith("Hallin")


def test_an_organisation_named_after_a_title_word_is_still_the_main_entity():
    text = (
        "Kestrel Industries will buy Amberley Mills. The chairman of Kestrel Industries said"
        " the deal suits both. The combined group will have revenue of £5.4bn."
    )

    found = read(text, "£5.4bn", kind="money", title="Kestrel Industries to buy Amberley Mills")

    assert found.entity_key == "kestrel"


def test_shares_sold_by_holders_or_set_aside_for_users_are_not_the_whole_sale():
    text = (
        "Velora sold 30 million shares in its offering (21 million by Velora and 9 million by"
        " existing shareholders). About 3 million shares were reserved for its users."
    )

    sold = read(text, "9 million", kind="count")
    reserved = read(text, "3 million shares", kind="count", unit="shares")

    assert sold.scope == "sold by holders"
    assert reserved.scope == "set aside"
    assert read(text, "30 million shares", kind="count", unit="shares").scope == ""


def test_money_put_into_a_company_past_its_conversion_is_an_investment_in_it():
    text = (
        "Harrowgate said on Monday that it will put 12 million euros, or about $13.1 million,"
        " into Quillon Labs, the Lyon start-up."
    )

    found = read(text, "12 million euros", kind="money", unit="EUR")

    assert found.measure == "investment"
    assert found.line == "Harrowgate investment in Quillon Labs"


def test_the_line_keeps_the_word_that_says_an_amount_is_an_estimate():
    text = (
        "Work on the Brenmoor tram link has slipped again. The project's estimated cost has"
        " risen to £840m, the transport authority said."
    )

    found = read(text, "£840m", kind="money", title="Brenmoor tram link delayed")

    assert "estimated cost" in about.subject_line(found, "£840m")


def test_a_passive_estimate_after_the_measure_is_read_as_its_modifier():
    text = "The moon Varlo is small. Its surface temperature is estimated at 95 kelvins."

    found = read(text, "95 kelvins", kind="quantity", unit="kelvins")

    assert "estimated surface temperature" in about.subject_line(found, "95 kelvins")


def test_an_amount_added_to_costs_is_shown_as_extra_costs():
    text = (
        "Quillon Retail warned on Thursday. Chief executive Dana Okafor said new duties would"
        " add as much as $45 million to its shipping costs this year."
    )

    found = read(text, "$45 million", kind="money")
    line = about.subject_line(found, "$45 million")

    assert "extra shipping costs" in line
    # the readable line never changes what grouping compares
    assert "extra" not in about.subject_terms(found, "$45 million")


def test_what_an_amount_is_of_names_the_measure():
    text = "Marlowe Steel will pay for the plant with £300m of retained earnings and a new loan."

    found = read(text, "£300m", kind="money")

    assert "retained earnings" in about.subject_line(found, "£300m")


def test_another_amount_of_time_is_extra_time_without_repeating_the_scope():
    text = "The Orla observatory team has asked for another 30 hours of telescope time."

    found = read(text, "30 hours", kind="duration", unit="hours")
    line = about.subject_line(found, "30 hours")

    assert "extra telescope time" in line
    assert "(additional)" not in line


def test_what_befell_a_counted_thing_after_it_leads_the_line():
    text = "Turnout in Westerby was low. A further 412 postal votes were rejected as late."

    found = read(text, "412 postal votes", kind="count", unit="votes")

    assert "rejected postal votes" in about.subject_line(found, "412 postal votes")


def test_a_modifier_of_another_figure_in_the_clause_is_not_this_figures():
    text = (
        "The bridge's estimated cost has risen to £90m, more than the £60m approved by"
        " the council in 2020."
    )

    found = read(text, "£60m", kind="money")

    assert "estimated" not in about.subject_line(found, "£60m")


def test_a_length_is_read_as_the_dimension_the_sentence_gives_it():
    text = "The Vessmark tremor struck before dawn. Its focus lay 12 kilometres deep."

    found = read(text, "12 kilometres", kind="quantity", unit="kilometers")

    assert about.subject_line(found, "12 kilometres").endswith("depth")


def test_a_figure_describing_a_thing_measures_that_thing():
    text = "The Korrin probe carries a 2.4-metre antenna and a 600 kg payload."

    antenna = read(text, "2.4-metre", kind="quantity", unit="meters")
    payload = read(text, "600 kg", kind="quantity", unit="kilograms")

    assert "antenna length" in about.subject_line(antenna, "2.4-metre")
    assert "payload mass" in about.subject_line(payload, "600 kg")


def test_a_unit_of_speed_or_heat_names_its_measure_instead_of_a_verb():
    text = "The Tamsin ferry crossed the strait. It sailed at 22 miles per hour all night."

    found = read(text, "22 miles per hour", kind="quantity", unit="miles per hour")
    line = about.subject_line(found, "sailed at")

    assert line.endswith("speed")
    assert "sailed" not in line


def test_a_length_of_time_describing_a_thing_is_how_long_it_lasts():
    text = "Defender Ilan Brosk will sign a four-year contract with Harwell Athletic."

    found = read(text, "four-year", kind="duration", unit="years")

    assert "contract length" in about.subject_line(found, "contract")


def test_the_places_figures_name_the_place_it_stands_for():
    text = (
        "Storm Idris swept past Port Wenna on Monday. Storm Idris then passed north of"
        " Kerrow Isle. About 300 people were evacuated, and power was cut to most of the"
        " island's 6,400 homes."
    )

    found = read(text, "6,400 homes", kind="count", unit="homes", title="Storm Idris")

    assert about.subject_line(found, "6,400 homes").startswith("Kerrow Isle")


def test_money_put_into_the_entity_is_named_after_whoever_put_it_in():
    text = (
        "Quillfire has a new backer. Dovecote Systems said on Monday that it would resell"
        " Quillfire models. The company invested €3 billion (£2.6 billion) into Quillfire,"
        " its largest bet yet."
    )

    found = read(text, "€3 billion", kind="money", title="Quillfire gets a backer")

    assert about.subject_line(found, "€3 billion") == "Dovecote Systems investment in Quillfire"
    # grouping still compares the figure as the article's entity's
    assert about.subject_terms(found, "€3 billion") == "Quillfire investment"


def test_the_line_keeps_which_profit_or_margin_the_sentence_means():
    text = "Brackley Foods had a good spring. Gross margin widened by 1.2 percentage points."

    found = read(text, "1.2 percentage points", kind="percent", unit="percentage points")

    assert "gross margin" in about.subject_line(found, "1.2 percentage points")


def test_an_institution_the_text_mostly_calls_by_its_acronym_keeps_it_in_the_line():
    text = (
        "The Marlow Rail Safety Board (MRSB) opened an inquiry on Monday. The MRSB said the"
        " train was travelling too fast. The MRSB has inspected 41 carriages so far."
    )

    found = read(text, "41 carriages", kind="count", unit="carriages")

    assert about.subject_line(found, "41 carriages").startswith("MRSB")


def test_how_many_live_in_a_place_is_its_population_not_a_toll():
    text = "In the hamlet of Torsby, 12 people died out of a population of roughly 150."

    found = read(text, "150", kind="count", unit="people")
    line = about.subject_line(found, "150")

    assert line.endswith("population")
    assert "toll" not in line


def test_an_age_written_as_its_own_noun_phrase_is_the_person_named_before_it():
    text = (
        "Dunmore Athletic have agreed to sign Corvo striker Ana Duarte for a reported €40m."
        " The 24-year-old Portugal international will sign a four-year contract."
        " Duarte has scored 21 goals this season."
    )

    found = read(text, "24-year-old", kind="duration")

    assert about.subject_line(found, "24-year-old").startswith("Ana Duarte")


def test_a_company_said_to_be_so_old_keeps_its_own_name():
    text = (
        "Trevanion, the 90-year-old Leeds packaging group, agreed to a sale."
        " Chair Ruth Kell, who joined in 2001, backed the deal. Kell said it was fair."
    )

    found = read(text, "90-year-old", kind="duration")

    assert about.subject_line(found, "90-year-old").startswith("Trevanion")


def test_a_fee_paid_to_sign_someone_names_whom_it_buys():
    text = (
        "Dunmore Athletic have agreed a club-record deal to sign Corvo striker Ana Duarte for"
        " a reported €40m. Duarte has scored 21 goals this season."
    )

    found = read(text, "€40m", kind="money", unit="EUR")
    line = about.subject_line(found, "€40m")

    assert line.startswith("Dunmore Athletic")
    assert line.endswith("for Ana Duarte")
    assert "Duarte" not in about.subject_terms(found, "€40m")


def test_a_figure_inside_a_who_clause_is_about_the_name_it_hangs_on():
    text = (
        "Dunmore Athletic have signed Ana Duarte from Corvo. Duarte, who wore the number 9 shirt"
        " at Corvo and has won 14 caps for Portugal, will have a medical on Friday."
    )

    found = read(text, "14 caps", kind="count", unit="caps")

    assert about.subject_line(found, "14 caps").startswith("Ana Duarte")


def test_a_stand_in_with_words_describing_it_still_names_the_thing():
    text = (
        "Trucks queued for hours at the Port of Tarvik after the Edmund Harlow Bridge closed."
        " In 2024, the six-lane toll bridge carried 9.1 million vehicles."
    )

    found = read(text, "9.1 million vehicles", kind="count", unit="vehicles")

    assert about.subject_line(found, "9.1 million vehicles").startswith("Edmund Harlow Bridge")


def test_a_figure_offered_by_a_name_is_that_names():
    text = (
        "Tessaly launched Orla, its new language model, on Monday. Orla reads 32K tokens at"
        " once, though that falls short of the 64K tokens offered by Pelion Max."
    )

    found = read(text, "64K tokens", kind="quantity", unit="tokens")

    assert about.subject_line(found, "64K tokens").startswith("Pelion Max")


def test_a_currency_code_or_a_quarter_label_is_never_what_a_figure_is_about():
    text = (
        "Brindle Corp reported its results on Wednesday. Q4 revenue came in at USD 8.2 billion."
        " USD 1.1 billion of it came from cloud services."
    )

    for figure in ("USD 8.2 billion", "USD 1.1 billion"):
        found = read(text, figure, kind="money", unit="USD")
        assert found.line.startswith("Brindle"), found.line


def test_the_period_a_change_is_measured_against_is_not_its_reference():
    text = (
        "Brindle Corp's revenue for the final quarter of 2025 came in at $8.2 billion, a 265"
        " percent rise over the same period in 2024."
    )

    assert read(text, "$8.2 billion", kind="money", unit="USD").reference == "Q4"
    assert read(text, "265 percent", kind="percent", unit="percent").reference != "2024"


@pytest.mark.parametrize("since", ["since June 2019", "since early 2019", "since late 2019"])
def test_the_time_a_record_runs_since_is_not_the_rates_reference(since):
    text = (
        "The Marsh Reserve Bank cut its main rate from 6.5 per cent to 6.25 per cent, the"
        f" lowest level {since}."
    )

    for figure in ("6.5 per cent", "6.25 per cent"):
        assert "2019" not in read(text, figure, kind="percent", unit="percent").reference


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("The board voted 6-3 in favour of the 25 basis point cut.", "25 basis point"),
        ("One member called for a bigger 0.5 percentage point cut.", "0.5 percentage point"),
        ("Two members preferred a 50 basis point hike.", "50 basis point"),
    ],
)
def test_a_move_in_points_named_a_cut_or_hike_is_the_rates_move(sentence, figure):
    text = "The Marsh Reserve Bank lowered its main rate to 3 per cent on Tuesday. " + sentence

    found = read(text, figure, kind="percent", unit="basis points")

    assert found.measure == "interest rate"


def test_a_bigger_move_someone_preferred_is_not_the_move_decided():
    text = (
        "The Marsh Reserve Bank's board voted 6-3 in favour of the 25 basis point cut on Tuesday."
        " One member called for a more aggressive 50 basis point cut."
    )

    decided = read(text, "25 basis point", kind="percent", unit="basis points")
    preferred = read(text, "50 basis point", kind="percent", unit="basis points")

    assert decided.measure == preferred.measure == "interest rate"
    assert preferred.scope == "alternative"
    assert decided.key != preferred.key


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (
            "Inflation at Marsh is projected to return to the 2 per cent target rate by 2028.",
            "2 per cent",
        ),
        ("The Marsh Reserve Bank vowed to bring inflation back to its 2% target.", "2%"),
        ("Marsh has an inflation target of 3% and prices rose 4.1% in May.", "3%"),
    ],
)
def test_a_percent_named_the_inflation_target_is_the_target(text, figure):
    found = read(text, figure, kind="percent", unit="percent")

    assert found.measure == "inflation target"
    assert (found.reference, found.scope) == ("", "")


def test_counts_of_people_discharged_or_in_treatment_are_no_count_of_passengers_aboard():
    text = (
        "The Harlow express was carrying about 900 passengers when it derailed near Tollin."
        " So far, 412 passengers have been discharged and 60 are still being treated."
    )

    aboard = read(text, "900 passengers", kind="count", unit="passengers")
    discharged = read(text, "412 passengers", kind="count", unit="passengers")

    treated = read(text, "60", kind="count", unit="passengers")

    assert discharged.measure == "discharged"
    assert treated.measure == "in treatment"
    assert aboard.measure not in ("discharged", "in treatment")


def test_a_rise_in_earnings_per_share_is_no_move_of_the_share_price():
    text = (
        "Brindle Corp earned $4.10 per share, which is a 312% increase compared to a year earlier."
    )

    found = read(text, "312%", kind="percent", unit="percent")

    assert found.measure != "share price change"


def test_the_level_a_rate_moved_from_is_not_the_new_level():
    text = "The central bank raised its deposit rate to 0.5% from 0.25% on Thursday."
    new = read(text, "0.5%", kind="percent", unit="percent")
    old = read(text, "0.25%", kind="percent", unit="percent")
    assert new.measure == old.measure == "interest rate"
    assert old.reference == "previous level"
    assert new.key != old.key


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Corvane Systems will cut 4,000 jobs, about 8% of its workforce.", "8%"),
        ("Corvane Systems is cutting 8% of its massive workforce.", "8%"),
        ("Corvane Systems to cut 8% jobs, suspend dividend.", "8%"),
        ("Corvane Systems revealed the 8% head count cut on Tuesday.", "8%"),
        ("Halden Games laid off 80 staff, roughly 8% of the studio's workforce.", "8%"),
    ],
)
def test_a_share_of_a_company_s_staff_is_a_workforce_share(text, figure):
    assert read_figure(text, figure, kind="percent").measure == "workforce share"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Corvane Systems' share price slumped 14% in early trading.", "14%"),
        ("Corvane Systems is slashing its capital spending by about 20% this year.", "20%"),
        ("Corvane Systems holds 8% of the market.", "8%"),
    ],
)
def test_other_percents_of_a_company_are_no_workforce_share(text, figure):
    assert read_figure(text, figure, kind="percent").measure != "workforce share"


def test_a_share_of_body_weight_lost_is_weight_loss_however_written():
    text = (
        "In a trial, Velorin cut body weight by 14% over a year. Patients on Velorin lost"
        " an average of 16.5 percent of their weight. Others saw a 12% weight loss. For"
        " patients with diabetes, body weight was reduced by 9%. Velorin helped patients"
        " lose up to 38 pounds. Velorin sales rose 9% and its shipments weigh 40 tonnes."
    )

    for figure, kind, unit in (
        ("14%", "percent", ""),
        ("16.5 percent", "percent", ""),
        ("12%", "percent", ""),
        ("9%", "percent", ""),
        ("38 pounds", "quantity", "pounds"),
    ):
        assert read(text, figure, kind=kind, unit=unit).measure == "weight loss", figure
    assert read(text, "9%", kind="percent", nth=1).measure != "weight loss"
    assert read(text, "40 tonnes", kind="quantity", unit="tonnes").measure != "weight loss"


def test_a_dateline_joined_by_a_double_hyphen_stays_out_of_the_entity():
    text = (
        "SAN LORENZO--Korvane plans to trim nearly 12% of its staff, the company said."
        " Korvane employs about 40,000 people."
    )

    found = read(text, "12%", kind="percent", unit="percent")

    assert found.entity_key == "korvane"
    assert "LORENZO" not in found.line


def test_a_page_label_before_a_link_is_no_entity():
    text = (
        "Harlow Water raises bills for a third year\n"
        "Related: Reservoir levels fall as dry spell lasts into autumn\n"
        "Harlow Water has raised average bills from 410 pounds to 452 pounds."
    )

    found = read(text, "410 pounds", kind="money", unit="GBP")

    assert "Related" not in [name.text for name in about.find_names(text)]
    assert found.line.startswith("Harlow Water")


def test_the_town_before_a_based_adjective_is_where_the_company_is_no_entity():
    text = (
        "Vexa Labs cut its forecast on Tuesday.\n"
        "Shares of Port Ellis, Norland-based Vexa Labs fell 12% in late trading."
    )

    found = read(text, "12%", kind="percent", unit="percent")

    assert "Port Ellis" not in [name.text for name in about.find_names(text)]
    assert found.entity == "Vexa Labs"


def test_a_title_and_its_subtitle_after_a_colon_are_one_name_inside_a_sentence():
    text = (
        "Ticket sales for Starfall: Iron Tide reached $41 million on Friday."
        "\nVexa: Sales rose 8% in the spring."
    )

    names = [name.text for name in about.find_names(text)]

    assert "Starfall: Iron Tide" in names
    assert "Vexa" in names
    assert not any(name.startswith("Vexa:") for name in names)
    found = read(text, "$41 million", kind="money", unit="USD")
    assert found.line.startswith("Starfall: Iron Tide")


def test_a_figure_analysts_projected_is_their_estimate_not_the_analysts():
    text = (
        "Vexa Labs expects revenue of $3.2 billion this quarter, the company said."
        " Analysts had projected $3.6 billion on average."
    )

    found = read(text, "$3.6 billion", kind="money", unit="USD")

    assert found.line.startswith("Vexa Labs analysts' estimate")


def test_a_market_value_lost_in_extended_trade_is_no_loss_of_the_next_day():
    text = (
        "Shares of Vexa Labs slumped 18% in extended trade, setting it up to lose more than"
        " $9 billion in market value."
    )

    found = read(text, "$9 billion", kind="money", unit="USD")

    assert found.measure == "market value"
    assert found.reference == "after hours"
    assert found.line == "Vexa Labs market value in after-hours trading"


def test_a_storm_named_at_a_sentence_start_is_named_in_full():
    text = (
        "The fishing town of Varrow was hit hard by Pella, which grew into a major hurricane"
        " overnight.\n\nHurricane Pella flattened the harbour on Tuesday.\n\nPella brought"
        " winds of 140 mph to the coast."
    )

    found = read(text, "140 mph", kind="quantity", unit="mph")

    assert found.line.startswith("Hurricane Pella")


def test_a_given_name_joined_by_a_hyphen_belongs_to_the_name():
    text = (
        "The ruling party's Tam Shu-wen won the race on Sunday. Tam won 4.2 million votes,"
        " a Seoul-based pollster said."
    )

    names = [name.text for name in about.find_names(text)]
    found = read(text, "4.2 million votes", kind="count", unit="votes")

    assert "Tam Shu-wen" in names
    assert "Seoul-based" not in " ".join(names)
    assert found.line.startswith("Tam Shu-wen")


def test_a_title_case_headline_names_the_institution_without_its_verbs():
    title = "Bank of Harlow Keeps Rates at 3% in Split Vote"
    text = (
        f"{title}\n\nThe Bank of Harlow kept interest rates at 3 per cent on Thursday."
        " Policymakers at the bank said rates would stay there."
    )

    context = about.ArticleContext(text, title)

    assert [n.text for n in context.title_names][:1] == ["Bank of Harlow"]
    assert context.salient == "Bank of Harlow"


def test_a_toll_in_a_storm_s_story_is_the_storm_s_whichever_town_the_sentence_names():
    text = (
        "The port of Selvin was battered by Marrek, which had grown into a typhoon.\n\n"
        "Typhoon Marrek struck Selvin on Monday.\n\nSelvin officials said 14 people were"
        " killed in Selvin. Marrek then weakened over land."
    )

    found = read(text, "14 people", kind="count", unit="people")

    assert found.measure == "death toll"
    assert found.line.startswith("Typhoon Marrek")


def test_a_family_name_written_alone_is_shown_with_its_given_name():
    text = (
        "The opposition's Arthur Tam Shu-wen conceded on Sunday. Officials said Tam won"
        " 4.2 million votes."
    )

    found = read(text, "4.2 million votes", kind="count", unit="votes")

    assert "Tam Shu-wen" in found.line
    assert about.entity_key("Arthur Tam Shu-wen") == about.entity_key("Tam") == "tam"


def test_a_storm_named_with_its_category_is_the_storm():
    text = (
        "(Wire) — The death toll in Selvin has risen to 14 after Category 4 Typhoon Marrek"
        " struck the port on Monday, officials said."
    )

    found = read(text, "14", kind="count")

    assert found.line.startswith("Typhoon Marrek")


@pytest.mark.parametrize("opener", ["Starring", "Featuring", "Citing", "Per"])
def test_a_preposition_opening_a_sentence_is_no_part_of_the_name_after_it(opener):
    text = f"{opener} Mara Quill, the film cost $90 million to make."

    names = [name.text for name in about.find_names(text)]

    assert names == ["Mara Quill"]


def test_a_month_after_an_amount_is_when_not_whom_it_went_to():
    text = "Brovik Capital made a $40 million investment in March 2030, its filing said."

    found = read(text, "$40 million", kind="money")

    assert found.target == ""
    assert "March" not in found.key
