"""A worker killed in the middle of an extraction loses nothing and duplicates nothing."""

from __future__ import annotations

import os
import signal
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles import services
from articles.models import Article
from claims.extraction import extract_figures
from claims.models import Claim
from tests.conftest import WorkerProcess, wait_for

pytestmark = pytest.mark.worker

FILLER = "The committee met again to discuss the proposal and heard from residents. "
FIGURES = "The council approved $4.5 million for repairs, about 12% more than planned in 2023. "


def long_article_text() -> str:
    """Long enough (about 6 MB) that extracting it takes a second or more."""
    return FIGURES + FILLER * 80_000 + FIGURES.replace("$4.5", "$7.25")


def events(article: Article) -> list[str]:
    return list(article.events.values_list("to_status", flat=True))


def wait_until_extracting(article: Article) -> None:
    wait_for(
        lambda: Article.objects.filter(pk=article.pk, status=Article.Status.EXTRACTING).exists(),
        every=0.01,
    )


def test_a_pool_process_killed_mid_extraction_is_replaced_and_the_article_done_once(editor, worker):
    # given a long article being extracted
    text = long_article_text()
    article = services.create_article(uploaded_by=editor, title="Long", original=text)
    wait_until_extracting(article)
    # when the process doing the work is killed
    for pid in worker.pool_child_pids():
        os.kill(pid, signal.SIGKILL)
    # then the task is delivered again and the article is extracted exactly once
    wait_for(lambda: Article.objects.get(pk=article.pk).status == Article.Status.DONE, timeout=120)
    assert Claim.objects.filter(article=article).count() == len(extract_figures(text))
    assert events(article)[-1] == "done"
    assert events(article).count("extracting") == 2
    assert Claim.objects.filter(article=article).count() == (
        Claim.objects.filter(article=article).values("start", "end").distinct().count()
    )


def test_a_whole_worker_killed_mid_extraction_is_recovered_by_the_sweep(editor, worker, settings):
    # given a long article being extracted
    text = long_article_text()
    article = services.create_article(uploaded_by=editor, title="Long", original=text)
    wait_until_extracting(article)
    # when the whole worker dies, and another one starts
    worker.kill()
    replacement = WorkerProcess().start()
    try:
        # and the sweep runs once the extraction has outlived the task time limit
        stalled = timezone.now() + timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 61)
        with time_machine.travel(stalled, tick=True):
            assert services.requeue_stalled_articles() == 1
        # then the article is extracted once, with no duplicate claims
        wait_for(
            lambda: Article.objects.get(pk=article.pk).status == Article.Status.DONE, timeout=120
        )
    finally:
        replacement.stop()
    assert Claim.objects.filter(article=article).count() == len(extract_figures(text))
    assert events(article)[-1] == "done"
