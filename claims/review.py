"""Every editorial decision on a claim or a fact goes through here, whoever asks.

The admin's actions, the fact review page and any API call these functions; they own a
claim's review status and correction and a fact's status, verified value, assignment and
primary sources. (Proposed claims are written by claims.pipeline, and the grouping of claims
into facts by claims.facts.) Each service is one transaction and:

* checks the actor's permission (`NotAllowed`, which is also a `PermissionDenied`);
* moves the status with one conditional UPDATE on the expected status *and* the version the
  caller saw, incremented by the same UPDATE. Zero rows means someone else acted first
  (`StaleVersion`: "changed meanwhile") or the transition is not allowed (`ReviewError`); either
  way nothing is written;
* writes one append-only event (ClaimEvent or FactEvent) with actor, from, to, note and the
  values before and after.

The states, in one screen:

    claim   proposed -> confirmed | disputed | rejected       (reopen_claim: back to proposed)
            correct_claim: any state but rejected; the extracted values are kept
            move_mentions / split_mentions / merge_facts / undo_regrouping: open facts only
    fact    open -> verified -> published -> retracted        (reopen_fact: back to open)
            verify needs a value (from a confirmed claim, or typed); publish needs a verified
            fact, and another person when settings.REQUIRE_SEPARATE_PUBLISHER is on

Notes are required to dispute, reject, reopen and retract.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from articles.models import Article, Story

from . import facts, notify, units
from .extraction.types import decimal_text
from .models import Claim, ClaimEvent, Fact, FactEvent, PrimarySource
from .public.records import record_changes

ClaimStatus = Claim.Status
FactStatus = Fact.Status

# Who may do what: the admin and the review page check the same names before showing a button.
REVIEW_CLAIMS = "claims.change_claim"
ASSIGN_FACTS = "claims.change_fact"
ATTACH_SOURCES = "claims.add_primarysource"
VERIFY_FACTS = "claims.verify_fact"
PUBLISH_FACTS = "claims.publish_fact"

_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_validate_url = URLValidator(schemes=["http", "https"])


class ReviewError(Exception):
    """A decision that cannot be taken; the message is for the reviewer."""


class StaleVersion(ReviewError):
    """Someone else changed the item since the reviewer's page showed it."""


class NotAllowed(ReviewError, PermissionDenied):
    """The actor lacks the permission; a view lets it through as a 403."""


# --------------------------------------------------------------------------------------------
# Claims
# --------------------------------------------------------------------------------------------


@transaction.atomic
def confirm_claim(
    claim: Claim, *, reviewer: AbstractBaseUser, version: int, note: str = ""
) -> Claim:
    """The figure is right as extracted (or as corrected)."""
    return _move_claim(
        claim, reviewer=reviewer, version=version, note=note, to=ClaimStatus.CONFIRMED
    )


@transaction.atomic
def dispute_claim(claim: Claim, *, reviewer: AbstractBaseUser, version: int, note: str) -> Claim:
    """The article states this figure, but the figure is wrong; the note says why, and the
    article's editor is told."""
    claim = _move_claim(
        claim, reviewer=reviewer, version=version, note=note, to=ClaimStatus.DISPUTED
    )
    notify.tell_editor(claim, what="disputed", note=note.strip())
    return claim


@transaction.atomic
def reject_claim(claim: Claim, *, reviewer: AbstractBaseUser, version: int, note: str) -> Claim:
    """Not a real figure, or wrongly extracted: it leaves its fact's comparison and counts."""
    claim = _move_claim(
        claim, reviewer=reviewer, version=version, note=note, to=ClaimStatus.REJECTED
    )
    _recompute_fact(claim)
    return claim


@transaction.atomic
def reopen_claim(claim: Claim, *, reviewer: AbstractBaseUser, version: int, note: str) -> Claim:
    """Back to proposed, to be decided again; a rejected claim rejoins its fact's comparison."""
    claim = _move_claim(
        claim, reviewer=reviewer, version=version, note=note, to=ClaimStatus.PROPOSED
    )
    if claim.events.order_by("-id").values_list("from_status", flat=True)[0] == "rejected":
        _recompute_fact(claim)
    return claim


