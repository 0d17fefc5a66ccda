"""A reviewer regroups mentions through claims.review: move, split, merge and undo."""

from __future__ import annotations

from datetime import date

import pytest

from articles.models import Article
from claims import review
from claims.models import Claim, Fact, FactEvent, PrimarySource
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


@pytest.fixture
def three_reports(make_article):
    """Two reports of a €40 million plant and one of €400 million, grouped as one fact."""
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
    return fact, mentions


def test_a_reviewer_merges_two_facts_into_one_disputed_fact(two_facts, reviewer):
    # given
    plant, grant = two_facts
    PrimarySource.objects.create(fact=grant.fact, url="https://example.org/a", title="Grant")
    source_id = grant.fact_id

    # when
    merged = review.merge_facts(
        plant.fact, grant.fact, reviewer=reviewer, version=0, note="same plan"
    )

    # then
    assert not Fact.objects.filter(pk=source_id).exists()
    assert set(merged.claims.values_list("pk", flat=True)) == {plant.pk, grant.pk}
    assert merged.agreement == Fact.Agreement.DISPUTED
    assert (merged.claim_count, merged.article_count, merged.version) == (2, 2, 1)
    assert merged.primary_sources.get().title == "Grant"
    event = merged.events.get(action="merged")
    assert (event.actor, event.note) == (reviewer, "same plan")
    assert event.before["merged"]["fact"] == source_id
    assert event.after["claims"] == sorted([plant.pk, grant.pk])


def test_a_reviewer_moves_a_mention_into_another_fact(two_facts, reviewer, make_article):
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
    source = Fact.objects.get(pk=plant.fact_id)

    # when
    destination = review.move_mentions(
        source, [moving], to_fact=grant.fact, reviewer=reviewer, version=0, note="wrong"
    )

    # then
    moving.refresh_from_db()
    source.refresh_from_db()
    assert moving.fact_id == destination.pk == grant.fact_id
    assert destination.agreement == Fact.Agreement.DISPUTED
    assert (source.agreement, source.claim_count) == (Fact.Agreement.SINGLE, 1)
    # one event, on the fact the reviewer acted from, naming both facts
    events = FactEvent.objects.filter(actor=reviewer)
    assert [(e.fact_id, e.action) for e in events] == [(source.pk, "claim_moved")]
    assert events[0].after == {
        "fact": source.pk,
        "claims": [plant.pk],
        "moved": [moving.pk],
        "to_fact": grant.fact_id,
    }


def test_a_reviewer_splits_a_fact_and_undoes_it(three_reports, reviewer):
    fact, mentions = three_reports

    new = review.split_mentions(
        fact, [mentions[2]], reviewer=reviewer, version=0, note="a second plant"
    )

    fact.refresh_from_db()
    assert list(new.claims.values_list("pk", flat=True)) == [mentions[2].pk]
    assert fact.agreement == Fact.Agreement.CONSISTENT
    assert new.agreement == Fact.Agreement.SINGLE
    split = fact.events.get(action="split")
    assert (split.actor, split.note, split.after["to_fact"]) == (reviewer, "a second plant", new.pk)

    # when the reviewer undoes it
    review.undo_regrouping(fact, reviewer=reviewer, version=fact.version)

    # then the fact is whole and disputed again, the split-off fact gone
    fact.refresh_from_db()
    assert fact.claims.count() == 3
    assert fact.agreement == Fact.Agreement.DISPUTED
    assert not Fact.objects.filter(pk=new.pk).exists()
    assert review.last_regrouping(fact) is None
    with pytest.raises(review.ReviewError, match="no regrouping to undo"):
        review.undo_regrouping(fact, reviewer=reviewer, version=fact.version)


def test_undoing_a_merge_brings_the_other_fact_back(two_facts, reviewer):
    plant, grant = two_facts
    merged = review.merge_facts(plant.fact, grant.fact, reviewer=reviewer, version=0)

    review.undo_regrouping(merged, reviewer=reviewer, version=merged.version)

    plant.refresh_from_db()
    grant.refresh_from_db()
    assert plant.fact_id != grant.fact_id
    assert grant.fact.agreement == plant.fact.agreement == Fact.Agreement.SINGLE
    assert plant.fact.events.filter(action="undone", actor=reviewer).count() == 1


def test_a_stated_conversion_moves_with_its_original(make_article, two_facts, reviewer):
    _plant, grant = two_facts
    stated = publish(
        make_article,
        "Orbis Capital will put €15 million ($16.3 million) into Nuvola Labs.",
        outlet="Deal Street",
        published=date(2024, 2, 26),
    )
    publish(
        make_article,
        "Orbis Capital is putting €15 million into Nuvola Labs, the start-up said.",
        outlet="Fund Wire",
        published=date(2024, 2, 27),
    )
    original = claim(stated, "€15 million")
    source = original.fact
    assert source.claims.count() == 3

    review.move_mentions(
        source, [original], to_fact=grant.fact, reviewer=reviewer, version=source.version
    )

    assert claim(stated, "$16.3 million").fact_id == grant.fact_id
    assert source.claims.count() == 1


def test_published_facts_are_protected_until_reopened(dispute, reviewer):
    fact = dispute.fact
    review.confirm_claim(dispute.right, reviewer=reviewer, version=0)
    fact = review.verify_fact(fact, reviewer=reviewer, version=0, claim=dispute.right)
    fact = review.publish_fact(fact, reviewer=reviewer, version=fact.version)

    with pytest.raises(review.ReviewError, match="is published: reopen it"):
        review.split_mentions(fact, [dispute.wrong], reviewer=reviewer, version=fact.version)
    assert Claim.objects.filter(fact=fact).count() == 3


