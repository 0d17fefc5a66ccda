"""The database restarts while the worker extracts: in-flight tasks are retried, nothing is
half-written, every article ends done exactly once.

The cluster is our own (initdb in a temporary folder, on a free port), never the shared one,
so it can be stopped; the broker is a Redis of our own too.
"""

from __future__ import annotations

import time

import pytest
from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.db.models import Count

from articles import services
from articles.models import Article
from tests.faults.checks import (
    assert_extracted_once,
    assert_facts_consistent,
    clean_run_spans,
    events,
)
from tests.helpers import WorkerProcess, wait_for

pytestmark = [
    pytest.mark.worker,
    pytest.mark.skipif(
        not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
        reason="the database restart test runs in the PostgreSQL run (DATABASE_URL=postgres://...)",
    ),
]

TOWNS = ["Harlow", "Tarvik", "Marden"]


def story(town: str) -> str:
    """120 figures: writing their claims and facts takes a second or more."""
    return " ".join(
        f"In {2001 + number % 20}, the {town} council spent ${number + 1}.5 million on "
        f"road {number}, about {number % 40 + 1}% more than planned."
        for number in range(40)
    )


def article_being_written() -> int | None:
    """The extracting article, while the worker's session is in a transaction that wrote."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id FROM {Article._meta.db_table} WHERE status = %s AND EXISTS ("
            " SELECT 1 FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL)",
            [Article.Status.EXTRACTING],
        )
        row = cursor.fetchone()
    return row[0] if row else None


def claim_counts() -> dict[int, tuple[str, int]] | None:
    """Each article's status and number of claims, read in one statement; None while down."""
    try:
        rows = Article.objects.annotate(claim_count=Count("claims")).values_list(
            "pk", "status", "claim_count"
        )
        return {pk: (status, claim_count) for pk, status, claim_count in rows}
    except (OperationalError, InterfaceError):
        connection.close()
        return None


def restart(cluster, *, down_for: float) -> None:
    cluster.stop()
    time.sleep(down_for)
    cluster.start()
    connection.close()  # this process's own session died with it


@pytest.fixture
def cluster_worker(restartable_database, private_broker):
    process = WorkerProcess().start()
    yield process
    process.stop()


def test_a_database_restart_during_extractions_loses_nothing_and_duplicates_nothing(
    restartable_database, editor_on_cluster, cluster_worker
):
    # given several articles queued for extraction
    articles = [
        services.create_article(uploaded_by=editor_on_cluster, title=town, original=story(town))
        for town in TOWNS
    ]
    # when the database restarts while the worker writes an article's claims
    interrupted = wait_for(article_being_written, every=0.005)
    restart(restartable_database, down_for=3)  # the queued tasks find it down too

    # then every article ends done, and no one ever sees part of an extraction
    seen = []

    def all_done() -> bool:
        counts = claim_counts()
        if counts is None:
            return False
        seen.append(counts)
        return all(status == Article.Status.DONE for status, _ in counts.values())

    wait_for(all_done, timeout=180, every=0.05)
    spans = {article.pk: clean_run_spans(article) for article in articles}
    for counts in seen:
        for pk, (status, claim_count) in counts.items():
            assert claim_count == (len(spans[pk]) if status == Article.Status.DONE else 0)
    for article in articles:
        assert_extracted_once(article, spans[article.pk])
    assert_facts_consistent()
    # and the interrupted extraction was retried and started again, once
    assert any(" retry: Retry in " in line for line in cluster_worker.output)
    assert events(Article.objects.get(pk=interrupted)) == [
        "received",
        "extracting",
        "extracting",
        "done",
    ]


def test_a_worker_idle_across_a_database_restart_reconnects_before_its_next_task(
    restartable_database, editor_on_cluster, cluster_worker
):
    # given the worker has used the database, and kept its session for the next task
    first = services.create_article(
        uploaded_by=editor_on_cluster, title="Harlow", original=story("Harlow")
    )
    wait_for(lambda: Article.objects.filter(pk=first.pk, status=Article.Status.DONE).exists())
    # when the database restarts while the worker is idle
    restart(restartable_database, down_for=1)
    second = services.create_article(
        uploaded_by=editor_on_cluster, title="Tarvik", original=story("Tarvik")
    )
    # then the next task finds its dead session replaced (the health check), and needs no retry
    wait_for(lambda: Article.objects.filter(pk=second.pk, status=Article.Status.DONE).exists())
    assert_extracted_once(second)
    assert events(second) == ["received", "extracting", "done"]
    assert not any(" retry: " in line for line in cluster_worker.output)
