"""What API readers see: each public fact's record, with its citations, and when it changed.

A published or retracted fact carries its public record (`Fact.public_record`): the JSON
document the API serves, citations and primary sources included. It is written when the
fact changes, in the same transaction as the change, by `record_changes()`; readers then
get a page of facts with one query and no assembly. Every change that readers could see
calls it: a publication, retraction or reopening, a verified value, a claim confirmed,
disputed, rejected or corrected, a primary source, a merge or a move (claims.review,
claims.facts), an article's title, outlet, address or date edited (articles.admin).

Each call also replaces, once the transaction commits, the revision kept in the cache; it keys
the API's cached answers and ETags, so nothing stale is served after a change.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

import orjson
from django.conf import settings
from django.core.cache import cache, caches
from django.core.exceptions import EmptyResultSet, FullResultSet, ValidationError
from django.db import connections, models, transaction
from django.db.models import F, OuterRef, Q
from django.db.models.functions import Substr

from .models import Claim, Fact, FactEvent, PrimarySource, value_for_people

logger = logging.getLogger(__name__)

PUBLIC_STATUSES = (Fact.Status.PUBLISHED, Fact.Status.RETRACTED)
REVISION_KEY = "published:revision"


def published_facts() -> models.QuerySet[Fact]:
    """The facts the list shows: published ones only."""
    return Fact.objects.filter(status=Fact.Status.PUBLISHED)


def public_facts() -> models.QuerySet[Fact]:
    """The facts reachable by id: published, and retracted ones with their note."""
    return Fact.objects.filter(status__in=PUBLIC_STATUSES)


# --------------------------------------------------------------------------------------------
# Reading: records as API documents
# --------------------------------------------------------------------------------------------


# A fact's id and its public record: what a document is made of.
Row = tuple[int, str]
# What a page of records can be ordered by (each has an index for published facts).
PAGE_ORDERINGS = ("published_at", "verified_at", "id")


def fact_rows(facts: models.QuerySet[Fact]) -> models.QuerySet:
    """The rows of these facts (for one fact or a few; a page is page_of_records())."""
    # A fact without its record (written outside claims.review) is not shown until it has one.
    return facts.exclude(public_record="").values_list("id", "public_record")


def page_of_records(
    facts: models.QuerySet[Fact],
    *,
    order: str,
    position: tuple[Any, int] | None,
    backwards: bool = False,
    size: int,
) -> list[Row]:
    """Up to `size` rows of `facts` in `order` ("-published_at", "verified_at", "id", ...),
    starting just past `position` (the ordering value and id of the row before), or, going
    `backwards`, just before it and in reverse order.

    One keyset query over the queryset's own conditions, ties broken by id, so page 1,000
    costs what page 1 does. It is written out rather than built by the ORM for each request:
    building and compiling a query took longer than running it.
    """
    field = order.lstrip("-")
    if field not in PAGE_ORDERINGS:
        raise ValueError(f"records are not ordered by {field!r}")
    descending = order.startswith("-") != backwards
    connection = connections[facts.db]
    try:
        conditions, params = _conditions(facts)
    except EmptyResultSet:
        return []
    keys = [field] if field == "id" else [field, "id"]
    sql = f"SELECT id, public_record FROM {Fact._meta.db_table} WHERE {conditions}"
    sql += " AND public_record <> ''"  # as fact_rows(): no record, not shown yet
    if position is not None:
        comparison = "<" if descending else ">"
        sql += f" AND ({', '.join(keys)}) {comparison} ({', '.join(['%s'] * len(keys))})"
        params = [*params, *_database_values(keys, position[: len(keys)], connection)]
    direction = "DESC" if descending else "ASC"
    sql += f" ORDER BY {', '.join(f'{key} {direction}' for key in keys)} LIMIT %s"
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, size])
        return cursor.fetchall()


def _conditions(facts: models.QuerySet[Fact]) -> tuple[str, list[Any]]:
    """The WHERE clause of a queryset of facts filtered on their own columns (and EXISTS
    subqueries), as SQL on the facts table."""
    query = facts.query
    if set(query.alias_map) - {Fact._meta.db_table} or query.distinct:
        raise ValueError("a page of records takes filters on the facts table only")
    try:
        sql, params = query.get_compiler(facts.db).compile(query.where)
    except FullResultSet:
        return "1 = 1", []
    return sql, list(params)


def _database_values(fields: list[str], values: tuple[Any, ...], connection) -> list[Any]:
    """A cursor's values (ISO dates, ids) as the database compares them; ValidationError
    for a value the field cannot hold."""
    adapted = []
    for name, value in zip(fields, values, strict=True):
        field = Fact._meta.get_field(name)
        try:
            adapted.append(field.get_db_prep_value(field.to_python(value), connection))
        except (TypeError, OverflowError) as error:  # a number where a date goes, say
            raise ValidationError(f"{value!r} is not a {name}") from error
    return adapted


def documents_json(rows: Iterable[Row], *, address: str) -> list[str]:
    """Records as API documents, JSON text: each record (an object without an id) with the
    fact's id and address put in front; `address`: where the facts are (a fact's: + id/).

    Spliced, not parsed and dumped again: this is the list's whole cost per fact.
    """
    quoted = orjson.dumps(address).decode()[:-1]  # the JSON string, still open
    return [f'{{"id":{id_},"url":{quoted}{id_}/",{record[1:]}' for id_, record in rows]


def fact_documents(rows: Iterable[Row], *, address: str) -> list[dict[str, Any]]:
    return [orjson.loads(document) for document in documents_json(rows, address=address)]


def record_value(row: Row, field: str) -> Any:
    """One field of a row's record (a date a page is ordered by)."""
    fact_id, record = row
    return fact_id if field == "id" else orjson.loads(record)[field]


