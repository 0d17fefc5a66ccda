from __future__ import annotations

from datetime import date

from articles.corpus import read_corpus
from articles.importing import import_documents
from articles.services import request_extraction
from claims import facts, pipeline
from claims.models import Fact, FactEvent, FactKey
from tests.claims.stories import claim, publish


def test_the_same_fact_in_three_articles_is_one_fact_with_the_outlier_disputed(make_article):
    # given
    first = publish(
        make_article,
        "Harlow Motors will invest €40 million in its battery plant in Tarvik, the carmaker said.",
        outlet="Northern Post",
        published=date(2024, 3, 4),
    )
    second = publish(
        make_article,
        "Harlow Motors is investing €40 million in the Tarvik battery plant, which opens in May.",
        outlet="Tarvik Herald",
        published=date(2024, 3, 5),
    )
    # when
    third = publish(
        make_article,
        "Harlow Motors plans to invest €400 million in a battery plant in Tarvik.",
        outlet="Motor Weekly",
        published=date(2024, 3, 6),
    )

    # then
    fact = claim(first, "€40 million").fact
    assert claim(second, "€40 million").fact == fact
    assert claim(third, "€400 million").fact == fact
    assert fact.agreement == Fact.Agreement.DISPUTED
    assert (fact.claim_count, fact.article_count) == (3, 3)
    assert "EUR 400 million (Motor Weekly, 6 Mar 2024)" in fact.explanation
    assert "10 times larger" in fact.explanation


def test_two_facts_with_equal_values_in_one_article_are_kept_apart(make_article):
    # given
    text = (
        "Brightline Bank cut its main lending rate to 4% on Tuesday. "
        "Its rival Dunmore Bank also holds its main lending rate at 4%."
    )

    # when
    article = publish(make_article, text, outlet="Money Desk", published=date(2024, 5, 7))

    # then
    brightline, dunmore = article.claims.filter(kind="percent").order_by("start")
    assert brightline.fact_id != dunmore.fact_id
    assert brightline.fact.claim_count == dunmore.fact.claim_count == 1


def test_across_articles_the_fact_with_the_right_names_wins(make_article):
    # given
    both = publish(
        make_article,
        "Brightline Bank cut its main lending rate to 4% on Tuesday. "
        "Its rival Dunmore Bank also holds its main lending rate at 4%.",
        outlet="Money Desk",
        published=date(2024, 5, 7),
    )

    # when
    later = publish(
        make_article,
        "Dunmore Bank kept its main lending rate at 4%, its board said.",
        outlet="City Wire",
        published=date(2024, 5, 8),
    )

    # then
    brightline, dunmore = both.claims.filter(kind="percent").order_by("start")
    assert claim(later, "4%").fact_id == dunmore.fact_id
    assert brightline.fact.claim_count == 1


def test_sentences_naming_different_years_are_not_merged(make_article):
    # given
    earlier = publish(
        make_article,
        "Velora Foods reported revenue of $2.1 billion in 2022.",
        outlet="Food Business",
        published=date(2023, 3, 1),
    )

    # when
    later = publish(
        make_article,
        "Velora Foods reported revenue of $2.4 billion in 2023.",
        outlet="Food Business",
        published=date(2024, 3, 1),
    )

    # then
    assert claim(earlier, "$2.1 billion").fact_id != claim(later, "$2.4 billion").fact_id


def test_money_is_never_grouped_with_a_percentage(make_article):
    # given
    money = publish(
        make_article,
        "Harlow Motors will invest €40 million in its Tarvik battery plant.",
        outlet="Northern Post",
        published=date(2024, 3, 4),
    )

    # when
    percent = publish(
        make_article,
        "Harlow Motors will invest 40% more in its Tarvik battery plant.",
        outlet="Tarvik Herald",
        published=date(2024, 3, 5),
    )

    # then
    assert claim(money, "€40 million").fact.dimension == "money"
    assert claim(percent, "40%").fact_id != claim(money, "€40 million").fact_id


