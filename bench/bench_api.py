"""The facts API under load: gunicorn (4 sync workers) on PostgreSQL + Redis, driven by wrk.

Measures, in one run and on the same server, requests per second and p99 latency of

* a bare JsonResponse (the ceiling: Django's middleware and nothing else),
* a plain DRF list of 50 facts with their citations (ModelSerializer, page numbers),
* the facts list uncached (page 1, and page 1,000 by cursor), from the cache, and as a 304,

and prints each as a ratio of the bare JsonResponse's rate, measured in turns with it (the
machine's speed drifts between runs). The baselines live in
bench/api_urls.py, never in the product's URLs. Data: 100,000 published facts with three
citations each, in a database of its own (`factcheck_apibench`), seeded once and reused.
The anonymous throttle is off: every request of the run comes from one address.

    .venv/bin/python bench/bench_api.py [--seconds 5] [--rounds 3] [--connections 32] [--facts 100000]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = os.environ.get("BENCH_API_DATABASE", "factcheck_apibench")
DATABASE_URL = f"{SERVER}/{DATABASE}"
CACHE_URL = os.environ.get("BENCH_REDIS_CACHE", "redis://127.0.0.1:6379/10")
ENVIRONMENT = {
    "DATABASE_URL": DATABASE_URL,
    "CACHE_URL": CACHE_URL,
    "CELERY_BROKER_URL": os.environ.get("BENCH_API_REDIS", "redis://127.0.0.1:6379/13"),
    "DEBUG": "false",
    "SECRET_KEY": "benchmark-only-secret-key-not-used-anywhere-else-0123456789",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "false",
    "API_ANON_RATE": "off",
    "LOG_LEVEL": "WARNING",
    "DJANGO_SETTINGS_MODULE": "bench.settings",
}
os.environ.update(ENVIRONMENT)

ARTICLES = 10_000
CITATIONS = 3


def ensure_database() -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DATABASE}"')


def seed(facts: int) -> None:
    """`facts` published facts, each cited by three articles; kept between runs."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from claims.models import Fact
    from claims.public.records import rebuild_all_records

    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)  # as deployed: WhiteNoise serves it
    if Fact.objects.filter(status="published").count() != facts:
        _seed(facts)
    if Fact.objects.filter(status="published", public_record="").exists():
        started = time.perf_counter()
        count = rebuild_all_records()
        print(f"public records of {count:,} facts written in {time.perf_counter() - started:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # plans from the real row counts, as autovacuum would give


def _seed(facts: int) -> None:
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from articles.models import Article
    from claims.models import Claim, Fact

    print(f"seeding {facts:,} published facts with {facts * CITATIONS:,} citations ...")
    started = time.perf_counter()
    with transaction.atomic():
        Claim.objects.all().delete()
        Fact.objects.all().delete()
        Article.objects.all().delete()
        reviewer, _ = get_user_model().objects.get_or_create(
            username="bench-reviewer", defaults={"first_name": "Ada", "last_name": "Reviewer"}
        )
        sentence = "The agency said it would invest €15 million in the new plant this year. "
        body = sentence * 12
        articles = Article.objects.bulk_create(
            Article(
                title=f"Benchmark article {number}",
                outlet=f"Outlet {number % 40}",
                url=f"https://news.example/{number}",
                published=timezone.localdate() - timedelta(days=number % 700),
                body=body,
                original=body,
                original_format="text",
                text_hash=f"bench-{number}",
                status="done",
            )
            for number in range(ARTICLES)
        )
        now = timezone.now()
        for first in range(0, facts, 5_000):
            batch = Fact.objects.bulk_create(
                Fact(
                    subject=f"investment in plant {number}",
                    kind="money",
                    dimension="money",
                    agreement="consistent",
                    claim_count=CITATIONS,
                    article_count=CITATIONS,
                    status="published",
                    verified_number=Decimal(15_000_000 + number),
                    verified_unit="EUR",
                    verified_qualifier="exact",
                    verified_by=reviewer,
                    verified_at=now - timedelta(seconds=number),
                    published_at=now - timedelta(seconds=number),
                )
                for number in range(first, min(first + 5_000, facts))
            )
            Claim.objects.bulk_create(
                _citation(fact, (first + position) * CITATIONS + index, articles)
                for position, fact in enumerate(batch)
                for index in range(CITATIONS)
            )
    print(f"seeded in {time.perf_counter() - started:.0f} s")


def _citation(fact, serial: int, articles):
    """The `serial`-th confirmed mention: spread over the articles, its span new in each."""
    from claims.models import Claim

    article = articles[serial % len(articles)]
    round_ = serial // len(articles)  # how many mentions this article has before this one
    sentence, shift = round_ % 12, round_ // 12
    start = sentence * 72 + 32 + shift
    return Claim(
        article=article,
        start=start,
        end=start + 11,
        text="€15 million",
        sentence_start=sentence * 72,
        sentence_end=sentence * 72 + 71,
        kind="money",
        number=Decimal(15_000_000),
        unit="EUR",
        qualifier="exact",
        subject="the agency",
        fact=fact,
        extractor="bench",
        extractor_version="1",
        status="confirmed",
    )


# --------------------------------------------------------------------------------------------
# Server and load
# --------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    def __init__(self, **environment: str):
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "bench.wsgi:application",
                "--workers",
                "4",
                "--preload",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env={**os.environ, **environment},
            start_new_session=True,
        )
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/bench/bare/", timeout=2).read()
                return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise SystemExit("gunicorn did not start")

    def get(self, path: str, **headers: str) -> tuple[dict, bytes]:
        request = urllib.request.Request(self.url + path, headers=headers)
        with urllib.request.urlopen(request, timeout=30) as response:
            return dict(response.headers), response.read()

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(30)


