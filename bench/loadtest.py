"""Load test: API readers, editors uploading and the worker extracting, all at once.

Starts the app on loopback the way production runs it (gunicorn with 4 sync workers, and a
Celery worker), publishes facts through the review services, then for a bounded time runs
anonymous readers (GET /api/v1/facts/ and fact pages) next to editors posting small news texts
to POST /api/v1/articles/ with a token, while the worker extracts them. It prints requests,
throughput and p50/p99 latency per kind of request, the errors (any unexpected status, any
connection error) and the articles the worker processed, and exits non-zero on any error.

Runs on PostgreSQL + Redis when both answer on 127.0.0.1 (database `factcheck_load`, Redis
db 12 for the broker and the cache, both emptied first), else on the embedded defaults (SQLite,
the filesystem broker and a file cache in a temporary folder). The user's database is never
opened. Each gunicorn worker is warmed up by a few unmeasured requests first.

    .venv/bin/python bench/loadtest.py [--seconds 30] [--readers 6] [--editors 2]
    LOADTEST_SECONDS=10 .venv/bin/python bench/loadtest.py      # the short form CI runs
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
POSTGRES = os.environ.get("LOADTEST_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = "factcheck_load"
REDIS = os.environ.get("LOADTEST_REDIS", "redis://127.0.0.1:6379/12")
UNLIMITED = "1000000/minute"  # the API's throttle would otherwise refuse a load test

# The page's link to the next one, read without parsing the page (the readers' own CPU counts).
NEXT = re.compile(rb'"next":\s*"([^"]+)"')
LIST, DETAIL, UPLOAD = "facts list", "fact detail", "article upload"
EXPECTED = {LIST: 200, DETAIL: 200, UPLOAD: 201}


# --------------------------------------------------------------------------------------------
# Where the app runs
# --------------------------------------------------------------------------------------------


def services_reachable() -> bool:
    """PostgreSQL and Redis both answer on loopback."""
    try:
        import psycopg
        import redis

        with psycopg.connect(f"{POSTGRES}/postgres", connect_timeout=3):
            pass
        redis.Redis.from_url(REDIS, socket_connect_timeout=3).ping()
    except Exception:  # whatever fails, the embedded defaults will do
        return False
    return True


def empty_services() -> None:
    """A fresh factcheck_load database and an empty Redis db for the broker."""
    import psycopg
    import redis

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DATABASE}")
    redis.Redis.from_url(REDIS).flushdb()


def app_environment(folder: Path, *, embedded: bool) -> dict[str, str]:
    """Production-shaped settings for the app (and for this process, which seeds it)."""
    environment = {
        "DJANGO_SETTINGS_MODULE": "factcheck.settings",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_hex(32),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "API_ANON_RATE": UNLIMITED,
        "API_USER_RATE": UNLIMITED,
        "LOG_LEVEL": "WARNING",
        "BROKER_FOLDER": str(folder / "broker"),
    }
    if embedded:
        environment["DATABASE_URL"] = f"sqlite:///{folder / 'load.sqlite3'}"
        environment["CELERY_BROKER_URL"] = "filesystem://"
        environment["CACHE_URL"] = f"file://{folder / 'cache'}"
    else:
        environment["DATABASE_URL"] = f"{POSTGRES}/{DATABASE}"
        environment["CELERY_BROKER_URL"] = environment["CACHE_URL"] = REDIS
    return environment


# --------------------------------------------------------------------------------------------
# Seeding: published facts, an editor with a token
# --------------------------------------------------------------------------------------------


def seed(*, facts_wanted: int) -> tuple[list[int], str]:
    """Migrate, import the demo and newsdev articles, extract them in this process, and confirm,
    verify and publish their facts through claims.review. Returns the published facts' ids and
    an editor's API token."""
    from unittest import mock

    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connections
    from rest_framework.authtoken.models import Token

    from articles.corpus import read_corpus
    from articles.importing import import_documents
    from articles.roles import EDITORS, REVIEWERS
    from claims import review
    from claims.models import Claim, Fact
    from claims.pipeline import propose_claims

    call_command("migrate", verbosity=0)
    users = get_user_model().objects
    editor = users.create_user("load-editor", password=secrets.token_urlsafe(), is_staff=True)
    editor.groups.set(Group.objects.filter(name=EDITORS))
    reviewer = users.create_user("load-reviewer", password=secrets.token_urlsafe(), is_staff=True)
    reviewer.groups.set(Group.objects.filter(name=REVIEWERS))
    token = Token.objects.create(user=editor).key

    # Extracted here, not by the worker: the load starts on a settled store.
    with mock.patch("claims.tasks.enqueue_extraction"):
        for folder in (ROOT / "articles" / "demo", ROOT / "tests" / "data" / "newsdev"):
            for article in import_documents(read_corpus(folder), uploaded_by=editor).imported:
                propose_claims(article)

    published = []
    for fact in Fact.objects.order_by("pk"):
        if len(published) == facts_wanted:
            break
        try:
            for claim in Claim.objects.filter(fact=fact, status=Claim.Status.PROPOSED):
                review.confirm_claim(claim, reviewer=reviewer, version=claim.version)
            fact.refresh_from_db()
            fact = review.verify_fact_from_confirmed(fact, reviewer=reviewer, version=fact.version)
            fact.refresh_from_db()
            review.publish_fact(fact, reviewer=reviewer, version=fact.version)
        except review.ReviewError:
            continue  # sources that disagree: a reviewer would choose; the load test skips it
        published.append(fact.pk)
    connections.close_all()
    return published, token


