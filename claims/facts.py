"""Which facts exist and which claims they hold: grouping new claims, agreement, and the
reviewer's regrouping (merge, move, split) and exchange rates.

Matching decides (claims.matching, pure); these services load what it needs, write what it
decided and keep the denormalised parts of a fact (subject, profile, keys, agreement, counts)
in step with its members. Each service is one transaction and writes a FactEvent for every
change. A fact's editorial side (status, verified value, assignment, sources) is
claims.review's; its public record is claims.public.records'.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from articles.models import Article

from . import comparison, matching, units
from .figures import mention_of, reading_of_claim
from .matching import ArticleText, Params, Profile
from .models import Claim, ExchangeRate, Fact, FactEvent, FactKey
from .public.queries import PUBLIC_STATUSES
from .public.records import record_changes

logger = logging.getLogger(__name__)
Action = FactEvent.Action

# Any constant will do: the key of the PostgreSQL advisory lock all fact writes take.
MATCHING_LOCK_KEY = 0x46AC7


# --------------------------------------------------------------------------------------------
# Grouping an article's claims
# --------------------------------------------------------------------------------------------


@dataclass
class _Group:
    """Claims of one article stating one figure: an original, its stated conversions and its
    restatements (the headline's "£4.2bn" and the body's "£4.2 billion")."""

    roots: list[Claim]
    members: list[Claim]
    profile: Profile
    keys: list[str] = field(default_factory=list)


@transaction.atomic
def group_article_claims(article: Article, *, params: Params | None = None) -> list[Fact]:
    """Put each ungrouped claim of the article into a fact: an existing one or a new one.

    Idempotent: claims already in a fact stay there, so running it again adds nothing.
    Returns the facts that changed.
    """
    params = params or matching.DEFAULT_PARAMS
    _serialise_fact_writes()
    claims = list(article.claims.exclude(status=Claim.Status.REJECTED).order_by("start"))
    if not any(claim.fact_id is None for claim in claims):
        return []
    text = ArticleText(
        article.body, article.title, [(c.start, c.end) for c in claims], params=params
    )
    by_id = {claim.pk: claim for claim in claims}
    joined_originals: dict[int, list[Claim]] = defaultdict(list)
    groups: list[_Group] = []
    for claim in claims:
        if claim.fact_id is not None:
            continue
        root = _original(claim, by_id)
        if root is not claim:
            if root.fact_id is not None:
                # A stated conversion always joins its original's fact.
                joined_originals[root.fact_id].append(claim)
            continue
        members = [claim] + _conversions(claim, claims)
        profile = matching.mention_profile(text, mention_of(claim))
        for member in members[1:]:
            profile = profile.merged(matching.mention_profile(text, mention_of(member)))
        groups.append(_Group(roots=[claim], members=members, profile=profile))
    groups = _merge_restatements(groups, text, article.published, params)

    overrides = rate_overrides()
    on = article.published
    scores, facts = _score_candidates(article, groups, params, overrides)
    assignments = matching.assign(scores, params)
    assigned = {a.group: a for a in assignments}

    members_before = _member_ids([*facts, *joined_originals])
    changed: dict[int, Fact] = {}
    events: list[FactEvent] = []
    placed: list[tuple[_Group, Fact, bool]] = []
    for index, group in enumerate(groups):
        values = [matching.value_record(mention_of(root), on=on) for root in group.roots]
        if index in assigned:
            fact = facts[assigned[index].fact]
            fact.terms = matching.add_to_terms(fact.terms, group.profile, values)
            changed[fact.pk] = fact
            note = f"matched {_claims_text(group.members)}: {assigned[index].score.describe()}"
            events.append(_added_event(fact, group.members, members_before, note))
            placed.append((group, fact, False))
        else:
            root = group.roots[0]
            fact = Fact(
                subject=root.subject[:300],
                kind=root.kind,
                dimension=units.dimension_of(root.kind, root.unit),
                terms=matching.add_to_terms(matching.empty_terms(), group.profile, values),
            )
            placed.append((group, fact, True))
    Fact.objects.bulk_update(list(changed.values()), ["terms"])
    Fact.objects.bulk_create([fact for _, fact, new in placed if new])
    for group, fact, new in placed:
        if new:
            changed[fact.pk] = fact
            events.append(
                FactEvent(
                    fact=fact,
                    action=Action.CREATED,
                    note=f"new fact for {_claims_text(group.members)}: no existing fact matched",
                    after={"claims": sorted(c.pk for c in group.members)},
                )
            )
    for fact_id, conversions in joined_originals.items():
        fact = changed.get(fact_id) or Fact.objects.get(pk=fact_id)
        changed[fact.pk] = fact
        note = f"{_claims_text(conversions)}: stated conversion of a claim in this fact"
        events.append(_added_event(fact, conversions, members_before, note))
        for claim in conversions:
            claim.fact = fact

    updated_claims = sum(joined_originals.values(), [])
    new_keys = []
    for group, fact, _ in placed:
        for claim in group.members:
            claim.fact = fact
            updated_claims.append(claim)
        new_keys += [FactKey(fact=fact, key=key) for key in group.keys]
    Claim.objects.bulk_update(updated_claims, ["fact"])
    FactKey.objects.bulk_create(new_keys, ignore_conflicts=True)
    FactEvent.objects.bulk_create(events)
    _recompute(list(changed.values()), overrides=overrides)
    return list(changed.values())


def _original(claim: Claim, by_id: Mapping[int, Claim]) -> Claim:
    """The claim a conversion restates, following chains; the claim itself otherwise."""
    seen = {claim.pk}
    while claim.converts_id is not None and claim.converts_id in by_id:
        if claim.converts_id in seen:
            break
        seen.add(claim.converts_id)
        claim = by_id[claim.converts_id]
    return claim


def _conversions(root: Claim, claims: Sequence[Claim]) -> list[Claim]:
    by_id = {claim.pk: claim for claim in claims}
    return [
        claim
        for claim in claims
        if claim is not root and claim.fact_id is None and _original(claim, by_id) is root
    ]


def _merge_restatements(
    groups: list[_Group], text: ArticleText, on: date | None, params: Params
) -> list[_Group]:
    """One group for one figure restated in an article ("£4.2bn" in the headline, "£4.2
    billion ($5.32 billion)" in the lead), when matching.is_restatement allows it."""
    merged: list[_Group] = []
    for group in groups:
        mention = mention_of(group.roots[0])
        for target in merged:
            other = mention_of(target.roots[0])
            if matching.is_restatement(
                target.profile,
                group.profile,
                params,
                same=lambda: matching.same_value(other, mention, on=on),  # noqa: B023
                headline=text.in_headline(other) or text.in_headline(mention),
            ):
                target.roots.append(group.roots[0])
                target.members.extend(group.members)
                target.profile = target.profile.merged(group.profile)
                break
        else:
            merged.append(group)
    return merged


def _score_candidates(
    article: Article,
    groups: Sequence[_Group],
    params: Params,
    overrides: comparison.RateOverrides,
) -> tuple[dict[tuple[int, int], matching.Score], dict[int, Fact]]:
    """Scores of (group, fact) for the facts sharing keys with each group.

    Candidates come from the FactKey index only, never from a scan of the facts: the newest
    `posting_limit` facts of each key, then the `candidate_limit` sharing most keys.
    """
    for group in groups:
        root = group.roots[0]
        space = matching.key_space(root.kind, units.dimension_of(root.kind, root.unit))
        group.keys = matching.candidate_keys(group.profile, space, params)
    postings = _postings({key for group in groups for key in group.keys}, params.posting_limit)
    shortlist: dict[int, list[int]] = {}
    for index, group in enumerate(groups):
        shared = Counter(fact_id for key in group.keys for fact_id in postings.get(key, ()))
        ranked = sorted(shared.items(), key=lambda item: (-item[1], -item[0]))
        shortlist[index] = [fact_id for fact_id, _ in ranked[: params.candidate_limit]]
    wanted = {fact_id for ids in shortlist.values() for fact_id in ids}
    # A fact already holding a claim of this article is another fact of it: never a candidate.
    taken = set(
        Claim.objects.filter(article=article, fact_id__in=wanted).values_list("fact_id", flat=True)
    )
    # Whole rows but the public record: the facts chosen are then written (agreement, status
    # read by _recompute), and a deferred field would cost one query per fact.
    facts = {
        fact.pk: fact for fact in Fact.objects.filter(pk__in=wanted - taken).defer("public_record")
    }
    scores = {}
    for index, group in enumerate(groups):
        root = group.roots[0]
        dimension = units.dimension_of(root.kind, root.unit)
        reading = reading_of_claim(root, article)
        for fact_id in shortlist[index]:
            fact = facts.get(fact_id)
            if fact is None or not units.dimensions_compatible(
                root.kind, dimension, fact.kind, fact.dimension
            ):
                continue
            result = matching.score(group.profile, fact.terms, reading, params, overrides)
            if result is not None:
                scores[index, fact_id] = result
    return scores, facts


def _postings(keys: Iterable[str], limit: int) -> dict[str, list[int]]:
    """The newest `limit` fact ids of each key, in one query per hundred keys.

    One LIMITed index range scan per key keeps the cost flat however many facts share a
    common key ("money|microsoft"). Raw SQL because Django cannot LIMIT the parts of a UNION
    on SQLite.
    """
    keys = sorted(keys)
    table = connection.ops.quote_name(FactKey._meta.db_table)
    key_column = connection.ops.quote_name("key")
    found: dict[str, list[int]] = defaultdict(list)
    with connection.cursor() as cursor:
        for offset in range(0, len(keys), 100):
            chunk = keys[offset : offset + 100]
            sql = " UNION ALL ".join(
                f"SELECT * FROM (SELECT {key_column}, fact_id FROM {table}"
                f" WHERE {key_column} = %s ORDER BY fact_id DESC LIMIT %s) AS k{i}"
                for i in range(len(chunk))
            )
            cursor.execute(sql, [value for key in chunk for value in (key, limit)])
            for key, fact_id in cursor.fetchall():
                found[key].append(fact_id)
    return found


def _add_keys(fact: Fact, keys: Iterable[str]) -> None:
    FactKey.objects.bulk_create(
        [FactKey(fact=fact, key=key) for key in keys], ignore_conflicts=True
    )


def _member_ids(fact_ids: Iterable[int]) -> dict[int, list[int]]:
    members: dict[int, list[int]] = defaultdict(list)
    for fact_id, claim_id in Claim.objects.filter(fact_id__in=list(fact_ids)).values_list(
        "fact_id", "id"
    ):
        members[fact_id].append(claim_id)
    return members


def _added_event(
    fact: Fact, claims: Sequence[Claim], members_before: Mapping[int, list[int]], note: str
) -> FactEvent:
    before = sorted(members_before.get(fact.pk, []))
    return FactEvent(
        fact=fact,
        action=Action.CLAIM_ADDED,
        note=note,
        before={"claims": before},
        after={"claims": sorted(before + [c.pk for c in claims])},
    )


def _claims_text(claims: Sequence[Claim]) -> str:
    return ", ".join(f"{claim.text!r} (claim {claim.pk})" for claim in claims)


# --------------------------------------------------------------------------------------------
# Claims leaving facts when an article is extracted again
# --------------------------------------------------------------------------------------------


@transaction.atomic
def release_claims(removed: Mapping[int, Sequence[int]], *, note: str = "") -> None:
    """Bring facts up to date after claims were deleted (`removed`: fact id -> claim ids).

    A fact left without claims is deleted; its events stay, with their fact link cleared.
    """
    if not removed:
        return
    _serialise_fact_writes()
    facts = list(Fact.objects.filter(pk__in=list(removed)))
    remaining = _member_ids(fact.pk for fact in facts)
    events, kept, empty = [], [], []
    for fact in facts:
        left = sorted(remaining.get(fact.pk, []))
        events.append(
            FactEvent(
                fact=fact,
                action=Action.CLAIM_REMOVED,
                note=note or "claims deleted by a new extraction of their article",
                before={"fact": fact.pk, "claims": sorted(left + list(removed[fact.pk]))},
                after={"fact": fact.pk if left else None, "claims": left},
            )
        )
        (kept if left else empty).append(fact)
    FactEvent.objects.bulk_create(events)
    Fact.objects.filter(pk__in=[fact.pk for fact in empty]).delete()
    _refresh(kept)


# --------------------------------------------------------------------------------------------
# Agreement
# --------------------------------------------------------------------------------------------


def rate_overrides() -> dict[tuple[str, str, date | None], Decimal]:
    """The reviewers' exchange rates, as comparison.convert takes them."""
    return {
        (rate.from_currency, rate.to_currency, rate.on): rate.rate
        for rate in ExchangeRate.objects.all()
    }


@transaction.atomic
def save_exchange_rate(rate: ExchangeRate, *, actor: AbstractBaseUser | None) -> list[Fact]:
    """Store a reviewer's exchange rate and compare again the money facts it affects."""
    _serialise_fact_writes()
    if rate.pk is None:
        rate.created_by = actor
    rate.full_clean()
    rate.save()
    affected = list(
        Fact.objects.filter(
            dimension="money", claims__unit__in=[rate.from_currency, rate.to_currency]
        ).distinct()
    )
    _recompute(affected, overrides=rate_overrides())
    return affected


@transaction.atomic
def delete_exchange_rate(rate: ExchangeRate, *, actor: AbstractBaseUser | None) -> list[Fact]:
    """Remove a reviewer's exchange rate and compare again the money facts it affected."""
    _serialise_fact_writes()
    currencies = [rate.from_currency, rate.to_currency]
    ExchangeRate.objects.filter(pk=rate.pk).delete()
    logger.info("exchange rate %s deleted by %s", rate, actor)
    affected = list(Fact.objects.filter(dimension="money", claims__unit__in=currencies).distinct())
    _recompute(affected, overrides=rate_overrides())
    return affected


@transaction.atomic
def recompute_agreement(fact: Fact) -> Fact:
    """Compare the fact's mentions again and store the agreement, explanation and counts.

    Writes an `agreement_changed` event when the agreement changes.
    """
    _recompute([fact], overrides=rate_overrides())
    return fact


def _recompute(facts: Sequence[Fact], *, overrides: comparison.RateOverrides) -> None:
    if not facts:
        return
    members: dict[int, list[Claim]] = defaultdict(list)
    claims = (
        Claim.objects.filter(fact__in=[fact.pk for fact in facts])
        .exclude(status=Claim.Status.REJECTED)
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
            "subject",
            "article__id",
            "article__title",
            "article__outlet",
            "article__published",
        )
        .order_by(F("article__published").asc(nulls_last=True), "article_id", "start")
    )
    for claim in claims:
        members[claim.fact_id].append(claim)
    events = []
    for fact in facts:
        before = fact.agreement
        _apply_agreement(fact, members.get(fact.pk, []), overrides)
        if fact.agreement != before:
            events.append(
                FactEvent(
                    fact=fact,
                    action=Action.AGREEMENT_CHANGED,
                    note=fact.explanation[:2000],
                    before={"agreement": before},
                    after={"agreement": fact.agreement},
                )
            )
    Fact.objects.bulk_update(
        facts,
        ["agreement", "explanation", "claim_count", "article_count", "subject", "updated_at"],
    )
    FactEvent.objects.bulk_create(events)
    # A subject or a citation readers see may have changed.
    record_changes(fact for fact in facts if fact.status in PUBLIC_STATUSES)


