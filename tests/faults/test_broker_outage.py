"""An upload while the broker is out is kept, answered at once, and extracted when it is back.

The outage is real: a Redis of our own, killed (connections refused) or frozen (connections
accepted and never answered), while a worker with its beat scheduler runs against it. The
filesystem broker has no server to lose, so these tests run on Redis in both test runs.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.urls import reverse

from articles.models import Article
from tests.faults.checks import assert_extracted_once, assert_facts_consistent, events
from tests.helpers import wait_for

pytestmark = pytest.mark.worker

STORY = (
    "The port authority said on Monday it will spend $250 million on new cranes, "
    "about 12% more than it planned in 2023."
)


class Hung(BaseException):
    """Not an Exception: the upload's robust on_commit must not swallow it."""


@contextmanager
def at_most(seconds: int) -> Iterator[None]:
    """Interrupt a call that hangs, so that a hang fails the test instead of stalling it."""

    def interrupt(signum, frame):
        raise Hung(f"still waiting after {seconds} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


OUTAGES = {
    # the server crashed: connections are refused, and its queues are lost
    "killed": (lambda broker: broker.kill(), lambda broker: broker.start()),
    # the server hangs: connections are accepted and never answered
    "frozen": (lambda broker: broker.freeze(), lambda broker: broker.thaw()),
}


@pytest.mark.parametrize("outage", OUTAGES)
def test_an_upload_during_a_broker_outage_is_kept_and_extracted_once_the_broker_is_back(
    outage, editor_client, private_broker, worker_with_beat
):
    begin, end = OUTAGES[outage]
    # given the broker is out
    begin(private_broker)
    try:
        # when an editor uploads an article
        started = time.monotonic()
        with at_most(30):
            response = editor_client.post(
                reverse("articles:upload"), {"title": "Port cranes", "text": STORY}
            )
        took = time.monotonic() - started
        print(f"upload with the broker {outage}: answered in {took:.2f} s")
        # then the upload succeeds and the article waits, received
        assert response.status_code == 302
        article = Article.objects.get()
        assert article.status == Article.Status.RECEIVED
        assert events(article) == ["received"]
    finally:
        end(private_broker)

    # when the broker is back, then the sweep sends it again and it is extracted exactly once
    wait_for(lambda: Article.objects.filter(status=Article.Status.DONE).exists(), timeout=90)
    assert_extracted_once(article)
    assert events(article) == ["received", "extracting", "done"]
    assert_facts_consistent()
