"""The app's pages forbid inline scripts and styles, and carry none of their own."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from claims import pipeline
from tests.security.inert import assert_inert


@pytest.fixture
def article(make_article):
    article = make_article(title="Roads", outlet="The Ledger")
    pipeline.propose_claims(article)
    return article


def pages(article) -> list[tuple[str, str]]:
    """(who, url) for every kind of page the app renders."""
    fact_id = article.claims.first().fact_id
    return [
        ("anonymous", reverse("login")),
        ("anonymous", reverse("admin:login")),
        ("editor", reverse("articles:list")),
        ("editor", reverse("articles:upload")),
        ("editor", article.get_absolute_url()),
        ("admin", reverse("admin:index")),
        ("admin", reverse("admin:articles_article_changelist")),
        ("admin", reverse("admin:articles_article_change", args=[article.pk])),
        ("admin", reverse("admin:claims_fact_changelist")),
        ("admin", reverse("admin:claims_fact_review", args=[fact_id])),
        ("anonymous", reverse("api-docs")),
    ]


def test_every_page_carries_the_policy_and_needs_nothing_inline(
    editor_client, admin_client, article
):
    clients = {"anonymous": Client(), "editor": editor_client, "admin": admin_client}
    for who, url in pages(article):
        response = clients[who].get(url)
        page = response.content.decode()

        assert response.status_code == 200, url
        assert response["Content-Security-Policy"].startswith("default-src 'self'"), url
        assert_inert(page)  # every script is a file of this site
        assert "<style" not in page, url
        assert " style=" not in page, url


def test_json_answers_carry_no_policy(editor_client, article):
    response = editor_client.get(reverse("articles:states") + f"?ids={article.pk}")

    assert "Content-Security-Policy" not in response


def test_debug_pages_are_left_without_a_policy(editor_client, settings):
    settings.DEBUG = True

    response = editor_client.get(reverse("articles:list"))

    assert "Content-Security-Policy" not in response
