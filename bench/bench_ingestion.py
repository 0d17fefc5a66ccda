"""End-to-end ingestion: articles stored -> extracted and grouped by real workers.

Prints, each as a ratio to a baseline measured in the same run:

- articles per second through a worker on PostgreSQL + Redis at each size of --sizes
  (stories repeat, each copy dated as its source, so facts grow), against the same service
  called in this process;
- articles per second with 2 worker processes against 1 (concurrency 1 each);
- the embedded path of `make run` (SQLite, filesystem broker, the worker as scripts/run-dev
  starts it): seconds to import a folder of --folder-articles articles with
  `manage.py import_articles` until every one is extracted and grouped, against the same
  folder done in process, and against the broker polling once a second.

PostgreSQL runs in a database of its own (BENCH_DATABASE, factcheck_bench), which it creates
and empties, and Redis in a database of its own (BENCH_REDIS, redis://127.0.0.1:6379/14), which
it purges; the embedded path in a temporary folder. The user's database is never opened.

With --cpu, the end-to-end runs also print the processor time each article cost (Linux: read
from /proc): in the worker's processes, in the PostgreSQL backends serving them (when the
server runs on this machine), and in this process's uploads. The sum against the machine's
processors says what the throughput could be; wall time alone is noisy on a shared machine.

    .venv/bin/python bench/bench_ingestion.py [--sizes 300 3000] [--scaling-articles 300]
        [--folder-articles 100] [--no-baseline] [--cpu]
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = os.environ.get("BENCH_DATABASE", "factcheck_bench")
DATABASE_URL = f"{SERVER}/{DATABASE}"
BROKER_URL = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/14")
os.environ.update(DATABASE_URL=DATABASE_URL, CELERY_BROKER_URL=BROKER_URL, LOG_LEVEL="WARNING")
# Workers as production runs them: with DEBUG on, Django would also record every query.
os.environ.update(
    DEBUG="false",
    SECRET_KEY="benchmark-only-secret-key-not-used-anywhere-else-0123456789",
    ALLOWED_HOSTS="127.0.0.1,localhost",
)
# On a busy machine a send can outlast the production timeout of 500 ms, and the article
# would wait for the stalled-article sweep: the benchmark measures throughput, not that.
os.environ.setdefault("CELERY_BROKER_SOCKET_TIMEOUT_MS", "5000")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
# What scripts/run-dev starts: one worker process with two pool processes.
RUN_DEV_CONCURRENCY = 2
# The embedded broker as it was: kombu's polling and one prefetched task per pool process.
PREVIOUS_EMBEDDED_SETTINGS = {
    "BROKER_POLL_MILLISECONDS": "1000",
    "CELERY_WORKER_PREFETCH_MULTIPLIER": "1",
}


def ensure_database() -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE])
        if not exists.fetchone():
            conn.execute(f'CREATE DATABASE "{DATABASE}"')


@functools.cache
def texts() -> list[tuple[str, date | None]]:
    """The texts with the dates their sidecars give: a wire story's copies carry its day."""
    folders = [ROOT / "articles" / "demo", ROOT / "tests" / "data" / "newsdev"]
    return [
        (path.read_text(encoding="utf-8"), _published(path.with_suffix(".json")))
        for folder in folders
        for path in sorted(folder.glob("*.txt"))
    ]


def _published(sidecar: Path) -> date | None:
    if not sidecar.exists():
        return None
    published = json.loads(sidecar.read_text(encoding="utf-8")).get("published")
    return date.fromisoformat(published) if published else None


def copy_of(number: int, prefix: str) -> str:
    # A distinct first line keeps every copy a new article, not a duplicate.
    text, _ = texts()[number % len(texts())]
    return f"{prefix} copy {number}.\n{text}"


