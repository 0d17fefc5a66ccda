"""Reading published facts: which facts are public, their stored records one by one or a
page at a time by keyset, and the filters on facts through their citations."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import EmptyResultSet, FullResultSet, ValidationError
from django.db import connections, models
from django.db.models import OuterRef, Q

from ..models import Claim, Fact

PUBLIC_STATUSES = (Fact.Status.PUBLISHED, Fact.Status.RETRACTED)

# A fact's id and its public record: what a document is made of.
Row = tuple[int, str]
# What a page of records can be ordered by (each has an index for published facts).
PAGE_ORDERINGS = ("published_at", "verified_at", "id")


def published_facts() -> models.QuerySet[Fact]:
    """The facts the list shows: published ones only."""
    return Fact.objects.filter(status=Fact.Status.PUBLISHED)


def public_facts() -> models.QuerySet[Fact]:
    """The facts reachable by id: published, and retracted ones with their note."""
    return Fact.objects.filter(status__in=PUBLIC_STATUSES)


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
