"""The editor learns what reviewers decided about the figures of their articles."""

from __future__ import annotations

from decimal import Decimal

from django.core import mail
from django.urls import reverse

from claims import review

NOTE = "The plant costs €40 million; the Herald added a zero."


def test_the_article_page_marks_each_figures_outcome_and_links_its_fact(
    client, editor, reviewer, dispute, django_capture_on_commit_callbacks
):
    editor.email = "editor@newsroom.example"
    editor.save()
    with django_capture_on_commit_callbacks(execute=True):
        review.dispute_claim(dispute.wrong, reviewer=reviewer, version=0, note=NOTE)
    client.force_login(editor)

    page = client.get(dispute.wrong.article.get_absolute_url()).content.decode()

    assert '<span class="status claim-disputed">Disputed</span>' in page
    assert f"Reviewer&#x27;s note: {NOTE}" in page.replace("'", "&#x27;")
    assert reverse("admin:claims_fact_review", args=[dispute.fact.pk]) in page
    # and the editor got a mail naming the figure, the note and the article's page
    (message,) = mail.outbox
    assert message.to == ["editor@newsroom.example"]
    assert "disputed" in message.subject
    assert "“€400 million”" in message.body
    assert NOTE in message.body
    assert f"{dispute.wrong.article.get_absolute_url()}#claim-{dispute.wrong.pk}" in message.body


def test_a_correction_is_shown_and_mailed(
    client, editor, reviewer, dispute, django_capture_on_commit_callbacks
):
    editor.email = "editor@newsroom.example"
    editor.save()
    with django_capture_on_commit_callbacks(execute=True):
        review.correct_claim(
            dispute.wrong, reviewer=reviewer, version=0, number=Decimal(40_000_000), note=NOTE
        )
    client.force_login(editor)

    page = client.get(dispute.wrong.article.get_absolute_url()).content.decode()

    assert "Corrected</span> <span>to 40,000,000 EUR</span>" in page
    assert mail.outbox[0].subject.endswith("was corrected to 40,000,000 EUR")


def test_confirming_sends_no_mail_and_an_editor_without_address_gets_none(
    reviewer, dispute, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        review.confirm_claim(dispute.right, reviewer=reviewer, version=0)
        review.dispute_claim(dispute.wrong, reviewer=reviewer, version=0, note=NOTE)

    assert mail.outbox == []


def test_the_article_list_counts_figures_and_disputes(client, editor, reviewer, dispute):
    review.dispute_claim(dispute.wrong, reviewer=reviewer, version=0, note=NOTE)
    client.force_login(editor)

    response = client.get(reverse("articles:list"))

    counts = {a.outlet: (a.figures, a.disputed) for a in response.context["page"].object_list}
    assert counts == {"Northern Post": (1, 0), "Tarvik Herald": (1, 1), "Baltic Wire": (1, 0)}
    assert '<strong class="bad">1</strong>' in response.content.decode()
