"""The extraction pipeline's Celery side (claims.pipeline has the steps): sending the
extraction task once an article is committed, the task itself with its retries and its
failure recorded, the stalled-article sweep run by the beat scheduler, and, when a worker
starts, what extractions read loaded before it forks, and the extractions lost with a dead
worker sent again."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_init, worker_ready
from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection, transaction

from articles.models import Article
from factcheck.celery import send_unless_paused

from . import comparison, pipeline

logger = logging.getLogger(__name__)

# Errors that pass: the database restarting or briefly unreachable.
TRANSIENT_ERRORS = (OperationalError, InterfaceError)


class ExtractionTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo) -> None:
        # Called once retries are exhausted or the error is not transient:
        # the editor sees the reason on the article instead of a silent stall.
        article_id = args[0] if args else kwargs.get("article_id")
        if isinstance(exc, SoftTimeLimitExceeded):
            reason = "Extraction took too long and was stopped."
        elif isinstance(exc, TRANSIENT_ERRORS):
            reason = f"The database stayed unreachable after {self.request.retries} retries: {exc}"
        else:
            reason = f"Extraction failed: {type(exc).__name__}: {exc}"
        try:
            pipeline.record_extraction_failure(article_id, reason)
        except TRANSIENT_ERRORS:
            logger.exception("could not record the failure of article %s", article_id)


def retries_to_span(seconds: int, *, first: int, longest: int) -> int:
    """How many retries, waiting first, 2 x first, 4 x first... at most longest seconds
    apart, it takes to keep trying for the given number of seconds."""
    retries, waited, wait = 0, 0, first
    while waited < seconds:
        waited += min(wait, longest)
        wait *= 2
        retries += 1
    return retries


# A database outage of up to EXTRACTION_RETRY_SPAN_SECONDS is ridden through: the task keeps
# trying, at most EXTRACTION_RETRY_MAX_WAIT seconds apart, so that an article is done soon
# after the database is back instead of waiting for the stalled-article sweep.
@shared_task(
    base=ExtractionTask,
    bind=True,
    acks_late=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=2,
    retry_backoff_max=settings.EXTRACTION_RETRY_MAX_WAIT,
    retry_jitter=False,
    max_retries=retries_to_span(
        settings.EXTRACTION_RETRY_SPAN_SECONDS, first=2, longest=settings.EXTRACTION_RETRY_MAX_WAIT
    ),
)
def propose_claims_task(self, article_id: int) -> None:
    with commits_not_awaited():
        article = Article.objects.filter(pk=article_id).first()
        if article is None:
            logger.info("article %s vanished; nothing to do", article_id)
            return
        pipeline.propose_claims(article)


@contextmanager
def commits_not_awaited() -> Iterator[None]:
    """Within it, PostgreSQL answers a commit before writing it to disk
    (synchronous_commit off for this session, until the block ends).

    An extraction commits three times (started, its story, its claims and facts), and each
    flush to disk holds the worker, and the story's lock, for milliseconds: more than the
    writes themselves. Only for work that can be done again: a database crash may lose the
    last fraction of a second of such commits, whole transactions only and in order (a later
    ordinary commit, such as a reviewer's, writes them to disk with it). An extraction lost
    that way leaves its article received or extracting, and the stalled-article sweep sends
    it again.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        # The connection outlives the task (CONN_MAX_AGE): the next task gets the default.
        try:
            with connection.cursor() as cursor:
                cursor.execute("RESET synchronous_commit")
        except DatabaseError:
            # A broken connection: the next task opens a new one, which has the default.
            connection.close()


@shared_task
def requeue_stalled_articles_task() -> int:
    return pipeline.requeue_stalled_articles()


def enqueue_extraction(article_id: int) -> None:
    """Send the extraction task after the surrounding transaction commits.

    robust=True: if the broker is down the upload still succeeds; the article
    stays received and the stalled-article sweep sends it again later.
    """

    def send_extraction_task() -> None:
        send_unless_paused(propose_claims_task, article_id)

    transaction.on_commit(send_extraction_task, robust=True)


def extraction_requested(sender, *, article_id: int, **kwargs) -> None:
    """Receives articles.signals.extraction_requested (connected in claims.apps)."""
    enqueue_extraction(article_id)


@worker_init.connect
def load_before_forking(sender=None, **kwargs) -> None:
    """In the worker's main process, before it forks its pool processes: what every
    extraction reads on first use, loaded once and shared by them (the ECB rates took each
    pool process about half a second, on its first article with money)."""
    comparison.load_ecb_rates()


@worker_ready.connect
def resend_extractions_lost_with_a_worker(sender, **kwargs) -> None:
    """A worker (re)starting is the moment a lost one's tasks can be found and sent again.

    In a thread, a moment later: by then this worker holds the tasks waiting in the queue,
    and answers the question below about them like every other live worker.
    """
    app = sender.app
    timer = threading.Timer(settings.ORPHAN_CHECK_DELAY_SECONDS, _resend_orphans, args=(app,))
    timer.daemon = True
    timer.start()


def _resend_orphans(app) -> None:
    try:
        held = extractions_held_by_live_workers(app)
        if held is None:
            logger.warning("no worker answered; lost extractions are left to the sweep")
            return
        pipeline.requeue_orphaned_extractions(held)
    except Exception:  # a database or broker outage: the sweep remains
        logger.exception("could not look for extractions lost with a worker")
    finally:
        connection.close()


def extractions_held_by_live_workers(app) -> set[int] | None:
    """The articles whose extraction task a live worker is running, holds or has scheduled
    (a retry waiting its turn); None when no worker answers."""
    inspector = app.control.inspect(timeout=settings.ORPHAN_CHECK_REPLY_SECONDS)
    replies = [inspector.active(), inspector.reserved(), inspector.scheduled()]
    if any(reply is None for reply in replies):
        return None
    held = set()
    for reply in replies:
        for tasks in reply.values():
            for task in tasks:
                request = task.get("request", task)  # scheduled tasks come wrapped
                if request.get("name") != propose_claims_task.name:
                    continue
                args, kwargs = request.get("args") or [], request.get("kwargs") or {}
                held.add(int(args[0] if args else kwargs["article_id"]))
    return held