def _apply_agreement(
    fact: Fact, claims: Sequence[Claim], overrides: comparison.RateOverrides
) -> None:
    """Set agreement, explanation, counts and subject of `fact` from its live members."""
    fact.claim_count = len(claims)
    fact.article_count = len({claim.article_id for claim in claims})
    fact.updated_at = timezone.now()
    if not claims:
        fact.agreement = Fact.Agreement.SINGLE
        fact.explanation = "no mentions left (all rejected)"
        return
    in_fact = {claim.pk for claim in claims}
    # A stated conversion is checked against its original, not compared as a mention: a wrong
    # conversion next to a right amount is a different error from a wrong amount.
    originals = [c for c in claims if c.converts_id is None or c.converts_id not in in_fact]
    readings = {claim.pk: reading_of_claim(claim, claim.article) for claim in claims}
    conversions = [
        (readings[claim.converts_id], readings[claim.pk])
        for claim in claims
        if claim.converts_id in in_fact
    ]
    result = comparison.agreement(
        [readings[claim.pk] for claim in originals], conversions=conversions, overrides=overrides
    )
    fact.agreement = Fact.Agreement(result.status.value)
    fact.explanation = _explanation(result, [readings[c.pk] for c in originals])
    if fact.subject_edited_by_id is None:  # a reviewer's subject line is never overwritten
        fact.subject = _subject(originals, fact.terms)


