"""The browser's bulk import, run by the worker (articles.importing does the work)."""

from __future__ import annotations

from celery import shared_task

from . import importing


@shared_task(acks_late=True)
def import_batch_task(batch_id: int) -> None:
    importing.run_batch(batch_id)
