"""Which figures of different articles make a dispute: the values decide agreement, the
subjects decide whether two different values state one fact at all."""

from __future__ import annotations

from datetime import date

from claims import facts
from claims.models import Fact
from tests.claims.stories import claim, publish


def test_two_values_whose_measure_is_not_read_do_not_make_a_dispute(make_article):
    first = publish(
        make_article,
        "Storm Oriel flooded Lanford overnight. Governor Ana Ruiz said crews pulled 640 people"
        " from rooftops in Lanford by dawn.",
        outlet="Coast Wire",
        published=date(2025, 9, 2),
    )
    second = publish(
        make_article,
        "Storm Oriel left Lanford under water. In Lanford, 2,150 residents spent the night in"
        " school gyms after the storm.",
        outlet="Lanford Sentinel",
        published=date(2025, 9, 3),
    )

    rescued = claim(first, "640 people").fact
    sheltered = claim(second, "2,150 residents").fact
    assert rescued != sheltered
    assert Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).count() == 0


def test_a_yearly_figure_and_one_without_a_period_are_not_one_disputed_fact(make_article):
    first = publish(
        make_article,
        "Halbrook Foods agreed to buy Corrie Snacks. Halbrook Foods had revenue of £3.1 billion"
        " in its last financial year.",
        outlet="City Desk",
        published=date(2025, 1, 9),
    )
    second = publish(
        make_article,
        "Halbrook Foods agreed to buy Corrie Snacks. The combined Halbrook Foods will have"
        " revenue of £4.7 billion a year.",
        outlet="Market Daily",
        published=date(2025, 1, 10),
    )

    assert claim(first, "£3.1 billion").fact != claim(second, "£4.7 billion").fact
    assert Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).count() == 0


def test_a_figure_whose_measure_only_its_context_names_still_makes_its_dispute(make_article):
    first = publish(
        make_article,
        "Norvik Grid signed a cloud deal with Velora. Norvik Grid faces scrutiny over its"
        " $7 billion investment in Velora.",
        outlet="Tech Ledger",
        published=date(2024, 2, 26),
    )
    second = publish(
        make_article,
        "Norvik Grid signed a cloud deal with Velora. Norvik Grid is Velora's biggest investor."
        " It ploughed $5 billion into the firm.",
        outlet="Wire Review",
        published=date(2024, 2, 27),
    )

    fact = claim(first, "$7 billion").fact
    assert claim(second, "$5 billion").fact == fact
    assert fact.agreement == Fact.Agreement.DISPUTED


def test_counts_of_two_different_things_are_never_one_fact(make_article):
    first = publish(
        make_article,
        "Corrie Snacks agreed to a takeover. Corrie Snacks employs 5,300 people at nine depots"
        " in Wales.",
        outlet="City Desk",
        published=date(2025, 1, 9),
    )
    second = publish(
        make_article,
        "Corrie Snacks agreed to a takeover. Corrie Snacks employs about 5,000 people and sells"
        " its crisps in more than 30 markets.",
        outlet="Market Daily",
        published=date(2025, 1, 10),
    )

    assert claim(first, "nine depots").fact != claim(second, "30 markets").fact
    assert Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).count() == 0


def test_the_same_measure_of_two_companies_is_two_facts(make_article):
    first = publish(
        make_article,
        "Tarvik Steel and Orlan Metals agreed to merge on Monday. Tarvik Steel had revenue of"
        " $6.3 billion last year.",
        outlet="City Desk",
        published=date(2025, 3, 3),
    )
    second = publish(
        make_article,
        "Tarvik Steel and Orlan Metals agreed to merge on Monday. Orlan Metals had revenue of"
        " $2.1 billion last year.",
        outlet="Market Daily",
        published=date(2025, 3, 4),
    )

    assert claim(first, "$6.3 billion").fact != claim(second, "$2.1 billion").fact
    assert Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).count() == 0


def test_a_month_that_fits_two_different_days_does_not_join_them_into_a_dispute(make_article):
    storm = "Storm Petra hit Kessick on Sunday night."
    publish(
        make_article,
        f"{storm} Storm Petra weakened to a tropical storm over Kessick on Monday.",
        outlet="Coast Wire",
        published=date(2025, 9, 16),
    )
    publish(
        make_article,
        f"{storm} Storm Petra was the season's fourth named storm over Kessick by early September.",
        outlet="Island Times",
        published=date(2025, 9, 16),
    )
    publish(
        make_article,
        f"{storm} Storm Petra closed Kessick schools, which reopen on Sept. 24.",
        outlet="Kessick Sentinel",
        published=date(2025, 9, 17),
    )

    assert not Fact.objects.filter(kind="date", agreement=Fact.Agreement.DISPUTED).exists()