def _explanation(result: comparison.Agreement, readings: Sequence[comparison.Reading]) -> str:
    lines = []
    status = result.status
    if status == comparison.AgreementStatus.SINGLE:
        lines.append(f"one mention: {comparison.describe(readings[0])}")
    elif status == comparison.AgreementStatus.CONSISTENT:
        shown = "; ".join(comparison.describe(r) for r in readings[:6])
        more = f" and {len(readings) - 6} more" if len(readings) > 6 else ""
        lines.append(f"{len(readings)} mentions agree: {shown}{more}")
    lines += [c.explanation for c in result.disagreements[:8]]
    lines += [c.explanation for c in result.incomparable[:4]]
    # The outliers when a majority agrees; else everyone in a disagreement.
    disagreeing = set(result.outliers) or {r for c in result.disagreements for r in (c.a, c.b)}
    for check in result.conversion_checks:
        line = check.explanation
        if check.original in disagreeing:
            line += "; the amount itself disagrees"
        lines.append(line)
    return "\n".join(lines)


def _subject(claims: Sequence[Claim], terms: Mapping) -> str:
    """The extractor's subject of the earliest mention, with the fact's main names when that
    subject names nobody ("It will invest")."""
    subject = claims[0].subject.strip()
    profile = matching.mean_profile(terms)
    names = [
        profile.display.get(term, term)
        for term, _ in sorted(profile.names.items(), key=lambda item: -item[1])
        if " " not in term
    ][:3]
    lowered = subject.lower()
    missing = [name for name in names if name.lower() not in lowered]
    if names and not any(ch.isupper() for ch in subject[1:]) and missing:
        subject = f"{subject} ({', '.join(missing)})"
    return subject[:300]


