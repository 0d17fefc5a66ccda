"""Fact review: verify, publish, retract, reopen, assign and attach sources, each on record."""

from __future__ import annotations

from decimal import Decimal

import pytest

from articles.roles import REVIEWERS
from claims import review
from claims.models import Fact, FactEvent, PrimarySource
from claims.review import NotAllowed, ReviewError, StaleVersion
from tests.helpers import make_user


def confirmed(dispute, reviewer):
    """The two €40 million reports confirmed, the €400 million disputed."""
    review.confirm_claim(dispute.right, reviewer=reviewer, version=0)
    review.confirm_claim(dispute.other, reviewer=reviewer, version=0)
    review.dispute_claim(dispute.wrong, reviewer=reviewer, version=0, note="ten times off")
    return dispute.refresh()


def verified(dispute, reviewer) -> Fact:
    confirmed(dispute, reviewer)
    return review.verify_fact(
        dispute.fact, reviewer=reviewer, version=dispute.fact.version, claim=dispute.right
    )


def status_events(fact):
    return list(
        FactEvent.objects.filter(fact=fact)
        .exclude(from_status="")
        .values_list("action", "from_status", "to_status")
    )


@pytest.fixture
def second_reviewer(roles):
    return make_user("second", groups=[REVIEWERS], is_staff=True)


def test_verifying_takes_the_value_of_the_confirmed_claim_the_reviewer_picks(dispute, reviewer):
    # given
    confirmed(dispute, reviewer)

    # when
    fact = review.verify_fact(
        dispute.fact, reviewer=reviewer, version=0, claim=dispute.right, note="company release"
    )

    # then
    assert (fact.status, fact.version) == ("verified", 1)
    assert fact.verified_claim == dispute.right
    assert (fact.verified_number, fact.verified_unit, fact.verified_qualifier) == (
        Decimal("40000000"),
        "EUR",
        "exact",
    )
    assert fact.verified_by == reviewer
    assert fact.verified_value == "40,000,000 EUR"
    event = FactEvent.objects.get(fact=fact, action="verified")
    assert (event.from_status, event.to_status, event.note) == (
        "open",
        "verified",
        "company release",
    )
    assert event.before["verified_number"] is None
    assert event.after["verified_number"] == "40000000"
    assert event.after["verified_claim"] == dispute.right.pk


def test_verifying_with_an_unconfirmed_claim_is_refused(dispute, reviewer):
    with pytest.raises(ReviewError, match="only a confirmed claim can give the verified value"):
        review.verify_fact(dispute.fact, reviewer=reviewer, version=0, claim=dispute.right)
    dispute.refresh()
    assert (dispute.fact.status, dispute.fact.version) == ("open", 0)
    assert status_events(dispute.fact) == []


def test_verifying_without_a_value_is_refused(dispute, reviewer):
    with pytest.raises(ReviewError, match="choose a confirmed claim or give the verified number"):
        review.verify_fact(dispute.fact, reviewer=reviewer, version=0)


def test_a_reviewer_can_verify_a_value_typed_from_a_primary_source(dispute, reviewer):
    fact = review.verify_fact(
        dispute.fact,
        reviewer=reviewer,
        version=0,
        number=Decimal("40000000"),
        unit="EUR",
        qualifier="approx",
    )

    assert fact.verified_claim is None
    assert fact.verified_value == "approx 40,000,000 EUR"


def test_verifying_twice_at_once_the_second_is_told_it_changed_meanwhile(
    dispute, reviewer, second_reviewer
):
    # given both reviewers saw version 0
    confirmed(dispute, reviewer)
    review.verify_fact(dispute.fact, reviewer=reviewer, version=0, claim=dispute.right)

    # when
    with pytest.raises(StaleVersion, match="changed meanwhile"):
        review.verify_fact(dispute.fact, reviewer=second_reviewer, version=0, claim=dispute.other)

    # then
    dispute.refresh()
    assert dispute.fact.verified_claim == dispute.right
    assert len(status_events(dispute.fact)) == 1


def test_publishing_needs_a_verified_fact(dispute, reviewer):
    with pytest.raises(ReviewError, match="it is open; only a verified fact can be published"):
        review.publish_fact(dispute.fact, reviewer=reviewer, version=0)


def test_publishing_a_verified_fact(dispute, reviewer):
    # given
    fact = verified(dispute, reviewer)

    # when
    fact = review.publish_fact(fact, reviewer=reviewer, version=fact.version)

    # then
    assert fact.status == "published"
    assert fact.published_by == reviewer
    assert status_events(fact) == [
        ("verified", "open", "verified"),
        ("published", "verified", "published"),
    ]


def test_the_two_person_rule_refuses_the_verifier_as_publisher(
    dispute, reviewer, second_reviewer, settings
):
    # given
    settings.REQUIRE_SEPARATE_PUBLISHER = True
    fact = verified(dispute, reviewer)

    # when the verifier publishes
    with pytest.raises(NotAllowed, match="another reviewer must publish it"):
        review.publish_fact(fact, reviewer=reviewer, version=fact.version)

    # then it stays verified, until someone else publishes it
    fact.refresh_from_db()
    assert fact.status == "verified"
    fact = review.publish_fact(fact, reviewer=second_reviewer, version=fact.version)
    assert (fact.status, fact.verified_by, fact.published_by) == (
        "published",
        reviewer,
        second_reviewer,
    )