def test_a_count_in_one_place_and_a_count_in_another_are_two_facts(make_article):
    first = publish(
        make_article,
        "Holm Valves agreed to be bought by Kestrel Group. Holm Valves employs 9,800 people,"
        " including roughly 3,100 in Ireland.",
        outlet="City Desk",
        published=date(2025, 10, 21),
    )
    second = publish(
        make_article,
        "Holm Valves agreed to be bought by Kestrel Group. Holm Valves has 9,800 employees;"
        " around 1,700 of them work in Poland.",
        outlet="Baltic Journal",
        published=date(2025, 10, 22),
    )

    assert claim(first, "3,100").fact != claim(second, "1,700").fact
    assert not Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).exists()


def test_a_yearly_count_dated_by_one_outlet_only_still_makes_its_dispute(make_article):
    first = publish(
        make_article,
        "The Tarvik bridge collapsed on Tuesday. The Tarvik bridge was crossed by about"
        " 9.2 million vehicles per year, according to the county.",
        outlet="Coast Wire",
        published=date(2025, 3, 26),
    )
    second = publish(
        make_article,
        "The Tarvik bridge collapsed on Tuesday. In 2024, the Tarvik bridge carried"
        " 13.8 million vehicles, a state report found.",
        outlet="Harbour Post",
        published=date(2025, 3, 27),
    )

    fact = claim(first, "9.2 million vehicles").fact
    assert claim(second, "13.8 million vehicles").fact == fact
    fact.refresh_from_db()
    assert fact.agreement == Fact.Agreement.DISPUTED


def test_counts_for_different_days_are_not_one_disputed_fact(make_article):
    first = publish(
        make_article,
        "Velo Air grounded its Corsa jets. Velo Air said the move led to 310 flight"
        " cancellations on Saturday and Sunday.",
        outlet="Air Desk",
        published=date(2025, 1, 8),
    )
    second = publish(
        make_article,
        "Velo Air grounded its Corsa jets. Velo Air avoided about 40 flight cancellations"
        " each on Monday and Tuesday by swapping aircraft.",
        outlet="Travel Wire",
        published=date(2025, 1, 9),
    )

    assert (
        claim(first, "310 flight cancellations").fact
        != claim(second, "40 flight cancellations").fact
    )
    assert Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).count() == 0


def test_an_opening_summary_and_the_body_restating_it_with_its_source_are_one_fact(make_article):
    # Points opening the article restate the body in few words; the body adds who estimated.
    first = publish(
        make_article,
        "The Harlow ferry will stop for a month.\n\n"
        "Officials say the closure will cost some $4 million a week.\n\n"
        "Repairs start on Monday.\n\n"
        "The Harlow ferry carries cars between Brisk and Tolland. The closure will cost $4"
        " million a week in lost trade, the Tolland Chamber of Commerce estimated.",
        outlet="Harbour Post",
        published=date(2025, 6, 2),
    )
    second = publish(
        make_article,
        "The Harlow ferry halted for repairs. The Harlow ferry closure will cost Brisk and"
        " Tolland $9 million a week in lost trade, the Tolland Chamber of Commerce said.",
        outlet="Valley Times",
        published=date(2025, 6, 3),
    )

    summary, body = first.claims.order_by("start").filter(text__contains="$4 million")
    assert summary.fact_id == body.fact_id
    assert claim(second, "$9 million").fact_id == body.fact_id
    assert body.fact.agreement == Fact.Agreement.DISPUTED


def test_a_grounding_and_the_blowout_before_it_are_two_facts_though_on_one_day(make_article):
    first = publish(
        make_article,
        "Tarn Air grounded its Dove jets late on Friday, hours after a panel blew out over Lisk."
        " The jet was climbing when the blowout took place on Friday night, and it landed in"
        " Lisk.",
        outlet="Air Desk",
        published=date(2025, 3, 8),
    )
    second = publish(
        make_article,
        "A Tarn Air jet made an emergency landing in Lisk on Friday after a panel blew out.",
        outlet="Lisk Courier",
        published=date(2025, 3, 8),
    )

    grounded, blowout = first.claims.filter(kind="date").order_by("start")
    assert grounded.fact_id != blowout.fact_id
    assert claim(second, "Friday").fact_id == blowout.fact_id


