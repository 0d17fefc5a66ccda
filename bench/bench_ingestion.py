"""End-to-end ingestion: articles stored -> extracted by a real worker -> claims stored.

Runs on PostgreSQL and Redis (the production path) in a database of its own,
`factcheck_bench`, which it creates and empties; the user's database is never
opened. Prints articles per second through the worker next to the same
extraction service called in-process (the baseline: no broker, no worker).

    .venv/bin/python bench/bench_ingestion.py [--articles 300] [--concurrency 2]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE_URL = f"{SERVER}/factcheck_bench"
BROKER_URL = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/14")
os.environ.update(DATABASE_URL=DATABASE_URL, CELERY_BROKER_URL=BROKER_URL, LOG_LEVEL="WARNING")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")


def ensure_database() -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        if not conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = 'factcheck_bench'"
        ).fetchone():
            conn.execute("CREATE DATABASE factcheck_bench")


def texts() -> list[str]:
    folders = [ROOT / "articles" / "demo", ROOT / "tests" / "data" / "newsdev"]
    return [
        path.read_text(encoding="utf-8")
        for folder in folders
        for path in sorted(folder.glob("*.txt"))
    ]


def make_articles(count: int, *, prefix: str):
    from articles.models import Article
    from articles.services import create_article

    sources = texts()
    return [
        create_article(
            uploaded_by=None,
            title=f"{prefix} {number}",
            # A distinct first line keeps every copy a new article, not a duplicate.
            original=f"{prefix} copy {number}.\n{sources[number % len(sources)]}",
            original_format=Article.Format.TEXT,
        )
        for number in range(count)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=2)
    options = parser.parse_args()

    ensure_database()
    import django

    django.setup()
    from django.core.management import call_command

    from articles.models import Article
    from claims.models import Claim
    from claims.pipeline import propose_claims
    from factcheck.celery import app

    call_command("migrate", verbosity=0)
    Article.objects.all().delete()
    app.control.purge()

    # Baseline: the same service, in this process, no broker and no worker.
    from unittest import mock

    with mock.patch("claims.tasks.enqueue_extraction"):
        baseline_articles = make_articles(options.articles, prefix="baseline")
    started = time.perf_counter()
    for article in baseline_articles:
        propose_claims(article)
    baseline_seconds = time.perf_counter() - started
    Article.objects.all().delete()

    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "factcheck",
            "worker",
            "--loglevel",
            "WARNING",
            "--concurrency",
            str(options.concurrency),
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT,
        env=dict(os.environ),
    )
    try:
        time.sleep(3)  # let the worker connect before the clock starts
        started = time.perf_counter()
        make_articles(options.articles, prefix="worker")
        while Article.objects.exclude(status__in=["done", "failed"]).exists():
            time.sleep(0.05)
        worker_seconds = time.perf_counter() - started
    finally:
        worker.terminate()
        worker.wait(30)
    failed = Article.objects.filter(status="failed").count()
    claims = Claim.objects.count()

    rate, base_rate = options.articles / worker_seconds, options.articles / baseline_seconds
    print(
        f"End-to-end ingestion on PostgreSQL + Redis, {options.articles} articles, "
        f"worker concurrency {options.concurrency}"
    )
    print(f"  through the worker : {rate:8.1f} articles/s  ({claims} claims, {failed} failed)")
    print(f"  in-process baseline: {base_rate:8.1f} articles/s")
    print(f"  ratio              : {rate / base_rate:8.2f}x the in-process baseline")


if __name__ == "__main__":
    main()
