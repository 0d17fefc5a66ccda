from __future__ import annotations

from datetime import timedelta

import time_machine
from django.utils import timezone

from articles.models import Article
from claims import pipeline
from tests.helpers import purge_queue, queued_messages


def test_an_article_left_received_is_sent_again_after_the_stall_period(
    make_article, settings, django_capture_on_commit_callbacks
):
    article = make_article()
    purge_queue()
    later = timezone.now() + timedelta(seconds=settings.ARTICLE_STALL_SECONDS + 1)

    with time_machine.travel(later), django_capture_on_commit_callbacks(execute=True):
        assert pipeline.requeue_stalled_articles() == 1
        # the next sweep waits a full period again
        assert pipeline.requeue_stalled_articles() == 0

    assert queued_messages() == 1
    assert Article.objects.get(pk=article.pk).status == Article.Status.RECEIVED


def test_a_fresh_or_finished_article_is_left_alone(make_article, settings):
    make_article()
    done = make_article()
    Article.objects.filter(pk=done.pk).update(status=Article.Status.DONE)

    assert pipeline.requeue_stalled_articles() == 0
    with time_machine.travel(timezone.now() + timedelta(hours=1)):
        assert pipeline.requeue_stalled_articles() == 1


def test_one_sweep_touches_every_stalled_article_in_one_statement(
    make_article, settings, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    for _ in range(20):
        make_article()
    purge_queue()
    later = timezone.now() + timedelta(seconds=settings.ARTICLE_STALL_SECONDS + 1)

    # The stalled articles read, then touched: not one query per article.
    with (
        time_machine.travel(later),
        django_capture_on_commit_callbacks(execute=True),
        django_assert_max_num_queries(2),
    ):
        assert pipeline.requeue_stalled_articles() == 20

    assert queued_messages() == 20
