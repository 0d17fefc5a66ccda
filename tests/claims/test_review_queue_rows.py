"""The review queue's rows: what a reviewer reads to triage a fact without opening it."""

from __future__ import annotations

from django.urls import reverse

from claims import review
from claims.models import Fact

QUEUE = reverse("admin:claims_fact_changelist")


def row_of(response, fact: Fact) -> str:
    """The HTML of the fact's row in the queue."""
    html = response.content.decode()
    link = reverse("admin:claims_fact_review", args=[fact.pk])
    start = html.rindex("<tr", 0, html.index(f'href="{link}"'))
    return html[start : html.index("</tr>", start)]


def test_a_row_shows_the_values_as_written_with_their_outlets_and_why_they_disagree(
    client, reviewer, dispute
):
    client.force_login(reviewer)

    row = row_of(client.get(QUEUE), dispute.fact)

    assert "“€40 million” <small>Northern Post, Baltic Wire</small>" in row
    assert "“€400 million” <small>Tarvik Herald</small>" in row
    assert dispute.fact.subject in row
    # the one-line explanation names the two values
    first_line = dispute.fact.explanation.splitlines()[0]
    assert "400" in first_line
    assert first_line.split(":")[0] in row
    assert "Northern Post, Tarvik Herald, Baltic Wire" in row
    assert "2024-03-07" in row  # the newest article's date
    assert ">Review</a>" in row


def test_many_values_are_shown_as_their_range(client, reviewer, make_article):
    from claims.pipeline import propose_claims

    for n, amount in enumerate([40, 41, 42, 43, 400]):
        article = make_article(
            original=f"Harlow Motors will invest €{amount} million in its Tarvik plant.",
            outlet=f"Outlet {n}",
        )
        propose_claims(article)
    fact = Fact.objects.get()
    client.force_login(reviewer)

    row = row_of(client.get(QUEUE), fact)

    assert "“€40 million” to “€400 million” <small>(5 values)</small>" in row


def test_open_work_comes_before_published_work(client, reviewer, dispute, make_article):
    # given a disputed fact already published and a consistent open fact
    from claims.pipeline import propose_claims

    fact = dispute.fact
    review.confirm_claim(dispute.right, reviewer=reviewer, version=0)
    fact = review.verify_fact(fact, reviewer=reviewer, version=0, claim=dispute.right)
    fact = review.publish_fact(fact, reviewer=reviewer, version=fact.version)
    for outlet in ("A", "B"):
        propose_claims(
            make_article(
                original=f"The Harbour Museum in Tarvik had 90,000 visitors, {outlet} said.",
                outlet=outlet,
            )
        )
    open_facts = set(Fact.objects.exclude(pk=fact.pk))
    assert open_facts
    client.force_login(reviewer)

    listed = list(client.get(QUEUE).context["cl"].result_list)

    # the published dispute comes after every open fact, disputed or not
    assert set(listed[:-1]) == open_facts
    assert listed[-1] == fact


def test_the_review_page_leads_back_to_the_queue_as_it_was_filtered(client, reviewer, dispute):
    client.force_login(reviewer)
    client.get(QUEUE, {"agreement__exact": "disputed", "outlet": "Tarvik Herald"})

    page = client.get(reverse("admin:claims_fact_review", args=[dispute.fact.pk]))

    assert page.context["queue_url"] == f"{QUEUE}?agreement__exact=disputed&outlet=Tarvik+Herald"
    assert b'href="' + page.context["queue_url"].replace("&", "&amp;").encode() in page.content