def make_articles(count: int, *, prefix: str):
    from articles.models import Article
    from articles.services import create_article

    return [
        create_article(
            uploaded_by=None,
            title=f"{prefix} {number}",
            original=copy_of(number, prefix),
            original_format=Article.Format.TEXT,
            published=texts()[number % len(texts())][1],
        )
        for number in range(count)
    ]


def empty_database() -> None:
    from django.core.management import call_command

    from factcheck.celery import app

    call_command("flush", interactive=False, verbosity=0)
    app.control.purge()


def in_process(count: int) -> float:
    """Seconds to store `count` articles and extract and group each in this process."""
    from unittest import mock

    from claims.pipeline import propose_claims

    empty_database()
    started = time.perf_counter()
    with mock.patch("claims.tasks.enqueue_extraction"):
        articles = make_articles(count, prefix="baseline")
    for article in articles:
        propose_claims(article)
    return time.perf_counter() - started


def start_worker(env: dict[str, str], concurrency: int, log: Path) -> subprocess.Popen:
    """A `celery worker` process, returned once it consumes."""
    process = subprocess.Popen(
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
            str(concurrency),
            "--without-gossip",
            "--without-mingle",
            "--hostname",
            f"bench-{log.stem}@%h",
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while " ready." not in log.read_text():
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"the worker did not start:\n{log.read_text()[-2000:]}")
        time.sleep(0.1)
    return process


class CpuMeter:
    """Processor seconds spent by worker processes (each with its pool processes) and by the
    PostgreSQL backends of the benchmark's database, read from /proc while they run: a
    backend or a pool process may end before the run does, so its last reading counts."""

    def __init__(self, workers: list[subprocess.Popen]) -> None:
        self.workers = [worker.pid for worker in workers]
        self.seen: dict[tuple[str, int], float] = {}
        self.own_backend = self._own_backend()
        self.started = {
            "uploads": time.process_time(),
            "own backend": _cpu_seconds(self.own_backend),
        }
        # What the processes running already spent starting (importing, connecting).
        self.sample()
        self.before = dict(self.seen)

    @staticmethod
    def _own_backend() -> int:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            return cursor.fetchone()[0]

    def sample(self) -> None:
        from django.db import connection

        pids = [pid for worker in self.workers for pid in (worker, *_children(worker))]
        for pid in pids:
            self._read("workers", pid)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> %s",
                [DATABASE, self.own_backend],
            )
            for (pid,) in cursor.fetchall():
                self._read("database", pid)

    def _read(self, what: str, pid: int) -> None:
        seconds = _cpu_seconds(pid)
        if seconds:
            key = (what, pid)
            self.seen[key] = max(self.seen.get(key, 0.0), seconds)

    def report(self, count: int, seconds: float) -> None:
        spent = {
            what: sum(
                cpu - self.before.get((kind, pid), 0.0)
                for (kind, pid), cpu in self.seen.items()
                if kind == what
            )
            for what in ("workers", "database")
        }
        # This process stores the articles while the workers run (its backend too).
        spent["uploads"] = (
            time.process_time()
            - self.started["uploads"]
            + _cpu_seconds(self.own_backend)
            - self.started["own backend"]
        )
        total = sum(spent.values())
        parts = ", ".join(f"{what} {1000 * cpu / count:.1f}" for what, cpu in spent.items())
        print(f"  {'processor ms per article':<34}: {1000 * total / count:8.1f}  ({parts})")
        busy = total / (seconds * (os.cpu_count() or 1))
        print(f"  {'processors busy with it':<34}: {100 * busy:8.0f} %")


