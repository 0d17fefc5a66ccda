"""Which facts exist and which claims they hold: grouping new claims, agreement, and the
reviewer's regrouping (merge, move, split) and exchange rates.

Matching decides (claims.matching, pure); these services load what it needs, write what it
decided and keep the denormalised parts of a fact (subject, profile, keys, agreement, counts)
in step with its members. Each service is one transaction and writes a FactEvent for every
change. A fact's editorial side (status, verified value, assignment, sources) is
claims.review's; its public record is claims.public.records'.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from functools import cache, lru_cache
from heapq import nlargest
from itertools import chain, groupby
from operator import itemgetter

from django.contrib.auth.models import AbstractBaseUser
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from articles import stories
from articles.models import Article, ArticleEvent, Story
from factcheck.rows import insert_rows, update_rows

from . import about, comparison, matching, report_day, results_words, units
from .extraction.dates import MONTH_NAMES
from .extraction.types import Qualifier
from .figures import mention_of, reading_label, reading_of_claim
from .matching import ArticleText, Params, Profile
from .models import Claim, ExchangeRate, Fact, FactEvent, FactKey
from .public.queries import PUBLIC_STATUSES
from .public.records import record_changes

logger = logging.getLogger(__name__)
Action = FactEvent.Action

# Any constant will do: the first half of the PostgreSQL advisory lock a story's fact writes
# take (the story id is the second half; facts of no story share story 0).
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
    # The facts each key already lists (as far as candidate search read them): those keys
    # need no new row when the group joins one of them.
    listed: Mapping[str, Collection[int]] = field(default_factory=dict)

    @property
    def subject_key(self) -> str:
        return self.roots[0].subject_key

    @property
    def incidental(self) -> bool:
        return all(root.incidental for root in self.roots)


# No savepoint of its own inside the extraction's transaction: a failure undoes them both.
@transaction.atomic(savepoint=False)
def group_article_claims(
    article: Article,
    *,
    params: Params | None = None,
    new_claims: Sequence[Claim] = (),
    stored: bool = True,
) -> list[Fact]:
    """Put each ungrouped claim of the article into a fact: an existing one or a new one.

    `new_claims` are claims of the article not stored yet (an extraction's): they are
    inserted here, each with its fact, rather than inserted then written again. `stored`
    says whether the article may hold other claims (False on a first extraction: none read).

    Idempotent: claims already in a fact stay there, so running it again adds nothing.
    Returns the facts that changed.
    """
    params = params or matching.DEFAULT_PARAMS
    if article.story_id is None:
        stories.assign_story(article, article.claims.exclude(status=Claim.Status.REJECTED))
    lock_stories([article.story_id])
    changed = {fact.pk: fact for fact in _group(article, params, new_claims, stored=stored)}
    later = _later_claims(article)
    if later:
        # The story's grouping must not depend on arrival order: its open claims are grouped
        # as if the articles had come in story order (publication date, then text). The
        # claims of later articles in facts this one touches are grouped again after it.
        _release_open_claims(
            Claim.objects.filter(Q(article=article) | Q(pk__in=later)),
            note="grouped again in story order",
        )
        others = Article.objects.filter(claims__in=later).distinct()
        for other in [article, *sorted(others, key=_story_order)]:
            changed.update((fact.pk, fact) for fact in _group(other, params))
    return [fact for fact in changed.values() if fact.pk is not None]


def _group(
    article: Article, params: Params, new: Sequence[Claim] = (), *, stored: bool = True
) -> list[Fact]:
    claims = list(article.claims.exclude(status=Claim.Status.REJECTED)) if stored else []
    claims = sorted([*claims, *new], key=lambda claim: claim.start)
    if not any(claim.fact_id is None for claim in claims):
        return []
    text = ArticleText.of(article.body, article.title, params)
    by_id = {claim.pk: claim for claim in claims if claim.pk is not None}
    # Each ungrouped claim's original, followed once (not once per pair of claims).
    originals = {id(c): _original(c, by_id) for c in claims if c.fact_id is None}
    # The ungrouped claims stating conversions of each original, by id() of the original, in
    # the article's order (gathered in one pass, not one pass per original).
    conversions: dict[int, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.fact_id is None and originals[id(c)] is not c:
            conversions[id(originals[id(c)])].append(c)
    joined_originals: dict[int, list[Claim]] = defaultdict(list)
    groups: list[_Group] = []
    for claim in claims:
        if claim.fact_id is not None:
            continue
        root = originals[id(claim)]
        if root is not claim:
            if root.fact_id is not None:
                # A stated conversion always joins its original's fact.
                joined_originals[root.fact_id].append(claim)
            continue
        members = [claim, *conversions[id(claim)]]
        profile = matching.mention_profile(text, mention_of(claim))
        for member in members[1:]:
            profile = profile.merged(matching.mention_profile(text, mention_of(member)))
        groups.append(_Group(roots=[claim], members=members, profile=profile))
    groups = _merge_restatements(groups, text, article.published, params)

    overrides = rate_overrides()
    on = article.published
    taken = {claim.fact_id for claim in claims if claim.fact_id is not None}
    scores, facts = _score_candidates(article, groups, params, overrides, taken=taken)
    assignments = matching.assign(scores, params)
    assigned = {a.group: a for a in assignments}

    changed: dict[int, Fact] = {}
    placed: list[tuple[_Group, Fact, bool]] = []
    for index, group in enumerate(groups):
        values = [matching.value_record(mention_of(root), on=on) for root in group.roots]
        if index in assigned:
            fact = facts[assigned[index].fact]
            fact.terms = matching.add_to_terms(fact.terms, group.profile, values)
            fact.terms = _add_about(fact.terms, group.roots)
            fact.terms = _add_readings(fact.terms, group.members, article)
            # Never a fact of this article already (see _score_candidates): one more article.
            fact.claim_count += len(group.members)
            fact.article_count += 1
            changed[fact.pk] = fact
            placed.append((group, fact, False))
        else:
            root = group.roots[0]
            fact = Fact(
                subject=root.subject[:300],
                story_id=article.story_id,
                kind=root.kind,
                dimension=units.dimension_of(root.kind, root.unit),
                terms=matching.add_to_terms(matching.empty_terms(), group.profile, values),
                claim_count=len(group.members),
                article_count=1,
            )
            fact.terms = _add_about(fact.terms, group.roots)
            fact.terms = _add_readings(fact.terms, group.members, article)
            placed.append((group, fact, True))
    created = [fact for _, fact, new in placed if new]
    for fact in created:
        _apply_agreement(fact, overrides)  # written with the fact: one insert
    insert_rows(created)
    for fact in created:
        changed[fact.pk] = fact
    for fact_id, conversions in joined_originals.items():
        fact = changed.get(fact_id) or Fact.objects.get(pk=fact_id)
        changed[fact.pk] = fact
        fact.terms = _add_readings(fact.terms, conversions, article, originals=by_id)
        fact.claim_count += len(conversions)
        for claim in conversions:
            claim.fact = fact

    # Every claim gets its fact: the new ones are inserted with it, the stored ones updated.
    updated_claims = sum(joined_originals.values(), [])
    new_keys = []
    for group, fact, _ in placed:
        for claim in group.members:
            claim.fact = fact
            updated_claims.append(claim)
        if not group.incidental:
            new_keys += [
                FactKey(fact=fact, key=key)
                for key in group.keys
                if fact.pk not in group.listed.get(key, ())
            ]
    _insert_claims(new)
    inserted = {id(claim) for claim in new}
    update_rows([claim for claim in updated_claims if id(claim) not in inserted], ["fact"])

    # The events name the claims: written once every claim has its id.
    events: list[FactEvent] = []
    for index, (group, fact, is_new) in enumerate(placed):
        if not is_new:
            note = f"matched {_claims_text(group.members)}: {assigned[index].score.describe()}"
            events.append(_added_event(fact, group.members, note))
    for group, fact, is_new in placed:
        if is_new:
            events.append(
                FactEvent(
                    fact=fact,
                    action=Action.CREATED,
                    note=f"new fact for {_claims_text(group.members)}: no existing fact matched",
                    after={
                        "fact": fact.pk,
                        "added": sorted(c.pk for c in group.members),
                        "agreement": fact.agreement,
                    },
                )
            )
    for fact_id, conversions in joined_originals.items():
        note = f"{_claims_text(conversions)}: stated conversion of a claim in this fact"
        events.append(_added_event(changed[fact_id], conversions, note))
    insert_rows(new_keys, ignore_conflicts=True)
    insert_rows(events)
    # The facts joined are written once, their summaries with their agreement.
    new_ids = {fact.pk for fact in created}
    joined = [fact for fact in changed.values() if fact.pk not in new_ids]
    _recompute(joined, overrides=overrides, fields=["terms"])
    return list(changed.values())


def _insert_claims(claims: Sequence[Claim]) -> None:
    """Insert new claims with their facts. A stated conversion names its original by the
    object, unsaved too: Django inserts no row pointing at an unsaved one, so the link is
    written once both have ids."""
    originals = {id(claim): claim.converts for claim in claims if claim.converts_id is None}
    linked = [claim for claim in claims if originals[id(claim)] is not None]
    for claim in linked:
        claim.converts = None
    insert_rows(claims)
    for claim in linked:
        claim.converts = originals[id(claim)]
    update_rows(linked, ["converts"])


def _converted(claim: Claim, by_id: Mapping[int, Claim]) -> Claim | None:
    """The claim of the article this one states a conversion of: found by id, or for a
    claim not stored yet, the one it was linked to (no query: a stored claim without an
    original reads nothing)."""
    if claim.converts_id is None:
        return claim.converts
    return by_id.get(claim.converts_id)


def _original(claim: Claim, by_id: Mapping[int, Claim]) -> Claim:
    """The claim a conversion restates, following chains; the claim itself otherwise."""
    seen = {id(claim)}
    while (original := _converted(claim, by_id)) is not None:
        if id(original) in seen:
            break
        seen.add(id(original))
        claim = original
    return claim


def _merge_restatements(
    groups: list[_Group], text: ArticleText, on: date | None, params: Params
) -> list[_Group]:
    """One group for one figure restated in an article ("£4.2bn" in the headline, "£4.2
    billion ($5.32 billion)" in the lead), when matching.is_restatement allows it."""
    merged: list[_Group] = []
    # The first root's mention of each group kept, read once (not once per pair).
    mentions: list[matching.Mention] = []
    for group in groups:
        mention = mention_of(group.roots[0])
        for target, other in zip(merged, mentions, strict=True):
            if target.roots[0].kind != group.roots[0].kind and not _same_record(
                target.roots[0], group.roots[0], other, mention
            ):
                # Every other way below restates one kind of figure (a date never restates
                # an amount): most pairs of an article's figures are ruled out here at once.
                continue
            if _events_differ(target.roots[0], group.roots[0]):
                continue  # "grounded on Sunday" and "the blowout on Sunday": two facts
            if _measures_differ(target.roots[0], group.roots[0]):
                continue  # "a $5 million ransom", "a $5 million reward": two figures
            if _rates_differ(target.roots[0], group.roots[0]):
                continue  # "cut its rate to 3%", "inflation to peak at 3%": two figures
            if _months_differ(target.roots[0], group.roots[0]):
                continue  # "164,000 in May", "April's first count of 164,000": two figures
            if (
                (
                    (
                        _same_event_measure(target.roots[0], group.roots[0])
                        or _rounded_restatement(target.roots[0], group.roots[0], other, mention)
                    )
                    and _values_fit(other, mention, on)
                )
                or _same_record(target.roots[0], group.roots[0], other, mention)
                or _specific_repeat(other, mention, target.profile, group.profile, on)
                or _keyed_repeat(target.roots[0], group.roots[0], other, mention, text.body)
                or _provisional_count(target.roots[0], group.roots[0])
                or _bare_year_repeat(target.roots[0], group.roots[0], other, mention)
                or matching.is_restatement(
                    target.profile,
                    group.profile,
                    params,
                    same=lambda: matching.same_value(other, mention, on=on),  # noqa: B023
                    headline=text.in_summary(other) or text.in_summary(mention),
                )
            ):
                target.roots.append(group.roots[0])
                if _names_its_measurer(group.roots[0], target.roots[0]):
                    # "a 6.9 quake" in the lead, "6.9, by the national institute" lower down:
                    # the restatement saying whose reading it is keys the figure.
                    target.roots.insert(0, target.roots.pop())
                target.members.extend(group.members)
                target.profile = target.profile.merged(
                    _restated_profile(target.roots[0], group.roots[0], group.profile)
                )
                break
        else:
            merged.append(group)
            mentions.append(mention)
    return merged


def _names_its_measurer(restated: Claim, first: Claim) -> bool:
    """Whether `restated` gives `first`'s measure with the agency that measured it."""
    return (
        restated.subject_measure == first.subject_measure
        and restated.subject_key.split("|")[0] == first.subject_key.split("|")[0]
        and restated.subject_scope.startswith("by ")
        and not first.subject_scope
        and restated.subject_reference == first.subject_reference
    )


def _specific_repeat(
    a: matching.Mention,
    b: matching.Mention,
    a_profile: matching.Profile,
    b_profile: matching.Profile,
    on: date | None,
) -> bool:
    """Whether one specific amount is written alike in two sentences of an article that name
    one entity: "$531 million" in the lead and again lower down is one figure restated, though
    each sentence names others beside it. Round amounts ("$2 billion") recur for different
    things too often to say so."""
    if a.kind not in (Claim.Kind.MONEY, Claim.Kind.COUNT) or a.sentence_start == b.sentence_start:
        return False
    if (a.text, a.qualifier, a.value_key) != (b.text, b.qualifier, b.value_key):
        return False
    if matching.significant_digits(comparison.reading_of(a, on=on)) < 3:
        return False
    return bool(a_profile.own_names & b_profile.own_names)


def _provisional_count(final: Claim, early: Claim) -> bool:
    """Whether `early` is the early count of the figure `final` gives just before it: "took
    $92 million. That was above Sunday's estimate of $88 million" states one figure twice,
    first as made final, then as first estimated (outlets that wrote only the estimate
    disagree with the final figure, not with each other)."""
    if early.subject_scope != results_words.PROVISIONAL or final.subject_scope:
        return False
    if (final.kind, final.unit) != (early.kind, early.unit) or final.start > early.start:
        return False
    entity = final.subject_key.split("|")[0]
    return (
        bool(entity)
        and entity == early.subject_key.split("|")[0]
        and (early.start - final.end < _PROVISIONAL_REACH)
    )


# How far after the final figure its early count is still said of it (a sentence or two).
_PROVISIONAL_REACH = 300


def _keyed_repeat(
    a: Claim, b: Claim, a_mention: matching.Mention, b_mention: matching.Mention, body: str
) -> bool:
    """Whether an article states one amount twice of one thing: "a $700 million deal" in the
    lead and "At $700 million, Vale's deal ..." lower down, both read as one entity's one
    measure (with the same reference point and scope) by sentences that name the entity. A
    round value shared by two measures or two entities is two figures, and so is one whose
    sentence names its entity only by a pronoun ("Its rival holds its rate at 4%"), unless it
    points back to the amount ("They demanded the $700 million ...")."""
    if a.kind != b.kind or a.kind == Claim.Kind.DATE or not a.subject_key:
        return False
    if a.subject_key != b.subject_key or not (a.subject_entity and a.subject_measure):
        return False
    if a_mention.number is None or a_mention.value_key != b_mention.value_key:
        return False
    named = re.compile(r"\b" + re.escape(a.subject_key.split("|")[0]))
    first, later = sorted((a_mention, b_mention), key=lambda m: m.start)
    if not named.search(body[first.sentence_start : first.sentence_end].lower()):
        return False
    # "They demanded the $5 million ransom": a definite figure points back to the one named.
    return bool(
        named.search(body[later.sentence_start : later.sentence_end].lower())
        or _DEFINITE.search(body[later.sentence_start : later.start])
    )


# "the" (or "that", "this") just before a figure: the amount already stated.
_DEFINITE = re.compile(r"\b(?:the|that|this)\s+$", re.IGNORECASE)


def _bare_year_repeat(
    a: Claim, b: Claim, a_mention: matching.Mention, b_mention: matching.Mention
) -> bool:
    """Whether an article writes one year twice, bare and with no event word dating either
    ("6.2 million against 6.8 million in 2015", "up from 28.4% in 2015"): the same earlier
    moment its comparisons go back to (see _same_bare_year)."""
    if a.kind != Claim.Kind.DATE or b.kind != Claim.Kind.DATE:
        return False
    if a.subject_measure or b.subject_measure:
        return False
    return all(
        _BARE_YEAR.fullmatch(m.text) and m.qualifier == Qualifier.EXACT
        for m in (a_mention, b_mention)
    ) and (a_mention.date == b_mention.date)


def _restated_profile(first: Claim, restated: Claim, profile: Profile) -> Profile:
    """What a restatement adds to its figure's words. Of one keyed figure with no reference
    point, the years a restating sentence names date other figures of it ("At $700 million,
    the deal beats the $674 million one of 2017-2021"): they would part the figure from
    outlets naming no year."""
    if first.subject_key != restated.subject_key or first.subject_reference:
        return profile
    if not (first.subject_entity and first.subject_measure):
        return profile
    return replace(profile, years=frozenset(), quarters=frozenset())


def _same_event_measure(a: Claim, b: Claim) -> bool:
    """Whether two figures of one article measure the same thing of the story's event (its
    magnitude, its death toll as of one day): the same value twice is one figure restated,
    however far apart the sentences' words are."""
    if not a.subject_key or a.subject_measure not in about.EVENT_MEASURES:
        return False
    # "a 6.6 quake" in the lead, "6.6, by the bureau" lower down: one reading named once.
    return (
        a.subject_key == b.subject_key
        or _near_tally_days(a, b)
        or _names_its_measurer(a, b)
        or _names_its_measurer(b, a)
    )


def _near_tally_days(a: Claim, b: Claim) -> bool:
    """Whether two figures give one running count (a toll) as of days a day or two apart: the
    headline's "toll reaches 42" dated as of publication, "reached 42 on Monday night" below
    it. Only equal values are one figure (callers compare them)."""
    if a.subject_measure != b.subject_measure or a.subject_measure not in about.TALLIES:
        return False
    if a.subject_key.split("|")[::3] != b.subject_key.split("|")[::3]:
        return False  # another entity or scope: "(total)" of two fires, one area's part
    return report_day.near_days(a.subject_reference, b.subject_reference)


def _same_record(
    a: Claim, b: Claim, a_mention: matching.Mention, b_mention: matching.Mention
) -> bool:
    """Whether two dates of one article both date the last time a figure was as low or high,
    to one moment ("the lowest since 2020" in the headline, "since March 2017" lower
    down): one record."""
    if a.subject_measure != b.subject_measure or a.subject_measure not in _DATED_AT_ANY_PRECISION:
        return False
    result = comparison.compare(
        comparison.reading_of(a_mention, on=None), comparison.reading_of(b_mention, on=None)
    )
    return result.comparable and result.overlap


_RESTATED_ROUNDED = frozenset((Claim.Kind.COUNT, Claim.Kind.DURATION))


def _rounded_restatement(
    a: Claim, b: Claim, a_mention: matching.Mention, b_mention: matching.Mention
) -> bool:
    """Whether two figures of one article give one entity's measure once rounded and once
    exactly ("more than 1 million vehicles" recalled, "1,042,118 vehicles" further down; "an
    eight-week strike", then "at 53 days"). Equal values are left to the sentences' words: two
    banks' rates may both be 4%; and rates are too: "under 5%" is a threshold, not the 4.6%
    rate."""
    if a.kind not in _RESTATED_ROUNDED or not a.subject_key or a.subject_key != b.subject_key:
        return False
    if not a.subject_key.split("|")[0]:
        return False
    return (a_mention.number, a_mention.number_high) != (b_mention.number, b_mention.number_high)


def _values_fit(a: matching.Mention, b: matching.Mention, on: date | None) -> bool:
    """Whether two mentions' values can be one figure's: "more than 2,100" and "2,122"."""
    if a.kind != b.kind or a.number is None or b.number is None:
        return False
    result = comparison.compare(comparison.reading_of(a, on=on), comparison.reading_of(b, on=on))
    return bool(result.comparable and result.overlap)


def _measures_differ(a: Claim, b: Claim) -> bool:
    """Whether two figures of one article are read as two measures of one entity: one amount
    demanded as a ransom and offered as a reward is two figures, however alike its words. A
    deal's amount is loosely worded (its value, the investment, the price): no guide."""
    entity = a.subject_key.split("|")[0]
    measures = {a.subject_measure, b.subject_measure}
    # A final figure and its early estimate may word their measure apart (see _provisional_count).
    return (
        bool(entity and a.subject_measure and b.subject_measure)
        and entity == b.subject_key.split("|")[0]
        and (a.subject_reference, a.subject_scope) == (b.subject_reference, b.subject_scope)
        and len(measures) == 2
        and not measures & about.DEAL_AMOUNTS
    )


# Rates of an economy that are never one figure, whatever their values and words.
_ECONOMY_RATES = frozenset(
    ("interest rate", "inflation", "growth", "unemployment rate", "participation rate")
)


def _rates_differ(a: Claim, b: Claim) -> bool:
    """Whether two figures of one article are two of an economy's rates: a bank's rate of 3%
    and the 3% its inflation is set to peak at are two figures, however their sentences'
    names, periods and scopes differ."""
    measures = {a.subject_measure, b.subject_measure}
    return len(measures) == 2 and measures <= _ECONOMY_RATES


def _months_differ(a: Claim, b: Claim) -> bool:
    """Whether two counts of one measure in one article are referred to two months: a monthly
    report gives this month's figure and last month's first count, which may be one number."""
    first, second = (_months(c.subject_reference) for c in (a, b))
    return a.subject_measure == b.subject_measure and bool(first and second) and first != second


# The full month names (the abbreviations, "mar" or "dec", are words of their own).
_MONTHS = frozenset(
    max((name for name, n in MONTH_NAMES.items() if n == month), key=len) for month in range(1, 13)
)


def _months(reference: str) -> set[str]:
    return _MONTHS & set(reference.lower().split())


def _events_differ(a: Claim, b: Claim) -> bool:
    """Two days of one article dating two different events (the words next to other
    figures are too loose a guide to part a restatement); or one measure of two events: a
    past quake's magnitude (its year) and the story's, an aftershock's and the main shock's."""
    if a.subject_measure == b.subject_measure and a.subject_measure in about.EVENT_MEASURES:
        scopes = {a.subject_scope, b.subject_scope}
        days_apart = a.subject_reference != b.subject_reference and not _near_tally_days(a, b)
        return days_apart or (len(scopes) == 2 and "aftershock" in scopes)
    if a.kind == b.kind == Claim.Kind.DATE and a.subject_measure == b.subject_measure:
        # "2015-2022 Arden SUVs and 2018-2022 Brisa hatchbacks": one measure of two named
        # entities, or its two ends, dates two things however alike the years.
        entities = {c.subject_key.split("|")[0] for c in (a, b)}
        return bool(a.subject_measure) and "" not in entities and a.subject_key != b.subject_key
    return (
        a.kind == b.kind == Claim.Kind.DATE
        and bool(a.subject_measure and b.subject_measure)
        and a.subject_measure != b.subject_measure
    )


def _score_candidates(
    article: Article,
    groups: Sequence[_Group],
    params: Params,
    overrides: comparison.RateOverrides,
    *,
    taken: set[int],
) -> tuple[dict[tuple[int, int], matching.Score], dict[int, Fact]]:
    """Scores of (group, fact) for the facts sharing keys with each group.

    Candidates come from the FactKey index only, never from a scan of the facts: the newest
    `posting_limit` facts of each key, then the `candidate_limit` sharing most keys. A fact
    already holding a claim of this article (`taken`) is another fact of it: never one.
    """
    for group in groups:
        root = group.roots[0]
        space = matching.key_space(root.kind, units.dimension_of(root.kind, root.unit))
        group.keys = matching.candidate_keys(group.profile, space, params)
        for key in reversed(_read_as(group.subject_key)):
            group.keys.insert(0, _subject_fact_key(article.story_id, space, key))
    postings = _postings({key for group in groups for key in group.keys}, params.posting_limit)
    for group in groups:
        # Asked of a few keys of the groups that join a fact: no set made of every posting.
        group.listed = postings
    shortlist: dict[int, list[int]] = {}
    for index, group in enumerate(groups):
        if group.incidental:
            shortlist[index] = []  # a dateline is about no story: grouped with nothing
            continue
        # Thousands of postings in a long story: counted and ranked without a Python call
        # per posting. Most shared keys first, then the newest (fact ids are unique: no ties).
        shared = Counter(chain.from_iterable(postings.get(key, ()) for key in group.keys))
        ranked = nlargest(params.candidate_limit, shared.items(), key=_SHARED_THEN_NEWEST)
        shortlist[index] = [fact_id for fact_id, _ in ranked]
    wanted = {fact_id for ids in shortlist.values() for fact_id in ids}
    facts = _candidate_facts(wanted - taken, article.story_id)
    scores = {}
    # Each fact's profile is read once, for every group it is a candidate of.
    profiles: dict[int, Profile] = {}
    replaced = _replaced_numbers(groups, article)
    for index, group in enumerate(groups):
        root = group.roots[0]
        dimension = units.dimension_of(root.kind, root.unit)
        reading = reading_of_claim(root, article)
        for fact_id in shortlist[index]:
            fact = facts.get(fact_id)
            if fact is None or not _comparable(group, dimension, fact):
                continue
            profile = profiles.get(fact_id)
            if profile is None:
                profile = profiles[fact_id] = _mean_profile(fact.terms)
            result = _score(group, fact, reading, params, overrides, profile, on=article.published)
            if result is not None and root.subject_scope == about.CORRECTED_COUNT and replaced:
                # "revised the toll to 198 from 212": the correction joins the count it names
                # as replaced, not another one of those days.
                if not _holds_number(fact, replaced.get(root.subject_measure, set())):
                    continue
                result = replace(result, total=result.total + SUBJECT_KEY_BONUS)
            if result is not None:
                scores[index, fact_id] = result
    return scores, facts


def _replaced_numbers(groups: Sequence[_Group], article: Article) -> dict[str, set[Decimal]]:
    """The numbers an article gives as the counts a correction replaced, by measure."""
    numbers: dict[str, set[Decimal]] = defaultdict(set)
    for group in groups:
        root = group.roots[0]
        if root.subject_reference != about.REPLACED_COUNT:
            continue
        reading = reading_of_claim(root, article)
        if reading is not None and reading.number is not None:
            numbers[root.subject_measure].add(reading.number)
    return numbers


def _holds_number(fact: Fact, numbers: set[Decimal]) -> bool:
    return any(
        value.get("number") is not None and matching.reading_of_value(value).number in numbers
        for value in fact.terms.get("values", ())
    )


# A mention whose subject key (entity, measure, reference, scope) is a fact's joins it whatever
# its words and value: a wrong figure must land in its fact to be flagged.
SUBJECT_KEY_BONUS = 0.5


def _score(
    group: _Group,
    fact: Fact,
    reading: comparison.Reading,
    params: Params,
    overrides: comparison.RateOverrides,
    profile: Profile | None = None,
    *,
    on: date | None = None,
) -> matching.Score | None:
    """The matching score, decided first by the structured subjects: the same subject key
    joins, a different known measure never does, else the words and values decide. `profile`:
    the fact's (matching.mean_profile); `on`: the group's article's publication day."""
    summary = fact.terms.get("about", {})
    if summary.get("incidental"):
        return None
    key = group.subject_key
    same_key = bool(key) and key in summary.get("keys", ())
    # A loosely worded measure meeting a fact of what it may stand for: evidence, like a key
    # of entity and measure alone.
    loose_key = any(k in summary.get("keys", ()) for k in _read_as(key)[1:])
    values = fact.terms.get("values", ())
    # The value is compared with each of the fact's once, whichever questions ask below;
    # without reviewers' rates the comparisons with and without them are the same.
    compared = plain = None
    if reading is not None:
        compared = matching.Compared(reading, values, overrides)
        plain = compared if not overrides else matching.Compared(reading, values)
    if _undated_tally_apart(group, summary, reading, plain) or _another_year(reading, values):
        return None
    if (
        (same_key and _specific(key))
        or _same_day_of_event(group, summary, reading, plain)
        or _same_bare_year(group, summary, reading, values)
    ):
        # Entity, measure and reference point or scope agree: the same fact, whatever the
        # words and the value (a wrong figure must land in its fact to be flagged).
        result = matching.score(
            group.profile, fact.terms, reading, params, overrides, compared, profile
        )
        _, agrees, _ = matching.value_evidence(reading, values, params, compared=plain)
        total = max(result.total if result else 0.0, params.threshold) + SUBJECT_KEY_BONUS
        return matching.Score(
            total,
            result.overlap if result else 0.0,
            result.value_bonus if result else 0.0,
            result.shared_names if result else (),
            result.shared_words if result else (),
            agrees=agrees,
        )
    if _subjects_differ(group, summary, lambda: _same_number(reading, values)) or _far_apart(
        reading, values, plain
    ):
        return None
    if _other_workforce(group, summary, reading, values):
        return None
    if _another_record(group, summary, reading, values, plain):
        return None
    if (
        matching.disagrees(reading, values, overrides, compared)
        and not (_scale_written_twice(reading) and _scale_slip_of(reading, plain))
        and not _same_subject(group, summary, on, slipped=_scale_slip_of(reading, plain))
    ):
        # Joining would flag a dispute: only the subjects can say the two figures state one
        # fact (a different value next to the same words is usually a different fact).
        return None
    result = matching.score(
        group.profile, fact.terms, reading, params, overrides, compared, profile
    )
    if result is not None and (same_key or loose_key):
        # Entity and measure alone ("Microsoft investment") leave room for several facts:
        # evidence, not a decision.
        result = replace(result, total=result.total + SUBJECT_KEY_BONUS / 2)
    return result


def _another_year(reading: comparison.Reading | None, values: Sequence[Mapping]) -> bool:
    """Whether a day is dated in another year than every day of the fact: "struck on June 2,
    1988" dates an earlier quake, not the story's misdated (an outlet's slip is a day or
    two, not years). A year alone is left to the words ("since 1988")."""
    if reading is None or reading.kind != Claim.Kind.DATE or len(reading.iso_date or "") < 10:
        return False
    days = [value.get("date") or "" for value in values]
    days = [day for day in days if len(day) >= 10]
    return bool(days) and all(day[:4] != reading.iso_date[:4] for day in days)


def _undated_tally_apart(
    group: _Group,
    summary: Mapping,
    reading: comparison.Reading | None,
    compared: matching.Compared | None,
) -> bool:
    """Whether a running count (a toll) and the fact's differ with no day known on one side
    (an undated article): a toll rises from one report to the next, so two undated counts
    that differ are most likely two days' counts, not outlets disagreeing on one. Dated on
    both sides, each day's count is told apart by its day (claims.report_day)."""
    root = group.roots[0]
    if root.subject_measure not in about.TALLIES or reading is None or compared is None:
        return False
    parts, _, _ = _key_parts(tuple(summary.get("keys", ())))
    days = [p[2] for p in parts if p[1] == root.subject_measure]
    if root.subject_reference and days and all(days):
        return False
    return matching.disagrees(reading, compared.values, compared=compared)


def _other_workforce(
    group: _Group, summary: Mapping, reading: comparison.Reading | None, values: Sequence[Mapping]
) -> bool:
    """Whether a headcount of one of a strike's workforces (about.WORKFORCES: a union's roll,
    the workers a stoppage idles) meets a fact of the other with another number: counted by
    different people, of sets that may differ, they are two facts. The same number is one
    crowd, whatever noun each outlet counts it in ("27,000 workers", "27,000 members")."""
    scope = group.roots[0].subject_scope
    if scope not in about.WORKFORCES:
        return False
    _, _, scopes = _key_parts(tuple(summary.get("keys", ())))
    if scope in scopes or not scopes & about.WORKFORCES:
        return False
    if reading is None or reading.number is None:
        return False
    counted = replace(reading, unit=None)
    return not any(
        comparison.compare(counted, replace(matching.reading_of_value(value), unit=None)).overlap
        for value in values
        if value.get("number") is not None
    )


def _same_day_of_event(
    group: _Group,
    summary: Mapping,
    reading: comparison.Reading | None,
    compared: matching.Compared | None,
) -> bool:
    """Whether the mention dates an event the fact's mentions date too (a strike's start, a
    founding) to the same day: one story's outlets write whom it befell differently ("the
    union", "the carmaker"), not the day. `compared`: the reading compared with the fact's
    values without reviewers' rates (matching.Compared)."""
    measure = group.roots[0].subject_measure
    if reading is None or reading.kind != Claim.Kind.DATE or not measure:
        return False
    if measure not in summary.get("measures", ()):
        return False
    if matching.significant_digits(reading) < 3 and measure not in _DATED_AT_ANY_PRECISION:
        return False
    values = compared.values
    _, agrees, _ = matching.value_evidence(reading, values, compared=compared)
    return agrees and not matching.disagrees(reading, values, compared=compared)


# What a story dates once, however precisely an outlet writes it: the last time a figure was
# as low ("the smallest gain since 2020", "since March 2017"). A year or a month alone
# dates many other things (a plan's start, a cut's end).
_DATED_AT_ANY_PRECISION = frozenset(("record since",))


def _another_record(
    group: _Group,
    summary: Mapping,
    reading: comparison.Reading | None,
    values: Sequence[Mapping],
    compared: matching.Compared | None,
) -> bool:
    """Whether the mention dates the last time a figure was as low or high, and the fact
    another time: "the lowest turnout since 2005" and "the most seats since 1950" are two
    records, never one misdated; and "the 2005 election" dates no record."""
    if reading is None or reading.kind != Claim.Kind.DATE:
        return False
    record = group.roots[0].subject_measure in _DATED_AT_ANY_PRECISION
    if record != bool(_DATED_AT_ANY_PRECISION & set(summary.get("measures", ()))):
        return True
    if not record:
        return False
    _, agrees, _ = matching.value_evidence(reading, values, compared=compared)
    return not agrees


def _same_bare_year(
    group: _Group, summary: Mapping, reading: comparison.Reading | None, values: Sequence[Mapping]
) -> bool:
    """Whether the mention and every mention of the fact write one year and nothing else, a
    year no event word dates ("up from 2019", "than in 2019", "the 2019 result"): in one
    story's coverage a bare year stands for one earlier moment (the last vote, that year's
    storm), however differently each outlet words the comparison. A measure read on either
    side ("founded in 2019") or a hedge ("early 2019") leaves it to the words."""
    root = group.roots[0]
    if reading is None or reading.kind != Claim.Kind.DATE or root.subject_measure:
        return False
    if summary.get("measures") or not values or not _BARE_YEAR.fullmatch(root.text):
        return False
    return all(
        _BARE_YEAR.fullmatch(value.get("text") or "")
        and value.get("date") == reading.iso_date
        and value.get("qualifier") == reading.qualifier == Qualifier.EXACT
        for value in values
    )


_BARE_YEAR = re.compile(r"\d{4}")


def _subjects_differ(
    group: _Group, summary: Mapping, same_number: Callable[[], bool] = lambda: False
) -> bool:
    """A known measure, reference point or scope the fact's mentions never have: "close"
    is not "open", "per day" not "per year", a headcount not a revenue. Dates are told apart
    by their years and values, not by the verb next to them; a running count's days a day
    or two apart only when its number is the fact's (`same_number()`, asked only then)."""
    root = group.roots[0]
    measures = set(summary.get("measures", ()))
    if (
        root.subject_measure
        and measures
        and _family_name(root.subject_measure) not in {_family_name(m) for m in measures}
        and not _unnamed_change(root.subject_measure, measures)
    ):
        return True
    parts, references, scopes = _key_parts(tuple(summary.get("keys", ())))
    if (
        root.subject_reference
        and references
        and not _compatible(root.subject_reference, references)
        and not (
            (_tally_dated_near(root, references) and same_number())
            or _correction_of(root, references)
        )
    ):
        return True
    # "163,000 Jobs" in a headline over "163,000 jobs in August": the article's figure is
    # August's, wherever its first mention leaves the month unsaid; not July's count.
    months = {m for claim in group.roots for m in _months(claim.subject_reference)}
    fact_months = {m for reference in references for m in _months(reference)}
    if months and fact_months and not months & fact_months:
        return True
    if (
        root.subject_scope
        and scopes
        and root.subject_scope not in scopes
        and not {root.subject_scope, *scopes} <= about.WORKFORCES
        and not _corrects(root.subject_scope, scopes)
        and not _market_left_unsaid(root.subject_scope, scopes)
        and not _tax_basis_left_unsaid(root.subject_scope, scopes)
    ):
        return True
    family = _family_name(root.subject_measure) if root.subject_measure else ""
    alike = [p for p in parts if p[1] and _family_name(p[1]) == family]
    if not family or not alike:
        return False
    # The fact is only ever a forecast, a revision, an industry's part: a figure of the same
    # measure said plainly is the figure itself, or the whole ("12,000 jobs" is not the
    # "80,000 expected", nor the "7,000 jobs in construction").
    if not root.subject_scope:
        return all(_another_quantity(p[3]) for p in alike)
    # A part on one side only is two facts, whatever their values.
    return _another_quantity(root.subject_scope) and not any(p[3] for p in alike)


@lru_cache(maxsize=8192)
def _key_parts(
    keys: tuple[str, ...],
) -> tuple[tuple[tuple[str, ...], ...], frozenset[str], frozenset[str]]:
    """A fact's subject keys of four parts or more, split, with their references and scopes
    (the empty ones left out): a fact is scored against every mention of many articles, and
    its keys are split once, not once per mention."""
    parts = tuple(tuple(key.split("|")) for key in keys if key.count("|") >= 3)
    return parts, frozenset(p[2] for p in parts if p[2]), frozenset(p[3] for p in parts if p[3])


def _same_number(reading: comparison.Reading | None, values: Sequence[Mapping]) -> bool:
    """Whether the mention's number is one of the fact's, however each is hedged ("at
    least 42", "42")."""
    if reading is None or reading.number is None:
        return False
    return any(
        value.get("number") is not None
        and matching.reading_of_value(value).number == reading.number
        for value in values
    )


def _tally_dated_near(root: Claim, references: Iterable[str]) -> bool:
    """Whether a running count (a toll, a fire's containment) is dated a day or two from the
    fact's: one update, dated by each outlet as of the day it wrote."""
    if root.subject_measure not in about.TALLIES:
        return False
    return any(report_day.near_days(root.subject_reference, r) for r in references)


def _corrects(scope: str, scopes: Iterable[str]) -> bool:
    """Whether one side is a toll's correction ("revised the toll to 198 from 212") and the
    other the plain count: one fact, the correction dated a day or two after the count it
    replaces. A toll's scopes are only ever these two or none."""
    return about.CORRECTED_COUNT in {scope, *scopes} and {scope, *scopes} <= {
        about.CORRECTED_COUNT,
        "",
    }


def _correction_of(root: Claim, references: Iterable[str]) -> bool:
    """Whether the mention is a toll's correction and the fact a count of it reported up to
    a day or two before: the count it replaces. A later count is another update."""
    if root.subject_scope != about.CORRECTED_COUNT or not _tally_dated_near(root, references):
        return False
    day = report_day.parse_label(root.subject_reference)
    return any(
        report_day.near_days(root.subject_reference, r)
        and day is not None
        and (report_day.parse_label(r) or day) <= day
        for r in references
    )


# The markets a film's takings are counted in (claims.measure_words.box_office).
_MARKETS = frozenset(("domestic", "global", "international"))


def _market_left_unsaid(scope: str, scopes: Iterable[str]) -> bool:
    """Whether a film's takings over some days ("opening day") name no market where the
    fact's name one, or the other way round, and no other market is named: "the largest
    opening day on record" is the day the other outlets give for the one market they name,
    as a figure naming no place joins the place the story's others name."""
    days, markets = set(), set()
    for each in {scope, *scopes}:
        market, _, rest = each.partition(" ")
        if market in _MARKETS and rest:
            markets.add(market)
            days.add(rest)
        else:
            days.add(each)
    return len(days) == 1 and len(markets) == 1 and "" not in days and scope not in scopes


def _tax_basis_left_unsaid(scope: str, scopes: Iterable[str]) -> bool:
    """Whether a wage's rate is the fact's and only one side says before or after tax: "€9m
    a year" may be the fact's "€9m a year after tax"; before and after tax are two facts."""
    rates, bases = set(), set()
    for each in {scope, *scopes}:
        rate, basis = about.tax_basis(each)
        rates.add(rate)
        bases.add(basis)
    return len(rates) == 1 and len(bases - {""}) == 1


def _another_quantity(scope: str) -> bool:
    """Whether a scope makes the figure another quantity than the one said plainly, not the
    same one said more fully ("fully diluted", "in total"): a forecast, a revision, a part
    of a whole (an industry's jobs, one area's toll), a difference ("$3 billion more than its
    valuation" is no valuation)."""
    return scope in ("projected", "revision", "difference") or scope.startswith("in ")


def _unnamed_change(measure: str, measures: Iterable[str]) -> bool:
    """Whether one side is a change of something its clause leaves unnamed and the other a
    change of a named measure: "includes 14% in base increases" and "a 14% wage increase"
    may be one rise. Loose "earnings" may be revenue or profit (claims.results_words)."""
    measures = set(measures)
    if measures & _LOOSE.get(measure, set()) or any(measure in _LOOSE.get(m, ()) for m in measures):
        return True
    changes = {m for m in measures if m == "change" or m.endswith(" change")}
    if measure == "change":
        return bool(changes)
    return measure.endswith(" change") and "change" in changes


@lru_cache(maxsize=8192)
def _read_as(subject_key: str) -> tuple[str, ...]:
    """The subject key, then the keys of the measures its loosely worded measure may stand
    for ("total earnings" may be the revenue). Asked once per fact a mention is scored
    against: worked out once per key."""
    if not subject_key:
        return ()
    parts = subject_key.split("|")
    meant = sorted(_LOOSE.get(parts[1], ())) if len(parts) > 1 else []
    return (subject_key, *("|".join([parts[0], m, *parts[2:]]) for m in meant))


# A loosely worded measure and the measures it may stand for.
_LOOSE = {
    "earnings": {"revenue", "profit"},
    "earnings change": {"revenue change", "profit change"},
    # "15% of its workforce" in one outlet, "15%" of a cut in another.
    "share": {"workforce share"},
    # What a fire "could cost" its insurers may be the damage others estimate; a headline's
    # "damage" may be the insured losses its article gives.
    "cost": {"damage"},
    "damage": {"insured losses"},
}


def _same_subject(
    group: _Group, summary: Mapping, on: date | None = None, *, slipped: bool = False
) -> bool:
    """Whether the mention's subject has a known measure, and a member of the fact has that
    measure with the same reference point and scope: unnamed on both sides or named on both
    (compatibly). "Revenue" is not "annual revenue", "market value" not "market value at
    the IPO", when their values differ. A place named on both sides must be one of the
    fact's; named on one side only, it says nothing. `on`: the mention's publication day;
    `slipped`: whether its value is one of the fact's written with another scale word."""
    root = group.roots[0]
    _, _, scopes = _key_parts(tuple(summary.get("keys", ())))
    places = summary.get("places", ())
    if root.subject_place and places and root.subject_place not in places:
        return False  # staff counted in one country and in another: two facts
    family = _family_name(root.subject_measure) if root.subject_measure else ""
    entity = root.subject_key.split("|")[0]
    for key in summary.get("keys", ()):
        parts = key.split("|")
        if len(parts) < 4 or not parts[1]:
            continue
        if family and _family_name(parts[1]) != family:
            continue
        if not family and not _named_by_heads(parts[1], group.profile):
            continue
        reference, scope = parts[2], parts[3]
        corrected = root.subject_measure in about.TALLIES and _corrects(root.subject_scope, [scope])
        if (
            scope != root.subject_scope
            and not _total_held(root, scope)
            and not corrected
            and not _market_left_unsaid(root.subject_scope, {scope, *scopes})
        ):
            continue
        if not _entities_fit(entity, parts[0], family or _family_name(parts[1])):
            continue
        if parts[1] == "age" and not entity and not parts[0]:
            # Two ages whose owners neither line names ("the 400-year-old", "a 41-year-old
            # governor") are as likely a painting's and a buyer's as one person's.
            continue
        if (
            reference == root.subject_reference
            or (
                reference
                and root.subject_reference
                and _compatible(root.subject_reference, [reference])
            )
            or (scope.startswith("per ") and _year_on_one_side(reference, root.subject_reference))
            or (corrected and _correction_of(root, [reference]))
            or _target_year_on_one_side(reference, root.subject_reference, on)
            or (slipped and _year_on_one_side(reference, root.subject_reference))
        ):
            return True
    return False


def _total_held(root: Claim, scope: str) -> bool:
    """Whether one side counts "a total of" what the other counts without the word: "a total of
    233 seats" and the "231 seats" another outlet says were won. An amount's total is a sum
    of parts, its parts are other facts ("$900 million in total", "$600 million to the
    company"), so this is for counts only."""
    return root.kind == Claim.Kind.COUNT and {scope, root.subject_scope} == {"total", ""}


def _target_year_on_one_side(reference: str, other: str, on: date | None) -> bool:
    """Whether one outlet gives a goal the year it is to be met by and the other does not
    ("to save $10 billion", "to save $10 billion in 2025"): a year after the article's is
    no period a figure was counted in, only when a plan is due."""
    named = {reference, other} - {""}
    year = named.pop() if len(named) == 1 else ""
    return on is not None and _year_on_one_side(reference, other) and int(year) > on.year


def _year_on_one_side(reference: str, other: str) -> bool:
    """Whether one outlet dates a rate and the other does not ("13.8 million
    vehicles in 2024", "about 9 million a year"): the same figure, the year left unsaid."""
    named = {reference, other} - {""}
    year = named.pop() if len(named) == 1 else ""
    return len(year) == 4 and year.isdigit()


def _entities_fit(entity: str, other: str, family: str) -> bool:
    """Whether two figures' entities can be one: the same, or unknown on a side. An
    investment, a stake or a deal is written from either party ("Norvik invested", "Velora
    raised from Norvik"): their entities are not compared."""
    if not entity or not other or entity == other:
        return True
    return any(family in group for group in _MEASURE_FAMILIES)


def _named_by_heads(measure: str, profile: Profile) -> bool:
    """Whether the words next to a figure whose measure was not read name this measure ("It
    ploughed $5 billion into the firm", after a sentence about its biggest investor)."""
    return any(matching.canonical(word) in profile.heads for word in measure.split())


# Measures news writes for one amount: a deal, the investment it is, the stake it buys, the
# fee a club pays for a player.
# A premium and a deal's completion are written from either party too ("Orrin pays a 30%
# premium", "Vexa's sale is expected to close in May"): families of their own, their
# entities not compared.
_MEASURE_FAMILIES = (
    {"investment", "deal value", "stake", "transfer fee"},
    {"premium"},
    {"deal completion"},
)


# One measure under two words ("1,200 structures destroyed", "1,200 buildings destroyed"):
# unlike the families above, its entities are compared as any measure's.
_MEASURE_SYNONYMS = ({"buildings", "structures"},)


@cache
def _family_name(measure: str) -> str:
    for family in (*_MEASURE_FAMILIES, *_MEASURE_SYNONYMS):
        if measure in family:
            return min(family)
    return measure


def _compatible(reference: str, references: Iterable[str]) -> bool:
    """Whether one reference point says as much as, or more than, another: "close" and
    "first-day close" are compatible, "open" and "close" or "2021" and "2023" are not."""
    words = set(reference.split())
    return any(words <= set(other.split()) or set(other.split()) <= words for other in references)


# Beyond this factor two values are no misreport of one another (a slip of scale is 1,000).
_FAR_APART = Decimal("1500")


def _far_apart(
    reading: comparison.Reading | None,
    values: Sequence[Mapping],
    compared: matching.Compared | None = None,
) -> bool:
    """Whether the value is more than a slip of scale away from every value of the fact
    ("$50.44" a share is no "$5.4 billion" market value). `compared`, if given: the reading
    compared with `values` without reviewers' rates (matching.Compared)."""
    if reading is None or reading.number is None or not values:
        return False
    for read, other, result in compared or matching.Compared(reading, values):
        if other is not read:
            # Compared in the reading's unit: this question compares the value as stored.
            result = comparison.compare(reading, read)
        if not result.comparable or result.ratio is None or result.ratio <= 0:
            return False
        if 1 / _FAR_APART <= result.ratio <= _FAR_APART or _scale_dropped(result.ratio):
            return False
    return True


def _scale_dropped(ratio: Decimal, least: int = 10**6) -> bool:
    """Whether two values are one number written with and without its scale word ("revenue
    was $22.1" beside "$22.1 billion"), or with another one when `least` allows a thousand
    ("$10 million" beside "$10 billion"): a slip an outlet makes, not another figure."""
    ratio = max(ratio, 1 / ratio)
    scale = Decimal(1000) ** round(math.log(ratio, 1000))
    return scale >= least and abs(ratio / scale - 1) <= Decimal("0.005")


def _scale_slip_of(reading: comparison.Reading | None, compared: matching.Compared | None) -> bool:
    """Whether the value is one of the fact's written with another scale word: the same
    digits a thousand or more times apart ("$10m" where others say "$10 billion")."""
    if reading is None or reading.number is None or compared is None:
        return False
    return any(
        result.comparable
        and result.ratio is not None
        and result.ratio > 0
        and _scale_dropped(result.ratio, least=1000)
        for _, _, result in compared
    )


# Every digit written and a scale word after them: "$212,575,000 million".
_SCALE_TWICE = re.compile(
    r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?\s*(?:million|billion|mn|bn|m|b)\b", re.I
)


def _scale_written_twice(reading: comparison.Reading | None) -> bool:
    """Whether an amount carries its scale twice, in full digits and in a scale word: a slip
    no figure of its own is written as: it states the fact whose value its digits give,
    though its subject words may not say so; the other words still decide the join."""
    return reading is not None and bool(_SCALE_TWICE.search(reading.text))


def _specific(subject_key: str) -> bool:
    """Whether a subject key decides alone (claims.about.About.decisive): it names a reference
    point or a scope besides entity and measure, or a measure of the story's event."""
    parts = subject_key.split("|")
    return any(parts[2:4]) or (len(parts) > 1 and parts[1] in about.EVENT_MEASURES)


def _comparable(group: _Group, dimension: str, fact: Fact) -> bool:
    """Same kind and dimension; two counts of one measure are comparable whatever noun each
    outlet counts in ("174 guests", "171 passengers")."""
    root = group.roots[0]
    if units.dimensions_compatible(root.kind, dimension, fact.kind, fact.dimension):
        return True
    measures = fact.terms.get("about", {}).get("measures", ())
    return (
        root.kind == fact.kind == Claim.Kind.COUNT
        and bool(root.subject_measure)
        and root.subject_measure in measures
        # Nouns for people count one crowd under two names; "nine depots" and "30
        # markets" count two things, whatever verb stands next to them.
        and _counts_people(dimension)
        and _counts_people(fact.dimension)
    )


def _counts_people(dimension: str) -> bool:
    return (
        dimension in (Claim.Kind.COUNT, units.PEOPLE)
        or dimension in units.PEOPLE_GROUPS
        or dimension in _STAND_IN_NOUNS
    )


# Nouns standing for a thing named before them ("171 examples of the jet").
_STAND_IN_NOUNS = frozenset(("examples", "example", "units", "unit"))


def _subject_fact_key(story_id: int | None, space: str, subject_key: str) -> str:
    return f"about|{story_id or 0}|{space}|{subject_key}"[:120]


_MAX_ABOUT = 40


def _add_about(terms: Mapping, claims: Iterable[Claim]) -> dict:
    """The fact's summary of its members' subjects: keys, measures and places (bounded)."""
    summary = dict(terms.get("about", {}))
    keys = list(summary.get("keys", []))
    measures = list(summary.get("measures", []))
    places = list(summary.get("places", []))
    incidental = summary.get("incidental", True) if "incidental" in summary else None
    for claim in claims:
        if claim.subject_place and claim.subject_place not in places and len(places) < _MAX_ABOUT:
            places.append(claim.subject_place)
        if claim.subject_key and claim.subject_key not in keys and len(keys) < _MAX_ABOUT:
            keys.append(claim.subject_key)
        if (
            claim.subject_measure
            and claim.subject_measure not in measures
            and len(measures) < _MAX_ABOUT
        ):
            measures.append(claim.subject_measure)
        incidental = claim.incidental if incidental is None else incidental and claim.incidental
    return {
        **terms,
        "about": {
            "keys": keys,
            "measures": measures,
            "places": places,
            "incidental": bool(incidental),
        },
    }


# A story is regrouped in order when at most REGROUP_ARTICLES of its articles come after the
# new one, holding at most REGROUP_LIMIT open claims in facts it touches, facts of at most
# REGROUP_MEMBERS claims in all: only those claims are grouped again, and those facts read
# again. Beyond, the new article stays where it was grouped and order can matter again (in
# facts that large, one mention more or less seldom moves another): a wire story
# republished by hundreds of outlets, arriving in any order, would otherwise have its
# largest facts read again and again.
REGROUP_ARTICLES = 12
REGROUP_LIMIT = 100
REGROUP_MEMBERS = 100


def _later_claims(article: Article) -> list[int]:
    """The open claims its arrival can regroup: those of the story's grouped articles after
    `article` in story order that sit in facts sharing a key with the facts of `article`; none
    beyond the bounds above.

    Story order: publication date, then the text's hash (so it does not depend on arrival);
    undated articles come last, by the text's hash among themselves.
    """
    later_articles = list(
        Article.objects.filter(
            _after(article), story_id=article.story_id, status=Article.Status.DONE
        )
        .exclude(pk=article.pk)
        .values_list("pk", flat=True)[: REGROUP_ARTICLES + 1]
    )
    if len(later_articles) > REGROUP_ARTICLES:
        logger.info("article %s: story %s not regrouped in order", article.pk, article.story_id)
        return []
    if not later_articles:
        return []
    keys = FactKey.objects.filter(fact__claims__article=article).values("key")
    touched = FactKey.objects.filter(key__in=keys).values("fact_id")
    later = _open_claims(Claim.objects.filter(article_id__in=later_articles, fact_id__in=touched))
    found = list(later.values_list("id", "fact_id", "fact__claim_count")[: REGROUP_LIMIT + 1])
    members = sum(dict((fact, count) for _, fact, count in found).values())
    if len(found) > REGROUP_LIMIT or members > REGROUP_MEMBERS:
        logger.info("article %s: story %s not regrouped in order", article.pk, article.story_id)
        return []
    return [claim for claim, _, _ in found]


def _after(article: Article) -> Q:
    """The articles after `article` in story order."""
    if article.published is None:
        return Q(published__isnull=True, text_hash__gt=article.text_hash)
    return (
        Q(published__gt=article.published)
        | Q(published=article.published, text_hash__gt=article.text_hash)
        | Q(published__isnull=True)
    )


def _story_order(article: Article) -> tuple:
    return (article.published is None, article.published or date.min, article.text_hash)


def _open_claims(claims):
    """Claims grouping may move: never reviewed, in an open fact."""
    return claims.filter(status=Claim.Status.PROPOSED, version=0, fact__status=Fact.Status.OPEN)


def _release_open_claims(claims, *, note: str) -> None:
    """Take the open ones of `claims` out of their facts (to be grouped again)."""
    removed: dict[int, list[int]] = defaultdict(list)
    for fact_id, claim_id in _open_claims(claims).values_list("fact_id", "id"):
        removed[fact_id].append(claim_id)
    Claim.objects.filter(pk__in=[c for ids in removed.values() for c in ids]).update(fact=None)
    release_claims(removed, note=note)


@transaction.atomic
def move_article_to_story(
    article: Article, story: Story | None, *, actor: AbstractBaseUser | None, note: str = ""
) -> Story:
    """A reviewer moves an article to another story (a new one when `story` is None); its
    unreviewed claims are grouped again within that story. Recorded on the article."""
    locked = Article.objects.select_for_update().get(pk=article.pk)
    source = locked.story_id
    story = story or stories.new_story_for(locked)
    if story.pk == source:
        return story
    lock_stories([source, story.pk])
    if actor is not None:
        # The reviewer's placing stands: neither story is merged into another by the machine.
        Story.objects.filter(pk__in=[source, story.pk]).update(placed_by_reviewer=True)
    _release_open_claims(
        Claim.objects.filter(article=locked), note=f"article {locked.pk} moved to story {story.pk}"
    )
    Article.objects.filter(pk=locked.pk).update(story=story)
    locked.story = story
    ArticleEvent.objects.create(
        article=locked,
        from_status=locked.status,
        to_status=locked.status,
        actor=actor,
        note=f"moved from story {source} to story {story.pk}" + (f": {note}" if note else ""),
    )
    group_article_claims(locked)
    stories.add_name_forms(
        story, Claim.objects.filter(article=locked).values_list("subject_entity", "subject_key")
    )
    article.story = story
    return story


# Two stories are merged only when the smaller holds at most this many articles: each of its
# articles is grouped again in the larger one, in the same task. Larger pairs stay apart
# until a reviewer moves articles (a backfill must not make one task regroup a whole story).
MERGE_LIMIT = 12


def merge_related_stories(story: Story) -> list[Story]:
    """Merge `story` with the stories that would now join it (an article that fits two
    stories shows they are one: articles.stories.related_stories), so the stories found do
    not depend on arrival order. The smaller story's articles move into the larger one (the
    article's own story when they are as large), each move recorded on the article. A story a
    reviewer has worked on (a claim reviewed, a fact no longer open) stays as it is. Returns
    the stories merged away."""
    merged = []
    read_again = False
    for other in stories.related_stories(story):
        if not _try_lock_story(other.pk):
            # A worker grouping that story holds its lock and may wait for this one: skip
            # rather than deadlock; the next article of either story looks again.
            continue
        if _reviewed(story) or _reviewed(other):
            continue
        if not read_again:
            # `story` may have been read before its lock was taken (claims.pipeline passes
            # the one its story assignment read): merging writes its names, so from the row.
            story.refresh_from_db()
            read_again = True
        story_size, other_size = story.articles.count(), other.articles.count()
        kept, absorbed = (other, story) if other_size > story_size else (story, other)
        if min(story_size, other_size) > MERGE_LIMIT:
            logger.info("stories %s and %s not merged: both are large", story.pk, other.pk)
            continue
        for article in sorted(absorbed.articles.all(), key=_story_order):
            move_article_to_story(
                article, kept, actor=None, note="its story shares names and figures with this one"
            )
        stories.absorb(kept, absorbed)
        merged.append(absorbed)
        if absorbed is story:
            break  # the article's story is gone: the larger one is looked at by its next article
    return merged


def _reviewed(story: Story) -> bool:
    claims = Claim.objects.filter(article__story=story)
    return claims.exclude(pk__in=_open_claims(claims)).exists() or (
        Fact.objects.filter(story=story).exclude(status=Fact.Status.OPEN).exists()
    )


# What grouping reads and writes of a candidate fact (the rest stays unread).
_FACT_FIELDS_FOR_MATCHING = (
    "id",
    "story_id",
    "kind",
    "dimension",
    "terms",
    "status",
    "agreement",
    "explanation",
    "subject",
    "claim_count",
    "article_count",
    "subject_edited_by",
)


def _candidate_facts(ids: set[int], story_id: int | None) -> dict[int, Fact]:
    """The facts of `ids` in the story, by id, with what matching reads and the facts chosen
    then write (agreement, status and the reviewer's subject read by _recompute): a field left
    unread would cost one query per fact.

    On PostgreSQL a plain statement: building the query through Django cost several times
    what the database spends on it, on every article grouped.
    """
    if not ids:
        return {}
    if connection.vendor != "postgresql":
        found = Fact.objects.filter(pk__in=ids, story_id=story_id)
        return {fact.pk: fact for fact in found.only(*_FACT_FIELDS_FOR_MATCHING)}
    fields, sql = _candidate_statement()
    terms = Fact._meta.get_field("terms")
    at = fields.index(terms)
    names = [field.attname for field in fields]
    facts = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, [sorted(ids), story_id])
        rows = cursor.fetchall()
    alias = connection.alias
    for row in rows:
        row = list(row)
        text = row[at]
        row[at] = (
            _stored_summary(text)
            if isinstance(text, str)
            else terms.from_db_value(text, None, connection)
        )
        fact = Fact.from_db(alias, names, row)
        facts[fact.pk] = fact
    return facts


class _StoredSummary(dict):
    """A fact's summary (Fact.terms) as stored, decoded, with its mean profile once asked."""

    __slots__ = ("_profile",)

    @property
    def profile(self) -> Profile:
        try:
            return self._profile
        except AttributeError:
            self._profile = matching.mean_profile(self)
            return self._profile


# A story's facts are candidates of each of its new articles: decoding their summaries (and
# their mean profiles) cost more than reading them. Keyed by the stored text, so a summary
# written since (by any process) is decoded again. Shared by every fact read with that text:
# summaries are never changed in place (each change builds new dicts, see add_to_terms).
@lru_cache(maxsize=4096)
def _stored_summary(text: str) -> _StoredSummary:
    return _StoredSummary(json.loads(text))


def _mean_profile(terms: Mapping) -> Profile:
    if isinstance(terms, _StoredSummary):
        return terms.profile
    return matching.mean_profile(terms)


@cache
def _candidate_statement() -> tuple[list, str]:
    # In the model's order of fields: Model.from_db reads the values in it.
    wanted = {Fact._meta.get_field(name).attname for name in _FACT_FIELDS_FOR_MATCHING}
    fields = [field for field in Fact._meta.concrete_fields if field.attname in wanted]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    sql = (
        f"SELECT {columns} FROM {quote(Fact._meta.db_table)}"
        f" WHERE {quote(Fact._meta.pk.column)} = ANY(%s)"
        f" AND {quote(Fact._meta.get_field('story').column)} IS NOT DISTINCT FROM %s"
    )
    return fields, sql


_FIRST, _SECOND = itemgetter(0), itemgetter(1)
# (fact id, keys shared) ranked by keys shared, then by id.
_SHARED_THEN_NEWEST = itemgetter(1, 0)


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
    if connection.vendor == "postgresql":
        # The same scans in one statement of one plan, however many keys: planning a
        # hundred-part UNION cost more than running it.
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT k.key, f.fact_id FROM unnest(%s::text[]) AS k (key)"
                f" CROSS JOIN LATERAL (SELECT fact_id FROM {table} WHERE {key_column} = k.key"
                f" ORDER BY fact_id DESC LIMIT %s) AS f ORDER BY k.key, f.fact_id DESC",
                [keys, limit],
            )
            # Ordered by key: each key's ids taken in one piece, not appended one by one.
            for key, rows in groupby(cursor.fetchall(), key=_FIRST):
                found[key] = list(map(_SECOND, rows))
        return found
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


