"""The fact document: what the API serves for a published fact, defined once.

The serializers below are both the schema the API publishes (/api/schema/) and the writer of
every stored record (claims.public.records): a record is `FactRecordSerializer`'s output,
and the document served is that record with the fact's id and address put in front
(`documents_json`), which `FactSerializer` adds to the schema.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import orjson
from rest_framework import serializers

from ..extraction.types import decimal_text
from ..models import Claim, Fact
from .queries import PUBLIC_STATUSES, Row

# Fields only a retracted fact's record has.
RETRACTION_FIELDS = ("retracted_at", "retraction_note")


class DecimalText(serializers.CharField):
    """A Decimal as a string of plain digits ("15000000")."""

    def to_representation(self, value) -> str:
        return decimal_text(value)


class Moment(serializers.DateTimeField):
    """A time, left to the JSON writer (orjson), which writes it in ISO 8601."""

    def to_representation(self, value):
        return value


class CitedArticleSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    outlet = serializers.CharField(help_text="The outlet that published the article.")
    url = serializers.CharField(help_text="The article's address; empty when unknown.")
    published = serializers.DateField(allow_null=True)


class CitationSerializer(serializers.Serializer):
    article = CitedArticleSerializer()
    quote = serializers.CharField(help_text="The sentence that states the figure.")
    figure = serializers.CharField(help_text="The figure as written, e.g. “€15 million”.")
    start = serializers.IntegerField(help_text="Character offset of the figure in the article.")
    end = serializers.IntegerField(help_text="Offset just past the figure.")


class PrimarySourceSerializer(serializers.Serializer):
    url = serializers.URLField()
    title = serializers.CharField()
    quote = serializers.CharField(allow_blank=True)


# A public fact's record: the document but its id and address. Written from a row of the
# fact's columns (verified_*, status, times) with the values claims.public.records gathers for
# it: `value`, `qualifier`, `verified_by`, `citations`, `primary_sources`, and for a retracted
# fact `retracted_at` and `retraction_note`. (Comments, not a docstring: the schema would
# show a docstring to API readers.)
class FactRecordSerializer(serializers.Serializer):
    subject = serializers.CharField()
    kind = serializers.ChoiceField(choices=Claim.Kind.choices)
    value = serializers.CharField(help_text="The verified value for people.")
    number = DecimalText(
        source="verified_number",
        allow_null=True,
        help_text="The verified number as a decimal string; null for dates.",
    )
    number_high = DecimalText(
        source="verified_number_high", allow_null=True, help_text="Upper end of a range."
    )
    unit = serializers.CharField(
        source="verified_unit", allow_blank=True, help_text="ISO 4217 code, percent, a unit."
    )
    date = serializers.CharField(
        source="verified_date", allow_blank=True, help_text="ISO date at the text's precision."
    )
    qualifier = serializers.ChoiceField(choices=Claim.Qualifier.choices)
    status = serializers.ChoiceField(choices=PUBLIC_STATUSES)
    verified_by = serializers.CharField(allow_blank=True)
    verified_at = Moment(allow_null=True)
    published_at = Moment(allow_null=True)
    retracted_at = Moment(required=False, allow_null=True, help_text="Retracted facts only.")
    retraction_note = serializers.CharField(required=False, help_text="Retracted facts only.")
    citations = CitationSerializer(many=True)
    primary_sources = PrimarySourceSerializer(many=True)

    def to_representation(self, instance: dict[str, Any]) -> dict[str, Any]:
        record = super().to_representation(instance)
        if instance["status"] != Fact.Status.RETRACTED:
            for name in RETRACTION_FIELDS:
                record.pop(name, None)
        return record


class _Address(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField()


# A fact as the API serves it: its address (put in front by documents_json), then its record.
class FactSerializer(_Address, FactRecordSerializer):
    pass


def record_json(rows: list[dict[str, Any]]) -> list[str]:
    """Records as JSON text, from the rows claims.public.records gathers."""
    return [
        orjson.dumps(record).decode()
        for record in FactRecordSerializer(many=True).to_representation(rows)
    ]


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
