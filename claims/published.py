"""What API readers see: published facts with their citations, as plain data.

A page of facts costs two queries whatever its size: the facts (with their verified_by name,
retraction note and primary sources folded in by subqueries) and the citations of all of
them at once. Rows are read with `.values()`, never as model instances: the list is the
product's hottest path, and instances cost more than the database does.

Every editorial change that readers could see calls `changed()`; the new revision it leaves
in the cache keys the API's cached responses and ETags, so nothing stale is served after a
fact is published, corrected or retracted.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.cache import cache
from django.db import models, transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import JSONObject, Substr

from .models import Claim, Fact, FactEvent, PrimarySource, value_for_people

logger = logging.getLogger(__name__)

PUBLIC_STATUSES = (Fact.Status.PUBLISHED, Fact.Status.RETRACTED)
REVISION_KEY = "published:revision"


# --------------------------------------------------------------------------------------------
# The revision: bumped by every change readers could see
# --------------------------------------------------------------------------------------------


def revision_and_answer(key: str) -> tuple[str, float, Any]:
    """(token, time of the last change, what the cache holds under `key`): one round trip.

    A cache that lost the revision (eviction, a restart) gets a new random token, so answers
    kept under an older one are never served again. With the cache down the token is "".
    """
    try:
        values = cache.get_many([REVISION_KEY, key])
        current = values.get(REVISION_KEY)
        if current is None:
            cache.add(REVISION_KEY, (uuid.uuid4().hex, time.time()), timeout=None)
            current = cache.get(REVISION_KEY)
    except Exception:  # the cache is down: the API answers without it
        logger.warning("the cache is unreachable; the API answers without it", exc_info=True)
        return "", time.time(), None
    if current is None:
        return "", time.time(), None
    token, changed_at = current
    return token, changed_at, values.get(key)


def keep_answer(key: str, value: Any, seconds: int) -> None:
    try:
        cache.set(key, value, seconds)
    except Exception:
        logger.warning("the cache is unreachable; the answer is not kept", exc_info=True)


def changed() -> None:
    """Readers will see a change once the current transaction commits: a new revision then."""

    def bump() -> None:
        cache.set(REVISION_KEY, (uuid.uuid4().hex, time.time()), timeout=None)

    # robust: the decision is committed already; a cache outage must not turn it into an error
    transaction.on_commit(bump, robust=True)


# --------------------------------------------------------------------------------------------
# Facts
# --------------------------------------------------------------------------------------------


class JSONList(models.Aggregate):
    """The rows' JSON objects as one JSON array: PostgreSQL's JSON_AGG, SQLite's JSON_GROUP_ARRAY."""

    function = "JSON_AGG"
    output_field = models.JSONField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="JSON_GROUP_ARRAY", **extra_context)


def _primary_sources() -> Subquery:
    return Subquery(
        PrimarySource.objects.filter(fact=OuterRef("pk"))
        .order_by()
        .values("fact")
        .annotate(items=JSONList(JSONObject(url="url", title="title", quote="quote")))
        .values("items")
    )


def _retraction(field: str) -> Subquery:
    return Subquery(
        FactEvent.objects.filter(fact=OuterRef("pk"), action=FactEvent.Action.RETRACTED)
        .order_by("-id")
        .values(field)[:1]
    )


FACT_COLUMNS = (
    "id",
    "subject",
    "kind",
    "verified_number",
    "verified_number_high",
    "verified_unit",
    "verified_date",
    "verified_qualifier",
    "status",
    "verified_at",
    "published_at",
)


def published_facts() -> models.QuerySet[Fact]:
    """The facts the list shows: published ones only."""
    return Fact.objects.filter(status=Fact.Status.PUBLISHED)


def public_facts() -> models.QuerySet[Fact]:
    """The facts reachable by id: published, and retracted ones with their note."""
    return Fact.objects.filter(status__in=PUBLIC_STATUSES)


def fact_rows(facts: models.QuerySet[Fact], *, retracted: bool) -> models.QuerySet:
    """The columns a fact document needs, one row a fact (use on a filtered, ordered queryset);
    `retracted`: whether there may be retracted facts among them, which carry their note."""
    retraction = (
        {"retraction_note": _retraction("note"), "retracted_at": _retraction("at")}
        if retracted
        else {}
    )
    return facts.values(
        *FACT_COLUMNS,
        "verified_by__username",
        "verified_by__first_name",
        "verified_by__last_name",
        sources=_primary_sources(),
        **retraction,
    )


def fact_documents(rows: Iterable[dict[str, Any]], *, address: str) -> list[dict[str, Any]]:
    """Fact rows as API documents, each with its citations (one query for all of them);
    `address`: where the facts are, so that a fact's own address is `address` + id + "/"."""
    rows = list(rows)
    citations = citations_by_fact(row["id"] for row in rows)
    return [_document(row, citations.get(row["id"], []), f"{address}{row['id']}/") for row in rows]


