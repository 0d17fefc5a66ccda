"""The admin writes articles through the services: no empty or duplicate article, and every
published record stays true when an article changes or goes."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin import ModelAdmin
from django.urls import reverse
from rest_framework.test import APIClient

from articles.models import Article, ArticleEvent
from claims import review
from claims.models import Claim, ClaimEvent, Fact

ADD = reverse("admin:articles_article_add")


def publish(dispute, reviewer) -> Fact:
    for claim in (dispute.right, dispute.other):
        review.confirm_claim(claim, reviewer=reviewer, version=0)
    review.dispute_claim(dispute.wrong, reviewer=reviewer, version=0, note="ten times off")
    fact = review.verify_fact(dispute.fact, reviewer=reviewer, version=0, claim=dispute.right)
    return review.publish_fact(fact, reviewer=reviewer, version=fact.version)


def citations(fact: Fact) -> list[dict]:
    return APIClient().get(f"/api/v1/facts/{fact.pk}/").json()["citations"]


def test_adding_in_the_admin_leads_to_the_upload_form_and_stores_nothing(admin_client):
    assert admin_client.get(ADD).url == reverse("articles:upload")

    for _ in range(2):  # an empty article, twice: once was a 500 on the unique text hash
        response = admin_client.post(ADD, {"title": "Empty", "body": "", "original": ""})
        assert response.status_code == 302

    assert not Article.objects.exists()


def test_changing_an_article_in_the_admin_is_recorded_and_reaches_its_citations(
    admin_client, dispute, reviewer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        fact = publish(dispute, reviewer)
    article = dispute.right.article
    url = reverse("admin:articles_article_change", args=[article.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            url,
            {
                "title": "Harlow's plant: the figures",
                "outlet": "Northern Post Weekly",
                "author": "",
                "url": "",
                "published": "2024-03-04",
                "events-TOTAL_FORMS": "0",
                "events-INITIAL_FORMS": "0",
            },
        )

    assert response.status_code == 302
    event = ArticleEvent.objects.filter(article=article).last()
    assert event.note == "details changed: title, outlet"
    assert event.actor.username == "admin"
    outlets = {citation["article"]["outlet"] for citation in citations(fact)}
    assert "Northern Post Weekly" in outlets


def test_deleting_a_cited_article_in_the_admin_leaves_the_published_record_true(
    admin_client, dispute, reviewer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        fact = publish(dispute, reviewer)
    assert len(citations(fact)) == 2
    article = dispute.other.article

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}
        )

    assert response.status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()
    assert [c["article"]["outlet"] for c in citations(fact)] == ["Northern Post"]
    fact.refresh_from_db()
    assert (fact.claim_count, fact.article_count) == (2, 2)
    # the claim's history outlives it
    assert ClaimEvent.objects.filter(claim=None, action="confirmed").count() == 1
    assert fact.events.filter(action="claim_removed").exists()


def test_every_admin_of_articles_claims_and_facts_writes_through_services_or_not_at_all(rf):
    request = rf.get("/")
    request.user = type("Superuser", (), {"has_perm": lambda *a: True, "is_active": True})()
    for model in (Article, Claim, Fact):
        model_admin = admin.site._registry[model]
        kind = type(model_admin)
        for write, hooks in {
            "add": ("add_view", "save_model"),
            "change": ("save_model",),
            "delete": ("delete_model", "delete_queryset"),
        }.items():
            allowed = getattr(model_admin, f"has_{write}_permission")(request)
            overridden = all(getattr(kind, hook) is not getattr(ModelAdmin, hook) for hook in hooks)
            readonly = write == "change" and set(model_admin.get_fields(request)) <= set(
                model_admin.get_readonly_fields(request)
            )
            assert not allowed or overridden or readonly, f"{model.__name__} admin: {write}"
