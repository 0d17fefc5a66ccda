from __future__ import annotations

import logging

from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded
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
    services.propose_claims(article)
