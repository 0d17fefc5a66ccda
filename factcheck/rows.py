"""Writing many rows of one table in one statement: new rows, or some fields of saved ones.

Django's bulk_create prepares every value of every row in Python (a claim has thirty
columns), and psycopg then quotes each one: for the dozen claims and facts an article adds,
that cost more than the database's work. On PostgreSQL, insert_rows sends the rows as one
JSON document that the server reads with jsonb_to_recordset; other databases keep
bulk_create.

Django's bulk_update writes `SET field = CASE WHEN id = 1 THEN ... WHEN id = 2 THEN ... END`
for every field: building those expressions costs more than the database's work once a
dozen rows change (a fact's summary, agreement and counts when an article joins fifteen
facts). On PostgreSQL, `UPDATE ... FROM (VALUES ...)` says the same in one statement whose
size grows with the rows alone; other databases keep bulk_update.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from datetime import date, datetime, time
from decimal import Decimal

from django.db import connection
from django.db.models import Field, JSONField, Model

# Rows per statement: far below PostgreSQL's 65,535 parameters for any table of ours.
BATCH_ROWS = 500


def insert_rows(objs: Sequence[Model], *, ignore_conflicts: bool = False) -> None:
    """Insert `objs` (new rows of one model, with an automatic primary key), as
    bulk_create(objs, ignore_conflicts=...) would: defaults and auto_now_add filled in, no
    save() or signals; each gets its id (unless conflicts are ignored, as bulk_create)."""
    if not objs:
        return
    model = type(objs[0])
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create(objs, ignore_conflicts=ignore_conflicts)
        return
    fields, sql = _insert_statement(model)
    rows = []
    for obj in objs:
        # What bulk_create checks first: a related object saved since it was set lends its id.
        obj._prepare_related_fields_for_save(operation_name="insert_rows")
        rows.append({field.column: _json_value(field, obj) for field in fields})
    pk = model._meta.pk
    with connection.cursor() as cursor:
        for first in range(0, len(rows), BATCH_ROWS):
            document = json.dumps(
                rows[first : first + BATCH_ROWS], ensure_ascii=False, default=_json_default
            )
            if ignore_conflicts:
                cursor.execute(sql + " ON CONFLICT DO NOTHING", [document])
                continue
            cursor.execute(sql + f" RETURNING {connection.ops.quote_name(pk.column)}", [document])
            batch = objs[first : first + BATCH_ROWS]
            for obj, (pk,) in zip(batch, cursor.fetchall(), strict=True):
                obj.pk = pk
                obj._state.adding = False
                obj._state.db = connection.alias


@cache
def _insert_statement(model: type[Model]) -> tuple[list[Field], str]:
    """The fields insert_rows writes and its statement, without the ending."""
    meta = model._meta
    fields = [f for f in meta.concrete_fields if not (f.primary_key or f.generated)]
    quote = connection.ops.quote_name
    names = ", ".join(quote(field.column) for field in fields)
    columns = ", ".join(f"{quote(field.column)} {_sql_type(field)}" for field in fields)
    # The rows come out of jsonb_to_recordset in the document's order, and RETURNING gives
    # their ids in that order (what bulk_create relies on with its UNNEST).
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({names})"
        f" SELECT {names} FROM jsonb_to_recordset(%s::jsonb) AS r ({columns})"
    )
    return fields, sql


def _json_value(field: Field, obj: Model):
    """The value `field` of `obj` is stored with, in JSON (jsonb_to_recordset casts it to
    the column's type; a JSON null is SQL NULL)."""
    value = field.pre_save(obj, add=True)
    # Strings, numbers and booleans as they are: what saving them would store.
    if value is None or type(value) in (str, int, bool):
        return value
    if isinstance(field, JSONField):
        if field.encoder is not None:
            value = json.loads(json.dumps(value, cls=field.encoder))
        return value
    return field.get_db_prep_save(value, connection)


def _json_default(value):
    if isinstance(value, Decimal):
        return str(value)  # exact: read by numeric's own input
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not stored by insert_rows")


def update_rows(objs: Sequence[Model], fields: Sequence[str]) -> None:
    """Write `fields` of `objs` (saved rows of one model), as bulk_update(objs, fields)
    would: values as they are on the instances, no save() or signals."""
    if not objs:
        return
    model = type(objs[0])
    if connection.vendor != "postgresql":
        model._default_manager.bulk_update(objs, fields)
        return
    if any(obj.pk is None for obj in objs):
        raise ValueError("update_rows() writes saved rows: every object needs a primary key")
    # A row listed twice is written once, from its first instance (as bulk_update does).
    firsts: dict = {}
    for obj in objs:
        firsts.setdefault(obj.pk, obj)
    objs = list(firsts.values())
    meta = model._meta
    columns = [meta.pk, *(meta.get_field(name) for name in dict.fromkeys(fields))]
    quote = connection.ops.quote_name
    names = ", ".join(quote(field.column) for field in columns)
    row = "(" + ", ".join(f"%s::{_sql_type(field)}" for field in columns) + ")"
    assignments = ", ".join(
        f"{quote(field.column)} = v.{quote(field.column)}" for field in columns[1:]
    )
    table, pk = quote(meta.db_table), quote(meta.pk.column)
    with connection.cursor() as cursor:
        for first in range(0, len(objs), BATCH_ROWS):
            batch = objs[first : first + BATCH_ROWS]
            values = ", ".join([row] * len(batch))
            cursor.execute(
                f"UPDATE {table} SET {assignments} FROM (VALUES {values}) AS v ({names})"
                f" WHERE {table}.{pk} = v.{pk}",
                [
                    field.get_db_prep_save(getattr(obj, field.attname), connection)
                    for obj in batch
                    for field in columns
                ],
            )


def _sql_type(field: Field) -> str:
    # The column's type without its length ("varchar", not "varchar(300)"): a cast to the
    # length would cut a longer value silently, where assigning it refuses it as save() does.
    return field.db_type(connection).split("(")[0]
