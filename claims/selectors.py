"""What the fact review page shows: every mention side by side, on one scale, with its history."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Exists, F, OuterRef, Prefetch, Q

from articles.models import Article, Story

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
class ValueGroup:
    claims: list[Claim]  # originals and their stated conversions
    values: str  # "“€40 million” (Northern Post, Baltic Wire)"
    conflicts_with_confirmed: bool


@dataclass(frozen=True)
class FactReview:
    fact: Fact
    mentions: list[MentionRow]
    common_unit: str | None
    chart: Chart | None
    confirmed: list[Claim]  # claims that can give the verified value, default first
    # The proposed mentions in groups that agree, each with the values as written: a reviewer
    # confirms one group at a time when there are several (never conflicting values at once).
    proposed_groups: list[ValueGroup]
    # The confirmed mentions disagree among themselves: no value is preselected to verify.
    confirmed_disagree: bool
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
    confirmed_originals = [c for c in confirmed if c.converts_id not in by_id]
    proposed = [c for c in claims if c.status == Claim.Status.PROPOSED]
    groups = agreeing_groups(proposed, by_id, readings, overrides)
    return FactReview(
        fact=fact,
        mentions=mentions,
        common_unit=common,
        chart=chart,
        confirmed=confirmed,
        sources=list(fact.primary_sources.select_related("added_by")),
        history=_history(fact, by_id),
        proposed_groups=[
            ValueGroup(
                claims=group,
                values=_values_as_written(group, by_id),
                conflicts_with_confirmed=any(
                    not _agree(readings[group[0].pk], readings[c.pk], overrides)
                    for c in confirmed_originals
                ),
            )
            for group in groups
        ],
        confirmed_disagree=len(agreeing_groups(confirmed_originals, by_id, readings, overrides))
        > 1,
    )


def agreeing_groups(
    claims: Sequence[Claim],
    by_id: dict[int, Claim],
    readings: dict[int, comparison.Reading],
    overrides: comparison.RateOverrides,
) -> list[list[Claim]]:
    """The claims in groups whose values agree with the group's first; a stated conversion
    goes with its original when both are among them."""
    chosen = {claim.pk for claim in claims}
    groups: list[list[Claim]] = []
    for claim in claims:
        if claim.converts_id in chosen:
            continue
        for group in groups:
            if _agree(readings[group[0].pk], readings[claim.pk], overrides):
                group.append(claim)
                break
        else:
            groups.append([claim])
    for claim in claims:
        if claim.converts_id in chosen:
            original = by_id[claim.converts_id]
            next(group for group in groups if original in group).append(claim)
    return groups


def _agree(a: comparison.Reading, b: comparison.Reading, overrides) -> bool:
    # Values that cannot be compared are kept apart too: the reviewer decides each.
    result = comparison.compare(a, b, overrides=overrides)
    return bool(result.comparable and result.agree)


def _values_as_written(group: Sequence[Claim], by_id: dict[int, Claim]) -> str:
    originals = [claim for claim in group if claim.converts_id not in by_id] or list(group)
    texts: dict[str, list[str]] = {}
    for claim in originals:
        outlets = texts.setdefault(claim.text, [])
        outlet = claim.article.outlet or claim.article.title[:40]
        if outlet not in outlets:
            outlets.append(outlet)
    return ", ".join(f"“{text}” ({', '.join(outlets)})" for text, outlets in texts.items())


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


# --------------------------------------------------------------------------------------------
# The review queue's rows
# --------------------------------------------------------------------------------------------

# More distinct values than this in one fact are shown as their range.
QUEUE_VALUES_SHOWN = 4


@dataclass(frozen=True)
class QueueValue:
    text: str  # as the first article wrote it
    outlets: list[str]


@dataclass(frozen=True)
class QueueRow:
    """What a reviewer reads in a queue row to triage a fact without opening it."""

    values: list[QueueValue]  # each distinct value with its outlets, when few
    value_range: tuple[str, str, int] | None  # lowest, highest, how many values, when many
    outlets: list[str]
    newest: date | None
    explanation: str  # the first line: the dispute itself, for a disputed fact


def queue_claims() -> Prefetch:
    """What the queue prefetches for the facts of its page (one query for the page)."""
    return Prefetch(
        "claims",
        queryset=Claim.objects.exclude(status=Claim.Status.REJECTED)
        .select_related("article")
        .only(
            "id",
            "fact_id",
            "converts_id",
            "text",
            "kind",
            "number",
            "number_high",
            "date",
            "unit",
            "qualifier",
            "article__id",
            "article__outlet",
            "article__title",
            "article__published",
        )
        .order_by(F("article__published").asc(nulls_last=True), "article_id", "start"),
        to_attr="queue_claims",
    )


def queue_row(fact: Fact) -> QueueRow:
    """The row of a fact whose claims `queue_claims` prefetched (kept on the fact: each
    column of the row reads it)."""
    if hasattr(fact, "queue_row"):
        return fact.queue_row
    claims: list[Claim] = getattr(fact, "queue_claims", None) or []
    in_fact = {claim.pk for claim in claims}
    # A stated conversion repeats its original: the reviewer reads the original's value.
    originals = [claim for claim in claims if claim.converts_id not in in_fact]
    by_value: dict[tuple, QueueValue] = {}
    for claim in originals:
        key = (claim.value, claim.unit)
        outlet = _outlet(claim)
        if key not in by_value:
            by_value[key] = QueueValue(text=claim.text, outlets=[])
        if outlet not in by_value[key].outlets:
            by_value[key].outlets.append(outlet)
    values = list(by_value.values())
    value_range = None
    if len(values) > QUEUE_VALUES_SHOWN:
        ordered = sorted(originals, key=_order_key)
        value_range = (ordered[0].text, ordered[-1].text, len(values))
        values = []
    dates = [claim.article.published for claim in claims if claim.article.published]
    fact.queue_row = QueueRow(
        values=values,
        value_range=value_range,
        outlets=list(dict.fromkeys(_outlet(claim) for claim in claims)),
        newest=max(dates, default=None),
        explanation=(fact.explanation.splitlines() or [""])[0],
    )
    return fact.queue_row


def _outlet(claim: Claim) -> str:
    return claim.article.outlet or claim.article.title[:40]


def _order_key(claim: Claim) -> tuple:
    # Numbers by size within a unit (mixed units: grouped by unit), dates as ISO text.
    return (claim.unit, claim.number if claim.number is not None else Decimal(0), claim.date)


def regroup_candidates(fact: Fact, text: str, limit: int = 10) -> list[Fact]:
    """Other open facts a reviewer may move mentions to or merge, found by subject or by a
    mention's value as written ("€40 million"), most sources first; each with its queue row."""
    found = (
        Fact.objects.filter(status=Fact.Status.OPEN)
        .exclude(pk=fact.pk)
        .filter(
            Q(subject__icontains=text)
            | Exists(Claim.objects.filter(fact=OuterRef("pk"), text__icontains=text))
        )
        .order_by("-article_count", "-id")
        .prefetch_related(queue_claims())[:limit]
    )
    facts_found = list(found)
    for other in facts_found:
        queue_row(other)
    return facts_found


# --------------------------------------------------------------------------------------------
# Outcomes for the article's editor
# --------------------------------------------------------------------------------------------


def reviewer_notes(claims: Sequence[Claim]) -> dict[int, str]:
    """The reviewer's latest note on each claim they disputed, rejected or corrected."""
    notes: dict[int, str] = {}
    events = ClaimEvent.objects.filter(
        claim_id__in=[claim.pk for claim in claims],
        action__in=["disputed", "rejected", "corrected"],
    ).exclude(note="")
    for claim_id, note in events.order_by("at", "id").values_list("claim_id", "note"):
        notes[claim_id] = note
    return notes


# Stories a reviewer may move an article to, newest first; the list stays short.
RECENT_STORIES = 50


def articles_of_fact(fact: Fact) -> list[Article]:
    """The articles that mention the fact, with their stories, oldest first."""
    return list(
        Article.objects.filter(claims__fact=fact)
        .distinct()
        .select_related("story")
        .only("pk", "title", "outlet", "published", "story__title")
        .order_by("published", "pk")
    )


def recent_stories() -> list[Story]:
    return list(Story.objects.only("pk", "title").order_by("-pk")[:RECENT_STORIES])