def _cpu_seconds(pid: int) -> float:
    """User and system processor seconds of a process; 0 once it has gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return []
    return [int(child) for task in tasks for child in _read_words(task / "children")]


def _read_words(path: Path) -> list[str]:
    try:
        return path.read_text().split()
    except OSError:
        return []


def stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        process.terminate()
    for process in processes:
        process.wait(30)


def through_workers(
    count: int,
    *,
    processes: int,
    concurrency: int,
    logs: Path,
    stored_first: bool = False,
    cpu: bool = False,
) -> float:
    """Seconds from the first upload until `count` articles are extracted and grouped by
    `processes` worker processes of `concurrency` pool processes each. With `stored_first`,
    the articles are stored beforehand and the clock starts when their tasks are sent: the
    workers do not share the processors with the uploads. With `cpu`, prints the processor
    time they took per article (CpuMeter)."""
    from unittest import mock

    from articles.models import Article
    from claims.tasks import propose_claims_task

    empty_database()
    if stored_first:
        with mock.patch("claims.tasks.enqueue_extraction"):
            stored = make_articles(count, prefix="worker")
    workers = [
        start_worker({}, concurrency, logs / f"worker-{processes}-{index}.log")
        for index in range(processes)
    ]
    try:
        meter = CpuMeter(workers) if cpu else None
        started = time.perf_counter()
        if stored_first:
            for article in stored:
                propose_claims_task.delay(article.pk)
        else:
            make_articles(count, prefix="worker")
        _wait_settled_on_postgres(Article, meter=meter)
        seconds = time.perf_counter() - started
        if meter is not None:
            meter.sample()
            meter.report(count, seconds)
    finally:
        stop(workers)
    failed = Article.objects.filter(status="failed").count()
    if failed:
        print(f"  ({failed} article(s) failed: see {logs})")
    return seconds


def _wait_settled_on_postgres(
    Article, *, patience: float = 120, meter: CpuMeter | None = None
) -> None:
    """Until every article is done or failed; an error when none settles for `patience` s."""
    waiting, since, sampled = None, time.monotonic(), time.monotonic()
    while count := Article.objects.exclude(status__in=["done", "failed"]).count():
        if meter is not None and time.monotonic() - sampled > 1:
            meter.sample()
            sampled = time.monotonic()
        if count != waiting:
            waiting, since = count, time.monotonic()
        elif time.monotonic() - since > patience:
            raise SystemExit(f"{count} article(s) stopped moving: see the worker logs")
        # Each look is a query beside the workers': a quarter second costs them little and
        # times a run of minutes closely enough.
        time.sleep(0.25)


def embedded_import(folder: Path, work: Path, *, settings: dict[str, str]) -> float:
    """Seconds `manage.py import_articles` and the worker of `make run` take to extract and
    group every article of `folder`, on a fresh SQLite database and broker folder."""
    work.mkdir()
    env = {
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "CELERY_BROKER_URL": "",
        "BROKER_FOLDER": str(work / "broker"),
        "DEBUG": "true",  # as `make run` runs
    }
    env.update(settings)
    manage = [sys.executable, "manage.py"]
    subprocess.run(
        [*manage, "migrate", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
    )
    worker = start_worker(env, RUN_DEV_CONCURRENCY, work / "worker.log")
    try:
        started = time.perf_counter()
        subprocess.run(
            [*manage, "import_articles", str(folder), "--verbosity", "0"],
            cwd=ROOT,
            env={**os.environ, **env},
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return _wait_settled(work / "db.sqlite3", started)
    finally:
        stop([worker])


def embedded_in_process(folder: Path, work: Path) -> float:
    """Seconds to import the same folder and extract it in one process (no broker)."""
    work.mkdir()
    env = {
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "CELERY_BROKER_URL": "memory://",
        "DEBUG": "true",
    }
    manage = [sys.executable, "manage.py"]
    subprocess.run(
        [*manage, "migrate", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
    )
    code = (
        "import django, sys; django.setup()\n"
        "from unittest import mock\n"
        "from articles.corpus import read_corpus\n"
        "from articles.importing import import_documents\n"
        "from claims.pipeline import propose_claims\n"
        "with mock.patch('claims.tasks.enqueue_extraction'):\n"
        "    summary = import_documents(read_corpus(sys.argv[1]))\n"
        "for article in summary.imported:\n"
        "    propose_claims(article)\n"
    )
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", code, str(folder)], cwd=ROOT, env={**os.environ, **env}, check=True
    )
    return time.perf_counter() - started


def _wait_settled(database: Path, started: float) -> float:
    with sqlite3.connect(database, timeout=30) as conn:
        while conn.execute(
            "SELECT count(*) FROM articles_article WHERE status NOT IN ('done', 'failed')"
        ).fetchone()[0]:
            time.sleep(0.05)
        return time.perf_counter() - started


def write_folder(folder: Path, count: int) -> Path:
    folder.mkdir()
    for number in range(count):
        (folder / f"article-{number:04d}.txt").write_text(copy_of(number, "Folder"), "utf-8")
    return folder


def rate_line(label: str, count: int, seconds: float) -> str:
    return f"  {label:<34}: {count / seconds:8.1f} articles/s  ({seconds:6.1f} s)"


def section(title: str, measure: Callable[[], None]) -> None:
    print(title, flush=True)
    measure()
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[300, 3000])
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--scaling-articles", type=int, default=300)
    parser.add_argument("--folder-articles", type=int, default=100)
    parser.add_argument(
        "--no-baseline",
        action="store_true",
        help="skip the in-process baseline of the end-to-end runs",
    )
    parser.add_argument(
        "--cpu",
        action="store_true",
        help="print the processor time per article of the end-to-end runs",
    )
    options = parser.parse_args()

    ensure_database()
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    work = Path(tempfile.mkdtemp(prefix="factcheck-bench-ingestion-"))

    for size in options.sizes:

        def sizes(size: int = size) -> None:
            if not options.no_baseline:
                baseline = in_process(size)
                print(rate_line("in process (baseline)", size, baseline), flush=True)
            seconds = through_workers(
                size, processes=1, concurrency=options.concurrency, logs=work, cpu=options.cpu
            )
            print(rate_line("through the worker", size, seconds))
            if not options.no_baseline:
                print(f"  {'ratio':<34}: {baseline / seconds:8.2f}x the in-process baseline")

        section(
            f"End to end on PostgreSQL + Redis, {size} articles (stories repeat),"
            f" one worker of concurrency {options.concurrency}",
            sizes,
        )

    count = options.scaling_articles

    def scaling() -> None:
        one = through_workers(count, processes=1, concurrency=1, logs=work, stored_first=True)
        print(rate_line("1 worker process (baseline)", count, one), flush=True)
        two = through_workers(count, processes=2, concurrency=1, logs=work, stored_first=True)
        print(rate_line("2 worker processes", count, two))
        print(f"  {'ratio':<34}: {one / two:8.2f}x the throughput of one")

    if count:
        section(
            f"Worker processes of concurrency 1 on PostgreSQL + Redis, {count} articles stored"
            " first, timed from sending their tasks",
            scaling,
        )

    folder_count = options.folder_articles

    def folder_import() -> None:
        folder = write_folder(work / "folder", folder_count)
        baseline = embedded_in_process(folder, work / "in-process")
        print(f"  {'in process, no broker (baseline)':<34}: {baseline:8.1f} s", flush=True)
        seconds = embedded_import(folder, work / "embedded", settings={})
        print(f"  {'make run worker':<34}: {seconds:8.1f} s")
        print(f"  {'ratio':<34}: {seconds / baseline:8.2f}x the in-process time")
        slow = embedded_import(folder, work / "previous", settings=PREVIOUS_EMBEDDED_SETTINGS)
        print(f"  {'make run worker, previous settings':<34}: {slow:8.1f} s")
        print(f"  {'ratio':<34}: {slow / baseline:8.2f}x the in-process time")

    if folder_count:
        section(
            f"make run folder import (SQLite, filesystem broker, worker concurrency"
            f" {RUN_DEV_CONCURRENCY}), {folder_count} articles",
            folder_import,
        )
    print(f"(worker logs in {work})")


if __name__ == "__main__":
    main()
