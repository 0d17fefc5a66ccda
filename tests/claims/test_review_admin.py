"""The review queue and the fact review page in the admin: roles, actions, bulk, history."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from claims import pipeline, review
from claims.models import Claim, ClaimEvent, Fact, FactEvent

QUEUE = reverse("admin:claims_fact_changelist")


def page_url(fact):
    return reverse("admin:claims_fact_review", args=[fact.pk])


def action_url(fact, action):
    return reverse("admin:claims_fact_review_action", args=[fact.pk, action])


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


# --- roles ------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_login_page(client, dispute):
    for response in (
        client.get(QUEUE),
        client.get(page_url(dispute.fact)),
        client.post(action_url(dispute.fact, "confirm"), {"claim": dispute.right.pk, "version": 0}),
    ):
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))
    dispute.refresh()
    assert dispute.right.status == "proposed"


def test_an_editor_sees_the_queue_and_the_review_page_but_cannot_act(client, editor, dispute):
    # given
    client.force_login(editor)

    # then she reads
    assert client.get(QUEUE).status_code == 200
    page = client.get(page_url(dispute.fact))
    assert page.status_code == 200
    assert b"Confirm</button>" not in page.content
    assert b">Verify</button>" not in page.content

    # and every action is forbidden, changing nothing
    for action, data in [
        ("confirm", {"claim": dispute.right.pk, "version": 0}),
        ("dispute", {"claim": dispute.wrong.pk, "version": 0, "note": "x"}),
        ("verify", {"version": 0, "number": "40000000", "unit": "EUR"}),
        ("publish", {"version": 0}),
        ("assign", {"version": 0}),
    ]:
        assert client.post(action_url(dispute.fact, action), data).status_code == 403
    dispute.refresh()
    assert (dispute.right.status, dispute.fact.status, dispute.fact.version) == (
        "proposed",
        "open",
        0,
    )
    assert not ClaimEvent.objects.exists()


def test_a_reviewer_confirms_a_claim_on_the_review_page(client, reviewer, dispute):
    # given
    client.force_login(reviewer)

    # when
    response = client.post(
        action_url(dispute.fact, "confirm"), {"claim": dispute.right.pk, "version": 0}
    )

    # then
    assert response.status_code == 302
    assert response.url == page_url(dispute.fact)
    assert messages_of(response) == [f"Confirmed claim {dispute.right.pk} (€40 million)."]
    dispute.refresh()
    assert dispute.right.status == "confirmed"


def test_a_stale_form_is_refused_with_a_message(client, reviewer, dispute):
    # given someone confirmed the claim after the page was shown at version 0
    client.force_login(reviewer)
    review.confirm_claim(dispute.right, reviewer=reviewer, version=0)

    # when the page's form is sent
    response = client.post(
        action_url(dispute.fact, "dispute"),
        {"claim": dispute.right.pk, "version": 0, "note": "too low"},
        follow=True,
    )

    # then
    assert "changed meanwhile" in messages_of(response)[0]
    dispute.refresh()
    assert dispute.right.status == "confirmed"


def test_an_admin_verifies_and_publishes_on_the_review_page(admin_client, dispute):
    # when
    admin_client.post(
        action_url(dispute.fact, "confirm"), {"claim": dispute.right.pk, "version": 0}
    )
    admin_client.post(action_url(dispute.fact, "verify"), {"version": 0, "claim": dispute.right.pk})
    response = admin_client.post(action_url(dispute.fact, "publish"), {"version": 1})

    # then
    assert messages_of(response)[-1] == "Published."
    dispute.refresh()
    assert (dispute.fact.status, dispute.fact.verified_value) == ("published", "40,000,000 EUR")


def test_the_review_page_escapes_what_articles_and_reviewers_wrote(client, reviewer, make_article):
    # given an article and a note with markup
    article = make_article(
        original="<b>Harlow</b> will invest €40 million <script>alert(1)</script> in Tarvik.",
        outlet="<i>Post</i>",
        published=date(2024, 3, 4),
    )
    pipeline.propose_claims(article)
    claim = article.claims.get(text="€40 million")
    review.dispute_claim(claim, reviewer=reviewer, version=0, note="<img src=x onerror=alert(1)>")
    client.force_login(reviewer)

    # when
    html = client.get(page_url(claim.fact)).content.decode()

    # then only the figure is marked up
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert "<i>Post" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<mark>€40 million</mark>" in html


# --- the queue ----------------------------------------------------------------------------


def make_facts(count: int) -> list[Fact]:
    """Single-mention facts in bulk: the queue's volume, not matching, is under test here."""
    return Fact.objects.bulk_create(
        Fact(
            subject=f"Tram budget {n}",
            kind="money",
            dimension="money",
            claim_count=1,
            article_count=1,
        )
        for n in range(count)
    )


def test_the_queue_opens_on_disputed_facts_first(admin_client, dispute, make_article):
    # given single-source facts newer than the dispute
    make_facts(3)

    # when
    response = admin_client.get(QUEUE)

    # then
    facts = list(response.context["cl"].result_list)
    assert facts[0] == dispute.fact
    assert [f.agreement for f in facts[1:]] == ["single"] * 3
    assert b"disputed and open" in response.content


def test_the_queue_lists_many_facts_in_a_fixed_number_of_queries(
    admin_client, dispute, make_article, reviewer, django_assert_max_num_queries
):
    # given forty facts, some assigned
    make_facts(40)
    for fact in Fact.objects.all()[:10]:
        review.assign_fact(fact, reviewer=reviewer, version=fact.version)

    # then the page takes a fixed number of queries (10 today, the rows' mentions in one
    # and the remembered filters in another), not one per fact
    with django_assert_max_num_queries(12):
        response = admin_client.get(QUEUE)
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == 41


