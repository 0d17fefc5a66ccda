"""The articles API: the newsroom reads its articles; editors upload, refused like the form."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from articles.models import Article, ArticleEvent
from tests.helpers import make_user

ARTICLES = "/api/v1/articles/"
STORY = "The city council approved a budget of $12.5 million on Tuesday, up 4% from last year."
UPLOAD = {
    "title": "Council budget",
    "outlet": "The Ledger",
    "author": "A. Writer",
    "url": "https://ledger.example/budget",
    "published": "2024-03-05",
    "text": STORY,
}


@pytest.fixture
def editor_api(editor) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    return client


@pytest.fixture
def reviewer_api(reviewer) -> APIClient:
    client = APIClient()
    client.force_authenticate(reviewer)
    return client


def stored() -> tuple[int, int]:
    return Article.objects.count(), ArticleEvent.objects.count()


def test_an_editor_uploads_with_a_token_and_the_article_is_received(
    editor_api, editor, django_capture_on_commit_callbacks
):
    # when
    with django_capture_on_commit_callbacks() as queued:
        response = editor_api.post(ARTICLES, UPLOAD, format="json")

    # then
    assert response.status_code == 201
    article = Article.objects.get()
    body = response.json()
    assert body["id"] == article.pk
    assert body["status"] == "received"
    assert response["Location"] == f"http://testserver/api/v1/articles/{article.pk}/"
    assert (article.title, article.outlet, article.url, str(article.published)) == (
        "Council budget",
        "The Ledger",
        "https://ledger.example/budget",
        "2024-03-05",
    )
    assert article.body == STORY
    assert article.uploaded_by == editor
    assert len(queued) == 1  # the extraction is sent once the upload commits


def test_an_editor_uploads_a_file_as_multipart(editor_api):
    html = b"<html><body><script>x()</script><p>Rents rose 7% in May.</p></body></html>"
    data = {"title": "Rents", "file": SimpleUploadedFile("rents.html", html)}

    response = editor_api.post(ARTICLES, data, format="multipart")

    assert response.status_code == 201
    article = Article.objects.get()
    assert article.original_format == "html"
    assert "x()" not in article.body
    assert "Rents rose 7% in May." in article.body


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"text": "   "}, "non_field_errors", "The article has no text."),
        ({"title": ""}, "title", "This field is required."),
        ({"title": "x" * 301}, "title", "at most 300 characters"),
        ({"url": "javascript:alert(1)"}, "url", "Enter a valid URL."),
        ({"url": "ftp://ledger.example/x"}, "url", "Enter a valid URL."),
        ({"published": "2999-01-01"}, "published", "cannot be in the future"),
        ({"published": "yesterday"}, "published", "Enter a valid date."),
        ({"title": 42}, "title", "Expected a string."),
        ({"text": ["a", "list"]}, "text", "Expected a string."),
        ({"status": "done"}, "status", "This field cannot be set."),
        ({"uploaded_by": 1}, "uploaded_by", "This field cannot be set."),
        ({"text_hash": "0" * 64}, "text_hash", "This field cannot be set."),
    ],
)
def test_bad_uploads_are_refused_with_the_forms_messages_and_store_nothing(
    editor_api, change, field, message
):
    response = editor_api.post(ARTICLES, {**UPLOAD, **change}, format="json")

    assert response.status_code == 400
    body = response.json()
    assert body["detail"]
    assert message in " ".join(body["errors"][field])
    assert stored() == (0, 0)


def test_an_oversized_text_is_refused(editor_api, settings):
    settings.ARTICLE_MAX_UPLOAD_BYTES = 1000

    response = editor_api.post(ARTICLES, {**UPLOAD, "text": STORY * 20}, format="json")

    assert response.status_code == 400
    assert "too long" in response.json()["errors"]["text"][0]
    assert stored() == (0, 0)


def test_a_binary_file_is_refused(editor_api):
    data = {"title": "Zip", "file": SimpleUploadedFile("story.txt", b"PK\x03\x04\x00\x00binary")}

    response = editor_api.post(ARTICLES, data, format="multipart")

    assert response.status_code == 400
    assert response.json()["errors"]["file"] == ["This is a binary file, not text."]
    assert stored() == (0, 0)


def test_a_text_already_stored_is_refused_with_its_id(editor_api):
    first = editor_api.post(ARTICLES, UPLOAD, format="json").json()

    again = editor_api.post(ARTICLES, {**UPLOAD, "title": "Again"}, format="json")

    assert again.status_code == 400
    message = again.json()["errors"]["non_field_errors"][0]
    page = reverse("articles:detail", args=[first["id"]])
    assert message == f"This text is already stored as Council budget (http://testserver{page})."
    assert Article.objects.get().pk == first["id"]


@pytest.mark.parametrize("payload", [[1, 2], "a string", 42])
def test_a_body_that_is_not_an_object_is_a_400(editor_api, payload):
    response = editor_api.post(ARTICLES, payload, format="json")

    assert response.status_code == 400
    assert response.json()["errors"]["non_field_errors"] == ["Send the article as a JSON object."]
    assert stored() == (0, 0)


def test_malformed_json_is_a_400(editor_api):
    response = editor_api.post(ARTICLES, "{not json", content_type="application/json")

    assert response.status_code == 400
    assert "JSON parse error" in response.json()["detail"]


def test_the_newsroom_reads_the_article_list_newest_first(reviewer_api, make_article):
    older, newer = make_article(title="Older"), make_article(title="Newer")

    response = reviewer_api.get(ARTICLES)

    assert response.status_code == 200
    assert [a["id"] for a in response.json()["results"]] == [newer.pk, older.pk]
    assert response.json()["results"][0]["status"] == "received"
    assert reviewer_api.get(f"{ARTICLES}{older.pk}/").json()["title"] == "Older"


def test_the_article_list_filters_by_status(reviewer_api, make_article):
    make_article()

    assert reviewer_api.get(f"{ARTICLES}?status=done").json()["results"] == []
    assert reviewer_api.get(f"{ARTICLES}?status=nonsense").status_code == 400


# --------------------------------------------------------------------------------------------
# Who may do what
# --------------------------------------------------------------------------------------------


def test_anonymous_callers_are_told_to_authenticate(db):
    client = APIClient()

    for response in (client.get(ARTICLES), client.post(ARTICLES, UPLOAD, format="json")):
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == "Token"
        assert response.json() == {"detail": "Authentication credentials were not provided."}
    assert stored() == (0, 0)


def test_a_wrong_token_is_a_401(db):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")

    assert client.get(ARTICLES).status_code == 401


def test_a_reviewer_may_read_but_not_upload(reviewer_api):
    response = reviewer_api.post(ARTICLES, UPLOAD, format="json")

    assert response.status_code == 403
    assert response.json()["detail"]
    assert stored() == (0, 0)


def test_a_user_without_a_role_may_do_nothing(roles):
    client = APIClient()
    client.force_authenticate(make_user("stranger"))

    assert client.get(ARTICLES).status_code == 403
    assert client.post(ARTICLES, UPLOAD, format="json").status_code == 403


def test_a_session_upload_needs_the_csrf_token(editor):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(editor)

    response = client.post(ARTICLES, UPLOAD, format="json")

    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert stored() == (0, 0)


def test_articles_cannot_be_changed_or_deleted_through_the_api(editor_api, make_article):
    article = make_article()

    for method in ("put", "patch", "delete"):
        response = getattr(editor_api, method)(f"{ARTICLES}{article.pk}/", {}, format="json")
        assert response.status_code == 405
        assert response.json()["detail"]