def test_a_savings_goal_one_outlet_dates_to_a_later_year_still_makes_its_dispute(make_article):
    first = publish(
        make_article,
        "Corvane Systems will cut 4,000 jobs. The cuts are part of a plan to save $3 billion"
        " in costs, Corvane Systems said.",
        outlet="Chip Ledger",
        published=date(2025, 5, 2),
    )
    second = publish(
        make_article,
        "Corvane Systems will cut 4,000 jobs. Corvane Systems wants to reduce costs and save"
        " $2 billion in 2026, it said.",
        outlet="Tech Wire",
        published=date(2025, 5, 2),
    )

    fact = claim(first, "$3 billion").fact
    assert claim(second, "$2 billion").fact == fact
    fact.refresh_from_db()
    assert fact.agreement == Fact.Agreement.DISPUTED


def test_a_goal_written_with_the_wrong_scale_word_still_makes_its_dispute(make_article):
    # Undated: no publication year says 2026 is still to come; the same digits a thousand
    # times apart say the two outlets wrote one figure.
    first = publish(
        make_article,
        "Corvane Systems will cut 4,000 jobs. The cuts are part of a plan to save $3 billion"
        " in costs, Corvane Systems said.",
        outlet="Chip Ledger",
        published=None,
    )
    second = publish(
        make_article,
        "Corvane Systems will cut 4,000 jobs. Corvane Systems wants to reduce costs and save"
        " $3m in 2026, it said.",
        outlet="Tech Wire",
        published=None,
    )

    fact = claim(first, "$3 billion").fact
    assert claim(second, "$3m").fact == fact
    fact.refresh_from_db()
    assert fact.agreement == Fact.Agreement.DISPUTED


def test_last_year_s_revenue_and_an_undated_one_are_not_one_disputed_fact(make_article):
    first = publish(
        make_article,
        "Corvane Systems will cut 4,000 jobs. Corvane Systems had revenue of $9 billion, it said.",
        outlet="Chip Ledger",
        published=date(2025, 5, 2),
    )
    second = publish(
        make_article,
        "Corvane Systems will cut 4,000 jobs. Corvane Systems had revenue of $12 billion"
        " in 2024, it said.",
        outlet="Tech Wire",
        published=date(2025, 5, 2),
    )

    assert claim(first, "$9 billion").fact != claim(second, "$12 billion").fact


def test_a_share_of_the_workforce_is_not_a_share_price_fall(make_article):
    first = publish(
        make_article,
        "Corvane Systems will cut 4,000 jobs, 8% of its workforce, and its share price"
        " slumped 14% in early trading.",
        outlet="Chip Ledger",
        published=date(2025, 5, 2),
    )
    second = publish(
        make_article,
        "Corvane Systems said it is cutting 12% of its global workforce.",
        outlet="Tech Wire",
        published=date(2025, 5, 2),
    )

    fact = claim(first, "8%").fact
    assert claim(second, "12%").fact == fact
    assert claim(first, "14%").fact != fact
    fact.refresh_from_db()
    assert fact.agreement == Fact.Agreement.DISPUTED


def test_a_hedged_population_a_rounding_step_off_makes_its_dispute(make_article):
    first = publish(
        make_article,
        "A wildfire forced the evacuation of Dunmore Falls. Dunmore Falls, a town of 18,000"
        " people, was emptied overnight.",
        outlet="Valley Wire",
        published=date(2025, 8, 4),
    )
    second = publish(
        make_article,
        "A wildfire forced the evacuation of Dunmore Falls. Dunmore Falls, home to around"
        " 17,000 people, was emptied overnight.",
        outlet="Ridge Courier",
        published=date(2025, 8, 5),
    )

    fact = claim(first, "18,000 people").fact
    assert claim(second, "17,000 people").fact == fact
    fact.refresh_from_db()
    assert fact.agreement == Fact.Agreement.DISPUTED


def test_two_hedged_distances_a_rounding_step_apart_make_their_dispute(make_article):
    first = publish(
        make_article,
        "A wildfire forced the evacuation of Dunmore Falls. Flames reached Dunmore Falls,"
        " about 60 miles north of Carvel.",
        outlet="Valley Wire",
        published=date(2025, 8, 4),
    )
    second = publish(
        make_article,
        "A wildfire forced the evacuation of Dunmore Falls. Flames reached Dunmore Falls,"
        " about 70 miles north of Carvel.",
        outlet="Ridge Courier",
        published=date(2025, 8, 5),
    )

    fact = claim(first, "60 miles").fact
    assert claim(second, "70 miles").fact == fact
    fact.refresh_from_db()
    assert fact.agreement == Fact.Agreement.DISPUTED


