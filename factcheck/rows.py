"""Writing some fields of many rows of one table in one statement.

Django's bulk_update writes `SET field = CASE WHEN id = 1 THEN ... WHEN id = 2 THEN ... END`
for every field: building those expressions costs more than the database's work once a
dozen rows change (a fact's summary, agreement and counts when an article joins fifteen
facts). On PostgreSQL, `UPDATE ... FROM (VALUES ...)` says the same in one statement whose
size grows with the rows alone; other databases keep bulk_update.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection
from django.db.models import Field, Model

# Rows per statement: far below PostgreSQL's 65,535 parameters for any table of ours.
BATCH_ROWS = 500


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