def _document(row: dict[str, Any], citations: list[dict], url: str) -> dict[str, Any]:
    number, number_high = row["verified_number"], row["verified_number_high"]
    sources = row["sources"] or []
    if isinstance(sources, str):  # SQLite hands the aggregate back as text
        sources = json.loads(sources)
    document = {
        "id": row["id"],
        "url": url,
        "subject": row["subject"],
        "kind": row["kind"],
        "value": value_for_people(
            number=number,
            number_high=number_high,
            unit=row["verified_unit"],
            date=row["verified_date"],
            qualifier=row["verified_qualifier"],
        ),
        "number": _decimal(number),
        "number_high": _decimal(number_high),
        "unit": row["verified_unit"],
        "date": row["verified_date"],
        "qualifier": row["verified_qualifier"] or "exact",
        "status": row["status"],
        "verified_by": _display_name(row),
        "verified_at": row["verified_at"],
        "published_at": row["published_at"],
        "citations": citations,
        "primary_sources": sources,
    }
    if row["status"] == Fact.Status.RETRACTED:
        document["retracted_at"] = row["retracted_at"]
        document["retraction_note"] = row["retraction_note"] or ""
    return document


def _display_name(row: dict[str, Any]) -> str:
    full_name = f"{row['verified_by__first_name']} {row['verified_by__last_name']}".strip()
    return full_name or row["verified_by__username"] or ""


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")


# --------------------------------------------------------------------------------------------
# Citations: every confirmed mention, with its article and its sentence
# --------------------------------------------------------------------------------------------


def citations_by_fact(fact_ids: Iterable[int]) -> dict[int, list[dict[str, Any]]]:
    """The confirmed mentions of each fact, earliest article first."""
    rows = (
        Claim.objects.filter(fact_id__in=list(fact_ids), status=Claim.Status.CONFIRMED)
        .order_by()
        .values(
            "fact_id",
            "text",
            "start",
            "end",
            "article_id",
            "article__title",
            "article__outlet",
            "article__url",
            "article__published",
            quote=Substr(
                "article__body", F("sentence_start") + 1, F("sentence_end") - F("sentence_start")
            ),
        )
    )
    # Sorted here, not by the database: the planner's time for an ORDER BY over a join is
    # more than Python's for a page of citations.
    rows = sorted(rows, key=_earliest_first)
    citations: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        citations[row["fact_id"]].append(
            {
                "article": {
                    "id": row["article_id"],
                    "title": row["article__title"],
                    "outlet": row["article__outlet"],
                    "url": row["article__url"],
                    "published": row["article__published"],
                },
                "quote": row["quote"],
                "figure": row["text"],
                "start": row["start"],
                "end": row["end"],
            }
        )
    return citations


def _earliest_first(row: dict[str, Any]) -> tuple:
    published = row["article__published"]
    return (published is None, published or date.min, row["article_id"], row["start"])


def outlet_filter(outlet: str) -> Q:
    """Facts with a citation from this outlet."""
    return Q(
        models.Exists(
            Claim.objects.filter(
                fact=OuterRef("pk"),
                status=Claim.Status.CONFIRMED,
                article__outlet__iexact=outlet,
            )
        )
    )


def article_filter(article_id: int) -> Q:
    """Facts with a citation from this article."""
    return Q(
        models.Exists(
            Claim.objects.filter(
                fact=OuterRef("pk"), status=Claim.Status.CONFIRMED, article_id=article_id
            )
        )
    )


# --------------------------------------------------------------------------------------------
# schema.org ClaimReview
# --------------------------------------------------------------------------------------------


def claim_review(document: dict[str, Any], *, organisation: str) -> dict[str, Any]:
    """The fact as schema.org ClaimReview JSON-LD, for search engines and fact-check aggregators."""
    citations = document["citations"]
    retracted = document["status"] == Fact.Status.RETRACTED
    appearances = [
        {
            "@type": "CreativeWork",
            "headline": citation["article"]["title"],
            **({"url": citation["article"]["url"]} if citation["article"]["url"] else {}),
            **(
                {"datePublished": citation["article"]["published"].isoformat()}
                if citation["article"]["published"]
                else {}
            ),
            **(
                {"publisher": {"@type": "Organization", "name": citation["article"]["outlet"]}}
                if citation["article"]["outlet"]
                else {}
            ),
        }
        for citation in citations
    ]
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearances}
    if appearances:
        item["firstAppearance"] = appearances[0]
    rating = (
        {"ratingValue": 1, "alternateName": "Retracted"}
        if retracted
        else {"ratingValue": 5, "alternateName": f"Verified: {document['value']}"}
    )
    published = document["published_at"]
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": document["url"],
        "claimReviewed": f"{document['subject']}: {document['value']}",
        "author": {"@type": "Organization", "name": organisation},
        **({"datePublished": published.date().isoformat()} if published else {}),
        "reviewRating": {"@type": "Rating", "bestRating": 5, "worstRating": 1, **rating},
        "itemReviewed": item,
    }