# Which statuses each target may be reached from.
_CLAIM_SOURCES = {
    ClaimStatus.CONFIRMED: (ClaimStatus.PROPOSED,),
    ClaimStatus.DISPUTED: (ClaimStatus.PROPOSED,),
    ClaimStatus.REJECTED: (ClaimStatus.PROPOSED,),
    ClaimStatus.PROPOSED: (ClaimStatus.CONFIRMED, ClaimStatus.DISPUTED, ClaimStatus.REJECTED),
}
_CLAIM_VERBS = {
    ClaimStatus.CONFIRMED: ("confirm", ClaimEvent.Action.CONFIRMED),
    ClaimStatus.DISPUTED: ("dispute", ClaimEvent.Action.DISPUTED),
    ClaimStatus.REJECTED: ("reject", ClaimEvent.Action.REJECTED),
    ClaimStatus.PROPOSED: ("reopen", ClaimEvent.Action.REOPENED),
}
_NOTE_REQUIRED = {ClaimStatus.DISPUTED, ClaimStatus.REJECTED, ClaimStatus.PROPOSED}


def _move_claim(
    claim: Claim, *, reviewer: AbstractBaseUser, version: int, note: str, to: str
) -> Claim:
    verb, action = _CLAIM_VERBS[to]
    _require(reviewer, REVIEW_CLAIMS, f"{verb} claims")
    note = _note(note, required=to in _NOTE_REQUIRED, doing=f"{verb} a claim")
    sources = _CLAIM_SOURCES[to]
    current = Claim.objects.filter(pk=claim.pk).values_list("status", flat=True).first()
    from_status = current if current in sources else sources[0]
    # The guard: the status just read and the version the reviewer saw, in one statement;
    # a change in between matches no row and is refused below.
    updated = Claim.objects.filter(pk=claim.pk, status=from_status, version=version).update(
        status=to, version=F("version") + 1, reviewed_by=reviewer, reviewed_at=timezone.now()
    )
    if updated != 1:
        _refuse(Claim, claim.pk, version, verb=verb, allowed=sources, noun="claim")
    record_changes([claim.fact_id])
    ClaimEvent.objects.create(
        claim_id=claim.pk,
        action=action,
        from_status=from_status,
        to_status=to,
        actor=reviewer,
        note=note,
        before={"claim": claim.pk, "status": from_status, "version": version},
        after={"claim": claim.pk, "status": to, "version": version + 1},
    )
    claim.refresh_from_db()
    return claim


@transaction.atomic
def correct_claim(
    claim: Claim,
    *,
    reviewer: AbstractBaseUser,
    version: int,
    number: Decimal | None = None,
    unit: str | None = None,
    date: str = "",
    note: str = "",
) -> Claim:
    """Store a reviewer's value next to the extracted one, which is kept as it was.

    A date claim takes an ISO date (2024, 2024-02 or 2024-02-26); any other claim a number,
    in `unit` (the extracted unit when not given).
    """
    _require(reviewer, REVIEW_CLAIMS, "correct claims")
    note = _note(note, required=False, doing="correct a claim")
    current = Claim.objects.filter(pk=claim.pk).first()
    if current is None:
        raise ReviewError(f"claim {claim.pk} no longer exists")
    values: dict[str, Any]
    if current.kind == Claim.Kind.DATE:
        date = (date or "").strip()
        if not _ISO_DATE.match(date):
            raise ReviewError("a corrected date is written 2024, 2024-02 or 2024-02-26")
        values = {"corrected_date": date, "corrected_number": None, "corrected_unit": ""}
    else:
        if number is None:
            raise ReviewError("give the corrected number")
        unit = current.unit if unit is None or not unit.strip() else unit.strip()
        values = {"corrected_number": number, "corrected_unit": unit[:40], "corrected_date": ""}
    before = _correction(current)
    allowed = (ClaimStatus.PROPOSED, ClaimStatus.CONFIRMED, ClaimStatus.DISPUTED)
    updated = Claim.objects.filter(pk=claim.pk, status__in=allowed, version=version).update(
        version=F("version") + 1,
        correction_note=note,
        corrected_by=reviewer,
        corrected_at=timezone.now(),
        **values,
    )
    if updated != 1:
        _refuse(Claim, claim.pk, version, verb="correct", allowed=allowed, noun="claim")
    claim.refresh_from_db()
    record_changes([claim.fact_id])
    ClaimEvent.objects.create(
        claim_id=claim.pk,
        action=ClaimEvent.Action.CORRECTED,
        from_status=claim.status,
        to_status=claim.status,
        actor=reviewer,
        note=note,
        before={"claim": claim.pk, "version": version, **before},
        after={"claim": claim.pk, "version": claim.version, **_correction(claim)},
    )
    notify.tell_editor(claim, what=f"corrected to {claim.corrected_value}", note=note)
    return claim


