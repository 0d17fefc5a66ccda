from celery import shared_task

from . import services


@shared_task
def requeue_stalled_articles_task() -> int:
    return services.requeue_stalled_articles()
