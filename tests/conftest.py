from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache, caches
from django.db import connection

from articles import services
from articles.models import Article
from articles.roles import EDITORS, REVIEWERS, sync_roles
from claims import pipeline
from claims.models import Claim, Fact
from factcheck.celery import app as celery_app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
SEED_EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache(settings):
    """Every test starts with an empty cache: the API's answers and throttle counts.

    Redis (CACHE_URL in CI) is kept, being what production runs; the default folder cache
    is swapped for memory so that tests never empty a developer's running app's cache.
    """
    if "FileBasedCache" in settings.CACHES["default"]["BACKEND"]:
        settings.CACHES = {
            **settings.CACHES,
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        }
    cache.clear()
    caches["local"].clear()


@pytest.fixture
def roles(db) -> None:
    # Transactional tests flush the tables a data migration filled.
    sync_roles(apps)


def make_user(username: str, *, groups: list[str] = (), **flags):
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(
        username=username, password="pw-for-tests-only", **flags
    )
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def editor(roles):
    return make_user("editor", groups=[EDITORS], is_staff=True)


@pytest.fixture
def reviewer(roles):
    return make_user("reviewer", groups=[REVIEWERS], is_staff=True)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def make_article(editor) -> Callable[..., Article]:
    counter = iter(range(1, 10_000))

    def make(**fields) -> Article:
        number = next(counter)
        fields.setdefault("title", f"Article {number}")
        fields.setdefault("original", f"Story {number}: the council spent $4.5 million on roads.")
        return services.create_article(uploaded_by=editor, **fields)

    return make


@pytest.fixture
def seeds_folder() -> Path:
    """The shared seed corpus: skipped where it is absent, a failure in CI."""
    if not SEEDS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"the seed corpus is missing at {SEEDS}")
        pytest.skip(f"the seed corpus is not at {SEEDS}")
    return SEEDS


def queued_messages(queue: str = "celery") -> int:
    """How many task messages wait on the real broker."""
    with celery_app.connection_for_read() as conn:
        return conn.default_channel.queue_declare(queue, passive=False).message_count


def purge_queue(queue: str = "celery") -> None:
    with celery_app.connection_for_write() as conn:
        conn.default_channel.queue_purge(queue)


def wait_for(condition: Callable[[], object], *, timeout: float = 60, every: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(every)
    raise AssertionError(f"gave up waiting after {timeout} s")


def worker_environment() -> dict[str, str]:
    """The environment of a worker process that uses the test database and broker."""
    db = connection.settings_dict
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="factcheck.settings")
    if db["ENGINE"].endswith("sqlite3"):
        env["DATABASE_URL"] = f"sqlite:///{db['NAME']}"
    else:
        auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
        env["DATABASE_URL"] = (
            f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        )
    env["CELERY_BROKER_URL"] = settings.CELERY_BROKER_URL
    if settings.CELERY_BROKER_URL.startswith("filesystem://"):
        env["BROKER_FOLDER"] = str(settings.BROKER_FOLDER)
    return env


class WorkerProcess:
    """A real `celery worker` process, started and stopped by a test."""

    def __init__(self, *extra_args: str, env: dict[str, str] | None = None):
        self.extra_args = extra_args
        self.env = env or {}
        self.process: subprocess.Popen | None = None
        self.output: list[str] = []
        self.ready = threading.Event()

    def start(self, timeout: float = 60) -> WorkerProcess:
        self.ready.clear()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "factcheck",
                "worker",
                "--loglevel",
                "INFO",
                "--concurrency",
                "1",
                "--without-gossip",
                "--without-mingle",
                *self.extra_args,
            ],
            cwd=ROOT,
            env={**worker_environment(), **self.env},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        threading.Thread(target=self._read_output, daemon=True).start()
        if not self.ready.wait(timeout):
            self.stop()
            raise AssertionError("the worker did not start:\n" + "".join(self.output[-40:]))
        return self

    def _read_output(self) -> None:
        for line in self.process.stdout:
            self.output.append(line)
            if " ready." in line:
                self.ready.set()

    def pool_child_pids(self) -> list[int]:
        result = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True
        )
        return [int(pid) for pid in result.stdout.split()]

    def kill(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def worker(transactional_db, roles) -> Iterator[WorkerProcess]:
    """A started worker on the test database; stopped before the database is flushed."""
    purge_queue()
    process = WorkerProcess().start()
    yield process
    process.stop()


@dataclass
class Dispute:
    """One fact, three reports: two say €40 million, one says €400 million."""

    fact: Fact
    right: Claim  # Northern Post, €40 million
    wrong: Claim  # Tarvik Herald, €400 million
    other: Claim  # Baltic Wire, €40 million

    def refresh(self) -> Dispute:
        for item in (self.fact, self.right, self.wrong, self.other):
            item.refresh_from_db()
        return self


REPORTS = [
    (
        "Harlow Motors will invest €40 million in its Tarvik battery plant, the company said.",
        "Northern Post",
        date(2024, 3, 4),
    ),
    (
        "Harlow Motors is investing €400 million in the Tarvik battery plant, its chief executive said.",
        "Tarvik Herald",
        date(2024, 3, 6),
    ),
    (
        "Harlow Motors has pledged €40 million for the Tarvik battery plant.",
        "Baltic Wire",
        date(2024, 3, 7),
    ),
]


@pytest.fixture
def dispute(make_article) -> Dispute:
    articles = []
    for text, outlet, published in REPORTS:
        article = make_article(
            original=text, title=f"{outlet} story", outlet=outlet, published=published
        )
        pipeline.propose_claims(article)
        articles.append(article)
    right, wrong, other = (article.claims.get() for article in articles)
    assert right.fact_id == wrong.fact_id == other.fact_id
    fact = Fact.objects.get(pk=right.fact_id)
    assert fact.agreement == Fact.Agreement.DISPUTED
    return Dispute(fact=fact, right=right, wrong=wrong, other=other)
