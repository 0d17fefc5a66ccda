"""The browser's bulk import, run by the worker (articles.importing does the work)."""

from __future__ import annotations

from celery import shared_task
from django.db import transaction

from . import importing


@shared_task(acks_late=True)
def import_batch_task(batch_id: int) -> None:
    importing.run_batch(batch_id)


def enqueue_import(batch_id: int) -> None:
    """Send the import to the worker once the batch is committed (robust: with the broker
    down the batch waits, and the page says so)."""
    transaction.on_commit(lambda: import_batch_task.delay(batch_id), robust=True)
