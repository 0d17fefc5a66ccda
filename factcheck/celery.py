"""The Celery app: settings from Django's (CELERY_*), tasks from each app's tasks module."""

import logging
import os

from celery import Celery
from celery.signals import celeryd_init

from .pauses import PauseAfterFailure

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

app = Celery("factcheck")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

logger = logging.getLogger(__name__)
# A broker that hangs costs the first send its timeouts; the sends after it, nothing.
broker_pause = PauseAfterFailure("the broker", float(os.environ.get("BROKER_PAUSE_SECONDS", 5)))


def send_unless_paused(task, *args) -> bool:
    """task.delay(*args); False, sending nothing, while the broker is paused after a failure
    (whoever sends must have another way to send again: the stalled-article sweep)."""
    if not broker_pause.available():
        logger.warning("%s%s not sent: the broker failed moments ago", task.name, args)
        return False
    try:
        task.delay(*args)
    except Exception as error:
        broker_pause.failed(error)
        raise
    return True


@celeryd_init.connect
def worker_waits_out_a_hung_broker(sender=None, conf=None, **kwargs) -> None:
    """The short socket timeouts are for web processes, which must answer whatever the broker
    does. A worker whose acknowledgement times out on a hung Redis leaves its consumer wedged,
    receiving nothing once Redis is back; waiting for the answer costs it nothing."""
    options = conf.broker_transport_options or {}
    if "socket_timeout" in options:
        # Under the name Django's settings gave it: that one is what the worker reads.
        conf["CELERY_BROKER_TRANSPORT_OPTIONS"] = {**options, "socket_timeout": None}
