"""The database is down for minutes (DATABASE_OUTAGE_SECONDS, 180 by default) while editors
upload and readers read through gunicorn, and the worker has extractions in hand.

Meanwhile every request that needs the database answers 503 with Retry-After (JSON under
/api/, a short page elsewhere), never a server error; the extractions keep retrying, at most
EXTRACTION_RETRY_MAX_WAIT seconds apart. Once it is back, every article is done within 30 s,
none failed, each extracted once.

The cluster is our own (initdb in a temporary folder), never the shared one.
"""

from __future__ import annotations

import os
import time

import pytest
from django.conf import settings
from django.test import Client

from articles.models import Article
from tests.faults.checks import assert_extracted_once, assert_facts_consistent
from tests.faults.conftest import call, token_for
from tests.faults.test_database_restart import claim_counts, story
from tests.helpers import WorkerProcess, wait_for

pytestmark = [
    pytest.mark.worker,
    pytest.mark.skipif(
        not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
        reason="the database outage test runs in the PostgreSQL run (DATABASE_URL=postgres://...)",
    ),
]

OUTAGE_SECONDS = int(os.environ.get("DATABASE_OUTAGE_SECONDS", "180"))
BACK_WITHIN = 30  # seconds: a liveness bound that catches a hang, not a speed target
TOWNS = ["Harlow", "Tarvik", "Marden", "Oakhaven", "Dunmere", "Ashcombe"]


def all_done() -> bool:
    counts = claim_counts()
    return counts is not None and all(
        status == Article.Status.DONE for status, _ in counts.values()
    )


def test_a_database_outage_of_minutes_answers_503_and_every_article_is_done_soon_after(
    restartable_database, editor_on_cluster, private_broker, web_server
):
    editor = editor_on_cluster
    session = Client()
    session.force_login(editor)
    cookie = {"Cookie": f"sessionid={session.cookies['sessionid'].value}"}
    token = token_for(editor)
    server = web_server(
        SECRET_KEY=settings.SECRET_KEY, CACHE_URL=private_broker.url.replace("/0", "/1")
    )
    worker = WorkerProcess().start()
    try:
        # given articles uploaded, their extractions under way
        for town in TOWNS:
            answer = call(
                server,
                "POST",
                "/api/v1/articles/",
                data={"title": town, "text": story(town)},
                headers=token,
            )
            assert answer.status == 201, answer.body[:300]

        # when the database goes down for minutes while requests keep coming
        restartable_database.stop()
        down_since = time.monotonic()
        answers = []
        number = 0
        while time.monotonic() - down_since < OUTAGE_SECONDS:
            number += 1
            upload = {"title": f"Outage {number}", "text": story(f"Outage {number}")}
            answers += [
                ("upload", call(server, "POST", "/api/v1/articles/", data=upload, headers=token)),
                ("articles", call(server, "GET", "/api/v1/articles/", headers=token)),
                ("page", call(server, "GET", "/articles/", headers=cookie)),
                ("facts", call(server, "GET", "/api/v1/facts/")),
            ]
            time.sleep(2)
        restartable_database.start()
        back_at = time.monotonic()

        # then every article is done within seconds of its return
        wait_for(all_done, timeout=BACK_WITHIN, every=0.2)
        print(
            f"database down {back_at - down_since:.0f} s: every article done "
            f"{time.monotonic() - back_at:.1f} s after it was back; {len(answers)} requests "
            f"meanwhile: {sorted({(kind, answer.status) for kind, answer in answers})}"
        )
    finally:
        worker.stop()

    # and meanwhile, requests that needed it were told to come back, never a server error
    for kind, answer in answers:
        if kind == "facts" and answer.status == 200:
            continue  # a cached read may still be answered
        assert answer.status == 503, (kind, answer.status, answer.body[:300])
        assert int(answer.headers["retry-after"]) > 0
        expected = "text/plain" if kind == "page" else "application/json"
        assert answer.headers["content-type"].startswith(expected)
    # and the extractions kept retrying through it; none failed, each done once
    assert any(" retry: Retry in " in line for line in worker.output)
    assert Article.objects.count() == len(TOWNS)
    for article in Article.objects.all():
        assert_extracted_once(article)
    assert_facts_consistent()
    # and the app works again
    assert call(server, "GET", "/api/v1/articles/", headers=token).status == 200
