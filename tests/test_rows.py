"""Writing many rows in one statement keeps every value as saving them would: new rows
(insert_rows) or some fields of saved ones (update_rows)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.db import DataError, connection, transaction

from claims.models import Claim, Fact, FactEvent, FactKey
from factcheck.rows import insert_rows, update_rows


def _fact(subject: str) -> Fact:
    return Fact.objects.create(subject=subject, kind="money", dimension="money")


def test_only_the_fields_named_are_written_each_row_its_own_values(db):
    first, second, untouched = _fact("first"), _fact("second"), _fact("untouched")
    first.terms = {"readings": [{"number": "4.5", "unit": "USD", "n": 2}], "names": {"é": 1}}
    first.claim_count, first.agreement = 7, Fact.Agreement.DISPUTED
    first.explanation = "4.5 million against 5 million"
    second.terms, second.claim_count = {}, 0
    second.updated_at = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    second.subject = "changed on the instance, not written"

    update_rows([first, second], ["terms", "claim_count", "agreement", "explanation"])
    update_rows([second], ["updated_at"])

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.terms == {
        "readings": [{"number": "4.5", "unit": "USD", "n": 2}],
        "names": {"é": 1},
    }
    assert (first.claim_count, first.agreement) == (7, Fact.Agreement.DISPUTED)
    assert first.explanation == "4.5 million against 5 million"
    assert second.updated_at == datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert second.subject == "second"
    assert Fact.objects.get(pk=untouched.pk).terms == {}


def test_a_link_is_set_and_cleared(make_article):
    fact = _fact("the council's spending")
    article = make_article()
    claims = [
        Claim.objects.create(
            article=article,
            start=i,
            end=i + 1,
            sentence_start=0,
            sentence_end=9,
            text="4.5",
            kind="money",
        )
        for i in range(2)
    ]
    claims[0].fact = fact

    update_rows(claims, ["fact"])
    assert list(Claim.objects.order_by("pk").values_list("fact_id", flat=True)) == [fact.pk, None]

    claims[0].fact = None
    update_rows(claims[:1], ["fact"])
    assert Claim.objects.filter(fact__isnull=False).count() == 0


def test_a_value_longer_than_its_column_is_refused_not_cut(db):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite stores strings of any length")
    fact = _fact("short")
    fact.subject = "x" * 301

    with pytest.raises(DataError), transaction.atomic():
        update_rows([fact], ["subject"])

    assert Fact.objects.get(pk=fact.pk).subject == "short"


def test_nothing_to_write_runs_no_query(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        update_rows([], ["terms"])


def test_a_row_listed_twice_takes_its_first_values(db):
    fact = _fact("once")
    first, second = Fact.objects.get(pk=fact.pk), Fact.objects.get(pk=fact.pk)
    first.claim_count, second.claim_count = 3, 4

    update_rows([first, second], ["claim_count"])

    assert Fact.objects.get(pk=fact.pk).claim_count == 3


def _new_claim(article, start: int, **values) -> Claim:
    return Claim(
        article=article,
        start=start,
        end=start + 4,
        sentence_start=0,
        sentence_end=40,
        text="4.5",
        kind="money",
        **values,
    )


def test_new_rows_get_their_ids_and_are_stored_as_saving_them_would(make_article):
    article = make_article()
    fact = Fact(subject="the council’s budget", kind="money", dimension="money")
    fact.terms = {"readings": [{"number": "4.5", "unit": "GBP", "n": 2}], "names": {"é": 1}}
    insert_rows([fact])
    claims = [
        _new_claim(article, 0, number=Decimal("4500000.125"), unit="GBP", fact=fact),
        _new_claim(article, 10, number=None, subject="Café “Lumen” sales", incidental=True),
    ]

    insert_rows(claims)

    assert all(claim.pk is not None and not claim._state.adding for claim in claims)
    stored = Claim.objects.get(pk=claims[0].pk)
    assert (stored.number, stored.unit, stored.fact_id) == (Decimal("4500000.125"), "GBP", fact.pk)
    assert (stored.status, stored.version, stored.qualifier) == ("proposed", 0, "exact")
    assert stored.created_at is not None
    assert stored.created_at == claims[0].created_at
    other = Claim.objects.get(pk=claims[1].pk)
    assert (other.number, other.fact_id, other.incidental) == (None, None, True)
    assert other.subject == "Café “Lumen” sales"
    assert Fact.objects.get(pk=fact.pk).terms == fact.terms


def test_an_empty_json_value_is_stored_as_none(db):
    fact = _fact("budget")
    event = FactEvent(fact=fact, action=FactEvent.Action.CREATED, note="new", before=None)
    event.after = {"fact": fact.pk, "added": []}

    insert_rows([event])

    stored = FactEvent.objects.get(pk=event.pk)
    assert (stored.before, stored.after) == (None, {"fact": fact.pk, "added": []})


def test_rows_already_stored_are_skipped_when_conflicts_are_ignored(db):
    fact = _fact("budget")
    FactKey.objects.create(fact=fact, key="money|council")

    insert_rows(
        [FactKey(fact=fact, key="money|council"), FactKey(fact=fact, key="money|budget")],
        ignore_conflicts=True,
    )

    assert sorted(FactKey.objects.values_list("key", flat=True)) == [
        "money|budget",
        "money|council",
    ]


def test_a_new_value_longer_than_its_column_is_refused_not_cut(make_article):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite stores strings of any length")
    claim = _new_claim(make_article(), 0, subject="x" * 301)

    with pytest.raises(DataError), transaction.atomic():
        insert_rows([claim])

    assert not Claim.objects.exists()


def test_nothing_to_insert_runs_no_query(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        insert_rows([])


def test_rows_beyond_one_statement_are_written_in_several(make_article, monkeypatch):
    monkeypatch.setattr("factcheck.rows.BATCH_ROWS", 2)
    article = make_article()
    claims = [_new_claim(article, 10 * i) for i in range(5)]

    insert_rows(claims)
    for claim in claims:
        claim.subject = f"figure at {claim.start}"
    update_rows(claims, ["subject"])

    stored = dict(Claim.objects.values_list("pk", "subject"))
    assert stored == {claim.pk: f"figure at {claim.start}" for claim in claims}


def test_json_values_of_every_kind_are_stored_as_saving_them_would(make_article):
    # Floats, integers beyond 64 bits (which the fast writer refuses), keys that are not
    # strings, and text beyond ASCII.
    fact = _fact("the harbour's dredging")
    terms = {"names": {"nörre": 0.1 + 0.2, "big": 2**70}, 7: ["1.5e-07", 1e16], "n": 3}
    fact.terms = terms
    update_rows([fact], ["terms"])
    event = FactEvent(fact=fact, action=FactEvent.Action.CREATED, note="new", after=terms)
    insert_rows([event])

    expected = {"names": {"nörre": 0.1 + 0.2, "big": 2**70}, "7": ["1.5e-07", 1e16], "n": 3}
    assert Fact.objects.get(pk=fact.pk).terms == expected
    assert FactEvent.objects.get(pk=event.pk).after == expected
