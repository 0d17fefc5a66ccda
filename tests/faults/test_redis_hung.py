"""Redis hangs (SIGSTOP: it accepts connections and never answers) while editors upload and
readers read through gunicorn. Redis is the broker and the cache, as docker-compose sets
them. Every request is answered within 3 s (the throttles let it through, reads come from
the database, the upload is stored and its task left to the sweep), and once Redis is back
every article uploaded meanwhile is extracted, once."""

from __future__ import annotations

import pytest
from django.contrib.auth import SESSION_KEY

from articles.models import Article
from tests.faults.checks import assert_extracted_once, assert_facts_consistent
from tests.faults.conftest import call, token_for
from tests.helpers import wait_for

pytestmark = pytest.mark.worker

DEADLINE = 3  # seconds: a liveness bound that catches a hang, not a speed target
ROUNDS = 4


def story(number: int) -> str:
    return (
        f"The ferry operator said on Friday that fares on route {number} will rise by "
        f"{number + 3}% next year, after a ${number + 10}.5 million loss in 2023."
    )


def test_with_redis_hung_uploads_are_stored_and_reads_answered_within_seconds(
    editor, private_broker, worker_with_beat, web_server
):
    redis_server = private_broker
    server = web_server(CACHE_URL=redis_server.url.replace("/0", "/1"))
    headers = token_for(editor)
    # given the app has served uploads and reads with Redis up
    first = call(
        server, "POST", "/api/v1/articles/", data={"title": "0", "text": story(0)}, headers=headers
    )
    assert first.status == 201
    for path in ("/api/v1/facts/", "/api/v1/articles/"):
        assert call(server, "GET", path, headers=headers).status == 200

    # when Redis hangs
    redis_server.freeze()
    answers = []
    try:
        for number in range(1, ROUNDS + 1):
            upload = call(
                server,
                "POST",
                "/api/v1/articles/",
                data={"title": str(number), "text": story(number)},
                headers=headers,
                timeout=30,
            )
            anonymous_read = call(server, "GET", "/api/v1/facts/", timeout=30)
            editor_read = call(server, "GET", "/api/v1/articles/", headers=headers, timeout=30)
            answers += [("upload", upload), ("facts", anonymous_read), ("articles", editor_read)]
    finally:
        redis_server.thaw()

    # then every request was answered, within seconds, with what it asked for
    print(
        "with Redis hung: "
        + ", ".join(f"{kind} {answer.status} in {answer.seconds:.2f} s" for kind, answer in answers)
    )
    for kind, answer in answers:
        assert answer.status == (201 if kind == "upload" else 200), answer.body[:300]
        assert answer.seconds < DEADLINE
    assert Article.objects.count() == ROUNDS + 1

    # and once Redis is back, every article is extracted, once
    wait_for(lambda: not Article.objects.exclude(status=Article.Status.DONE).exists(), timeout=120)
    for article in Article.objects.all():
        assert_extracted_once(article)
    assert_facts_consistent()


@pytest.fixture
def cache_on_hung_redis(redis_server, settings):
    """This process's cache on a Redis of our own, then frozen."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "factcheck.cache.SharedCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        },
    }
    redis_server.freeze()
    yield
    redis_server.thaw()


def test_with_the_cache_hung_logins_are_let_through_and_the_cache_is_waited_on_once(
    client, editor, cache_on_hung_redis, caplog
):
    # when an editor mistypes the password and then logs in, with the cache hung
    failed = client.post("/login/", {"username": "editor", "password": "wrong password"})
    succeeded = client.post("/login/", {"username": "editor", "password": "pw-for-tests-only"})

    # then the failure is told as usual, and the login succeeds
    assert "correct username and password" in failed.content.decode()
    assert succeeded.status_code == 302
    assert SESSION_KEY in client.session
    # and only the first call waited for the cache: the calls after it skipped it
    waits = [record for record in caplog.records if "the cache failed" in record.getMessage()]
    assert len(waits) == 1