def _correction(claim: Claim) -> dict[str, Any]:
    return {
        "extracted": {"number": _json(claim.number), "unit": claim.unit, "date": claim.date},
        "corrected": {
            "number": _json(claim.corrected_number),
            "unit": claim.corrected_unit,
            "date": claim.corrected_date,
        }
        if claim.is_corrected
        else None,
    }


def _recompute_fact(claim: Claim) -> None:
    fact = Fact.objects.filter(pk=claim.fact_id).first() if claim.fact_id else None
    if fact is not None:
        facts.recompute_agreement(fact)


# --------------------------------------------------------------------------------------------
# Facts
# --------------------------------------------------------------------------------------------


@transaction.atomic
def assign_fact(
    fact: Fact,
    *,
    reviewer: AbstractBaseUser,
    version: int,
    assignee: AbstractBaseUser | None = None,
    note: str = "",
) -> Fact:
    """Give the fact to `assignee` (the reviewer themself when not given)."""
    _require(reviewer, ASSIGN_FACTS, "assign facts")
    assignee = assignee or reviewer
    before = Fact.objects.filter(pk=fact.pk).values("assigned_to", "status").first()
    _update_fact(fact, version=version, verb="assign", values={"assigned_to": assignee})
    _fact_event(
        fact,
        FactEvent.Action.ASSIGNED,
        reviewer,
        note,
        from_status=before["status"],
        to_status=before["status"],
        before={"assigned_to": before["assigned_to"], "version": version},
        after={"assigned_to": assignee.pk, "version": version + 1},
    )
    fact.refresh_from_db()
    return fact


@transaction.atomic
def attach_primary_source(
    fact: Fact,
    *,
    reviewer: AbstractBaseUser,
    version: int,
    url: str,
    title: str,
    quote: str = "",
) -> PrimarySource:
    """Attach the original document (a filing, a press release) the fact rests on."""
    _require(reviewer, ATTACH_SOURCES, "attach primary sources")
    url, title = (url or "").strip(), (title or "").strip()
    try:
        _validate_url(url)
    except ValidationError as exc:
        raise ReviewError(f"{url!r} is not an http:// or https:// address") from exc
    if not title:
        raise ReviewError("give the primary source a title")
    if len(title) > 300 or len(url) > 1000:
        raise ReviewError("the title (300) or the address (1000 characters) is too long")
    status = _update_fact(fact, version=version, verb="attach a source to", values={})
    source = PrimarySource.objects.create(
        fact_id=fact.pk, url=url, title=title, quote=(quote or "").strip(), added_by=reviewer
    )
    _fact_event(
        fact,
        FactEvent.Action.SOURCE_ATTACHED,
        reviewer,
        "",
        from_status=status,
        to_status=status,
        before={"version": version},
        after={
            "version": version + 1,
            "source": {"id": source.pk, "url": url, "title": title, "quote": source.quote},
        },
    )
    fact.refresh_from_db()
    return source


@transaction.atomic
def verify_fact(
    fact: Fact,
    *,
    reviewer: AbstractBaseUser,
    version: int,
    claim: Claim | None = None,
    number: Decimal | None = None,
    number_high: Decimal | None = None,
    unit: str = "",
    date: str = "",
    qualifier: str = "",
    note: str = "",
) -> Fact:
    """Open -> verified, with the verified value: a confirmed claim's (its correction when it
    has one), or one typed by the reviewer (from a primary source, say)."""
    _require(reviewer, VERIFY_FACTS, "verify facts")
    note = _note(note, required=False, doing="verify a fact")
    value = _verified_value(
        fact,
        claim=claim,
        number=number,
        number_high=number_high,
        unit=unit,
        date=date,
        qualifier=qualifier,
    )
    before = _fact_state(fact.pk)
    _update_fact(
        fact,
        version=version,
        verb="verify",
        allowed=(FactStatus.OPEN,),
        values={
            "status": FactStatus.VERIFIED,
            "verified_by": reviewer,
            "verified_at": timezone.now(),
            **value,
        },
    )
    _status_event(fact, FactEvent.Action.VERIFIED, reviewer, note, before)
    return fact


