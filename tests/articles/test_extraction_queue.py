"""The extraction task is sent to the broker only once the article is committed."""

from __future__ import annotations

from django.urls import reverse

from articles import services
from articles.models import Article
from factcheck.celery import app as celery_app
from tests.helpers import purge_queue, queued_messages


def test_an_upload_queues_its_extraction_only_after_the_commit(
    editor_client, django_capture_on_commit_callbacks
):
    purge_queue()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        editor_client.post(reverse("articles:upload"), {"title": "T", "text": "Sales rose 7%."})

    # given the transaction has not committed, then nothing reached the broker
    assert Article.objects.count() == 1
    assert queued_messages() == 0
    # when it commits
    for callback in callbacks:
        callback()
    # then exactly one task waits for a worker
    assert queued_messages() == 1


def test_an_upload_rolled_back_sends_nothing(editor, django_capture_on_commit_callbacks):
    purge_queue()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            from django.db import transaction

            with transaction.atomic():
                services.create_article(uploaded_by=editor, title="T", original="Up 3%.")
                raise RuntimeError("the request failed after the insert")
        except RuntimeError:
            pass

    assert callbacks == []
    assert queued_messages() == 0


def test_an_upload_succeeds_when_the_broker_is_down(editor_client, monkeypatch):
    monkeypatch.setitem(celery_app.conf, "broker_url", "redis://127.0.0.1:1/0")
    monkeypatch.setitem(celery_app.conf, "broker_write_url", "redis://127.0.0.1:1/0")
    monkeypatch.setitem(celery_app.conf, "broker_connection_retry", False)
    monkeypatch.setitem(celery_app.conf, "broker_connection_max_retries", 0)
    monkeypatch.setattr(celery_app, "_pool", None)  # a fresh producer pool, on the dead broker

    response = editor_client.post(reverse("articles:upload"), {"title": "T", "text": "Up 3%."})

    assert response.status_code == 302
    assert Article.objects.get().status == Article.Status.RECEIVED
