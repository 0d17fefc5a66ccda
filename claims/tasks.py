from __future__ import annotations

import logging

from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import InterfaceError, OperationalError

from articles.models import Article

from . import services

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
            services.record_extraction_failure(article_id, reason)
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
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        logger.info("article %s vanished; nothing to do", article_id)
        return
    services.propose_claims(article)