def test_regrouping_checks_the_version_and_the_permission(dispute, reviewer, editor):
    with pytest.raises(review.StaleVersion):
        review.split_mentions(dispute.fact, [dispute.wrong], reviewer=reviewer, version=7)
    with pytest.raises(review.NotAllowed):
        review.split_mentions(dispute.fact, [dispute.wrong], reviewer=editor, version=0)
    assert Claim.objects.filter(fact=dispute.fact).count() == 3
    assert not FactEvent.objects.filter(action="split").exists()


def test_regrouping_refuses_what_makes_no_sense(two_facts, make_article, reviewer):
    plant, grant = two_facts
    jobs = publish(
        make_article,
        "Harlow Motors will cut 12% of jobs at its Tarvik plant, and invest €40 million.",
        outlet="Northern Post",
        published=date(2024, 3, 7),
    )
    cut = claim(jobs, "12%")

    with pytest.raises(review.ReviewError, match="merged with itself"):
        review.merge_facts(plant.fact, plant.fact, reviewer=reviewer, version=0)
    with pytest.raises(review.ReviewError, match="cannot be compared"):
        review.merge_facts(plant.fact, cut.fact, reviewer=reviewer, version=0)
    with pytest.raises(review.ReviewError, match="at least one mention"):
        review.split_mentions(plant.fact, [], reviewer=reviewer, version=0)
    with pytest.raises(review.ReviewError, match="not all of them"):
        review.split_mentions(grant.fact, [grant], reviewer=reviewer, version=0)
    with pytest.raises(review.ReviewError, match="not in fact"):
        review.split_mentions(grant.fact, [plant], reviewer=reviewer, version=0)


# --- on the review page -------------------------------------------------------------------


def test_the_review_page_finds_a_fact_by_value_and_moves_a_mention_there(
    client, reviewer, three_reports, make_article
):
    from django.urls import reverse

    fact, mentions = three_reports
    grant = claim(
        publish(
            make_article,
            "The Ostrava regional council awarded a €400 million grant for new tram lines.",
            outlet="Rail Review",
            published=date(2024, 3, 5),
        ),
        "€400 million",
    )
    page = reverse("admin:claims_fact_review", args=[fact.pk])
    client.force_login(reviewer)

    found = client.get(page, {"find": "€400 million"})
    assert [other.pk for other in found.context["candidates"]] == [grant.fact_id]
    assert "Rail Review" in found.content.decode()

    moved = client.post(
        reverse("admin:claims_fact_review_action", args=[fact.pk, "move"]),
        {"version": 0, "mention": [mentions[2].pk], "target": grant.fact_id, "note": "a grant"},
        follow=True,
    )

    assert f"Moved to fact {grant.fact_id}" in moved.content.decode()
    mentions[2].refresh_from_db()
    assert mentions[2].fact_id == grant.fact_id
    assert moved.context["last_regrouping"].action == "claim_moved"


def test_an_editor_cannot_regroup(client, editor, dispute):
    from django.urls import reverse

    client.force_login(editor)
    response = client.post(
        reverse("admin:claims_fact_review_action", args=[dispute.fact.pk, "split"]),
        {"version": 0, "mention": [dispute.wrong.pk]},
    )

    assert response.status_code == 403
    assert Claim.objects.filter(fact=dispute.fact).count() == 3


def test_the_review_page_shows_the_story_and_moves_an_article_to_a_story_of_its_own(
    client, reviewer, three_reports
):
    from django.urls import reverse

    fact, mentions = three_reports
    outlier = mentions[2].article
    page = reverse("admin:claims_fact_review", args=[fact.pk])
    client.force_login(reviewer)

    shown = client.get(page).content.decode()
    assert f"Story: <strong>{fact.story}</strong>" in shown

    moved = client.post(
        reverse("admin:claims_fact_review_action", args=[fact.pk, "story"]),
        {"version": 0, "article": outlier.pk, "story": "new", "note": "another plant"},
        follow=True,
    )

    outlier.refresh_from_db()
    assert outlier.story_id != fact.story_id
    assert f"is now in the story “{outlier.story.title}”" in moved.content.decode()
    mentions[2].refresh_from_db()
    assert mentions[2].fact.story_id == outlier.story_id
    event = outlier.events.last()
    assert (event.actor, "another plant" in event.note) == (reviewer, True)


def test_only_an_article_of_the_fact_can_be_moved_and_only_by_a_reviewer(
    client, reviewer, editor, three_reports, make_article
):
    from django.urls import reverse

    fact, mentions = three_reports
    stranger = publish(
        make_article,
        "The Ostrava regional council awarded a €400 million grant for new tram lines.",
        outlet="Rail Review",
        published=date(2024, 3, 5),
    )
    story_before = Article.objects.get(pk=stranger.pk).story_id
    action = reverse("admin:claims_fact_review_action", args=[fact.pk, "story"])

    client.force_login(editor)
    refused = client.post(action, {"version": 0, "article": mentions[0].article_id, "story": "new"})
    assert refused.status_code == 403

    client.force_login(reviewer)
    answer = client.post(
        action, {"version": 0, "article": stranger.pk, "story": "new"}, follow=True
    )
    assert "choose one of this fact" in answer.content.decode()
    assert Article.objects.get(pk=stranger.pk).story_id == story_before