# --------------------------------------------------------------------------------------------
# Writing: records, rebuilt by every change readers could see
# --------------------------------------------------------------------------------------------


def record_changes(facts: Iterable[Fact | int | None]) -> None:
    """Rebuild the public records of these facts (those that are public) inside the current
    transaction, and replace the revision once it commits."""
    ids = {fact.pk if isinstance(fact, Fact) else fact for fact in facts} - {None}
    if not ids:
        return
    public = list(public_facts().filter(pk__in=ids).values_list("pk", flat=True))
    # A fact taken back (reopened) keeps no record: nobody may read it any more.
    withdrawn = (
        Fact.objects.filter(pk__in=ids - set(public))
        .exclude(public_record="")
        .update(public_record="")
    )
    if not public and not withdrawn:
        return  # nothing readers see: their cached answers stay good
    records = [
        Fact(pk=fact_id, public_record=record) for fact_id, record in build_records(public).items()
    ]
    Fact.objects.bulk_update(records, ["public_record"])
    changed()


def rebuild_all_records() -> int:
    """Rebuild every public fact's record (after a restore, say); returns how many."""
    ids = list(public_facts().values_list("pk", flat=True))
    for first in range(0, len(ids), 500):
        with transaction.atomic():
            record_changes(ids[first : first + 500])
    return len(ids)


def build_records(fact_ids: list[int]) -> dict[int, str]:
    """Each fact's public record as JSON text: everything the API serves but its id and address."""
    if not fact_ids:
        return {}
    citations = citations_by_fact(fact_ids)
    sources = sources_by_fact(fact_ids)
    retractions = retractions_by_fact(fact_ids)
    rows = Fact.objects.filter(pk__in=fact_ids).values(
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
        "verified_by__username",
        "verified_by__first_name",
        "verified_by__last_name",
    )
    return {
        row["id"]: orjson.dumps(
            _record(row, citations[row["id"]], sources[row["id"]], retractions.get(row["id"])),
            default=_decimal,
        ).decode()
        for row in rows
    }


