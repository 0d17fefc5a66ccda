from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from django.apps import apps
from django.core.cache import cache, caches

from articles import services
from articles.models import Article
from articles.roles import EDITORS, REVIEWERS, sync_roles
from claims import pipeline
from claims.models import Claim, Fact
from tests.helpers import SEEDS, WorkerProcess, make_user, purge_queue


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