def test_a_stated_conversion_joins_the_fact_of_its_original(make_article):
    # when
    article = publish(
        make_article,
        "Orbis Capital will put €15 million ($16.3 million) into Nuvola Labs.",
        outlet="Deal Street",
        published=date(2024, 2, 26),
    )

    # then
    original, conversion = claim(article, "€15 million"), claim(article, "$16.3 million")
    assert conversion.converts_id == original.pk
    assert conversion.fact_id == original.fact_id
    assert original.fact.claim_count == 2
    assert original.fact.agreement == Fact.Agreement.SINGLE


def test_grouping_an_article_twice_adds_nothing(make_article):
    # given
    article = publish(
        make_article,
        "Harlow Motors will invest €40 million in its Tarvik battery plant.",
        outlet="Northern Post",
        published=date(2024, 3, 4),
    )
    counts = (Fact.objects.count(), FactEvent.objects.count(), FactKey.objects.count())

    # when
    changed = facts.group_article_claims(article)

    # then
    assert changed == []
    assert (Fact.objects.count(), FactEvent.objects.count(), FactKey.objects.count()) == counts


def test_a_new_fact_is_found_by_its_keys_and_records_its_creation(make_article):
    # when
    article = publish(
        make_article,
        "Harlow Motors will invest €40 million in its Tarvik battery plant.",
        outlet="Northern Post",
        published=date(2024, 3, 4),
    )

    # then
    fact = claim(article, "€40 million").fact
    keys = set(fact.keys.values_list("key", flat=True))
    assert {"money|harlow", "money|tarvik", "money|invest"} <= keys
    assert list(fact.events.values_list("action", flat=True)) == ["created"]


def test_extracting_an_article_again_releases_and_regroups_its_claims(make_article, editor):
    # given
    article = publish(
        make_article,
        "Harlow Motors will invest €40 million in its Tarvik battery plant.",
        outlet="Northern Post",
        published=date(2024, 3, 4),
    )
    old_fact_id = claim(article, "€40 million").fact_id

    # when
    request_extraction(article, actor=editor)
    pipeline.propose_claims(article)

    # then
    assert not Fact.objects.filter(pk=old_fact_id).exists()
    assert FactEvent.objects.filter(action="claim_removed", fact=None).exists()
    new = claim(article, "€40 million")
    assert new.fact is not None
    assert new.fact.claim_count == 1


def test_the_seed_articles_flag_both_investment_disputes_and_not_the_context_window(
    seeds_folder, editor
):
    # given
    summary = import_documents(list(read_corpus(seeds_folder)), uploaded_by=editor)
    by_file = {article.original_filename: article for article in summary.imported}

    # when
    for article in summary.imported:
        pipeline.propose_claims(article)

    # then
    techtarget, verge = by_file["002_986441028aa41031.txt"], by_file["003_745520973d10732d.txt"]
    mistral = claim(verge, "€2 billion").fact
    assert mistral.agreement == Fact.Agreement.DISPUTED
    assert claim(techtarget, "15 million euros").fact == mistral
    assert claim(by_file["001_22ff46873c85c42f.txt"], "$16 million").fact == mistral
    assert claim(by_file["004_9dab3bc7cde60a9e.txt"], "$16 million").fact == mistral
    openai = claim(verge, "$10 billion").fact
    assert claim(techtarget, "$13 billion").fact == openai
    assert openai.agreement == Fact.Agreement.DISPUTED
    context_windows = techtarget.claims.filter(unit="tokens", number=32000)
    assert context_windows.count() == 2
    assert len({c.fact_id for c in context_windows}) == 2
    assert not Fact.objects.filter(
        claims__in=context_windows, agreement=Fact.Agreement.DISPUTED
    ).exists()


# --------------------------------------------------------------------------------------------
# Rules for unseen articles: units, people, same figures, agreeing values, percents, stories
# --------------------------------------------------------------------------------------------


def test_speeds_and_lengths_in_other_units_are_one_fact(make_article):
    # given
    first = publish(
        make_article,
        "Storm Idris struck Penmoor with winds of 100 mph. A surge of 12 feet flooded the quay.",
        outlet="Coast Wire",
        published=date(2024, 10, 2),
    )
    # when
    second = publish(
        make_article,
        "Storm Idris hit Penmoor with winds of 161 km/h, and a surge of 3.7 metres flooded the quay.",
        outlet="Harbour Times",
        published=date(2024, 10, 2),
    )

    # then
    assert claim(first, "100 mph").fact == claim(second, "161 km/h").fact
    assert claim(first, "12 feet").fact == claim(second, "3.7 metres").fact
    assert claim(second, "161 km/h").fact.agreement == Fact.Agreement.CONSISTENT


