from __future__ import annotations

import pytest
from django.db import OperationalError, connection

from articles.models import Article
from claims import comparison, pipeline
from claims.tasks import load_before_forking, propose_claims_task


def test_the_task_extracts_the_article(make_article):
    article = make_article(original="Exports grew 3% in May 2024.")

    propose_claims_task.apply(args=[article.pk])

    assert Article.objects.get(pk=article.pk).status == Article.Status.DONE
    assert sorted(article.claims.values_list("text", flat=True)) == ["3%", "May 2024"]


def test_a_vanished_article_is_a_no_op(db):
    result = propose_claims_task.apply(args=[424242])

    assert result.successful()


def test_a_bug_fails_the_article_at_once_with_a_readable_reason(make_article, monkeypatch):
    article = make_article()
    calls = []

    def broken(text, **options):
        calls.append(text)
        raise ValueError("unbalanced parenthesis at 12")

    monkeypatch.setattr(pipeline, "extract_figures", broken)

    propose_claims_task.apply(args=[article.pk])

    article.refresh_from_db()
    assert len(calls) == 1  # not retried: it would fail the same way every time
    assert article.status == Article.Status.FAILED
    assert article.status_reason == "Extraction failed: ValueError: unbalanced parenthesis at 12"
    assert list(article.events.values_list("to_status", flat=True))[-1] == "failed"


def test_a_database_outage_is_retried_then_recorded(make_article, monkeypatch):
    article = make_article()
    calls = []

    def unreachable(text, **options):
        calls.append(text)
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(pipeline, "extract_figures", unreachable)

    propose_claims_task.apply(args=[article.pk])

    article.refresh_from_db()
    assert len(calls) == propose_claims_task.max_retries + 1
    assert article.status == Article.Status.FAILED
    assert "database stayed unreachable" in article.status_reason


def test_a_database_blip_is_retried_and_the_article_done(make_article, monkeypatch):
    article = make_article(original="Exports grew 3% in May.")
    real = pipeline.extract_figures
    calls = []

    def flaky(text, **options):
        calls.append(text)
        if len(calls) == 1:
            raise OperationalError("the database system is starting up")
        return real(text, **options)

    monkeypatch.setattr(pipeline, "extract_figures", flaky)

    propose_claims_task.apply(args=[article.pk])

    assert len(calls) == 2
    assert Article.objects.get(pk=article.pk).status == Article.Status.DONE


def test_the_extraction_commits_without_waiting_for_the_disk_then_resets_it(
    make_article, monkeypatch
):
    if connection.vendor != "postgresql":
        pytest.skip("synchronous_commit is PostgreSQL's")
    article = make_article(original="Exports grew 3% in May 2024.")
    real = pipeline.propose_claims
    during = []

    def observed(article):
        during.append(synchronous_commit())
        return real(article)

    monkeypatch.setattr(pipeline, "propose_claims", observed)

    propose_claims_task.apply(args=[article.pk])

    assert during == ["off"]
    assert Article.objects.get(pk=article.pk).status == Article.Status.DONE
    # The connection serves the next task (and the web side) with the default again.
    assert synchronous_commit() == "on"


def synchronous_commit() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        return cursor.fetchone()[0]


def test_a_starting_worker_loads_the_exchange_rates_before_forking(monkeypatch):
    monkeypatch.setattr(comparison, "_ecb", None)

    load_before_forking()

    assert comparison._ecb is not None