def _record(row, citations, sources, retraction) -> dict[str, Any]:
    number, number_high = row["verified_number"], row["verified_number_high"]
    record = {
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
        note, at = retraction or ("", None)
        record.update(retracted_at=at, retraction_note=note)
    return record


def _display_name(row: dict[str, Any]) -> str:
    full_name = f"{row['verified_by__first_name']} {row['verified_by__last_name']}".strip()
    return full_name or row["verified_by__username"] or ""


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")


def citations_by_fact(fact_ids: Iterable[int]) -> dict[int, list[dict[str, Any]]]:
    """Every confirmed mention of each fact, earliest article first, with its sentence."""
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
    citations: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in sorted(rows, key=_earliest_first):
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


def sources_by_fact(fact_ids: Iterable[int]) -> dict[int, list[dict[str, str]]]:
    sources: dict[int, list[dict[str, str]]] = defaultdict(list)
    for row in PrimarySource.objects.filter(fact_id__in=list(fact_ids)).values(
        "fact_id", "url", "title", "quote"
    ):
        sources[row.pop("fact_id")].append(row)
    return sources


def retractions_by_fact(fact_ids: Iterable[int]) -> dict[int, tuple[str, Any]]:
    """The note and time of each fact's latest retraction."""
    latest: dict[int, tuple[str, Any]] = {}
    for fact_id, note, at in (
        FactEvent.objects.filter(fact_id__in=list(fact_ids), action=FactEvent.Action.RETRACTED)
        .order_by("id")
        .values_list("fact_id", "note", "at")
    ):
        latest[fact_id] = (note, at)
    return latest


# --------------------------------------------------------------------------------------------
# The revision: replaced after every change readers could see
# --------------------------------------------------------------------------------------------


def revision() -> tuple[str, float]:
    """(token, time of the last change) of what readers see now.

    Each process keeps the revision it read for API_REVISION_CHECK_SECONDS (a change made in
    another process shows within that time; at once in this one), so that most answers need
    no round trip to the shared cache. A shared cache that lost the revision (eviction, a
    restart) gets a new random token: answers kept under an older one are never served again.
    With the cache down the token is "".
    """
    current = local_cache().get(REVISION_KEY)
    if current is not None:
        return current
    try:
        current = cache.get(REVISION_KEY)
        if current is None:
            cache.add(REVISION_KEY, (uuid.uuid4().hex, time.time()), timeout=None)
            current = cache.get(REVISION_KEY)
    except Exception:  # the cache is down: the API answers without it
        logger.warning("the cache is unreachable; the API answers without it", exc_info=True)
        return "", time.time()
    if current is None:
        return "", time.time()
    local_cache().set(REVISION_KEY, current, settings.API_REVISION_CHECK_SECONDS)
    return current


def kept_answer(key: str) -> Any:
    """An answer kept under `key` (its revision is in the key): in this process, or shared."""
    answer = local_cache().get(key)
    if answer is not None:
        return answer
    try:
        answer = cache.get(key)
    except Exception:
        logger.warning("the cache is unreachable; the answer is made again", exc_info=True)
        return None
    if answer is not None:
        local_cache().set(key, answer, settings.API_CACHE_SECONDS)
    return answer


def keep_answer(key: str, value: Any, seconds: int) -> None:
    local_cache().set(key, value, seconds)
    try:
        cache.set(key, value, seconds)
    except Exception:
        logger.warning("the cache is unreachable; the answer is not kept", exc_info=True)


def changed() -> None:
    """Readers will see a change once the current transaction commits: a new revision then."""

    def bump() -> None:
        current = (uuid.uuid4().hex, time.time())
        local_cache().set(REVISION_KEY, current, settings.API_REVISION_CHECK_SECONDS)
        cache.set(REVISION_KEY, current, timeout=None)

    # robust: the decision is committed already; a cache outage must not turn it into an error
    transaction.on_commit(bump, robust=True)


def local_cache():
    """This process's own small cache of recent answers and of the revision."""
    return caches["local"]


# --------------------------------------------------------------------------------------------
# Filters on facts through their citations
# --------------------------------------------------------------------------------------------


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
    appearances = [_appearance(citation["article"]) for citation in document["citations"]]
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearances}
    if appearances:
        item["firstAppearance"] = appearances[0]
    rating = (
        {"ratingValue": 1, "alternateName": "Retracted"}
        if document["status"] == Fact.Status.RETRACTED
        else {"ratingValue": 5, "alternateName": f"Verified: {document['value']}"}
    )
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": document["url"],
        "claimReviewed": f"{document['subject']}: {document['value']}",
        "author": {"@type": "Organization", "name": organisation},
        "reviewRating": {"@type": "Rating", "bestRating": 5, "worstRating": 1, **rating},
        "itemReviewed": item,
    }
    if document["published_at"]:
        review["datePublished"] = document["published_at"][:10]  # an ISO date-time: its day
    return review


def _appearance(article: dict[str, Any]) -> dict[str, Any]:
    appearance: dict[str, Any] = {"@type": "CreativeWork", "headline": article["title"]}
    if article["url"]:
        appearance["url"] = article["url"]
    if article["published"]:
        appearance["datePublished"] = article["published"]
    if article["outlet"]:
        appearance["publisher"] = {"@type": "Organization", "name": article["outlet"]}
    return appearance
