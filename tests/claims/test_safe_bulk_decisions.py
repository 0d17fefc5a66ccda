"""Bulk decisions on a disputed fact never confirm or verify a conflicting value unasked."""

from __future__ import annotations

from django.urls import reverse

from claims import review
from claims.models import Claim


def page_of(fact):
    return reverse("admin:claims_fact_review", args=[fact.pk])


def confirm_rest(fact):
    return reverse("admin:claims_fact_review_action", args=[fact.pk, "confirm-rest"])


def test_confirming_all_on_a_disputed_fact_names_the_values_and_asks_which(
    client, reviewer, dispute
):
    client.force_login(reviewer)

    page = client.get(page_of(dispute.fact)).content.decode()

    assert "The 3 proposed mentions disagree:" in page
    assert "Confirm the 2 saying “€40 million” (Northern Post, Baltic Wire)" in page
    assert "Confirm the 1 saying “€400 million” (Tarvik Herald)" in page
    assert "Confirm the 3 remaining" not in page


def test_confirming_conflicting_values_at_once_is_refused(client, reviewer, dispute):
    client.force_login(reviewer)
    every = [f"{c.pk}:0" for c in (dispute.right, dispute.wrong, dispute.other)]

    response = client.post(confirm_rest(dispute.fact), {"claim_version": every}, follow=True)

    assert "these mentions disagree" in response.content.decode()
    assert not Claim.objects.filter(status="confirmed").exists()


def test_confirming_the_agreeing_group_confirms_only_it(client, reviewer, dispute):
    client.force_login(reviewer)
    group = [f"{c.pk}:0" for c in (dispute.right, dispute.other)]

    client.post(confirm_rest(dispute.fact), {"claim_version": group})

    assert set(Claim.objects.filter(status="confirmed")) == {dispute.right, dispute.other}
    assert dispute.fact.claims.get(status="proposed") == dispute.wrong


def test_verify_preselects_nothing_when_confirmed_mentions_disagree(client, reviewer, dispute):
    for claim in (dispute.right, dispute.wrong):
        review.confirm_claim(claim, reviewer=reviewer, version=0)
    client.force_login(reviewer)

    response = client.get(page_of(dispute.fact))

    assert response.context["default_claim"] is None
    assert "The confirmed mentions disagree" in response.content.decode()
    assert (
        "checked>" not in response.content.decode().split('class="verify"')[1].split("</form>")[0]
    )


def test_verify_preselects_the_confirmed_value_when_they_agree(client, reviewer, dispute):
    for claim in (dispute.right, dispute.other):
        review.confirm_claim(claim, reviewer=reviewer, version=0)
    client.force_login(reviewer)

    response = client.get(page_of(dispute.fact))

    assert response.context["default_claim"] == dispute.right.pk