@transaction.atomic
def verify_fact_from_confirmed(fact: Fact, *, reviewer: AbstractBaseUser, version: int) -> Fact:
    """Verify with the value the fact's confirmed claims agree on, when they agree on one
    (the admin's bulk action); refused when there is none or there are several."""
    claims = list(Claim.objects.filter(fact=fact).order_by("article__published", "id"))
    in_fact = {claim.pk for claim in claims}
    confirmed = [
        claim
        for claim in claims
        if claim.status == ClaimStatus.CONFIRMED and claim.converts_id not in in_fact
    ]
    if not confirmed:
        raise ReviewError(f"fact {fact.pk} has no confirmed claim to take the value from")
    values = {tuple(_value_of(claim).values()) for claim in confirmed}
    if len(values) > 1:
        raise ReviewError(
            f"fact {fact.pk} has {len(values)} different confirmed values: choose one on its"
            " review page"
        )
    return verify_fact(fact, reviewer=reviewer, version=version, claim=confirmed[0])


def _value_of(claim: Claim) -> dict[str, Any]:
    """The verified value a claim gives: its correction when it has one, else what was
    extracted."""
    corrected = claim.is_corrected
    return {
        "verified_number": claim.corrected_number if corrected else claim.number,
        "verified_number_high": None if corrected else claim.number_high,
        "verified_unit": claim.corrected_unit if corrected else claim.unit,
        "verified_date": claim.corrected_date if corrected else claim.date,
        "verified_qualifier": claim.qualifier,
    }


def _verified_value(
    fact: Fact,
    *,
    claim: Claim | None,
    number: Decimal | None,
    number_high: Decimal | None,
    unit: str,
    date: str,
    qualifier: str,
) -> dict[str, Any]:
    if qualifier and qualifier not in Claim.Qualifier.values:
        raise ReviewError(f"unknown qualifier {qualifier!r}")
    if claim is not None:
        # Locked: the claim cannot be reopened while it gives the fact its value.
        source = Claim.objects.select_for_update().filter(pk=claim.pk).first()
        if source is None or source.fact_id != fact.pk:
            raise ReviewError(f"claim {claim.pk} is not a mention of fact {fact.pk}")
        if source.status != ClaimStatus.CONFIRMED:
            raise ReviewError(
                f"claim {source.pk} ({source.text!r}) is {source.status}: only a confirmed"
                " claim can give the verified value"
            )
        value = _value_of(source)
        return {
            "verified_claim": source,
            **value,
            "verified_qualifier": qualifier or value["verified_qualifier"],
        }
    date = (date or "").strip()
    if fact.kind == Claim.Kind.DATE:
        if not _ISO_DATE.match(date):
            raise ReviewError(
                "choose a confirmed claim or give the verified date (2024, 2024-02 or 2024-02-26)"
            )
    elif number is None:
        raise ReviewError("choose a confirmed claim or give the verified number and unit")
    if number is not None and number_high is not None and number_high < number:
        raise ReviewError("the upper end of the range is below its lower end")
    return {
        "verified_claim": None,
        "verified_number": None if fact.kind == Claim.Kind.DATE else number,
        "verified_number_high": None if fact.kind == Claim.Kind.DATE else number_high,
        "verified_unit": (unit or "").strip()[:40],
        "verified_date": date if fact.kind == Claim.Kind.DATE else "",
        "verified_qualifier": qualifier or Claim.Qualifier.EXACT,
    }


@transaction.atomic
def publish_fact(fact: Fact, *, reviewer: AbstractBaseUser, version: int, note: str = "") -> Fact:
    """Verified -> published: API consumers see it from now on."""
    _require(reviewer, PUBLISH_FACTS, "publish facts")
    note = _note(note, required=False, doing="publish a fact")
    before = _fact_state(fact.pk)
    # settings read now, not at import: tests and operators may switch the rule at any time.
    if (
        settings.REQUIRE_SEPARATE_PUBLISHER
        and before is not None
        and before["verified_by"] == reviewer.pk
        and before["version"] == version
    ):
        raise NotAllowed(
            f"fact {fact.pk} was verified by {reviewer}: another reviewer must publish it"
            " (two-person rule)"
        )
    # verified_by only changes with the version, so the version guard covers the check above.
    _update_fact(
        fact,
        version=version,
        verb="publish",
        allowed=(FactStatus.VERIFIED,),
        values={
            "status": FactStatus.PUBLISHED,
            "published_by": reviewer,
            "published_at": timezone.now(),
        },
    )
    _status_event(fact, FactEvent.Action.PUBLISHED, reviewer, note, before)
    return fact


