"""Writing published facts' records: each public fact's document, rebuilt by every change
readers could see.

A published or retracted fact carries its public record (`Fact.public_record`): the JSON
document the API serves (claims.public.document), citations and primary sources included.
It is rebuilt when the fact changes, in the same transaction as the change, by
`record_changes()`; readers then get a page of facts with one query and no assembly. Every
change that readers could see calls it: a publication, retraction or reopening, a verified
value, a claim confirmed, disputed, rejected or corrected, a primary source, a merge or a
move (claims.review, claims.facts), an article's title, outlet, address or date edited
(articles.admin). Each call also replaces the revision (claims.public.cache) once the
transaction commits.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import F
from django.db.models.functions import Substr

from factcheck.rows import update_rows

from ..extraction.types import value_for_people
from ..models import Claim, Fact, FactEvent, PrimarySource
from .cache import changed
from .document import record_json
from .queries import public_facts


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
    update_rows(records, ["public_record"])
    changed()


def rebuild_all_records(*, missing: bool = False) -> int:
    """Rebuild every public fact's record (after a restore, say), or with `missing` those of
    the public facts without one (published before records were kept); returns how many."""
    facts = public_facts().filter(public_record="") if missing else public_facts()
    ids = list(facts.values_list("pk", flat=True))
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
    rows = list(
        Fact.objects.filter(pk__in=fact_ids).values(
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
    )
    for row in rows:
        row.update(
            value=value_for_people(
                number=row["verified_number"],
                number_high=row["verified_number_high"],
                unit=row["verified_unit"],
                date=row["verified_date"],
                qualifier=row["verified_qualifier"],
            ),
            qualifier=row["verified_qualifier"] or "exact",
            verified_by=_display_name(row),
            citations=citations[row["id"]],
            primary_sources=sources[row["id"]],
        )
        if row["status"] == Fact.Status.RETRACTED:
            row["retraction_note"], row["retracted_at"] = retractions.get(row["id"], ("", None))
    return dict(zip((row["id"] for row in rows), record_json(rows), strict=True))


def _display_name(row: dict[str, Any]) -> str:
    full_name = f"{row['verified_by__first_name']} {row['verified_by__last_name']}".strip()
    return full_name or row["verified_by__username"] or ""


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
