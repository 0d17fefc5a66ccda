"""The database work of extracting and grouping one article stays the same however large the
facts it joins have grown: no query per claim, per fact or per mention already stored."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims import pipeline
from claims.models import Claim, Fact, FactKey

STORY = (
    "Harlow Motors will invest €40 million in its Tarvik battery plant and hire 1,200 workers"
    " by 2026, the company said. The plant will build 50,000 cars a year, and the regional"
    " unemployment rate of 7.5% is expected to fall."
)
# One claim per figure: the amount, the workers, the year, the cars and the rate.
FIGURES = 5
# Extraction and grouping of one article: status changes and their events, the story and the
# stories it may show to be one, the claims (the name forms the story knows are read with the
# article's locked row), the candidate facts, then one write per table (21 on SQLite; 21 on PostgreSQL too, where its two locks
# are offset by each status change written with its event), and one more for the story's
# name forms when the article writes a name the story had not. A new query per claim or per
# fact breaks it.
MAX_QUERIES = 22


@pytest.fixture
def publish_story(make_article):
    def publish(copy: int):
        # A distinct first line: a new report of the story, not a duplicate upload (and no
        # name the story has not seen: "Report 3" would be one). Each copy a day after the
        # last: it comes last in story order, so its arrival regroups no earlier copy.
        return make_article(
            original=f"Tarvik report, copy {copy}.\n{STORY}",
            title=f"Report {copy}",
            published=date(2025, 3, 1) + timedelta(days=copy),
        )

    return publish


def ingest(article) -> int:
    """Extract and group the article; return how many queries it took."""
    return len(ingest_queries(article))


def ingest_queries(article) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        pipeline.propose_claims(article)
    return [query["sql"] for query in queries.captured_queries]


def test_a_new_article_in_an_empty_store_takes_a_bounded_number_of_queries(publish_story):
    article = publish_story(1)

    queries = ingest(article)

    assert Claim.objects.filter(article=article).count() >= FIGURES
    assert Fact.objects.count() >= FIGURES
    assert queries <= MAX_QUERIES, queries


def test_an_article_joining_a_story_reads_its_name_forms_with_its_locked_row(publish_story):
    pipeline.propose_claims(publish_story(1))

    queries = ingest_queries(publish_story(2))

    # No query of its own for the story's name forms (the candidate stories leave them out).
    assert not [
        sql for sql in queries if re.match(r'SELECT[^;]*"name_forms" FROM "articles_story"', sql)
    ]
    locked = [sql for sql in queries if '"name_forms"' in sql and "articles_article" in sql]
    assert len(locked) == 1, queries


def test_joining_large_facts_takes_no_more_queries_than_joining_small_ones(publish_story):
    for copy in range(1, 3):
        pipeline.propose_claims(publish_story(copy))
    facts_before = Fact.objects.count()
    joining_small = ingest(publish_story(3))
    for copy in range(4, 30):
        pipeline.propose_claims(publish_story(copy))

    joining_large = ingest(publish_story(30))

    # Every report joined the facts of the first: none was created after it.
    assert Fact.objects.count() == facts_before
    assert Fact.objects.filter(claim_count=30).count() >= FIGURES
    assert joining_large == joining_small
    assert joining_large <= MAX_QUERIES, joining_large


def test_a_report_joining_known_facts_writes_each_table_once_and_no_keys(publish_story):
    for copy in range(1, 3):
        pipeline.propose_claims(publish_story(copy))
    keys_before = FactKey.objects.count()

    queries = ingest_queries(publish_story(3))

    # A statement may write two tables (an article's status change with its event).
    writes = Counter(
        table for query in queries for table in re.findall(r'(?:INSERT INTO|UPDATE) "(\w+)"', query)
    )
    # The claims inserted with their facts; the facts' summaries in one statement;
    # their events; the article's two status changes with their events, and its story;
    # the story's name weights, which every article adds to.
    assert writes == {
        "articles_story": 1,
        "claims_claim": 1,
        "claims_fact": 1,
        "claims_factevent": 1,
        "articles_article": 3,
        "articles_articleevent": 2,
    }, writes
    # The same figures in the same words: every key the facts need is stored already.
    assert FactKey.objects.count() == keys_before
