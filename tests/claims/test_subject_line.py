"""A reviewer rewrites a fact's subject line: recorded, public, and never overwritten."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from claims import review
from claims.models import Fact, FactEvent
from tests.claims.stories import publish

SUBJECT = "Harlow Motors investment in the Tarvik battery plant"


def published_fact(dispute, reviewer) -> Fact:
    review.confirm_claim(dispute.right, reviewer=reviewer, version=0)
    fact = review.verify_fact(dispute.fact, reviewer=reviewer, version=0, claim=dispute.right)
    return review.publish_fact(fact, reviewer=reviewer, version=fact.version)


def test_a_reviewer_rewrites_the_subject_of_a_published_fact_and_readers_see_it(
    dispute, reviewer, django_capture_on_commit_callbacks
):
    api = APIClient()
    with django_capture_on_commit_callbacks(execute=True):
        fact = published_fact(dispute, reviewer)
    url = f"/api/v1/facts/{fact.pk}/"
    before = api.get(url)
    machine_subject = fact.subject

    with django_capture_on_commit_callbacks(execute=True):
        fact = review.rewrite_subject(
            fact, reviewer=reviewer, version=fact.version, subject=f"  {SUBJECT} ", note="clearer"
        )

    assert (fact.subject, fact.subject_edited_by) == (SUBJECT, reviewer)
    event = FactEvent.objects.get(fact=fact, action="subject_edited")
    assert (event.actor, event.note, event.after["subject"]) == (reviewer, "clearer", SUBJECT)
    assert event.before["subject"] == machine_subject
    # the cached answer is not served again: a new ETag, the new subject
    after = api.get(url, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after.json()["subject"] == SUBJECT
    claim_review = api.get(f"{url}claimreview/").json()
    assert claim_review["claimReviewed"] == f"{SUBJECT}: 40,000,000 EUR"


def test_grouping_never_overwrites_a_reviewers_subject(dispute, reviewer, make_article):
    fact = review.rewrite_subject(dispute.fact, reviewer=reviewer, version=0, subject=SUBJECT)

    publish(
        make_article,
        "Harlow Motors will put €40 million into the Tarvik battery plant, it confirmed.",
        outlet="Plant Weekly",
        published=date(2024, 3, 9),
    )

    fact.refresh_from_db()
    assert fact.claim_count == 4
    assert fact.subject == SUBJECT


def test_a_subject_line_must_say_something_and_the_version_is_checked(dispute, reviewer, editor):
    with pytest.raises(review.ReviewError, match="give the subject line"):
        review.rewrite_subject(dispute.fact, reviewer=reviewer, version=0, subject="  ")
    with pytest.raises(review.StaleVersion):
        review.rewrite_subject(dispute.fact, reviewer=reviewer, version=3, subject=SUBJECT)
    with pytest.raises(review.NotAllowed):
        review.rewrite_subject(dispute.fact, reviewer=editor, version=0, subject=SUBJECT)
    assert not FactEvent.objects.filter(action="subject_edited").exists()


def test_the_queue_and_the_review_page_show_the_subject_line(client, reviewer, dispute):
    client.force_login(reviewer)
    page = reverse("admin:claims_fact_review", args=[dispute.fact.pk])

    client.post(
        reverse("admin:claims_fact_review_action", args=[dispute.fact.pk, "subject"]),
        {"version": 0, "subject": SUBJECT},
    )

    assert f"<h1>{SUBJECT}</h1>" in client.get(page).content.decode()
    assert "Subject line by reviewer" in client.get(page).content.decode()
    queue = client.get(reverse("admin:claims_fact_changelist")).content.decode()
    assert f">{SUBJECT}</a> ✎" in queue