def _member_ids(fact_ids: Iterable[int]) -> dict[int, list[int]]:
    members: dict[int, list[int]] = defaultdict(list)
    for fact_id, claim_id in Claim.objects.filter(fact_id__in=list(fact_ids)).values_list(
        "fact_id", "id"
    ):
        members[fact_id].append(claim_id)
    return members


def _added_event(fact: Fact, claims: Sequence[Claim], note: str) -> FactEvent:
    """What changed, not the member list: a fact of a thousand mentions writes a small event."""
    return FactEvent(
        fact=fact,
        action=Action.CLAIM_ADDED,
        note=note,
        before={"fact": fact.pk},
        after={"fact": fact.pk, "added": sorted(c.pk for c in claims)},
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
    _lock_facts_stories(removed)
    facts = list(Fact.objects.filter(pk__in=list(removed)))
    remaining = set(
        Claim.objects.filter(fact__in=facts).values_list("fact_id", flat=True).distinct()
    )
    events, kept, empty = [], [], []
    for fact in facts:
        left = fact.pk in remaining
        events.append(
            FactEvent(
                fact=fact,
                action=Action.CLAIM_REMOVED,
                note=note or "claims deleted by a new extraction of their article",
                before={"fact": fact.pk, "removed": sorted(removed[fact.pk])},
                after={"fact": fact.pk if left else None},
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
    """The reviewers' exchange rates, as comparison.convert takes them.

    Read on every article grouped, by every worker process (a rate saved by one is used by
    the others at once): on PostgreSQL a plain statement, which costs a fraction of building
    the query through Django (psycopg gives the same Decimal and date values)."""
    if connection.vendor == "postgresql":
        table = connection.ops.quote_name(ExchangeRate._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(f'SELECT from_currency, to_currency, "on", rate FROM {table}')
            rates = cursor.fetchall()
    else:
        rates = ExchangeRate.objects.values_list("from_currency", "to_currency", "on", "rate")
    return {(source, target, on): rate for source, target, on, rate in rates}


@transaction.atomic
def save_exchange_rate(rate: ExchangeRate, *, actor: AbstractBaseUser | None) -> list[Fact]:
    """Store a reviewer's exchange rate and compare again the money facts it affects."""
    if rate.pk is None:
        rate.created_by = actor
    rate.full_clean()
    rate.save()
    affected = list(
        Fact.objects.filter(
            dimension="money", claims__unit__in=[rate.from_currency, rate.to_currency]
        ).distinct()
    )
    lock_stories(fact.story_id for fact in affected)
    _recompute(affected, overrides=rate_overrides())
    return affected


@transaction.atomic
def delete_exchange_rate(rate: ExchangeRate, *, actor: AbstractBaseUser | None) -> list[Fact]:
    """Remove a reviewer's exchange rate and compare again the money facts it affected."""
    currencies = [rate.from_currency, rate.to_currency]
    ExchangeRate.objects.filter(pk=rate.pk).delete()
    logger.info("exchange rate %s deleted by %s", rate, actor)
    affected = list(Fact.objects.filter(dimension="money", claims__unit__in=currencies).distinct())
    lock_stories(fact.story_id for fact in affected)
    _recompute(affected, overrides=rate_overrides())
    return affected


@transaction.atomic
def recompute_agreement(fact: Fact) -> Fact:
    """Compare the fact's mentions again and store the agreement, explanation and counts.

    Writes an `agreement_changed` event when the agreement changes.
    """
    _refresh([fact])
    return fact


def _recompute(
    facts: Sequence[Fact], *, overrides: comparison.RateOverrides, fields: Sequence[str] = ()
) -> None:
    """Agreement, explanation and subject of `facts` from their summaries (Fact.terms): the
    cost depends on how many different values a fact holds, not on how many mentions."""
    if not facts:
        return
    events = []
    for fact in facts:
        before = fact.agreement
        _apply_agreement(fact, overrides)
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
    update_rows(
        facts,
        [
            "agreement",
            "explanation",
            "claim_count",
            "article_count",
            "subject",
            "updated_at",
            *fields,
        ],
    )
    insert_rows(events)
    # A subject or a citation readers see may have changed.
    record_changes(fact for fact in facts if fact.status in PUBLIC_STATUSES)


def _analysts_estimate(fact: Fact) -> bool:
    """Whether every mention of the fact is an analysts' consensus ("expectations of $4.60 a
    share"): each data provider polls its own analysts, so outlets' estimates differ a little
    ($4.59 at one, $4.60 at another) without any of them being wrong."""
    keys = fact.terms.get("about", {}).get("keys", ())
    parts = [key.split("|") for key in keys]
    return bool(parts) and all(len(p) >= 4 and p[3] == "estimate" for p in parts)


def _as_estimated(reading: comparison.Reading) -> comparison.Reading:
    if reading.qualifier != Qualifier.EXACT.value:
        return reading
    return replace(reading, qualifier=Qualifier.APPROX.value)


def _apply_agreement(fact: Fact, overrides: comparison.RateOverrides) -> None:
    """Set agreement, explanation and subject of `fact` from its summary of values."""
    fact.updated_at = timezone.now()
    summary = fact.terms.get("readings", [])
    if not summary:
        fact.agreement = Fact.Agreement.SINGLE
        fact.explanation = "no mentions left (all rejected)"
        return
    readings = [_in_first_unit(_summary_reading(entry), entry, summary[0]) for entry in summary]
    estimate = _analysts_estimate(fact)
    if estimate:
        readings = [_as_estimated(reading) for reading in readings]
    conversions = [
        (_summary_reading(original), _summary_reading(stated))
        for original, stated in fact.terms.get("conversions", [])
    ]
    # A stated conversion is checked against its original, not compared as a mention: a wrong
    # conversion next to a right amount is a different error from a wrong amount.
    result = comparison.agreement(
        readings,
        conversions=conversions,
        overrides=overrides,
        own_values=estimate,
        reported=_story_days(fact, readings, conversions),
    )
    if (
        result.status == comparison.AgreementStatus.SINGLE
        and sum(int(entry.get("n", 1)) for entry in summary) > 1
    ):
        # The same value stated several times: they agree.
        result = replace(result, status=comparison.AgreementStatus.CONSISTENT)
    fact.agreement = Fact.Agreement(result.status.value)
    fact.explanation = _explanation(result, readings, summary)
    set_machine_subject(fact, _subject(fact.terms.get("subject", fact.subject), fact.terms))


def _story_days(
    fact: Fact,
    readings: Sequence[comparison.Reading],
    conversions: Sequence[tuple[comparison.Reading, comparison.Reading]],
) -> tuple[date, ...]:
    """The first and last days the fact's story was reported on, for a stated conversion of
    undated articles in a fact no dated article mentions (read only then: it costs a query)."""
    if not any(original.on is None for original, _ in conversions):
        return ()
    if any(reading.on for reading in (*readings, *(r for pair in conversions for r in pair))):
        return ()
    days = Story.objects.filter(pk=fact.story_id).values_list("first_published", "last_published")
    return tuple(day for pair in days for day in pair if day is not None)


def set_machine_subject(fact: Fact, subject: str) -> None:
    """The one place the machine sets a fact's subject line: never over a reviewer's."""
    if fact.subject_edited_by_id is None:
        fact.subject = subject[:300]


# Different values a fact's summary keeps; beyond them a value still counts, compared with
# those kept, but is not stored (a fact of a thousand mentions holds a handful of values).
_MAX_READINGS = 50


def _reading_entry(claim: Claim, article: Article) -> dict:
    entry = matching.value_record(mention_of(claim), on=article.published)
    entry["label"] = reading_label(article)
    entry["measure"] = claim.subject_measure
    return entry


def _entry_key(entry: Mapping) -> tuple:
    return tuple(entry.get(k) for k in ("kind", "number", "high", "unit", "date", "qualifier")) + (
        " ".join(str(entry.get("text", "")).lower().split()),
    )


def _add_readings(
    terms: Mapping,
    claims: Sequence[Claim],
    article: Article,
    *,
    originals: Mapping[int, Claim] | None = None,
) -> dict:
    """The fact's summary with these mentions of one article added: their values (counted
    once per different value) and their stated conversions as (original, stated) pairs."""
    # The entries stay shared with `terms` (never changed in place): a count raised is a copy.
    readings = list(terms.get("readings", []))
    conversions = list(terms.get("conversions", []))
    index = {_entry_key(entry): at for at, entry in enumerate(readings)}
    by_id = {claim.pk: claim for claim in claims if claim.pk is not None} | dict(originals or {})
    for claim in claims:
        entry = _reading_entry(claim, article)
        original = _converted(claim, by_id)
        if original is not None:
            pair = [_reading_entry(original, article), entry]
            if pair not in conversions and len(conversions) < _MAX_READINGS:
                conversions.append(pair)
            continue
        key = _entry_key(entry)
        at = index.get(key)
        if at is not None:
            known = readings[at]
            readings[at] = {**known, "n": int(known.get("n", 1)) + 1}
        elif len(readings) < _MAX_READINGS:
            entry["n"] = 1
            index[key] = len(readings)
            readings.append(entry)
    result = {**terms, "readings": readings, "conversions": conversions}
    if claims and not result.get("subject"):
        result["subject"] = claims[0].subject
    return result


def _in_first_unit(
    reading: comparison.Reading, entry: Mapping, first: Mapping
) -> comparison.Reading:
    """A count of the fact's measure in the first mention's noun: "174 guests" and "171
    passengers" are two counts of the passengers, to be compared."""
    if (
        reading.kind == Claim.Kind.COUNT
        and first.get("kind") == Claim.Kind.COUNT
        and entry.get("measure")
        and entry.get("measure") == first.get("measure")
    ):
        return replace(reading, unit=first.get("unit") or None)
    return reading


def _summary_reading(entry: Mapping) -> comparison.Reading:
    return matching.reading_of_value(entry, label=entry.get("label", ""))


def _explanation(
    result: comparison.Agreement,
    readings: Sequence[comparison.Reading],
    summary: Sequence[Mapping],
) -> str:
    lines = []
    status = result.status
    mentions = sum(int(entry.get("n", 1)) for entry in summary)
    if status == comparison.AgreementStatus.SINGLE:
        lines.append(f"one mention: {comparison.describe(readings[0])}")
    elif status == comparison.AgreementStatus.CONSISTENT:
        shown = "; ".join(comparison.describe(r) for r in readings[:6])
        more = f" and {mentions - min(len(readings), 6)} more" if mentions > 6 else ""
        lines.append(f"{mentions} mentions agree: {shown}{more}")
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


def _subject(subject: str, terms: Mapping) -> str:
    """The subject line of the first mention, with the fact's main names when that subject
    names nobody ("It will invest")."""
    subject = subject.strip()
    display = terms.get("display", {})
    names = [
        display.get(term, term)
        for term, _ in sorted(matching.mean_names(terms).items(), key=lambda item: -item[1])
        if " " not in term
    ][:3]
    lowered = subject.lower()
    missing = [name for name in names if name.lower() not in lowered]
    named = any(w[:1].isupper() for w in subject.split() if w.lower() not in _PRONOUNS)
    if names and not named and missing:
        subject = f"{subject} ({', '.join(missing)})"
    return subject[:300]


_PRONOUNS = frozenset(("it", "its", "they", "their", "he", "his", "she", "her", "this", "the"))


# --------------------------------------------------------------------------------------------
# Reviewers' regrouping (claims.review moves the mentions; this keeps the facts in step)
# --------------------------------------------------------------------------------------------


def lock_fact_writes(facts: Iterable[Fact]) -> None:
    """Take the locks of these facts' stories, before a reviewer moves their mentions."""
    lock_stories(fact.story_id for fact in facts)


def regrouped(facts: Sequence[Fact]) -> None:
    """Bring facts whose mentions a reviewer moved up to date: profile, keys, agreement,
    counts and the public record."""
    _refresh([fact for fact in facts if fact.pk is not None])


# --------------------------------------------------------------------------------------------
# Keeping a fact's profile, keys and agreement in step with its members
# --------------------------------------------------------------------------------------------


def _refresh(facts: Sequence[Fact]) -> None:
    """Rebuild the profile, keys, summary and counts of `facts` from their members, then
    their agreement. For reviewers' changes: it reads every member."""
    if not facts:
        return
    params = matching.DEFAULT_PARAMS
    members: dict[int, list[Claim]] = defaultdict(list)
    for claim in (
        Claim.objects.filter(fact__in=list(facts))
        .exclude(status=Claim.Status.REJECTED)
        .order_by(F("article__published").asc(nulls_last=True), "article_id", "start")
    ):
        members[claim.fact_id].append(claim)
    article_ids = {claim.article_id for claims in members.values() for claim in claims}
    articles = {a.pk: a for a in Article.objects.filter(pk__in=article_ids)}
    texts = {pk: ArticleText.of(a.body, a.title, params) for pk, a in articles.items()}
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
            terms = _add_about(terms, [claim])
            if not claim.incidental:
                fact_keys.update(matching.candidate_keys(profile, space, params))
                if claim.subject_key:
                    fact_keys.add(_subject_fact_key(fact.story_id, space, claim.subject_key))
        by_id = {claim.pk: claim for claim in claims}
        for article_id, of_article in groupby(claims, key=lambda claim: claim.article_id):
            terms = _add_readings(terms, list(of_article), articles[article_id], originals=by_id)
        fact.terms = terms
        fact.claim_count = len(claims)
        fact.article_count = len({claim.article_id for claim in claims})
        keys[fact.pk] = fact_keys
    update_rows(list(facts), ["terms"])
    # The keys each fact no longer has, and then its keys, in one statement each for all the
    # facts, not one per fact.
    stale = Q()
    for fact in facts:
        stale |= Q(fact=fact) & ~Q(key__in=keys[fact.pk])
    FactKey.objects.filter(stale).delete()
    insert_rows(
        [FactKey(fact=fact, key=key) for fact in facts for key in keys[fact.pk]],
        ignore_conflicts=True,
    )
    _recompute(list(facts), overrides=rate_overrides())


def lock_stories(story_ids: Iterable[int | None]) -> None:
    """Take the lock of each story (in id order, so two writers never deadlock) until the
    transaction ends.

    Matching reads candidate facts, then writes: two workers matching two articles of one
    story at once would each find no fact for it and create two, or both join a fact a
    reviewer is merging away. On PostgreSQL a transaction-scoped advisory lock per story makes
    them take turns; workers on different stories never wait for each other. On SQLite every
    transaction already begins IMMEDIATE (settings.py), so writers are serialised anyway.
    """
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for story_id in sorted({story_id or 0 for story_id in story_ids}):
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [MATCHING_LOCK_KEY, story_id])


def _try_lock_story(story_id: int) -> bool:
    """Take a story's lock (as lock_stories) if no one holds it; whether it was taken."""
    if connection.vendor != "postgresql":
        return True
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s, %s)", [MATCHING_LOCK_KEY, story_id])
        return cursor.fetchone()[0]


def _lock_facts_stories(fact_ids: Iterable[int]) -> None:
    """Lock the stories of these facts (a reviewer regrouping them)."""
    lock_stories(Fact.objects.filter(pk__in=list(fact_ids)).values_list("story_id", flat=True))
