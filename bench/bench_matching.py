"""Fact matching cost per article, with 1,000 and with 100,000 claims already stored.

Matching looks candidate facts up through the FactKey index (the newest facts of each key,
a bounded number per key), never by scanning facts, so its cost should not grow with the
store. This fills a throwaway database with synthetic claims, facts and keys (names and words
drawn from Zipf distributions, so common names have long key lists, as in real news), then
times `claims.facts.group_article_claims` on fresh articles that mention the same names.

The database is a temporary SQLite file, or, when DATABASE_URL is set (PostgreSQL), a test
database Django creates next to it and drops afterwards: the user's database is never opened.

It also times adding one mention to facts of --fact-sizes mentions (one story reported by
that many outlets), the first size being the baseline.

    .venv/bin/python bench/bench_matching.py [--sizes 1000 100000] [--articles 30]
        [--fact-sizes 5 100 1000] [--repeats 5]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
os.environ.setdefault("CELERY_BROKER_URL", "memory://localhost/")
os.environ.setdefault("LOG_LEVEL", "WARNING")
_TEMPORARY = None
if not os.environ.get("DATABASE_URL"):
    _TEMPORARY = tempfile.TemporaryDirectory(prefix="factcheck-bench-matching-")
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(_TEMPORARY.name) / 'bench.sqlite3'}"

SYLLABLES = [
    "ka",
    "lo",
    "ri",
    "ven",
    "dor",
    "tal",
    "mis",
    "bra",
    "hel",
    "sun",
    "vor",
    "ant",
    "el",
    "ix",
    "pen",
    "qua",
    "ro",
    "te",
    "lin",
    "gar",
]
WORDS = [
    "invest",
    "revenue",
    "profit",
    "acquire",
    "deal",
    "plant",
    "factory",
    "bank",
    "rate",
    "bond",
    "share",
    "price",
    "market",
    "growth",
    "forecast",
    "sales",
    "staff",
    "cut",
    "tariff",
    "export",
    "import",
    "loan",
    "fund",
    "grant",
    "budget",
    "tax",
    "debt",
    "startup",
    "model",
    "chip",
    "battery",
    "station",
    "airline",
    "route",
    "fleet",
    "merger",
    "stake",
    "valuation",
]
KINDS = [("money", "USD", "money"), ("money", "EUR", "money"), ("percent", "percent", "percent")]


def zipf_choice(rng: random.Random, items: list[str], s: float = 1.1) -> str:
    # Inverse-CDF sampling over a precomputed Zipf table.
    weights = zipf_choice.cache.get((len(items), s))
    if weights is None:
        raw = [1 / (rank**s) for rank in range(1, len(items) + 1)]
        total = sum(raw)
        cumulative, running = [], 0.0
        for weight in raw:
            running += weight / total
            cumulative.append(running)
        weights = zipf_choice.cache[(len(items), s)] = cumulative
    point = rng.random()
    low, high = 0, len(weights) - 1
    while low < high:
        middle = (low + high) // 2
        if weights[middle] < point:
            low = middle + 1
        else:
            high = middle
    return items[low]


zipf_choice.cache = {}


def vocabulary(rng: random.Random, size: int) -> list[str]:
    names = set()
    while len(names) < size:
        names.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title())
    return sorted(names)


def fill(claims_wanted: int, names: list[str], rng: random.Random) -> None:
    """Bulk-insert synthetic articles, facts, keys and claims: about 1.5 claims a fact."""
    from articles.models import Article
    from claims import matching
    from claims.models import Claim, Fact, FactKey

    per_article = 20
    articles = [
        Article(
            title=f"stored {index}",
            body=f"stored article {index}",
            original=f"stored article {index}",
            original_format="text",
            text_hash=f"bench-{index}-{rng.random()}",
            status="done",
            published=date(2024, 1, 1) + timedelta(days=index % 365),
        )
        for index in range(claims_wanted // per_article + 1)
    ]
    Article.objects.bulk_create(articles, batch_size=2000)
    article_ids = list(Article.objects.values_list("id", flat=True))
    facts, profiles = [], []
    for _ in range(int(claims_wanted / 1.5) + 1):
        kind, unit, dimension = rng.choice(KINDS)
        fact_names = {zipf_choice(rng, names).lower() for _ in range(rng.randint(2, 4))}
        words = {zipf_choice(rng, WORDS) for _ in range(rng.randint(2, 5))}
        profile = matching.Profile(
            names=dict.fromkeys(fact_names, 1.0), words=dict.fromkeys(words, 1.0)
        )
        value = {"kind": kind, "number": str(rng.randint(1, 900) * 10**6), "unit": unit}
        terms = matching.add_to_terms(matching.empty_terms(), profile, [value])
        facts.append(Fact(subject="synthetic", kind=kind, dimension=dimension, terms=terms))
        profiles.append((profile, dimension))
    Fact.objects.bulk_create(facts, batch_size=2000)
    keys = [
        FactKey(fact=fact, key=key)
        for fact, (profile, dimension) in zip(facts, profiles, strict=True)
        for key in matching.candidate_keys(profile, dimension)
    ]
    FactKey.objects.bulk_create(keys, batch_size=5000, ignore_conflicts=True)
    claims = []
    for index in range(claims_wanted):
        fact = facts[index % len(facts)] if index < len(facts) else rng.choice(facts)
        kind = fact.kind
        claims.append(
            Claim(
                article_id=article_ids[index // per_article],
                start=(index % per_article) * 10,
                end=(index % per_article) * 10 + 5,
                text="$1m",
                sentence_start=0,
                sentence_end=5,
                kind=kind,
                number=Decimal(rng.randint(1, 900)),
                unit="percent" if kind == "percent" else "USD",
                subject="synthetic",
                extractor="bench",
                extractor_version="0",
                fact=fact,
            )
        )
    Claim.objects.bulk_create(claims, batch_size=5000)


def article_text(rng: random.Random, names: list[str]) -> str:
    sentences = []
    for _ in range(12):
        a, b = zipf_choice(rng, names), zipf_choice(rng, names)
        word = zipf_choice(rng, WORDS)
        amount = rng.randint(2, 900)
        sentences.append(
            rng.choice(
                [
                    f"{a} will invest ${amount} million in {b}, the {word} group said.",
                    f"{a} reported {word} revenue of €{amount} million, up {amount % 40}%.",
                    f"Shares in {a} rose {amount % 30}% after its {word} deal with {b}.",
                ]
            )
        )
    return " ".join(sentences)


def measure(count: int, names: list[str], rng: random.Random) -> list[float]:
    """Milliseconds of group_article_claims for `count` new articles (extraction excluded)."""
    from articles.models import Article
    from claims import facts

    timings = []
    for index in range(count):
        text = article_text(rng, names)
        article = Article.objects.create(
            title=f"bench {index} {rng.random()}",
            body=text,
            original=text,
            original_format="text",
            text_hash=f"bench-new-{index}-{rng.random()}",
            published=date(2024, 6, 1),
        )
        # Store the claims without grouping them, then time the grouping alone.
        store_ungrouped([article])
        started = time.perf_counter()
        facts.group_article_claims(article)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


# One story told by many outlets in a few house styles: every report holds one figure.
REPORTS = [
    "{outlet} reported that Harlow Motors will invest €40 million in its Tarvik battery plant.",
    "Harlow Motors is investing €40m in the Tarvik battery plant, {outlet} said.",
    "The Tarvik battery plant of Harlow Motors gets €40 million, according to {outlet}.",
]


def report(number: int) -> str:
    return REPORTS[number % len(REPORTS)].format(outlet=f"{vocabulary_name(number)} News")


def vocabulary_name(number: int) -> str:
    return "".join(SYLLABLES[(number // len(SYLLABLES) ** i) % len(SYLLABLES)] for i in range(3))


def store_reports(first: int, count: int) -> list:
    """Articles for reports `first`.. with their claims stored but not grouped."""
    from articles.models import Article

    articles = Article.objects.bulk_create(
        Article(
            title=f"report {number}",
            outlet=f"{vocabulary_name(number)} News",
            body=report(number),
            original=report(number),
            original_format="text",
            text_hash=f"bench-report-{number}",
            # Later reports come later: each is added at the end of the story's order.
            published=date(2024, 3, 1) + timedelta(days=number // 100),
        )
        for number in range(first, first + count)
    )
    store_ungrouped(articles)
    return articles


def store_ungrouped(articles: list) -> None:
    """Extract and store the claims of `articles` without grouping them."""
    from claims import facts, pipeline

    def insert_without_grouping(article, *, new_claims=(), **options) -> list:
        facts._insert_claims(new_claims)  # stored as extraction would, with no fact
        return []

    original = facts.group_article_claims
    facts.group_article_claims = insert_without_grouping
    try:
        for article in articles:
            pipeline.propose_claims(article)
    finally:
        facts.group_article_claims = original


def grown_fact(mentions: int):
    """A fact of `mentions` reports of one story, built as a reviewer regrouping them into one
    fact would leave it."""
    from articles.models import Article
    from claims import facts
    from claims.models import Claim

    first, *rest = store_reports(0, mentions)
    [fact] = facts.group_article_claims(first)
    if rest:
        Article.objects.filter(pk__in=[a.pk for a in rest]).update(story=first.story_id)
        Claim.objects.filter(article__in=rest).update(fact=fact)
        facts.regrouped([fact])
    fact.refresh_from_db()
    assert fact.claim_count == mentions, (fact.claim_count, mentions)
    return fact


def adding_to_facts(sizes: list[int], repeats: int) -> None:
    """Milliseconds of group_article_claims for one more report of a fact of each size."""
    from articles.models import Article
    from claims import facts
    from claims.models import Fact

    medians = {}
    for size in sizes:
        Fact.objects.all().delete()
        Article.objects.all().delete()
        fact = grown_fact(size)
        timings = []
        for number in range(size, size + repeats):
            [article] = store_reports(number, 1)
            started = time.perf_counter()
            [joined] = facts.group_article_claims(article)
            timings.append((time.perf_counter() - started) * 1000)
            assert joined.pk == fact.pk, "the report did not join the fact"
        medians[size] = statistics.median(timings)
        print(
            f"  adding a mention to a fact of {size:>5,} mentions: {medians[size]:8.1f} ms"
            f" (median of {repeats}), {medians[size] / medians[sizes[0]]:6.2f}x"
            f" a fact of {sizes[0]}",
            flush=True,
        )


def run(sizes: list[int], articles: int, fact_sizes: list[int], repeats: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from articles.models import Article
    from claims.models import Claim, Fact

    teardown = None
    if connection.vendor != "sqlite":
        from django.test.utils import setup_databases, teardown_databases

        config = setup_databases(verbosity=0, interactive=False)
        teardown = lambda: teardown_databases(config, verbosity=0)  # noqa: E731
    else:
        call_command("migrate", verbosity=0)
    try:
        rng = random.Random(7)
        names = vocabulary(rng, 5000)
        # Warm up: ECB rates, regexes, connection.
        measure(2, names, rng)
        if fact_sizes:
            print(f"Adding one mention to a fact ({connection.vendor})", flush=True)
            adding_to_facts(fact_sizes, repeats)
        for size in sizes:
            Claim.objects.all().delete()
            Fact.objects.all().delete()
            Article.objects.all().delete()
            started = time.perf_counter()
            fill(size, names, rng)
            filled = time.perf_counter() - started
            stored = Claim.objects.count()
            timings = measure(articles, names, rng)
            print(
                f"{stored:>7,} claims stored ({connection.vendor}, filled in"
                f" {filled:.1f} s): matching {statistics.median(timings):.1f} ms per article"
                f" (median of {articles}; mean {statistics.mean(timings):.1f} ms,"
                f" max {max(timings):.1f} ms)",
                flush=True,
            )
    finally:
        if teardown:
            teardown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 100000])
    parser.add_argument("--articles", type=int, default=30)
    parser.add_argument("--fact-sizes", type=int, nargs="*", default=[5, 100, 1000])
    parser.add_argument("--repeats", type=int, default=5)
    options = parser.parse_args()
    run(options.sizes, options.articles, options.fact_sizes, options.repeats)


if __name__ == "__main__":
    main()