def test_the_queue_filters_my_facts_outlets_and_searches_claim_text(
    client, reviewer, dispute, make_article
):
    # given
    make_facts(3)
    review.assign_fact(dispute.fact, reviewer=reviewer, version=0)
    client.force_login(reviewer)

    def listed(query):
        return list(client.get(QUEUE, query).context["cl"].result_list)

    # then
    assert listed({"queue": "mine"}) == [dispute.fact]
    assert listed({"outlet": "Tarvik Herald"}) == [dispute.fact]
    assert listed({"q": "€400 million"}) == [dispute.fact]
    assert listed({"agreement__exact": "disputed"}) == [dispute.fact]
    assert len(listed({"status__exact": "open"})) == 4
    assert listed({"article": dispute.wrong.article_id}) == [dispute.fact]
    assert listed({"reviewer": reviewer.pk}) == [dispute.fact]


# --- bulk actions -------------------------------------------------------------------------


def test_confirming_selected_claims_reports_what_was_refused(client, reviewer, dispute):
    # given one of three already disputed
    review.dispute_claim(dispute.wrong, reviewer=reviewer, version=0, note="ten times off")
    client.force_login(reviewer)

    # when
    response = client.post(
        reverse("admin:claims_claim_changelist"),
        {
            "action": "confirm_selected",
            "_selected_action": [dispute.right.pk, dispute.wrong.pk, dispute.other.pk],
        },
    )

    # then
    notes = messages_of(response)
    assert notes[0] == "Confirmed 2; refused 1."
    assert "it is disputed; only a proposed claim can be confirmed" in notes[1]
    assert sorted(Claim.objects.values_list("status", flat=True)) == [
        "confirmed",
        "confirmed",
        "disputed",
    ]
    assert ClaimEvent.objects.filter(action="confirmed").count() == 2


def test_verifying_and_publishing_selected_facts_where_possible(
    client, reviewer, dispute, make_article
):
    # given the dispute with both €40 million reports confirmed, and a fact nobody confirmed
    make_facts(1)
    lonely = Fact.objects.exclude(pk=dispute.fact.pk).get()
    review.confirm_claim(dispute.right, reviewer=reviewer, version=0)
    review.confirm_claim(dispute.other, reviewer=reviewer, version=0)
    client.force_login(reviewer)
    selected = [dispute.fact.pk, lonely.pk]

    # when
    verified = client.post(QUEUE, {"action": "verify_selected", "_selected_action": selected})
    published = client.post(QUEUE, {"action": "publish_selected", "_selected_action": selected})

    # then
    notes = messages_of(verified)
    assert notes[0] == "Verified 1; refused 1."
    assert "has no confirmed claim to take the value from" in notes[1]
    assert "Published 1; refused 1." in messages_of(published)
    dispute.refresh()
    lonely.refresh_from_db()
    assert (dispute.fact.status, dispute.fact.verified_value) == ("published", "40,000,000 EUR")
    assert lonely.status == "open"


def test_assigning_selected_facts_to_me(client, reviewer, dispute):
    client.force_login(reviewer)

    response = client.post(QUEUE, {"action": "assign_to_me", "_selected_action": [dispute.fact.pk]})

    assert messages_of(response) == ["Assigned 1; refused 0."]
    dispute.refresh()
    assert dispute.fact.assigned_to == reviewer


def test_an_editor_is_not_offered_the_bulk_actions(client, editor, dispute):
    client.force_login(editor)

    response = client.get(QUEUE)

    assert "verify_selected" not in response.content.decode()


# --- history ------------------------------------------------------------------------------


@pytest.mark.parametrize("model", ["claimevent", "factevent"])
def test_nobody_can_add_change_or_delete_events_in_the_admin(
    admin_client, reviewer, dispute, model
):
    # given an event of each kind
    review.confirm_claim(dispute.right, reviewer=reviewer, version=0)
    review.assign_fact(dispute.fact, reviewer=reviewer, version=0)
    event = (ClaimEvent if model == "claimevent" else FactEvent).objects.last()
    before = (event.note, event.action)

    # then a superuser can read it, nothing more
    change = reverse(f"admin:claims_{model}_change", args=[event.pk])
    assert admin_client.get(change).status_code == 200
    assert admin_client.post(change, {"note": "rewritten"}).status_code == 403
    delete = reverse(f"admin:claims_{model}_delete", args=[event.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert admin_client.get(reverse(f"admin:claims_{model}_add")).status_code == 403
    changelist = admin_client.get(reverse(f"admin:claims_{model}_changelist"))
    assert "delete_selected" not in changelist.content.decode()
    event.refresh_from_db()
    assert (event.note, event.action) == before


def test_the_review_page_shows_the_history(client, reviewer, dispute):
    review.dispute_claim(dispute.wrong, reviewer=reviewer, version=0, note="ten times off")
    client.force_login(reviewer)

    html = client.get(page_url(dispute.fact)).content.decode()

    assert "ten times off" in html
    assert "Disputed: proposed → disputed" in html


def test_the_fact_and_claim_details_pages_offer_nothing_to_save(client, reviewer, dispute):
    client.force_login(reviewer)

    for url in (
        reverse("admin:claims_fact_change", args=[dispute.fact.pk]),
        reverse("admin:claims_claim_change", args=[dispute.wrong.pk]),
    ):
        page = client.get(url).content.decode()
        assert 'name="_save"' not in page
        assert 'name="_continue"' not in page