@transaction.atomic
def retract_fact(fact: Fact, *, reviewer: AbstractBaseUser, version: int, note: str) -> Fact:
    """Published -> retracted: withdrawn from publication; the note says why."""
    _require(reviewer, PUBLISH_FACTS, "retract facts")
    note = _note(note, required=True, doing="retract a fact")
    before = _fact_state(fact.pk)
    _update_fact(
        fact,
        version=version,
        verb="retract",
        allowed=(FactStatus.PUBLISHED,),
        values={"status": FactStatus.RETRACTED},
    )
    _status_event(fact, FactEvent.Action.RETRACTED, reviewer, note, before)
    return fact


@transaction.atomic
def reopen_fact(fact: Fact, *, reviewer: AbstractBaseUser, version: int, note: str) -> Fact:
    """Verified, published or retracted -> open, to be verified again; the note says why.

    The verified value is cleared (the event keeps it); taking a published fact back also
    needs the publish permission.
    """
    _require(reviewer, VERIFY_FACTS, "reopen facts")
    note = _note(note, required=True, doing="reopen a fact")
    before = _fact_state(fact.pk)
    allowed: tuple[str, ...] = (FactStatus.VERIFIED, FactStatus.RETRACTED)
    if reviewer.has_perm(PUBLISH_FACTS):
        allowed += (FactStatus.PUBLISHED,)
    elif before is not None and before["status"] == FactStatus.PUBLISHED:
        raise NotAllowed(f"{reviewer} may not take back a published fact")
    _update_fact(
        fact,
        version=version,
        verb="reopen",
        allowed=allowed,
        values={
            "status": FactStatus.OPEN,
            "verified_claim": None,
            "verified_number": None,
            "verified_number_high": None,
            "verified_unit": "",
            "verified_date": "",
            "verified_qualifier": "",
            "verified_by": None,
            "verified_at": None,
            "published_by": None,
            "published_at": None,
        },
    )
    _status_event(fact, FactEvent.Action.REOPENED, reviewer, note, before)
    return fact


@transaction.atomic
def rewrite_subject(
    fact: Fact, *, reviewer: AbstractBaseUser, version: int, subject: str, note: str = ""
) -> Fact:
    """The reviewer's subject line ("Reddit share price at first-day close") replaces the
    machine's, in every status: readers of a published fact see it at once, and grouping
    never writes over it afterwards."""
    _require(reviewer, REGROUP_FACTS, "rewrite subjects")
    subject = " ".join((subject or "").split())
    if not subject:
        raise ReviewError("give the subject line")
    if len(subject) > 300:
        raise ReviewError("a subject line is at most 300 characters")
    before = Fact.objects.filter(pk=fact.pk).values_list("subject", flat=True).first()
    status = _update_fact(
        fact,
        version=version,
        verb="rewrite the subject of",
        values={
            "subject": subject,
            "subject_edited_by": reviewer,
            "subject_edited_at": timezone.now(),
        },
    )
    _fact_event(
        fact,
        FactEvent.Action.SUBJECT_EDITED,
        reviewer,
        note,
        from_status=status,
        to_status=status,
        before={"subject": before, "version": version},
        after={"subject": subject, "version": version + 1},
    )
    fact.refresh_from_db()
    return fact


_VALUE_FIELDS = (
    "status",
    "version",
    "verified_claim",
    "verified_number",
    "verified_number_high",
    "verified_unit",
    "verified_date",
    "verified_qualifier",
    "verified_by",
    "published_by",
)


def _fact_state(pk: int) -> dict[str, Any] | None:
    """The editorial fields of a fact, as its events record them."""
    row = Fact.objects.filter(pk=pk).values(*_VALUE_FIELDS).first()
    if row is None:
        return None
    return {key: _json(value) for key, value in row.items()}


def _update_fact(
    fact: Fact,
    *,
    version: int,
    verb: str,
    values: dict[str, Any],
    allowed: tuple[str, ...] = tuple(FactStatus.values),
) -> str:
    """The guarded UPDATE of a fact; returns the status it was in."""
    updated = Fact.objects.filter(pk=fact.pk, status__in=allowed, version=version).update(
        version=F("version") + 1, **values
    )
    if updated != 1:
        _refuse(Fact, fact.pk, version, verb=verb, allowed=allowed, noun="fact")
    return Fact.objects.filter(pk=fact.pk).values_list("status", flat=True).get()


def _status_event(
    fact: Fact,
    action: str,
    reviewer: AbstractBaseUser,
    note: str,
    before: dict[str, Any] | None,
) -> None:
    fact.refresh_from_db()
    after = _fact_state(fact.pk)
    _fact_event(
        fact,
        action,
        reviewer,
        note,
        from_status=before["status"] if before else "",
        to_status=fact.status,
        before=before,
        after=after,
    )