# --------------------------------------------------------------------------------------------
# Reviewers' regrouping (claims.review moves the mentions; this keeps the facts in step)
# --------------------------------------------------------------------------------------------


def lock_fact_writes() -> None:
    """Take the lock every fact write holds, before a reviewer moves mentions."""
    _serialise_fact_writes()


def regrouped(facts: Sequence[Fact]) -> None:
    """Bring facts whose mentions a reviewer moved up to date: profile, keys, agreement,
    counts and the public record."""
    _refresh([fact for fact in facts if fact.pk is not None])


# --------------------------------------------------------------------------------------------
# Keeping a fact's profile, keys and agreement in step with its members
# --------------------------------------------------------------------------------------------


def _refresh(facts: Sequence[Fact]) -> None:
    """Rebuild the profile and keys of `facts` from their members, then their agreement."""
    if not facts:
        return
    params = matching.DEFAULT_PARAMS
    members: dict[int, list[Claim]] = defaultdict(list)
    for claim in Claim.objects.filter(fact__in=list(facts)).exclude(status=Claim.Status.REJECTED):
        members[claim.fact_id].append(claim)
    article_ids = {claim.article_id for claims in members.values() for claim in claims}
    articles = {a.pk: a for a in Article.objects.filter(pk__in=article_ids)}
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for article_id, start, end in Claim.objects.filter(article_id__in=article_ids).values_list(
        "article_id", "start", "end"
    ):
        spans[article_id].append((start, end))
    texts = {
        pk: ArticleText(a.body, a.title, spans[pk], params=params) for pk, a in articles.items()
    }
    keys: dict[int, set[str]] = {}
    for fact in facts:
        terms = matching.empty_terms()
        fact_keys: set[str] = set()
        claims = members.get(fact.pk, [])
        in_fact = {claim.pk for claim in claims}
        space = matching.key_space(fact.kind, fact.dimension)
        for claim in claims:
            if claim.converts_id in in_fact:
                continue  # a conversion shares its original's sentence and profile
            article = articles[claim.article_id]
            profile = matching.mention_profile(texts[article.pk], mention_of(claim))
            value = matching.value_record(mention_of(claim), on=article.published)
            terms = matching.add_to_terms(terms, profile, [value])
            fact_keys.update(matching.candidate_keys(profile, space, params))
        fact.terms = terms
        keys[fact.pk] = fact_keys
    Fact.objects.bulk_update(list(facts), ["terms"])
    for fact in facts:
        FactKey.objects.filter(fact=fact).exclude(key__in=keys[fact.pk]).delete()
        _add_keys(fact, keys[fact.pk])
    _recompute(list(facts), overrides=rate_overrides())


def _serialise_fact_writes() -> None:
    """Take the lock every fact write holds until its transaction ends.

    Matching reads candidate facts, then writes: two workers matching two articles of one
    story at once would each find no fact for it and create two, or both join a fact a
    reviewer is merging away. On PostgreSQL a transaction-scoped advisory lock makes them
    take turns (matching one article takes milliseconds). On SQLite every transaction
    already begins IMMEDIATE (settings.py), so writers are serialised by the database.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [MATCHING_LOCK_KEY])