def test_a_toll_in_deaths_and_a_toll_in_people_is_one_disputed_fact(make_article):
    # given
    first = publish(
        make_article,
        "The Kelm river floods killed 38 people in Ardova province, officials said on Monday.",
        outlet="Ardova Post",
        published=date(2024, 4, 8),
    )
    # when
    second = publish(
        make_article,
        "The death toll from the Kelm river floods in Ardova province rose to 47 deaths.",
        outlet="Kelm Courier",
        published=date(2024, 4, 8),  # the same day's toll: a later day's would be another fact
    )

    # then
    fact = claim(first, "38 people").fact
    assert claim(second, "47 deaths").fact == fact
    assert fact.agreement == Fact.Agreement.DISPUTED


def test_the_same_figure_in_the_same_unit_joins_despite_different_wording(make_article):
    # given
    first = publish(
        make_article,
        "Storm Idris swept across Penmoor on Sunday, and crews began clearing roads and "
        "restoring power to 600,000 customers across the county.",
        outlet="Coast Wire",
        published=date(2024, 10, 2),
    )
    # when
    second = publish(
        make_article,
        "In Penmoor, 600,000 customers lost power when Storm Idris came ashore.",
        outlet="Harbour Times",
        published=date(2024, 10, 2),
    )

    # then
    assert claim(first, "600,000 customers").fact == claim(second, "600,000 customers").fact


def test_a_rounded_value_joins_the_fact_it_agrees_with_not_a_near_one(make_article):
    # given
    first = publish(
        make_article,
        "Norland Group has agreed to a £4.3bn takeover of Brackley Pumps. "
        "Including debt, the deal values Brackley Pumps at about £4.9bn.",
        outlet="City Desk",
        published=date(2024, 10, 21),
    )
    # when
    second = publish(
        make_article,
        "Norland Group will acquire Brackley Pumps for about £4bn in an all-cash deal.",
        outlet="Market Wire",
        published=date(2024, 10, 21),
    )

    # then
    rounded = claim(second, "£4bn").fact
    assert rounded == claim(first, "£4.3bn").fact
    assert rounded != claim(first, "£4.9bn").fact


def test_percentages_of_one_story_with_other_values_and_no_shared_head_stay_apart(make_article):
    # given
    first = publish(
        make_article,
        "Norland Group is buying Brackley Pumps. Brackley Pumps shares jumped 36 per cent "
        "to 668p yesterday.",
        outlet="City Desk",
        published=date(2024, 10, 21),
    )
    # when
    second = publish(
        make_article,
        "Norland Group is buying Brackley Pumps. Brackley Pumps said 35% of its revenue "
        "came from continental Europe.",
        outlet="Market Wire",
        published=date(2024, 10, 22),
    )

    # then
    assert claim(first, "36 per cent").fact != claim(second, "35%").fact


# A lead long enough that the later paragraph's names are not the story's.
LEAD = "It was announced this morning after weeks of talks between the two sides. " * 6 + "\n\n"


def test_figures_of_two_stories_never_join(make_article):
    # given
    first = publish(
        make_article,
        "Norland Group has agreed to buy Brackley Pumps, the Sheffield maker of valves. "
        + LEAD
        + "The FTSE 250 company's shares had fallen 19% over the past year after a profit warning.",
        outlet="City Desk",
        published=date(2024, 10, 21),
        title="Norland buys Brackley Pumps",
    )
    # when
    second = publish(
        make_article,
        "Corvane has launched its second tablet, the Slate, with a larger screen. "
        + LEAD
        + "Its shares have fallen 19% this year after a profit warning by a FTSE 100 supplier.",
        outlet="Gadget Wire",
        published=date(2024, 10, 22),
        title="Corvane launches a new tablet",
    )

    # then
    assert claim(first, "19%").fact != claim(second, "19%").fact
