"""Writing many rows of one table in one statement: new rows, or some fields of saved ones.

Django's bulk_create prepares every value of every row in Python (a claim has thirty
columns), and psycopg then quotes each one: for the dozen claims and facts an article adds,
that cost more than the database's work. On PostgreSQL, insert_rows sends the rows as one
JSON document that the server reads with jsonb_to_recordset; other databases keep
bulk_create.

Django's bulk_update writes `SET field = CASE WHEN id = 1 THEN ... WHEN id = 2 THEN ... END`
for every field: building those expressions costs more than the database's work once a
dozen rows change (a fact's summary, agreement and counts when an article joins fifteen
facts). On PostgreSQL, update_rows says the same with `UPDATE ... FROM
jsonb_to_recordset(...)`, the rows again one JSON document; other databases keep
bulk_update.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from functools import cache, partial
from operator import attrgetter

import orjson
from django.db import connection
from django.db.models import DateTimeField, DecimalField, Field, JSONField, Model

# Rows per statement: a bounded document however many rows are written.
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
        # A string, number or boolean is stored as it is: the common case, not a call.
        rows.append(
            {
                column: value
                if (value := read(obj)) is None or type(value) in _AS_IS
                else _stored(field, value)
                for column, field, read in fields
            }
        )
    returning = f" RETURNING {connection.ops.quote_name(model._meta.pk.column)}"
    with connection.cursor() as cursor:
        for first in range(0, len(rows), BATCH_ROWS):
            document = _document(rows[first : first + BATCH_ROWS])
            if ignore_conflicts:
                cursor.execute(sql + " ON CONFLICT DO NOTHING", [document])
                continue
            cursor.execute(sql + returning, [document])
            batch = objs[first : first + BATCH_ROWS]
            for obj, (pk,) in zip(batch, cursor.fetchall(), strict=True):
                obj.pk = pk
                obj._state.adding = False
                obj._state.db = connection.alias


@cache
def _insert_statement(model: type[Model]) -> tuple[list[tuple[str, Field, Callable]], str]:
    """The fields insert_rows writes, each with its column and its reader, and its statement
    without the ending."""
    meta = model._meta
    fields = [f for f in meta.concrete_fields if not (f.primary_key or f.generated)]
    readers = [(field.column, field, _reader(field)) for field in fields]
    quote = connection.ops.quote_name
    names = ", ".join(quote(field.column) for field in fields)
    columns = ", ".join(f"{quote(field.column)} {_sql_type(field)}" for field in fields)
    # The rows come out of jsonb_to_recordset in the document's order, and RETURNING gives
    # their ids in that order (what bulk_create relies on with its UNNEST).
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({names})"
        f" SELECT {names} FROM jsonb_to_recordset(%s::jsonb) AS r ({columns})"
    )
    return readers, sql


def _reader(field: Field) -> Callable[[Model], object]:
    """How insert_rows reads a field's value: pre_save(obj, add=True), as bulk_create does,
    where a field changes it (auto_now_add); the attribute otherwise."""
    if type(field).pre_save is Field.pre_save:
        return attrgetter(field.attname)
    return partial(field.pre_save, add=True)


# Strings, numbers and booleans are stored as they are: what saving them would store.
_AS_IS = (str, int, bool)


def _stored(field: Field, value):
    """The value `field` is stored with, in JSON (jsonb_to_recordset casts it to the
    column's type; a JSON null is SQL NULL)."""
    if value is None or type(value) in _AS_IS:
        return value
    # Amounts and times as saving them would prepare them (what PostgreSQL is given).
    if type(value) is Decimal and isinstance(field, DecimalField):
        return str(value)
    if type(value) is datetime and value.tzinfo is not None and isinstance(field, DateTimeField):
        return value.isoformat()
    if isinstance(field, JSONField):
        if field.encoder is not None:
            value = json.loads(json.dumps(value, cls=field.encoder))
        return value
    return field.get_db_prep_save(value, connection)


def _document(rows: list[dict]) -> str:
    """The rows as one JSON document. orjson writes it several times faster than json (a
    fact's summary is most of an article's writes); json writes what orjson refuses (an
    integer beyond 64 bits)."""
    try:
        return orjson.dumps(rows, default=_json_default, option=orjson.OPT_NON_STR_KEYS).decode()
    except orjson.JSONEncodeError:
        return json.dumps(rows, ensure_ascii=False, default=_json_default)


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
    columns = [model._meta.pk, *(model._meta.get_field(name) for name in dict.fromkeys(fields))]
    sql = _update_statement(model, tuple(columns))
    rows = [
        {field.column: _stored(field, getattr(obj, field.attname)) for field in columns}
        for obj in objs
    ]
    with connection.cursor() as cursor:
        for first in range(0, len(rows), BATCH_ROWS):
            cursor.execute(sql, [_document(rows[first : first + BATCH_ROWS])])


@cache
def _update_statement(model: type[Model], columns: tuple[Field, ...]) -> str:
    """update_rows' statement: the primary key, then the fields written."""
    quote = connection.ops.quote_name
    table, pk = quote(model._meta.db_table), quote(columns[0].column)
    assignments = ", ".join(f"{quote(f.column)} = v.{quote(f.column)}" for f in columns[1:])
    types = ", ".join(f"{quote(field.column)} {_sql_type(field)}" for field in columns)
    return (
        f"UPDATE {table} SET {assignments} FROM jsonb_to_recordset(%s::jsonb) AS v ({types})"
        f" WHERE {table}.{pk} = v.{pk}"
    )


def _sql_type(field: Field) -> str:
    # The column's type without its length ("varchar", not "varchar(300)"): a cast to the
    # length would cut a longer value silently, where assigning it refuses it as save() does.
    return field.db_type(connection).split("(")[0]
