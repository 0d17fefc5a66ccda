"""Claim review: confirm, dispute, reject, reopen and correct, each leaving an event."""

from __future__ import annotations

from decimal import Decimal

import pytest

from articles.models import Article
from claims import pipeline, review
from claims.models import Claim, ClaimEvent
from claims.review import NotAllowed, ReviewError, StaleVersion


def test_confirming_a_proposed_claim_records_who_when_and_an_event(dispute, reviewer):
    # given
    claim = dispute.right

    # when
    confirmed = review.confirm_claim(claim, reviewer=reviewer, version=0)

    # then
    assert confirmed.status == Claim.Status.CONFIRMED
    assert confirmed.version == 1
    assert confirmed.reviewed_by == reviewer
    assert confirmed.reviewed_at is not None
    event = ClaimEvent.objects.get(claim=claim)
    assert (event.action, event.from_status, event.to_status) == (
        "confirmed",
        "proposed",
        "confirmed",
    )
    assert event.actor == reviewer
    assert event.before == {"claim": claim.pk, "status": "proposed", "version": 0}
    assert event.after == {"claim": claim.pk, "status": "confirmed", "version": 1}


def test_confirming_twice_is_refused_and_changes_nothing(dispute, reviewer):
    # given
    claim = review.confirm_claim(dispute.right, reviewer=reviewer, version=0)

    # when
    with pytest.raises(
        ReviewError, match="it is confirmed; only a proposed claim can be confirmed"
    ):
        review.confirm_claim(claim, reviewer=reviewer, version=claim.version)

    # then
    claim.refresh_from_db()
    assert (claim.status, claim.version) == ("confirmed", 1)
    assert ClaimEvent.objects.filter(claim=claim).count() == 1


def test_two_reviewers_confirming_at_once_the_second_is_told_it_changed_meanwhile(
    dispute, reviewer
):
    # given two reviewers who both saw version 0
    claim = dispute.wrong
    review.confirm_claim(claim, reviewer=reviewer, version=0)

    # when the second acts on what she saw
    with pytest.raises(StaleVersion, match="changed meanwhile"):
        review.dispute_claim(claim, reviewer=reviewer, version=0, note="too large")

    # then the first decision stands alone
    claim.refresh_from_db()
    assert claim.status == Claim.Status.CONFIRMED
    assert list(ClaimEvent.objects.filter(claim=claim).values_list("action", flat=True)) == [
        "confirmed"
    ]


@pytest.mark.parametrize("decide", [review.dispute_claim, review.reject_claim])
def test_disputing_or_rejecting_needs_a_note(dispute, reviewer, decide):
    # when
    with pytest.raises(ReviewError, match="a note is required"):
        decide(dispute.wrong, reviewer=reviewer, version=0, note="  ")

    # then
    dispute.refresh()
    assert (dispute.wrong.status, dispute.wrong.version) == ("proposed", 0)
    assert not ClaimEvent.objects.exists()


def test_disputing_keeps_the_claim_in_its_fact_with_the_note(dispute, reviewer):
    # when
    claim = review.dispute_claim(dispute.wrong, reviewer=reviewer, version=0, note="ten times off")

    # then
    assert claim.status == Claim.Status.DISPUTED
    assert ClaimEvent.objects.get(claim=claim).note == "ten times off"
    dispute.refresh()
    assert dispute.fact.claim_count == 3


def test_rejecting_takes_the_claim_out_of_its_facts_comparison(dispute, reviewer):
    # when
    review.reject_claim(dispute.wrong, reviewer=reviewer, version=0, note="not this deal")

    # then the two €40 million reports remain, and agree
    dispute.refresh()
    assert dispute.wrong.status == Claim.Status.REJECTED
    assert (dispute.fact.claim_count, dispute.fact.agreement) == (2, "consistent")
    event = ClaimEvent.objects.get(claim=dispute.wrong)
    assert (event.action, event.note) == ("rejected", "not this deal")


def test_reopening_a_rejected_claim_brings_it_back_into_the_comparison(dispute, reviewer):
    # given
    claim = review.reject_claim(dispute.wrong, reviewer=reviewer, version=0, note="not this deal")

    # when
    claim = review.reopen_claim(claim, reviewer=reviewer, version=1, note="it is this deal")

    # then
    dispute.refresh()
    assert (claim.status, claim.version) == ("proposed", 2)
    assert (dispute.fact.claim_count, dispute.fact.agreement) == (3, "disputed")
    event = ClaimEvent.objects.filter(claim=claim).last()
    assert (event.action, event.from_status, event.to_status) == (
        "reopened",
        "rejected",
        "proposed",
    )


def test_reopening_needs_a_note_and_a_decided_claim(dispute, reviewer):
    with pytest.raises(ReviewError, match="a note is required to reopen"):
        review.reopen_claim(dispute.right, reviewer=reviewer, version=0, note="")
    with pytest.raises(
        ReviewError, match="it is proposed; only a confirmed or disputed or rejected"
    ):
        review.reopen_claim(dispute.right, reviewer=reviewer, version=0, note="again")


def test_a_correction_is_stored_next_to_the_extracted_value(dispute, reviewer):
    # when
    claim = review.correct_claim(
        dispute.wrong,
        reviewer=reviewer,
        version=0,
        number=Decimal("40000000"),
        note="typo in the article: 40, not 400",
    )

    # then the extracted value is kept, the correction stored apart
    assert claim.number == Decimal("400000000")
    assert (claim.corrected_number, claim.corrected_unit) == (Decimal("40000000"), "EUR")
    assert claim.corrected_by == reviewer
    assert claim.corrected_value == "40,000,000 EUR"
    assert (claim.status, claim.version) == ("proposed", 1)
    event = ClaimEvent.objects.get(claim=claim)
    assert event.action == "corrected"
    assert event.before["corrected"] is None
    assert event.after["corrected"] == {"number": "40000000", "unit": "EUR", "date": ""}
    assert event.after["extracted"]["number"] == "400000000"


def test_a_rejected_claim_cannot_be_corrected(dispute, reviewer):
    review.reject_claim(dispute.wrong, reviewer=reviewer, version=0, note="not a figure")

    with pytest.raises(ReviewError, match="it is rejected"):
        review.correct_claim(dispute.wrong, reviewer=reviewer, version=1, number=Decimal(1))


def test_a_correction_needs_a_value(dispute, reviewer):
    with pytest.raises(ReviewError, match="give the corrected number"):
        review.correct_claim(dispute.wrong, reviewer=reviewer, version=0)
    assert not ClaimEvent.objects.exists()


def test_an_editor_may_not_decide_on_claims(dispute, editor):
    with pytest.raises(NotAllowed, match="may not confirm claims"):
        review.confirm_claim(dispute.right, reviewer=editor, version=0)
    dispute.refresh()
    assert dispute.right.status == Claim.Status.PROPOSED


def test_a_new_extraction_keeps_a_claim_a_reviewer_reopened(dispute, reviewer):
    # given a claim confirmed, then reopened: proposed again, with a history
    claim = review.confirm_claim(dispute.right, reviewer=reviewer, version=0)
    review.reopen_claim(claim, reviewer=reviewer, version=1, note="look again")
    article = claim.article
    Article.objects.filter(pk=article.pk).update(status=Article.Status.RECEIVED)

    # when the article is extracted again
    pipeline.propose_claims(Article.objects.get(pk=article.pk))

    # then the claim and its events are still there
    assert Claim.objects.filter(pk=claim.pk).exists()
    assert ClaimEvent.objects.filter(claim_id=claim.pk).count() == 2
