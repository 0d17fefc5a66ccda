"""The extraction pipeline's Celery side (claims.pipeline has the steps): sending the
extraction task once an article is committed, the task itself with its retries and its
failure recorded, and the stalled-article sweep run by the beat scheduler."""

from __future__ import annotations

import logging

from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import InterfaceError, OperationalError, transaction

from articles.models import Article

from . import pipeline

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


@shared_task(
    base=ExtractionTask,
    bind=True,
    acks_late=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=2,
    retry_backoff_max=120,
    retry_jitter=True,
    max_retries=6,
)
def propose_claims_task(self, article_id: int) -> None:
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        logger.info("article %s vanished; nothing to do", article_id)
        return
    pipeline.propose_claims(article)


@shared_task
def requeue_stalled_articles_task() -> int:
    return pipeline.requeue_stalled_articles()


def enqueue_extraction(article_id: int) -> None:
    """Send the extraction task after the surrounding transaction commits.

    robust=True: if the broker is down the upload still succeeds; the article
    stays received and the stalled-article sweep sends it again later.
    """

    def send_extraction_task() -> None:
        propose_claims_task.delay(article_id)

    transaction.on_commit(send_extraction_task, robust=True)


def extraction_requested(sender, *, article_id: int, **kwargs) -> None:
    """Receives articles.signals.extraction_requested (connected in claims.apps)."""
    enqueue_extraction(article_id)