def test_a_rate_and_an_inflation_forecast_of_one_value_are_two_facts(make_article):
    article = publish(
        make_article,
        "The Marsh Reserve Bank cut its main rate from 3.25 per cent to 3 per cent on Tuesday."
        " The bank raised its growth forecast for 2026 to 1.5 per cent but warned that"
        " inflation is now set to peak at 3 per cent in October.",
        outlet="Harbour Post",
        published=date(2026, 3, 4),
    )

    rate = article.claims.filter(text="3 per cent").order_by("start").first().fact
    inflation = article.claims.filter(text="3 per cent").order_by("-start").first().fact
    assert rate != inflation


def test_a_difference_from_a_valuation_is_another_quantity_than_the_valuation():
    # "about $3 billion more than its valuation in the share sale" states by how much, not
    # a valuation: it never joins a valuation said plainly ("valued at $2.3 billion").
    assert facts._another_quantity("difference")
    assert not facts._another_quantity("total")


def test_a_wage_before_tax_and_one_after_tax_are_two_facts(make_article):
    first = publish(
        make_article,
        "Ostfeld signed the striker Tomas Venn on Monday. Venn's pay at the club comes to"
        " €18m (£16m) a year before tax, his agent said.",
        outlet="Pitch Wire",
        published=date(2025, 7, 2),
    )
    second = publish(
        make_article,
        "Ostfeld signed the striker Tomas Venn on Monday. Club sources say the move should net"
        " Venn some €11m annually.",
        outlet="Terrace Daily",
        published=date(2025, 7, 2),
    )
    third = publish(
        make_article,
        "Ostfeld signed the striker Tomas Venn on Monday. Venn will earn €11m (£9.8m) a year"
        " after tax.",
        outlet="Goal Line",
        published=date(2025, 7, 3),
    )

    fourth = publish(
        make_article,
        "Ostfeld signed the striker Tomas Venn on Monday. His wages, put at 11 million euros"
        " (USD 12.9 million) a year, make him the club's best paid player.",
        outlet="Wire Sport",
        published=date(2025, 7, 3),
    )

    gross = claim(first, "€18m").fact
    assert gross != claim(second, "€11m").fact
    assert gross != claim(fourth, "11 million euros").fact
    assert claim(second, "€11m").fact == claim(third, "€11m").fact
    assert Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).count() == 0


def test_an_old_artwork_s_age_and_a_buyer_s_age_are_not_one_disputed_fact(make_article):
    first = publish(
        make_article,
        "A tapestry by Orsolya Venn sold in Carrowmere for £80 million. The 400-year-old"
        ' "Harvest at Dusk" drew bids from four collectors.',
        outlet="Gallery Desk",
        published=date(2026, 3, 4),
    )
    second = publish(
        make_article,
        "A tapestry by Orsolya Venn sold in Carrowmere for £80 million. The buyer is a friend"
        " of the region's 41-year-old deputy governor, Tomas Reyl.",
        outlet="Carrowmere Post",
        published=date(2026, 3, 5),
    )

    assert claim(first, "400-year-old").fact != claim(second, "41-year-old").fact
    assert Fact.objects.filter(agreement=Fact.Agreement.DISPUTED).count() == 0


def test_a_price_written_in_full_and_then_in_millions_is_the_price_disputed(make_article):
    first = publish(
        make_article,
        "A fresco by Orsolya Venn sold at auction in Carrowmere for $212.6 million on Tuesday,"
        " the highest price paid for a fresco.",
        outlet="Gallery Desk",
        published=date(2026, 3, 4),
    )
    second = publish(
        make_article,
        "The fresco by Orsolya Venn sold at auction in Carrowmere for $212,575,000 million on"
        " Tuesday, a record for a fresco.",
        outlet="Carrowmere Post",
        published=date(2026, 3, 5),
    )

    fact = claim(first, "$212.6 million").fact
    assert claim(second, "$212,575,000 million").fact == fact
    fact.refresh_from_db()
    assert fact.agreement == Fact.Agreement.DISPUTED
