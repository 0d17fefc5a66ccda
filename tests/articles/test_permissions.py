from __future__ import annotations

import pytest
from django.urls import reverse

from articles.models import Article

UPLOAD = reverse("articles:upload")
TEXT = {"title": "Flood toll", "text": "At least 42 people died in the floods."}


def test_anonymous_visitors_are_sent_to_the_login_page(client, db):
    for url in (reverse("articles:list"), UPLOAD):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_anonymous_visitors_cannot_upload(client, db):
    response = client.post(UPLOAD, TEXT)

    assert response.status_code == 302
    assert Article.objects.count() == 0


def test_a_reviewer_cannot_upload(client, reviewer):
    client.force_login(reviewer)

    assert client.get(UPLOAD).status_code == 403
    assert client.post(UPLOAD, TEXT).status_code == 403
    assert Article.objects.count() == 0


def test_a_reviewer_can_read_articles(client, reviewer, make_article):
    article = make_article()
    client.force_login(reviewer)

    assert client.get(reverse("articles:list")).status_code == 200
    assert client.get(article.get_absolute_url()).status_code == 200


def test_an_editor_can_upload(editor_client):
    assert editor_client.get(UPLOAD).status_code == 200
    assert editor_client.post(UPLOAD, TEXT).status_code == 302
    assert Article.objects.count() == 1


def test_a_user_without_a_role_sees_nothing(client, django_user_model, make_article):
    article = make_article()
    client.force_login(django_user_model.objects.create_user("visitor", password="x-y-z-1-2-3"))

    assert client.get(reverse("articles:list")).status_code == 403
    assert client.get(article.get_absolute_url()).status_code == 403


def test_only_editors_can_rerun_an_extraction(client, reviewer, make_article):
    article = make_article()
    client.force_login(reviewer)

    assert client.post(reverse("articles:reextract", args=[article.pk])).status_code == 403


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_other_methods_on_the_list_are_refused(editor_client, method):
    assert getattr(editor_client, method)(reverse("articles:list")).status_code == 405


def test_the_upload_form_requires_a_csrf_token(editor, db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)

    assert client.post(UPLOAD, TEXT).status_code == 403
    assert Article.objects.count() == 0


def test_login_page_lets_a_demo_account_in(client, editor):
    page = client.get(reverse("login"))
    response = client.post(
        reverse("login"), {"username": "editor", "password": "pw-for-tests-only"}
    )

    assert page.status_code == 200
    assert response.status_code == 302
    assert client.get(reverse("articles:list")).status_code == 200


def test_a_wrong_password_gets_a_message_not_an_error(client, editor):
    response = client.post(reverse("login"), {"username": "editor", "password": "nope"})

    assert response.status_code == 200
    assert "enter a correct username and password" in response.content.decode()