def _fact_event(
    fact: Fact,
    action: str,
    actor: AbstractBaseUser,
    note: str,
    *,
    from_status: str,
    to_status: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> FactEvent:
    event = FactEvent.objects.create(
        fact_id=fact.pk,
        action=action,
        actor=actor,
        note=note,
        from_status=from_status,
        to_status=to_status,
        before=before,
        after=after,
    )
    record_changes([fact.pk])  # after the event: a retraction's record shows its note
    return event


# --------------------------------------------------------------------------------------------
# Refusals
# --------------------------------------------------------------------------------------------


def _require(user: AbstractBaseUser, permission: str, doing: str) -> None:
    if not (user and user.is_active and user.has_perm(permission)):
        raise NotAllowed(f"{user} may not {doing}")


def _note(note: str, *, required: bool, doing: str) -> str:
    note = (note or "").strip()
    if required and not note:
        raise ReviewError(f"a note is required to {doing}")
    return note


def _refuse(
    model: type[models.Model],
    pk: int,
    version: int,
    *,
    verb: str,
    allowed: Iterable[str],
    noun: str,
) -> None:
    """Explain why a guarded UPDATE changed no row: gone, changed meanwhile, or wrong status."""
    current = model.objects.filter(pk=pk).values("status", "version").first()
    if current is None:
        raise ReviewError(f"{noun} {pk} no longer exists")
    if current["version"] != version:
        raise StaleVersion(
            f"{noun} {pk} changed meanwhile (it is now {current['status']}); reload the page"
            " and decide again"
        )
    allowed = list(allowed)
    raise ReviewError(
        f"cannot {verb} {noun} {pk}: it is {current['status']}; only a"
        f" {' or '.join(allowed)} {noun} can be"
        f" {_PAST.get(verb, verb + 'ed')}"
    )


_PAST = {
    "confirm": "confirmed",
    "dispute": "disputed",
    "reject": "rejected",
    "reopen": "reopened",
    "correct": "corrected",
    "verify": "verified",
    "publish": "published",
    "retract": "retracted",
    "assign": "assigned",
    "attach a source to": "given a source",
    "rewrite the subject of": "given a new subject",
}


def _json(value: Any) -> Any:
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, models.Model):
        return value.pk
    return value


# --------------------------------------------------------------------------------------------
# Bulk: used by the admin's actions
# --------------------------------------------------------------------------------------------


@dataclass
class BulkReport:
    """What a bulk action did: the items it changed and, for the others, why not."""

    done: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)

    def summary(self, verb: str) -> str:
        return f"{verb.capitalize()} {len(self.done)}; refused {len(self.refused)}."


# --------------------------------------------------------------------------------------------
# Regrouping: which mentions state which fact
# --------------------------------------------------------------------------------------------
#
# A reviewer moves mentions to another fact, splits them into a new one, merges two facts,
# and undoes the last of these. Only open facts are regrouped (a verified or published value
# rests on its mentions: reopen first). Each change is one FactEvent on the fact the reviewer
# acted from, naming every fact and mention involved, so that it can be undone; the facts'
# profiles, keys and agreement are then computed again by claims.facts.

REGROUP_FACTS = "claims.change_fact"
_REGROUPINGS = (FactEvent.Action.CLAIM_MOVED, FactEvent.Action.SPLIT, FactEvent.Action.MERGED)


@transaction.atomic
def move_mentions(
    fact: Fact,
    claims: Iterable[Claim],
    *,
    to_fact: Fact,
    reviewer: AbstractBaseUser,
    version: int,
    note: str = "",
) -> Fact:
    """Move mentions of `fact` (with the conversions stated next to them) to `to_fact`."""
    _require(reviewer, REGROUP_FACTS, "regroup mentions")
    facts.lock_fact_writes([fact, to_fact])
    fact, to_fact = _open_facts(fact, to_fact, version=version)
    moving = _members_chosen(fact, claims)
    left = _member_ids(fact) - set(moving)
    if not left:
        raise ReviewError(
            f"these are all the mentions of fact {fact.pk}: merge the two facts instead"
        )
    _check_comparable(Claim.objects.filter(pk__in=moving), to_fact)
    _relink(moving, source=fact, target=to_fact)
    _regrouping_event(
        fact,
        FactEvent.Action.CLAIM_MOVED,
        reviewer,
        note,
        before={"fact": fact.pk, "claims": sorted(left | set(moving))},
        after={"fact": fact.pk, "claims": sorted(left), "moved": moving, "to_fact": to_fact.pk},
    )
    facts.regrouped([fact, to_fact])
    to_fact.refresh_from_db()
    return to_fact


