"""The articles' periodic sweep, and what a worker does when it starts."""

from __future__ import annotations

import logging
import threading

from celery import shared_task
from celery.signals import worker_ready
from django.conf import settings
from django.db import connection

from . import services

logger = logging.getLogger(__name__)


@shared_task
def requeue_stalled_articles_task() -> int:
    return services.requeue_stalled_articles()


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
        services.requeue_orphaned_extractions(held)
    except Exception:  # a database or broker outage: the sweep remains
        logger.exception("could not look for extractions lost with a worker")
    finally:
        connection.close()


def extractions_held_by_live_workers(app) -> set[int] | None:
    """The articles whose extraction task a live worker is running, holds or has scheduled
    (a retry waiting its turn); None when no worker answers."""
    from claims.tasks import propose_claims_task

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