def test_without_the_two_person_rule_the_verifier_may_publish(dispute, reviewer, settings):
    settings.REQUIRE_SEPARATE_PUBLISHER = False
    fact = verified(dispute, reviewer)

    assert review.publish_fact(fact, reviewer=reviewer, version=fact.version).status == "published"


def test_retracting_needs_a_published_fact_and_a_reason(dispute, reviewer):
    # given
    fact = verified(dispute, reviewer)
    with pytest.raises(ReviewError, match="only a published fact can be retracted"):
        review.retract_fact(fact, reviewer=reviewer, version=fact.version, note="wrong")
    fact = review.publish_fact(fact, reviewer=reviewer, version=fact.version)
    with pytest.raises(ReviewError, match="a note is required to retract"):
        review.retract_fact(fact, reviewer=reviewer, version=fact.version, note="")

    # when
    fact = review.retract_fact(fact, reviewer=reviewer, version=fact.version, note="filing says 4m")

    # then
    assert fact.status == "retracted"
    event = FactEvent.objects.get(fact=fact, action="retracted")
    assert (event.from_status, event.to_status, event.note) == (
        "published",
        "retracted",
        "filing says 4m",
    )


def test_reopening_a_published_fact_clears_its_verified_value(dispute, reviewer):
    # given
    fact = verified(dispute, reviewer)
    fact = review.publish_fact(fact, reviewer=reviewer, version=fact.version)
    with pytest.raises(ReviewError, match="a note is required to reopen"):
        review.reopen_fact(fact, reviewer=reviewer, version=fact.version, note="")

    # when
    fact = review.reopen_fact(fact, reviewer=reviewer, version=fact.version, note="new filing")

    # then
    assert (fact.status, fact.verified_number, fact.verified_by, fact.published_by) == (
        "open",
        None,
        None,
        None,
    )
    event = FactEvent.objects.get(fact=fact, action="reopened")
    assert event.before["verified_number"] == "40000000"
    assert event.after["verified_number"] is None


def test_an_open_fact_cannot_be_reopened(dispute, reviewer):
    with pytest.raises(ReviewError, match="it is open; only a verified or retracted or published"):
        review.reopen_fact(dispute.fact, reviewer=reviewer, version=0, note="why not")


def test_an_editor_may_neither_verify_nor_publish(dispute, reviewer, editor):
    confirmed(dispute, reviewer)
    with pytest.raises(NotAllowed):
        review.verify_fact(dispute.fact, reviewer=editor, version=0, claim=dispute.right)
    fact = review.verify_fact(dispute.fact, reviewer=reviewer, version=0, claim=dispute.right)
    with pytest.raises(NotAllowed):
        review.publish_fact(fact, reviewer=editor, version=fact.version)
    fact.refresh_from_db()
    assert fact.status == "verified"


def test_assigning_a_fact_to_oneself_is_on_record(dispute, reviewer):
    fact = review.assign_fact(dispute.fact, reviewer=reviewer, version=0)

    assert (fact.assigned_to, fact.version) == (reviewer, 1)
    event = FactEvent.objects.get(fact=fact, action="assigned")
    assert (event.before["assigned_to"], event.after["assigned_to"]) == (None, reviewer.pk)


def test_attaching_a_primary_source(dispute, reviewer):
    # when
    source = review.attach_primary_source(
        dispute.fact,
        reviewer=reviewer,
        version=0,
        url="https://harlow.example/press/2024-03-04",
        title="Harlow Motors press release",
        quote="an investment of EUR 40 million",
    )

    # then
    assert source.fact == dispute.fact
    assert source.added_by == reviewer
    event = FactEvent.objects.get(fact=dispute.fact, action="source_attached")
    assert event.after["source"]["url"] == "https://harlow.example/press/2024-03-04"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://harlow.example/x", "harlow.example"])
def test_a_primary_source_must_be_an_http_address(dispute, reviewer, url):
    with pytest.raises(ReviewError, match="is not an http:// or https:// address"):
        review.attach_primary_source(dispute.fact, reviewer=reviewer, version=0, url=url, title="x")
    assert not PrimarySource.objects.exists()
    assert not FactEvent.objects.filter(action="source_attached").exists()


def test_a_corrected_claim_that_now_states_the_others_value_lets_the_fact_verify_at_once(
    dispute, reviewer
):
    # given the €400 million report corrected to €40 million, and all three confirmed
    review.correct_claim(
        dispute.wrong, reviewer=reviewer, version=0, number=Decimal("40000000"), note="typo"
    )
    for claim in (dispute.right, dispute.other, dispute.wrong):
        claim.refresh_from_db()
        review.confirm_claim(claim, reviewer=reviewer, version=claim.version)
    dispute.refresh()

    # when the reviewer verifies with the value they agree on
    fact = review.verify_fact_from_confirmed(
        dispute.fact, reviewer=reviewer, version=dispute.fact.version
    )

    # then
    assert fact.status == "verified"
    assert fact.verified_value == "40,000,000 EUR"


def test_confirmed_claims_that_still_differ_after_a_correction_are_refused(dispute, reviewer):
    review.correct_claim(
        dispute.wrong, reviewer=reviewer, version=0, number=Decimal("41000000"), note="typo"
    )
    for claim in (dispute.right, dispute.other, dispute.wrong):
        claim.refresh_from_db()
        review.confirm_claim(claim, reviewer=reviewer, version=claim.version)
    dispute.refresh()

    with pytest.raises(ReviewError, match="2 different confirmed values"):
        review.verify_fact_from_confirmed(
            dispute.fact, reviewer=reviewer, version=dispute.fact.version
        )