# --------------------------------------------------------------------------------------------
# The app's processes
# --------------------------------------------------------------------------------------------


@dataclass
class App:
    port: int
    environment: dict[str, str]
    folder: Path
    processes: list[subprocess.Popen] = field(default_factory=list)

    def start(self, *, worker_concurrency: int, timeout: float = 90) -> None:
        python = sys.executable
        web = [python, "-m", "gunicorn", "factcheck.wsgi:application"]
        web += ["--bind", f"127.0.0.1:{self.port}", "--workers", "4", "--log-level", "warning"]
        worker = [python, "-m", "celery", "-A", "factcheck", "worker", "--loglevel", "INFO"]
        worker += ["--concurrency", str(worker_concurrency), "--without-gossip", "--without-mingle"]
        for name, command in (("web", web), ("worker", worker)):
            self.processes.append(
                subprocess.Popen(
                    command,
                    cwd=ROOT,
                    env=dict(os.environ, **self.environment),
                    stdout=self.log(name).open("w"),
                    stderr=subprocess.STDOUT,
                    start_new_session=True,  # a group of its own, killed as a whole
                )
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(process.poll() is not None for process in self.processes):
                raise SystemExit(f"the app exited while starting:\n{self.tails()}")
            if self.healthy() and " ready." in self.log("worker").read_text(errors="replace"):
                return
            time.sleep(0.3)
        raise SystemExit(f"the app was not ready after {timeout} s:\n{self.tails()}")

    def healthy(self) -> bool:
        try:
            return call(self.port, "GET", "/healthz")[0] == 200
        except OSError:
            return False

    def stop(self) -> None:
        """SIGTERM to each process group (the worker finishes its task), then SIGKILL."""
        for process in self.processes:
            _signal_group(process, signal.SIGTERM)
        for process in self.processes:
            with suppress(subprocess.TimeoutExpired):
                process.wait(20)
            _signal_group(process, signal.SIGKILL)
            process.wait(10)

    def log(self, name: str) -> Path:
        return self.folder / f"{name}.log"

    def tails(self, lines: int = 30) -> str:
        return "\n".join(
            f"--- {name}\n"
            + "\n".join(self.log(name).read_text(errors="replace").splitlines()[-lines:])
            for name in ("web", "worker")
            if self.log(name).exists()
        )


def _signal_group(process: subprocess.Popen, number: int) -> None:
    with suppress(ProcessLookupError):
        os.killpg(process.pid, number)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def call(port: int, method: str, path: str, body: bytes | None = None, headers=None):
    """One request on a new connection (gunicorn's sync workers close it after each)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


# --------------------------------------------------------------------------------------------
# The load
# --------------------------------------------------------------------------------------------

# Stories of several kinds about many places and firms: like a newsroom's day, most uploads
# are about something else, and a few mention what an earlier one did.
PLACES = [
    "Eastbrook",
    "Harlow Bay",
    "Millford",
    "Kestrel Point",
    "Oakhaven",
    "Brandmoor",
    "Ashcombe",
    "Dunmere",
    "Fenwick",
    "Glenrock",
    "Hollins Cross",
    "Iverton",
    "Larchfield",
    "Norbury",
]
FIRMS = [
    "Corvale Foods",
    "Brightline Rail",
    "Tessaro Motors",
    "Quillon Bank",
    "Marrow & Pike",
    "Halcyon Air",
    "Ostrander Steel",
    "Pellucid Labs",
    "Vantor Energy",
    "Wexley Homes",
]
MONTHS = ["January", "February", "March", "April", "May", "June"]
STORIES = [
    "{place} council approved a budget of ${a} million on {day} {month} 2024, {p}% more than "
    "last year. Spending on libraries rises to ${b} million, and {n} new staff will be hired.",
    "{firm} reported revenue of ${a} billion for the quarter, up {p}%, and said it would cut "
    "{n} jobs at its {place} plant by {month} 2025.",
    "The {place} hospital trust will spend ${b} million on a new ward with {n} beds, its board "
    "said on {day} {month} 2024; waiting lists have grown {p}% in a year.",
    "{firm} agreed to buy a rival in {place} for ${a} million, a premium of {p}% to its share "
    "price on {day} {month} 2024, adding {n} stores.",
    "Rail fares from {place} will rise {p}% in {month}, {firm} said, after a {n}-day strike "
    "cost it about ${b} million.",
]


def news_text(number: int, rng: random.Random) -> dict:
    """A small news article of its own: distinct text, a handful of figures."""
    month, day = rng.randrange(6), rng.randint(1, 28)
    story = rng.choice(STORIES).format(
        place=rng.choice(PLACES),
        firm=rng.choice(FIRMS),
        a=rng.randint(20, 900) / 10,
        b=rng.randint(5, 90) / 10,
        p=rng.randint(2, 15),
        n=rng.randint(3, 600),
        day=day,
        month=MONTHS[month],
    )
    return {
        "title": f"Bulletin {number}: {story.split(',')[0][:80]}",
        "outlet": "The Load Courier",
        "author": "Load Test",
        "url": f"https://news.example/{number}",
        "published": date(2024, month + 1, day).isoformat(),
        "text": f"{story} (Bulletin {number}.)",
    }


@dataclass
class Load:
    port: int
    deadline: float
    max_requests: int
    results: list[tuple[str, float, str | None]] = field(default_factory=list)
    uploaded: list[int] = field(default_factory=list)
    examples: dict[str, str] = field(default_factory=dict)  # the first of each kind of error
    lock: threading.Lock = field(default_factory=threading.Lock)

    def more(self) -> bool:
        """Whether the run goes on: time left and requests left."""
        with self.lock:
            return time.monotonic() < self.deadline and len(self.results) < self.max_requests

    def request(self, kind: str, method: str, path: str, body=None, headers=None) -> bytes | None:
        """Timed; records an error for any unexpected status or connection failure."""
        started = time.perf_counter()
        try:
            status, content = call(self.port, method, path, body, headers)
        except (OSError, http.client.HTTPException) as exc:
            content, error = b"", f"{kind}: {type(exc).__name__}"
            self.examples.setdefault(error, str(exc))
        else:
            error = None
            if status != EXPECTED[kind]:
                error = f"{kind}: HTTP {status}"
                self.examples.setdefault(error, f"{method} {path}: {content[:200]!r}")
        with self.lock:
            self.results.append((kind, time.perf_counter() - started, error))
        return None if error else content

    def reader(self, fact_ids: list[int], seed: int) -> None:
        rng = random.Random(seed)
        headers = {"Accept": "application/json"}
        while self.more():
            content = self.request(LIST, "GET", "/api/v1/facts/", headers=headers)
            following = NEXT.search(content[:2000]) if content else None
            if following and rng.random() < 0.3 and self.more():
                split = urlsplit(following.group(1).decode())
                self.request(LIST, "GET", f"{split.path}?{split.query}", headers=headers)
            if fact_ids and self.more():
                path = f"/api/v1/facts/{rng.choice(fact_ids)}/"
                self.request(DETAIL, "GET", path, headers=headers)

    def editor(self, token: str, first: int, step: int, pause: float) -> None:
        rng = random.Random(first)
        headers = {
            "Authorization": f"Token {token}",
            "Content-Type": "application/json",
            "Accept": "application/json",
        }
        number = first
        while self.more():
            body = json.dumps(news_text(number, rng)).encode()
            content = self.request(UPLOAD, "POST", "/api/v1/articles/", body, headers)
            if content:
                with self.lock:
                    self.uploaded.append(json.loads(content)["id"])
            number += step
            time.sleep(pause)


def warm_up(port: int, fact_ids: list[int], token: str) -> None:
    """Unmeasured requests first: each gunicorn worker imports the API's modules on its first
    request (over a second), which is start-up, not load."""
    paths = ["/api/v1/facts/", f"/api/v1/facts/{fact_ids[0]}/" if fact_ids else "/healthz"]
    headers = {"Accept": "application/json", "Authorization": f"Token {token}"}
    requests = [(path, {"Accept": "application/json"}) for path in paths * 8]
    requests += [("/api/v1/articles/", headers)] * 8
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda request: call(port, "GET", request[0], headers=request[1]), requests))


def run_load(
    port: int, fact_ids: list[int], token: str, options: argparse.Namespace
) -> tuple[Load, float]:
    load = Load(port, time.monotonic() + options.seconds, options.max_requests)
    threads = [
        threading.Thread(target=load.reader, args=(fact_ids, number))
        for number in range(options.readers)
    ]
    threads += [
        threading.Thread(target=load.editor, args=(token, number, options.editors, options.pause))
        for number in range(options.editors)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return load, time.monotonic() - started


def article_states(ids: list[int]) -> Counter:
    from django.db import connections

    from articles.models import Article

    states = Counter(Article.objects.filter(pk__in=ids).values_list("status", flat=True).iterator())
    connections.close_all()  # SQLite: no lock held while the worker writes
    return states


def wait_for_worker(ids: list[int], seconds: float) -> tuple[Counter, float]:
    started = time.monotonic()
    while True:
        states = article_states(ids)
        settled = states["done"] + states["failed"]
        if settled == len(ids) or time.monotonic() - started > seconds:
            return states, time.monotonic() - started
        time.sleep(0.5)


# --------------------------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------------------------


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


def report(load: Load, elapsed: float) -> list[str]:
    """Prints the table; returns the errors."""
    print(f"{'request':<16}{'count':>8}{'errors':>8}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}")
    for kind in (LIST, DETAIL, UPLOAD, "all"):
        rows = load.results if kind == "all" else [row for row in load.results if row[0] == kind]
        seconds = [row[1] for row in rows]
        print(
            f"{kind:<16}{len(rows):>8}{sum(1 for row in rows if row[2]):>8}"
            f"{len(rows) / elapsed:>9.1f}{percentile(seconds, 0.5) * 1000:>9.1f}"
            f"{percentile(seconds, 0.99) * 1000:>9.1f}"
        )
    return [row[2] for row in load.results if row[2]]


# --------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--seconds", type=float, default=float(os.environ.get("LOADTEST_SECONDS") or 30)
    )
    parser.add_argument("--readers", type=int, default=6)
    parser.add_argument("--editors", type=int, default=2)
    parser.add_argument(
        "--pause", type=float, default=0.5, help="an editor's pause between uploads"
    )
    parser.add_argument("--max-requests", type=int, default=20_000)
    parser.add_argument("--facts", type=int, default=100, help="facts to publish before the load")
    parser.add_argument("--worker-concurrency", type=int, default=2)
    parser.add_argument("--drain", type=float, default=60, help="seconds to wait for the worker")
    parser.add_argument("--embedded", action="store_true", help="SQLite even if PostgreSQL is up")
    options = parser.parse_args()
    # Ctrl-C or a CI timeout: the finally clause below still stops the app.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    with tempfile.TemporaryDirectory(prefix="factcheck-loadtest-") as folder:
        embedded = options.embedded or not services_reachable()
        if not embedded:
            empty_services()
        environment = app_environment(Path(folder), embedded=embedded)
        os.environ.update(environment)
        import django

        django.setup()
        started = time.monotonic()
        fact_ids, token = seed(facts_wanted=options.facts)
        seeded = time.monotonic() - started

        app = App(free_port(), environment, Path(folder))
        try:
            app.start(worker_concurrency=options.worker_concurrency)
            print(
                f"Load test: {options.seconds:g} s on "
                f"{'SQLite + filesystem broker' if embedded else 'PostgreSQL + Redis'}, "
                f"gunicorn 4 sync workers, Celery worker concurrency {options.worker_concurrency}; "
                f"{len(fact_ids)} published facts, {options.readers} readers, "
                f"{options.editors} editors (pause {options.pause:g} s); seeded in {seeded:.0f} s"
            )
            warm_up(app.port, fact_ids, token)
            load, elapsed = run_load(app.port, fact_ids, token, options)
            at_end = article_states(load.uploaded)
            drained, waited = wait_for_worker(load.uploaded, options.drain)
            errors = report(load, elapsed)
            print(
                f"articles uploaded {len(load.uploaded)}: processed by the worker "
                f"{at_end['done'] + at_end['failed']} by the end of the load, "
                f"{drained['done'] + drained['failed']} {waited:.1f} s later "
                f"({drained['failed']} failed)"
            )
        except BaseException:
            print(app.tails(), file=sys.stderr)
            raise
        finally:
            app.stop()

    unprocessed = len(load.uploaded) - drained["done"] - drained["failed"]
    if drained["failed"]:
        errors.append(f"{drained['failed']} article(s) failed in the worker")
    if load.uploaded and unprocessed == len(load.uploaded):
        errors.append("the worker processed none of the uploaded articles")
    elif unprocessed:
        print(f"WARNING: the worker had not read {unprocessed} article(s) {waited:.0f} s later")
    for error, count in Counter(errors).most_common():
        example = load.examples.get(error)
        print(f"ERROR {count}x {error}" + (f" (first: {example})" if example else ""))
    print("OK" if not errors else f"FAILED: {len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
