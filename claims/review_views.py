"""The fact review page of the admin (admin/claims/fact/<id>/review/) and its actions.

Every action is a POST (CSRF-protected by admin_view) that carries the version the page
showed, calls one claims.review service and comes back to the page with the outcome in a
message. Permissions are checked here first (a 403 for a role that may not act at all) and
again by the service.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.admin import ModelAdmin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from articles.models import Article, Story

from . import review, selectors
from .forms import (
    ClaimDecisionForm,
    CorrectionForm,
    DecisionForm,
    PrimarySourceForm,
    SubjectForm,
    VerifyForm,
    form_errors,
)
from .models import Claim, Fact

# Where the queue keeps the reviewer's last query string (filters, search, order).
QUEUE_QUERY = "review_queue_query"


@require_GET
def review_page(request: HttpRequest, pk: int, *, model_admin: ModelAdmin) -> HttpResponse:
    fact = get_object_or_404(
        Fact.objects.select_related("assigned_to", "verified_by", "published_by", "verified_claim"),
        pk=pk,
    )
    if not model_admin.has_view_permission(request, fact):
        raise PermissionDenied
    data = selectors.fact_review(fact)
    user = request.user
    context = {
        **model_admin.admin_site.each_context(request),
        # The page needs the whole width for the mentions side by side.
        "is_nav_sidebar_enabled": False,
        "opts": Fact._meta,
        "title": f"Review: {fact.subject}",
        "subtitle": None,
        "fact": fact,
        "review": data,
        # Never a value that disagrees with another confirmed mention: then the reviewer chooses.
        "default_claim": data.confirmed[0].pk
        if data.confirmed and not data.confirmed_disagree
        else None,
        "qualifiers": Claim.Qualifier.choices,
        "can_review_claims": user.has_perm(review.REVIEW_CLAIMS),
        "can_assign": user.has_perm(review.ASSIGN_FACTS),
        "can_attach": user.has_perm(review.ATTACH_SOURCES),
        "can_verify": user.has_perm(review.VERIFY_FACTS),
        "can_publish": user.has_perm(review.PUBLISH_FACTS),
        "settings_two_person": settings.REQUIRE_SEPARATE_PUBLISHER,
        "queue_url": queue_url(request),
        "can_regroup": user.has_perm(review.REGROUP_FACTS),
        "find": request.GET.get("find", "").strip()[:100],
        "last_regrouping": review.last_regrouping(fact),
        "fact_articles": selectors.articles_of_fact(fact),
        "stories": selectors.recent_stories(),
    }
    if context["find"] and context["can_regroup"]:
        context["candidates"] = selectors.regroup_candidates(fact, context["find"])
    return TemplateResponse(request, "admin/claims/fact/review.html", context)


def queue_url(request: HttpRequest) -> str:
    """The review queue as the reviewer last filtered it."""
    query = request.session.get(QUEUE_QUERY, "")
    url = reverse("admin:claims_fact_changelist")
    return f"{url}?{query}" if query else url


@require_POST
def review_action(
    request: HttpRequest, pk: int, action: str, *, model_admin: ModelAdmin
) -> HttpResponse:
    handler, permission = ACTIONS.get(action, (None, None))
    if handler is None:
        return HttpResponse("unknown action", status=404)
    fact = get_object_or_404(Fact, pk=pk)
    if not request.user.has_perm(permission):
        raise PermissionDenied
    try:
        done = handler(request, fact)
    except review.ReviewError as exc:
        messages.error(request, f"Refused: {exc}")
    else:
        messages.success(request, done)
    url = reverse("admin:claims_fact_review", args=[fact.pk])
    return HttpResponseRedirect(url)


def _form(form_class, request: HttpRequest):
    form = form_class(request.POST)
    if not form.is_valid():
        raise review.ReviewError(form_errors(form))
    return form.cleaned_data


def _mentions(request: HttpRequest, fact: Fact) -> list[Claim]:
    ids = [int(pk) for pk in request.POST.getlist("mention") if pk.isdigit()]
    return list(Claim.objects.filter(fact=fact, pk__in=ids))


def _target(request: HttpRequest) -> Fact:
    target = request.POST.get("target", "")
    fact = Fact.objects.filter(pk=int(target)).first() if target.isdigit() else None
    if fact is None:
        raise review.ReviewError("find the other fact and choose it first")
    return fact


def _move(request: HttpRequest, fact: Fact) -> str:
    data = _form(DecisionForm, request)
    target = review.move_mentions(
        fact,
        _mentions(request, fact),
        to_fact=_target(request),
        reviewer=request.user,
        version=data["version"],
        note=data["note"],
    )
    return f"Moved to fact {target.pk} ({target.subject}). Undo below if that was a mistake."


def _split(request: HttpRequest, fact: Fact) -> str:
    data = _form(DecisionForm, request)
    new = review.split_mentions(
        fact,
        _mentions(request, fact),
        reviewer=request.user,
        version=data["version"],
        note=data["note"],
    )
    return f"Split into a new fact {new.pk} ({new.subject}). Undo below if that was a mistake."


def _merge(request: HttpRequest, fact: Fact) -> str:
    data = _form(DecisionForm, request)
    other = _target(request)
    review.merge_facts(
        fact, other, reviewer=request.user, version=data["version"], note=data["note"]
    )
    return f"Merged fact {other.pk} ({other.subject}) into this one."


def _subject(request: HttpRequest, fact: Fact) -> str:
    data = _form(SubjectForm, request)
    fact = review.rewrite_subject(
        fact,
        reviewer=request.user,
        version=data["version"],
        subject=data["subject"],
        note=data["note"],
    )
    return f"The subject line is now “{fact.subject}”."


def _undo(request: HttpRequest, fact: Fact) -> str:
    data = _form(DecisionForm, request)
    review.undo_regrouping(fact, reviewer=request.user, version=data["version"], note=data["note"])
    return "The last regrouping was undone."


def _story(request: HttpRequest, fact: Fact) -> str:
    data = _form(DecisionForm, request)
    chosen = request.POST.get("article", "")
    article = Article.objects.filter(
        pk=int(chosen) if chosen.isdigit() else None, claims__fact=fact
    ).first()
    if article is None:
        raise review.ReviewError("choose one of this fact's articles")
    target = request.POST.get("story", "")
    story = Story.objects.filter(pk=int(target)).first() if target.isdigit() else None
    if story is None and target != "new":
        raise review.ReviewError("choose a story, or a new one")
    story = review.move_article_to_story(
        article, story=story, reviewer=request.user, note=data["note"]
    )
    return f"“{article.title}” is now in the story “{story.title}”."


def _claim_of(fact: Fact, claim_id: int | None) -> Claim:
    claim = Claim.objects.filter(pk=claim_id, fact=fact).first() if claim_id else None
    if claim is None:
        raise review.ReviewError(f"claim {claim_id} is not a mention of this fact")
    return claim


def _claim_decision(service: Callable[..., Claim], verb: str):
    def handle(request: HttpRequest, fact: Fact) -> str:
        data = _form(ClaimDecisionForm, request)
        claim = _claim_of(fact, data["claim"])
        service(claim, reviewer=request.user, version=data["version"], note=data["note"])
        return f"{verb} claim {claim.pk} ({claim.text})."

    return handle


def _correct(request: HttpRequest, fact: Fact) -> str:
    data = _form(CorrectionForm, request)
    claim = _claim_of(fact, data["claim"])
    claim = review.correct_claim(
        claim,
        reviewer=request.user,
        version=data["version"],
        number=data["number"],
        unit=data["unit"],
        date=data["date"],
        note=data["note"],
    )
    return f"Corrected claim {claim.pk} ({claim.text}) to {claim.corrected_value}."


def _confirm_rest(request: HttpRequest, fact: Fact) -> str:
    """Confirm every claim the page showed as proposed, at the version it showed."""
    shown = {}
    for item in request.POST.getlist("claim_version"):
        claim_id, _, version = item.partition(":")
        if claim_id.isdigit() and version.isdigit():
            shown[int(claim_id)] = int(version)
    claims = list(Claim.objects.filter(fact=fact, pk__in=list(shown)))
    groups = selectors.fact_review(fact).proposed_groups
    chosen = [group for group in groups if {c.pk for c in group.claims} & set(shown)]
    if len(chosen) > 1:
        values = " and ".join(group.values for group in chosen)
        raise review.ReviewError(f"these mentions disagree: {values}; confirm one value at a time")
    report = review.BulkReport()
    for claim in claims:
        try:
            review.confirm_claim(claim, reviewer=request.user, version=shown[claim.pk])
        except review.ReviewError as exc:
            report.refused.append((claim.text, str(exc)))
        else:
            report.done.append(claim.text)
    if report.refused:
        reasons = "; ".join(f"{text}: {reason}" for text, reason in report.refused)
        raise review.ReviewError(f"confirmed {len(report.done)}, refused {reasons}")
    return f"Confirmed {len(report.done)} claim(s): {', '.join(report.done)}."


def _verify(request: HttpRequest, fact: Fact) -> str:
    data = _form(VerifyForm, request)
    claim = _claim_of(fact, data["claim"]) if data["claim"] else None
    fact = review.verify_fact(
        fact,
        reviewer=request.user,
        version=data["version"],
        claim=claim,
        number=data["number"],
        number_high=data["number_high"],
        unit=data["unit"],
        date=data["date"],
        qualifier=data["qualifier"],
        note=data["note"],
    )
    return f"Verified: {fact.verified_value}."


def _fact_decision(service: Callable[..., Fact], message: str):
    def handle(request: HttpRequest, fact: Fact) -> str:
        data = _form(DecisionForm, request)
        service(fact, reviewer=request.user, version=data["version"], note=data["note"])
        return message

    return handle


def _assign(request: HttpRequest, fact: Fact) -> str:
    data = _form(DecisionForm, request)
    review.assign_fact(fact, reviewer=request.user, version=data["version"])
    return "Assigned to you."


def _attach(request: HttpRequest, fact: Fact) -> str:
    data = _form(PrimarySourceForm, request)
    source = review.attach_primary_source(
        fact,
        reviewer=request.user,
        version=data["version"],
        url=data["url"],
        title=data["title"],
        quote=data["quote"],
    )
    return f"Attached the primary source {source.title}."


# action in the URL -> (handler, the permission a user needs to try it at all)
ACTIONS: dict[str, tuple[Callable[[HttpRequest, Fact], str], str]] = {
    "confirm": (_claim_decision(review.confirm_claim, "Confirmed"), review.REVIEW_CLAIMS),
    "dispute": (_claim_decision(review.dispute_claim, "Disputed"), review.REVIEW_CLAIMS),
    "reject": (_claim_decision(review.reject_claim, "Rejected"), review.REVIEW_CLAIMS),
    "reopen-claim": (_claim_decision(review.reopen_claim, "Reopened"), review.REVIEW_CLAIMS),
    "correct": (_correct, review.REVIEW_CLAIMS),
    "confirm-rest": (_confirm_rest, review.REVIEW_CLAIMS),
    "verify": (_verify, review.VERIFY_FACTS),
    "publish": (_fact_decision(review.publish_fact, "Published."), review.PUBLISH_FACTS),
    "retract": (_fact_decision(review.retract_fact, "Retracted."), review.PUBLISH_FACTS),
    "reopen": (_fact_decision(review.reopen_fact, "Reopened."), review.VERIFY_FACTS),
    "assign": (_assign, review.ASSIGN_FACTS),
    "source": (_attach, review.ATTACH_SOURCES),
    "move": (_move, review.REGROUP_FACTS),
    "split": (_split, review.REGROUP_FACTS),
    "merge": (_merge, review.REGROUP_FACTS),
    "undo": (_undo, review.REGROUP_FACTS),
    "subject": (_subject, review.REGROUP_FACTS),
    "story": (_story, review.REGROUP_FACTS),
}
