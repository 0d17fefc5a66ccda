"""What the fact review page shows: every mention side by side, on one scale, with its history."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db.models import F

from . import comparison, facts
from .chart import Chart, Row, dot_chart
from .extraction.types import value_for_people
from .figures import reading_of_claim
from .models import Claim, ClaimEvent, Fact, FactEvent, PrimarySource


@dataclass(frozen=True)
class MentionRow:
    """One mention of the fact as the review page shows it."""

    claim: Claim
    outlet: str
    # The claim's sentence in three pieces, the figure in the middle: the template escapes
    # each and wraps the figure in <mark>, so no markup is ever built from article text.
    before: str
    figure: str
    after: str
    value: str  # the normalised value, for people
    converted: str  # in the fact's common unit, or why not
    converted_number: Decimal | None
    rate: str  # the exchange rate used, if any
    conversion_of: Claim | None  # the claim this one restates in the same sentence
    outlier: bool

    @property
    def article(self):
        return self.claim.article


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    subject: str  # "fact" or "claim 12 ('€2 billion')"
    action: str
    from_status: str
    to_status: str
    actor: str
    note: str
    before: str  # JSON
    after: str


@dataclass(frozen=True)
class FactReview:
    fact: Fact
    mentions: list[MentionRow]
    common_unit: str | None
    chart: Chart | None
    confirmed: list[Claim]  # claims that can give the verified value, default first
    sources: list[PrimarySource]
    history: list[HistoryEntry]

    @property
    def proposed(self) -> list[Claim]:
        return [m.claim for m in self.mentions if m.claim.status == Claim.Status.PROPOSED]


def fact_review(fact: Fact) -> FactReview:
    claims = list(
        Claim.objects.filter(fact=fact)
        .select_related("article", "reviewed_by", "corrected_by")
        .order_by(F("article__published").asc(nulls_last=True), "article_id", "start")
    )
    by_id = {claim.pk: claim for claim in claims}
    readings = {claim.pk: reading_of_claim(claim) for claim in claims}
    live = [c for c in claims if c.status != Claim.Status.REJECTED]
    originals = [c for c in live if c.converts_id not in {x.pk for x in live}]
    outliers: set[int] = set()
    if len(originals) > 1:
        result = comparison.agreement(
            [readings[c.pk] for c in originals], overrides=facts.rate_overrides()
        )
        outliers = {c.pk for c in originals if any(o is readings[c.pk] for o in result.outliers)}
    common = _common_unit(fact, originals or claims)
    overrides = facts.rate_overrides()
    mentions = []
    for claim in claims:
        converted, number, rate = _in_common_unit(claim, readings[claim.pk], common, overrides)
        before, figure, after = _quote(claim)
        mentions.append(
            MentionRow(
                claim=claim,
                outlet=claim.article.outlet or claim.article.title,
                before=before,
                figure=figure,
                after=after,
                value=_value(claim),
                converted=converted,
                converted_number=number,
                rate=rate,
                conversion_of=by_id.get(claim.converts_id),
                outlier=claim.pk in outliers,
            )
        )
    chart = None
    if fact.kind != Claim.Kind.DATE:
        verified = None
        if fact.verified_number is not None and fact.verified_unit:
            verified = _convert_amount(
                fact.verified_number, fact.verified_unit, common, None, overrides
            )
        chart = dot_chart(
            [
                Row(
                    label=f"{m.outlet}: {m.claim.text}",
                    value=m.converted_number,
                    outlier=m.outlier,
                    muted=m.claim.status in (Claim.Status.DISPUTED, Claim.Status.REJECTED),
                    conversion=m.conversion_of is not None,
                )
                for m in mentions
                if m.converted_number is not None
            ],
            unit=common,
            verified=verified,
        )
    confirmed = [c for c in claims if c.status == Claim.Status.CONFIRMED]
    # The default verified value: a confirmed original before a stated conversion.
    confirmed.sort(key=lambda c: (c.converts_id in by_id, claims.index(c)))
    return FactReview(
        fact=fact,
        mentions=mentions,
        common_unit=common,
        chart=chart,
        confirmed=confirmed,
        sources=list(fact.primary_sources.select_related("added_by")),
        history=_history(fact, by_id),
    )


def _quote(claim: Claim) -> tuple[str, str, str]:
    body = claim.article.body
    start, end = claim.sentence_start, claim.sentence_end
    if not (start <= claim.start < claim.end <= end <= len(body)):
        return "", claim.text, ""
    return body[start : claim.start], body[claim.start : claim.end], body[claim.end : end]


def _value(claim: Claim) -> str:
    return value_for_people(
        number=claim.number,
        number_high=claim.number_high,
        unit=claim.unit,
        date=claim.date if claim.kind == Claim.Kind.DATE else "",
        qualifier=claim.qualifier,
    )


def _common_unit(fact: Fact, claims: Sequence[Claim]) -> str | None:
    """Money: the currency of the earliest mention (usually the deal's own); else its unit."""
    if fact.kind == Claim.Kind.DATE or not claims:
        return None
    return claims[0].unit or None


def _in_common_unit(
    claim: Claim,
    reading: comparison.Reading,
    common: str | None,
    overrides: comparison.RateOverrides,
) -> tuple[str, Decimal | None, str]:
    """(the value in the common unit as words, as a number, the rate used)."""
    if claim.kind == Claim.Kind.DATE or claim.number is None:
        return claim.date, None, ""
    central = comparison.central_value(reading)
    if (claim.unit or None) == common:
        return comparison.format_amount(central, common), central, ""
    if claim.kind == Claim.Kind.MONEY and claim.unit and common:
        try:
            conversion = comparison.convert(
                central, claim.unit, common, claim.article.published, overrides
            )
        except comparison.UnknownRate as exc:
            return str(exc), None, ""
        return (
            comparison.format_amount(conversion.amount, common),
            conversion.amount,
            f"{conversion.rate_in_words} ({conversion.source})",
        )
    # The ratio to one unit of `common` is the value in it (kilometres in metres, say).
    reference = comparison.Reading(number=Decimal(1), unit=common, kind=claim.kind, text="1")
    result = comparison.compare(reference, reading, overrides=overrides)
    if not result.comparable or result.ratio is None:
        return f"not comparable: {result.reason}", None, ""
    return comparison.format_amount(result.ratio, common), result.ratio, ""


def _convert_amount(
    number: Decimal,
    unit: str,
    common: str | None,
    on,
    overrides: comparison.RateOverrides,
) -> Decimal | None:
    if unit == common:
        return number
    try:
        return comparison.convert(number, unit, common or "", on, overrides).amount
    except (comparison.UnknownRate, ValueError):
        return None


def _history(fact: Fact, claims: dict[int, Claim]) -> list[HistoryEntry]:
    entries = [
        HistoryEntry(
            at=event.at,
            subject="fact",
            action=event.get_action_display(),
            from_status=event.from_status,
            to_status=event.to_status,
            actor=str(event.actor) if event.actor else "system",
            note=event.note,
            before=_dumps(event.before),
            after=_dumps(event.after),
        )
        for event in FactEvent.objects.filter(fact=fact).select_related("actor")
    ]
    for event in ClaimEvent.objects.filter(claim_id__in=list(claims)).select_related("actor"):
        claim = claims[event.claim_id]
        entries.append(
            HistoryEntry(
                at=event.at,
                subject=f"claim {claim.pk} ({claim.text})",
                action=event.get_action_display(),
                from_status=event.from_status,
                to_status=event.to_status,
                actor=str(event.actor) if event.actor else "system",
                note=event.note,
                before=_dumps(event.before),
                after=_dumps(event.after),
            )
        )
    return sorted(entries, key=lambda entry: entry.at, reverse=True)


def _dumps(value: object) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)
