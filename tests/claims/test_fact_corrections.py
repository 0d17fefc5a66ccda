from __future__ import annotations

from datetime import date

import pytest

from claims import facts
from claims.facts import FactError
from claims.models import Fact
from tests.claims.stories import claim, publish


@pytest.fixture
def two_facts(make_article):
    """Two reports the matcher keeps apart: different subjects, different values."""
    plant = publish(
        make_article,
        "Harlow Motors will invest €40 million in its Tarvik battery plant.",
        outlet="Northern Post",
        published=date(2024, 3, 4),
    )
    grant = publish(
        make_article,
        "The Ostrava regional council awarded a €400 million grant for new tram lines.",
        outlet="Rail Review",
        published=date(2024, 3, 5),
    )
    return claim(plant, "€40 million"), claim(grant, "€400 million")


def test_a_reviewer_merges_two_facts_into_one_disputed_fact(two_facts, reviewer):
    # given
    plant, grant = two_facts
    assert plant.fact_id != grant.fact_id
    source_id = grant.fact_id

    # when
    merged = facts.merge_facts(plant.fact, grant.fact, actor=reviewer, note="same plan")

    # then
    assert not Fact.objects.filter(pk=source_id).exists()
    assert set(merged.claims.values_list("pk", flat=True)) == {plant.pk, grant.pk}
    assert merged.agreement == Fact.Agreement.DISPUTED
    assert (merged.claim_count, merged.article_count) == (2, 2)
    event = merged.events.get(action="merged")
    assert (event.actor, event.note) == (reviewer, "same plan")
    assert event.before["source"] == {"fact": source_id, "claims": [grant.pk]}
    assert event.after["claims"] == sorted([plant.pk, grant.pk])
    assert merged.events.filter(action="agreement_changed").exists()


def test_a_reviewer_moves_a_claim_into_another_fact(two_facts, reviewer, make_article):
    # given
    plant, grant = two_facts
    second_plant = publish(
        make_article,
        "Harlow Motors is investing €40 million in the Tarvik battery plant.",
        outlet="Tarvik Herald",
        published=date(2024, 3, 6),
    )
    moving = claim(second_plant, "€40 million")
    assert moving.fact_id == plant.fact_id

    # when
    destination = facts.move_claim(moving, to_fact=grant.fact, actor=reviewer, note="wrong")

    # then
    moving.refresh_from_db()
    assert moving.fact_id == destination.pk == grant.fact_id
    assert destination.agreement == Fact.Agreement.DISPUTED
    source = Fact.objects.get(pk=plant.fact_id)
    assert source.agreement == Fact.Agreement.SINGLE
    assert source.claim_count == 1
    event = destination.events.get(action="claim_moved")
    assert event.before == {"fact": plant.fact_id, "claims": [moving.pk]}
    assert (event.actor, event.note) == (reviewer, "wrong")
    assert source.events.filter(action="claim_moved", actor=reviewer).exists()


def test_a_reviewer_moves_a_claim_to_a_fact_of_its_own(make_article, reviewer):
    # given
    first = publish(
        make_article,
        "Harlow Motors will invest €40 million in its Tarvik battery plant.",
        outlet="Northern Post",
        published=date(2024, 3, 4),
    )
    second = publish(
        make_article,
        "Harlow Motors is investing €40 million in the Tarvik battery plant.",
        outlet="Tarvik Herald",
        published=date(2024, 3, 5),
    )
    moving = claim(second, "€40 million")

    # when
    own = facts.move_claim(moving, to_fact=None, actor=reviewer, note="another plant")

    # then
    assert own.pk != claim(first, "€40 million").fact_id
    assert own.claim_count == 1
    assert own.agreement == Fact.Agreement.SINGLE
    assert list(own.events.values_list("action", flat=True)) == ["created", "claim_moved"]


def test_a_reviewer_splits_a_fact(make_article, reviewer):
    # given
    articles = [
        publish(make_article, text, outlet=outlet, published=date(2024, 3, day))
        for day, (text, outlet) in enumerate(
            [
                ("Harlow Motors will invest €40 million in its Tarvik battery plant.", "A"),
                ("Harlow Motors is investing €40 million in the Tarvik battery plant.", "B"),
                ("Harlow Motors plans to invest €400 million in a Tarvik battery plant.", "C"),
            ],
            start=4,
        )
    ]
    mentions = [article.claims.get() for article in articles]
    fact = mentions[0].fact
    assert {m.fact_id for m in mentions} == {fact.pk}
    assert fact.agreement == Fact.Agreement.DISPUTED

    # when
    new = facts.split_fact(fact, [mentions[2]], actor=reviewer, note="a second plant")

    # then
    fact.refresh_from_db()
    assert set(new.claims.values_list("pk", flat=True)) == {mentions[2].pk}
    assert fact.agreement == Fact.Agreement.CONSISTENT
    assert new.agreement == Fact.Agreement.SINGLE
    split = fact.events.get(action="split")
    assert split.after == {
        "fact": fact.pk,
        "claims": sorted([mentions[0].pk, mentions[1].pk]),
        "new_fact": new.pk,
    }
    assert (split.actor, split.note) == (reviewer, "a second plant")
    assert new.events.get(action="created").before == {"split_from": fact.pk}


def test_a_stated_conversion_moves_with_its_original(make_article, two_facts, reviewer):
    # given
    _plant, grant = two_facts
    article = publish(
        make_article,
        "Orbis Capital will put €15 million ($16.3 million) into Nuvola Labs.",
        outlet="Deal Street",
        published=date(2024, 2, 26),
    )
    original = claim(article, "€15 million")

    # when
    facts.move_claim(original, to_fact=grant.fact, actor=reviewer)

    # then
    assert claim(article, "$16.3 million").fact_id == grant.fact_id


def test_merging_a_fact_into_itself_is_refused(two_facts, reviewer):
    plant, _grant = two_facts

    with pytest.raises(FactError, match="cannot be merged into itself"):
        facts.merge_facts(plant.fact, plant.fact, actor=reviewer)


def test_moving_into_a_fact_of_another_dimension_is_refused(two_facts, make_article, reviewer):
    # given
    plant, _grant = two_facts
    article = publish(
        make_article,
        "Harlow Motors will cut 12% of jobs at its Tarvik plant.",
        outlet="Northern Post",
        published=date(2024, 3, 7),
    )

    # when / then
    with pytest.raises(FactError, match="cannot be compared"):
        facts.move_claim(claim(article, "12%"), to_fact=plant.fact, actor=reviewer)
    assert claim(article, "12%").fact_id != plant.fact_id


def test_splitting_off_none_or_all_of_the_claims_is_refused(two_facts, reviewer):
    plant, grant = two_facts

    with pytest.raises(FactError, match="at least one claim"):
        facts.split_fact(plant.fact, [], actor=reviewer)
    with pytest.raises(FactError, match="every claim"):
        facts.split_fact(plant.fact, [plant], actor=reviewer)
    with pytest.raises(FactError, match="not in fact"):
        facts.split_fact(plant.fact, [grant], actor=reviewer)