def wrk(url: str, *, seconds: int, connections: int, header: str = "") -> tuple[float, float]:
    """(requests/s, p99 ms) of `url` under wrk, after a warm-up run that every gunicorn worker
    answers; fails on any error or non-2xx/3xx answer."""
    command = ["wrk", "-t2", f"-c{connections}", "--timeout", "30s", "--latency"]
    if header:
        command += ["-H", header]
    subprocess.run([*command, "-d2s", url], capture_output=True, check=True)
    output = subprocess.run(
        [*command, f"-d{seconds}s", url], capture_output=True, text=True, check=True
    ).stdout
    if "Non-2xx or 3xx responses" in output or "Socket errors" in output:
        raise SystemExit(f"errors under load on {url}:\n{output}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", output)
    scale = {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
    return rate, float(p99.group(1)) * scale


def deep_cursor(server: Gunicorn, pages: int) -> str:
    """The address of page `pages`, reached by following `next` links."""
    path = "/api/v1/facts/"
    for _ in range(pages - 1):
        _, body = server.get(path)
        path = json.loads(body)["next"].removeprefix(server.url)
    return path


class Measured:
    """Runs of one scenario, each set against the bare baseline's runs just before and after it:
    the machine's speed drifts by more than the differences measured here."""

    def __init__(self) -> None:
        self.rates: list[float] = []
        self.p99s: list[float] = []
        self.ratios: list[float] = []

    def row(self) -> tuple[float, float, float, float]:
        """(median requests/s, median p99, worst p99, median ratio to bare)."""
        return (
            statistics.median(self.rates),
            statistics.median(self.p99s),
            max(self.p99s),
            statistics.median(self.ratios),
        )


def side_by_side(
    server: Gunicorn, scenarios: dict[str, tuple[str, str]], *, rounds: int, load: dict
) -> dict[str, Measured]:
    """Each scenario (name: (path, header)) `rounds` times in turn, with a run of the bare
    baseline between every two, so that each run is compared with the bare runs beside it."""
    results = {name: Measured() for name in scenarios}
    bare = Measured()
    bare_before, _ = wrk(server.url + "/bench/bare/", **load)
    for _ in range(rounds):
        for name, (path, header) in scenarios.items():
            rate, p99 = wrk(server.url + path, header=header, **load)
            bare_after, bare_p99 = wrk(server.url + "/bench/bare/", **load)
            results[name].rates.append(rate)
            results[name].p99s.append(p99)
            results[name].ratios.append(rate / ((bare_before + bare_after) / 2))
            bare.rates.append(bare_after)
            bare.p99s.append(bare_p99)
            bare.ratios.append(1.0)
            bare_before = bare_after
    return {"bare JsonResponse (baseline)": bare, **results}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=5, help="per run")
    parser.add_argument("--rounds", type=int, default=3, help="runs per scenario")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--facts", type=int, default=100_000)
    parser.add_argument("--deep-page", type=int, default=1_000)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("the API benchmark needs wrk: apt-get install wrk")
    ensure_database()
    seed(args.facts)
    subprocess.run(["redis-cli", "-u", CACHE_URL, "flushdb"], check=True, capture_output=True)

    load = {"seconds": args.seconds, "connections": args.connections}
    first_name, deep_name = (
        "facts list, page 1, uncached",
        f"facts list, page {args.deep_page:,}, uncached",
    )
    results: dict[str, Measured] = {}

    # The product as deployed, its cache on.
    server = Gunicorn()
    try:
        headers, _ = server.get("/api/v1/facts/")
        results.update(
            side_by_side(
                server,
                {
                    "facts list, cached": ("/api/v1/facts/", ""),
                    "facts list, 304 Not Modified": (
                        "/api/v1/facts/",
                        f"If-None-Match: {headers['ETag']}",
                    ),
                },
                rounds=args.rounds,
                load=load,
            )
        )
        # Last and once: its slow requests would still be queued when the next run starts.
        plain = results["plain DRF list (baseline)"] = Measured()
        rate, p99 = wrk(server.url + "/bench/plain-drf/", **load)
        plain.rates.append(rate)
        plain.p99s.append(p99)
        plain.ratios.append(rate / statistics.median(results["bare JsonResponse (baseline)"].rates))
    finally:
        server.stop()

    # Without a response cache: every request reads the database (the revision still comes
    # from the cache, as in production). Page 1 and the deep page take turns.
    uncached = Gunicorn(API_CACHE_SECONDS="0")
    try:
        deep = deep_cursor(uncached, args.deep_page)
        measured = side_by_side(
            uncached,
            {first_name: ("/api/v1/facts/", ""), deep_name: (deep, "")},
            rounds=args.rounds,
            load=load,
        )
        results[first_name], results[deep_name] = measured[first_name], measured[deep_name]
    finally:
        uncached.stop()

    print(
        f"\nFacts API, {args.facts:,} published facts, gunicorn 4 sync workers, wrk"
        f" {args.connections} connections; median of {args.rounds} runs of {args.seconds} s,"
        " each against the bare runs beside it"
    )
    print(f"{'':36} {'requests/s':>11} {'p99 ms':>8} {'worst p99':>10} {'x bare':>8}")
    for name, measured in results.items():
        rate, p99, worst, ratio = measured.row()
        print(f"{name:36} {rate:11,.0f} {p99:8.1f} {worst:10.1f} {ratio:8.3f}")
    # Each as a ratio to the bare runs beside it, so that the machine's drift between the two
    # runs of a turn cancels out.
    turns = [
        deep / first
        for deep, first in zip(results[deep_name].ratios, results[first_name].ratios, strict=True)
    ]
    print(
        f"\npage {args.deep_page:,} / page 1 throughput: {statistics.median(turns):.3f}"
        f" (each turn: {', '.join(f'{turn:.3f}' for turn in turns)})"
    )


if __name__ == "__main__":
    main()