@transaction.atomic
def split_mentions(
    fact: Fact,
    claims: Iterable[Claim],
    *,
    reviewer: AbstractBaseUser,
    version: int,
    note: str = "",
) -> Fact:
    """Take mentions out of `fact` into a new fact of their own; returns the new fact."""
    _require(reviewer, REGROUP_FACTS, "split facts")
    facts.lock_fact_writes([fact])
    (fact,) = _open_facts(fact, version=version)
    moving = _members_chosen(fact, claims)
    left = _member_ids(fact) - set(moving)
    if not left:
        raise ReviewError(f"choose some of the mentions of fact {fact.pk}, not all of them")
    first = Claim.objects.filter(pk__in=moving).order_by("article__published", "pk").first()
    new = Fact.objects.create(
        subject=first.subject[:300],
        story_id=fact.story_id,
        kind=fact.kind,
        dimension=fact.dimension,
    )
    _relink(moving, source=fact, target=new)
    _regrouping_event(
        fact,
        FactEvent.Action.SPLIT,
        reviewer,
        note,
        before={"fact": fact.pk, "claims": sorted(left | set(moving))},
        after={"fact": fact.pk, "claims": sorted(left), "moved": moving, "to_fact": new.pk},
    )
    facts.regrouped([fact, new])
    new.refresh_from_db()
    return new


@transaction.atomic
def merge_facts(
    fact: Fact, other: Fact, *, reviewer: AbstractBaseUser, version: int, note: str = ""
) -> Fact:
    """Bring every mention (and primary source) of `other` into `fact`; `other` is deleted,
    its history kept."""
    _require(reviewer, REGROUP_FACTS, "merge facts")
    facts.lock_fact_writes([fact, other])
    if other.pk == fact.pk:
        raise ReviewError(f"fact {fact.pk} cannot be merged with itself")
    fact, other = _open_facts(fact, other, version=version)
    kept, moving = _member_ids(fact), sorted(_member_ids(other))
    _check_comparable(Claim.objects.filter(pk__in=moving), fact)
    sources = list(PrimarySource.objects.filter(fact=other).values_list("pk", flat=True))
    gone = {
        "fact": other.pk,
        "claims": moving,
        "subject": other.subject,
        "subject_edited_by": other.subject_edited_by_id,
        "kind": other.kind,
        "dimension": other.dimension,
        "sources": sources,
    }
    _relink(moving, source=other, target=fact)
    PrimarySource.objects.filter(pk__in=sources).update(fact=fact)
    other.delete()  # its keys go with it; its events stay, their fact link cleared
    _regrouping_event(
        fact,
        FactEvent.Action.MERGED,
        reviewer,
        note,
        before={"fact": fact.pk, "claims": sorted(kept), "merged": gone},
        after={"fact": fact.pk, "claims": sorted(kept | set(moving))},
    )
    facts.regrouped([fact])
    return fact


@transaction.atomic
def undo_regrouping(
    fact: Fact, *, reviewer: AbstractBaseUser, version: int, note: str = ""
) -> Fact:
    """Undo the last move, split or merge made from this fact, if nothing moved since."""
    _require(reviewer, REGROUP_FACTS, "undo a regrouping")
    facts.lock_fact_writes([fact])
    last = last_regrouping(fact)
    if last is None:
        raise ReviewError(f"fact {fact.pk} has no regrouping to undo")
    if last.action == FactEvent.Action.MERGED:
        gone = last.before["merged"]
        (fact,) = _open_facts(fact, version=version)
        back = Fact.objects.create(
            subject=gone["subject"],
            subject_edited_by_id=gone.get("subject_edited_by"),
            story_id=fact.story_id,
            kind=gone["kind"],
            dimension=gone["dimension"],
        )
        _relink(gone["claims"], source=fact, target=back)
        PrimarySource.objects.filter(pk__in=gone["sources"], fact=fact).update(fact=back)
        after = {"fact": fact.pk, "claims": last.before["claims"], "restored_fact": back.pk}
    else:
        moved_to = Fact.objects.filter(pk=last.after["to_fact"]).first()
        if moved_to is None:
            raise ReviewError(f"fact {last.after['to_fact']} no longer exists: move them back")
        fact, moved_to = _open_facts(fact, moved_to, version=version)
        _relink(last.after["moved"], source=moved_to, target=fact)
        back = moved_to
        after = {"fact": fact.pk, "claims": last.before["claims"], "from_fact": back.pk}
    _regrouping_event(
        fact,
        FactEvent.Action.UNDONE,
        reviewer,
        note,
        before={"undoes": last.pk, **last.after},
        after=after,
    )
    remaining = Claim.objects.filter(fact=back).exists()
    if not remaining:
        back.delete()
    facts.regrouped([fact, back] if remaining else [fact])
    fact.refresh_from_db()
    return fact


