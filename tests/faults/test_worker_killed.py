"""A worker killed in the middle of an extraction loses nothing and duplicates nothing.

Who sends the task again: a killed pool process is noticed by its worker, which puts the
task back at once (acks_late, reject_on_worker_lost). A whole worker killed (the machine
lost) leaves its task unacknowledged: the filesystem broker never sends it again, Redis only
after CELERY_VISIBILITY_TIMEOUT (600 s). So a worker that starts asks the live workers which
extractions they hold, and sends again those no one holds; on Redis the lost task then comes
back a second time, and must change nothing.
"""

from __future__ import annotations

import os
import re
import signal
import time

import pytest

from articles import services
from articles.models import Article
from tests.faults.checks import (
    assert_extracted_once,
    assert_facts_consistent,
    clean_run_spans,
    events,
)
from tests.helpers import WorkerProcess, wait_for

pytestmark = pytest.mark.worker

FILLER = "The committee met again to discuss the proposal and heard from residents. "
FIGURES = "The council approved $4.5 million for repairs, about 12% more than planned in 2023. "


def long_article_text() -> str:
    """Long enough (about 1 MB) that extracting it takes a second or more."""
    return FIGURES + FILLER * 15_000 + FIGURES.replace("$4.5", "$7.25")


def wait_until_extracting(article: Article) -> None:
    wait_for(
        lambda: Article.objects.filter(pk=article.pk, status=Article.Status.EXTRACTING).exists(),
        every=0.01,
    )


def wait_until_done(article: Article, timeout: float = 120) -> None:
    wait_for(
        lambda: Article.objects.filter(pk=article.pk, status=Article.Status.DONE).exists(),
        timeout=timeout,
    )


def received_task_id(worker: WorkerProcess) -> str:
    for line in worker.output:
        found = re.search(r"propose_claims_task\[([0-9a-f-]+)\] received", line)
        if found:
            return found.group(1)
    raise AssertionError("the worker received no extraction task")


def test_a_pool_process_killed_mid_extraction_is_replaced_and_the_article_done_once(editor, worker):
    # given a long article being extracted
    article = services.create_article(
        uploaded_by=editor, title="Long", original=long_article_text()
    )
    wait_until_extracting(article)
    # when the process doing the work is killed
    for pid in worker.pool_child_pids():
        os.kill(pid, signal.SIGKILL)
    # then the task is delivered again and the article is extracted exactly once
    wait_until_done(article)
    assert_extracted_once(article)
    assert events(article) == ["received", "extracting", "extracting", "done"]
    assert_facts_consistent()


def test_a_whole_worker_killed_mid_extraction_is_sent_again_when_a_worker_starts(editor, worker):
    # given a long article being extracted
    article = services.create_article(
        uploaded_by=editor, title="Long", original=long_article_text()
    )
    wait_until_extracting(article)
    # when the whole worker dies (its main process and its pool at once), and another starts
    worker.kill()
    replacement = WorkerProcess().start()
    started = time.monotonic()
    try:
        # then the article is sent again and done within a minute, extracted once
        wait_until_done(article, timeout=60)
        print(f"whole worker killed: done {time.monotonic() - started:.1f} s after a new start")
    finally:
        replacement.stop()
    assert any("lost with a worker" in line for line in replacement.output)
    assert_extracted_once(article)
    assert events(article) == ["received", "extracting", "extracting", "done"]
    assert_facts_consistent()


def test_on_redis_the_killed_workers_task_comes_back_later_and_changes_nothing(
    editor, transactional_db, private_broker
):
    # given a whole worker killed mid-extraction, its task left unacknowledged in Redis
    killed = WorkerProcess().start()
    try:
        article = services.create_article(
            uploaded_by=editor, title="Long", original=long_article_text()
        )
        wait_until_extracting(article)
        lost_task = received_task_id(killed)
        killed.kill()
    finally:
        killed.stop()
    # and the article sent again by the worker that replaced it
    replacement = WorkerProcess().start()
    try:
        wait_until_done(article, timeout=60)
    finally:
        replacement.stop()
    history, spans = events(article), clean_run_spans(article)
    assert_extracted_once(article, spans)

    # when Redis hands the lost task out again, its visibility timeout passed
    late = WorkerProcess(env={"CELERY_VISIBILITY_TIMEOUT": "1"})
    late.start()
    try:
        wait_for(lambda: any(f"[{lost_task}] succeeded" in line for line in late.output))
    finally:
        late.stop()

    # then the article, its claims and its facts are as they were
    assert events(article) == history
    assert_extracted_once(article, spans)
    assert_facts_consistent()