@transaction.atomic
def move_article_to_story(
    article: Article, *, story: Story | None, reviewer: AbstractBaseUser, note: str = ""
) -> Story:
    """Move an article to another story (a new one of its own when `story` is None). Its
    unreviewed mentions are grouped again within that story; reviewed ones stay where
    reviewers put them. Recorded on the article."""
    _require(reviewer, REGROUP_FACTS, "move articles between stories")
    return facts.move_article_to_story(article, story, actor=reviewer, note=note)


def last_regrouping(fact: Fact) -> FactEvent | None:
    """The regrouping an undo would take back: the fact's last, unless already undone."""
    last = (
        FactEvent.objects.filter(fact=fact, action__in=(*_REGROUPINGS, FactEvent.Action.UNDONE))
        .order_by("-at", "-id")
        .first()
    )
    return None if last is None or last.action == FactEvent.Action.UNDONE else last


def _open_facts(*chosen: Fact, version: int) -> list[Fact]:
    """The facts locked, in the order given; the first at the version the reviewer saw.

    Refused unless every one is open: a verified or published value rests on its mentions.
    """
    locked = {
        f.pk: f for f in Fact.objects.select_for_update().filter(pk__in=[f.pk for f in chosen])
    }
    for fact in chosen:
        current = locked.get(fact.pk)
        if current is None:
            raise ReviewError(f"fact {fact.pk} no longer exists")
        if current.status != FactStatus.OPEN:
            raise ReviewError(
                f"fact {fact.pk} is {current.status}: reopen it before regrouping its mentions"
            )
    first = locked[chosen[0].pk]
    if first.version != version:
        raise StaleVersion(f"fact {first.pk} changed meanwhile; reload the page and decide again")
    Fact.objects.filter(pk__in=list(locked)).update(version=F("version") + 1)
    for fact in locked.values():
        fact.version += 1
    return [locked[fact.pk] for fact in chosen]


def _member_ids(fact: Fact) -> set[int]:
    return set(Claim.objects.filter(fact=fact).values_list("pk", flat=True))


def _members_chosen(fact: Fact, claims: Iterable[Claim]) -> list[int]:
    """The chosen mentions and the conversions stated next to them, all in `fact`."""
    chosen = {claim.pk for claim in claims}
    if not chosen:
        raise ReviewError("choose at least one mention")
    members = dict(Claim.objects.filter(fact=fact).values_list("pk", "converts_id"))
    strangers = sorted(chosen - set(members))
    if strangers:
        raise ReviewError(f"claim(s) {', '.join(map(str, strangers))} are not in fact {fact.pk}")
    chosen |= {pk for pk, converts in members.items() if converts in chosen}
    return sorted(chosen)


def _check_comparable(claims: Iterable[Claim], fact: Fact) -> None:
    for claim in claims:
        dimension = units.dimension_of(claim.kind, claim.unit)
        if not units.dimensions_compatible(claim.kind, dimension, fact.kind, fact.dimension):
            raise ReviewError(
                f"“{claim.text}” is a {claim.kind} in {dimension}; fact {fact.pk} holds"
                f" {fact.kind} in {fact.dimension}: they cannot be compared"
            )


def _relink(claim_ids: list[int], *, source: Fact, target: Fact) -> None:
    """Move the claims, every one of them or none (one moved meanwhile: refused)."""
    updated = Claim.objects.filter(pk__in=claim_ids, fact=source).update(fact=target)
    if updated != len(set(claim_ids)):
        raise ReviewError(
            f"mentions of fact {source.pk} were regrouped meanwhile; reload the page and decide again"
        )


def _regrouping_event(
    fact: Fact,
    action: str,
    reviewer: AbstractBaseUser,
    note: str,
    *,
    before: dict[str, Any],
    after: dict[str, Any],
) -> None:
    FactEvent.objects.create(
        fact_id=fact.pk,
        action=action,
        actor=reviewer,
        note=(note or "").strip(),
        from_status=FactStatus.OPEN,
        to_status=FactStatus.OPEN,
        before=before,
        after=after,
    )
