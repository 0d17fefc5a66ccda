"""The extraction pipeline: an uploaded article's way to its proposed claims and facts.

    upload (articles.services.create_article, or request_extraction: the
        `extraction_requested` signal)
    -> queued once the transaction commits (claims.tasks.enqueue_extraction)
    -> the worker runs claims.tasks.propose_claims_task, which calls propose_claims():
       received -> extracting; figures extracted outside any transaction; then in one
       transaction the proposed claims replaced, extracting -> done, and the claims grouped
       into facts (claims.facts)
    -> failed, with the reason, once the task gives up (record_extraction_failure)

The stalled-article sweep (requeue_stalled_articles, run by the beat scheduler) asks again for
the extraction of articles whose task seems lost; a worker that starts asks again for those
whose task died with a worker (requeue_orphaned_extractions, from claims.tasks). Every status change goes through
articles.services.change_status, with its event.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import replace
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from articles.models import Article, Outlet, Story
from articles.services import change_status
from articles.signals import extraction_requested
from articles.stories import add_name_forms, assign_story

from . import about, facts
from .extraction import (
    EXTRACTOR_NAME,
    EXTRACTOR_VERSION,
    currency_of_address,
    currency_of_country,
    extract_figures,
)
from .extraction.types import Figure
from .models import Claim, Fact
from .public.records import record_changes

logger = logging.getLogger(__name__)
Status = Article.Status


def outlet_currency(article: Article) -> str | None:
    """The currency the article's outlet writes: its record's currency or its country's,
    else the country domain of the article's address (".ca": CAD); None when nothing says."""
    name = article.outlet.strip()
    outlet = Outlet.objects.filter(name__iexact=name).first() if name else None
    if outlet is not None and (outlet.currency or outlet.country):
        return outlet.currency or currency_of_country(outlet.country)
    return currency_of_address(article.url)


def propose_claims(article: Article) -> int:
    """Extract the article's figures and store them as proposed claims.

    Safe to run more than once and from two workers at once (a redelivered
    task): the write happens under a row lock and replaces only claims nobody
    has reviewed yet. Returns how many claims were stored.
    """
    if not change_status(
        article,
        from_statuses=(Status.RECEIVED, Status.EXTRACTING),
        to_status=Status.EXTRACTING,
        note="extraction started",
    ):
        logger.info("article %s is %s; nothing to do", article.pk, article.status)
        return 0
    # The extractor is pure computation: run it outside any transaction.
    figures = extract_figures(
        article.body, published=article.published, local_currency=outlet_currency(article)
    )
    # Read once for the story and for what each figure is about.
    context = about.ArticleContext(article.body, article.title, article.published)
    # Its own short transaction: matching below then locks only this story.
    assign_story(article, figures, context)
    with transaction.atomic():
        locked = _locked_article(article.pk)
        if locked.status != Status.EXTRACTING:
            return 0
        # The story is the one assign_story just read and widened, unless a reviewer moved the
        # article since.
        if locked.story_id == article.story_id:
            story = article.story
            if "name_forms" in story.get_deferred_fields():
                # Read with the locked row (assign_story reads candidates without them).
                story.name_forms = _NAME_FORMS.from_db_value(
                    locked.story_name_forms, None, connection
                )
        else:
            story = locked.story
        claims, kept = _replace_proposed_claims(locked, figures, context, story.name_forms)
        change_status(
            locked,
            from_statuses=(Status.EXTRACTING,),
            to_status=Status.DONE,
            note=f"story {article.story_id}: {len(claims)} figure(s) proposed",
        )
        # In the same transaction: claims are never committed without their facts (they are
        # inserted with them).
        facts.group_article_claims(locked, new_claims=claims, stored=kept)
        # Under the story's lock, which grouping took.
        add_name_forms(story, ((c.subject_entity, c.subject_key) for c in claims))
        # Its names and figures may show that another story is this one.
        if facts.merge_related_stories(story):
            # Its story may have been the smaller one, merged into another.
            locked.refresh_from_db(fields=["story"])
    article.status = Status.DONE
    article.story_id = locked.story_id
    return len(claims)


def _replace_proposed_claims(
    article: Article,
    figures: list[Figure],
    context: about.ArticleContext,
    story_forms: dict[str, str],
) -> tuple[list[Claim], bool]:
    """The article's new claims, not stored yet (grouping inserts them with their facts),
    and whether claims a reviewer touched are kept. The unreviewed ones are deleted.
    `story_forms`: the names its story's articles write, with their keys (Story.name_forms)."""
    # A claim a reviewer touched (reopened or corrected: version > 0) is kept with its history.
    # One read of the article's claims (none on a first extraction) sorts them.
    stale: list[int] = []
    released: dict[int, list[int]] = defaultdict(list)
    reviewed_spans: set[tuple[int, int]] = set()
    stored = _run_compiled(_STORED_CLAIMS, article.pk)
    for claim_id, fact_id, status, version, start, end in stored:
        if status == Claim.Status.PROPOSED and version == 0:
            stale.append(claim_id)
            if fact_id is not None:
                released[fact_id].append(claim_id)
        else:
            reviewed_spans.add((start, end))
    if stale:
        Claim.objects.filter(pk__in=stale).delete()
        # Their facts lose members: recomputed, or deleted when empty.
        facts.release_claims(released)
    if (context.body, context.title, context.published) != (
        article.body,
        article.title or "",
        article.published,
    ):
        # The row read under the lock is what is stored: read it again if it changed.
        context = about.ArticleContext(article.body, article.title, article.published)
    story_keys = about.resolve_keys(context.name_keys, story_forms)
    claims: dict[int, Claim] = {}
    for index, figure in enumerate(figures):
        if (figure.start, figure.end) not in reviewed_spans:
            claims[index] = _claim_from_figure(article, figure, context, story_keys)
    for index, claim in claims.items():
        original = figures[index].converts
        if original is not None and original in claims:
            # Linked by the object: the original has no id yet.
            claim.converts = claims[original]
            # "€2 billion ($2.1 billion)": the bracket restates the figure before it, which
            # its own clause ("(") says nothing of; readers see one subject for both. Only the
            # line: grouping keeps comparing each claim's own terms.
            claim.subject = claims[original].subject
    return list(claims.values()), bool(reviewed_spans)


# A stand-in article id, found again in a compiled query's parameters (_compiled).
_STAND_IN_ID = -7_070_707
_NAME_FORMS = Story._meta.get_field("name_forms")


def _lock_query():
    """The article's row, locked, with its story's name forms (story_name_forms)."""
    return (
        Article.objects.select_for_update(of=("self",))
        .filter(pk=_STAND_IN_ID)
        .annotate(story_name_forms=F("story__name_forms"))
        .order_by()
    )


def _stored_claims_query():
    """What _replace_proposed_claims reads of each stored claim of the article."""
    return Claim.objects.filter(article_id=_STAND_IN_ID).values_list(
        "id", "fact_id", "status", "version", "start", "end"
    )


# Run for every article: their SQL compiled by Django once per database vendor (building
# and compiling the querysets cost more than the database's work), run with the article's id.
_LOCK_ARTICLE: dict[str, tuple[str, list, int]] = {}
_STORED_CLAIMS: dict[str, tuple[str, list, int]] = {}
_BUILDERS = {id(_LOCK_ARTICLE): _lock_query, id(_STORED_CLAIMS): _stored_claims_query}


def _compiled(cache: dict, article_id: int) -> tuple[str, list]:
    if connection.vendor not in cache:
        sql, params = _BUILDERS[id(cache)]().query.sql_with_params()
        slots = [i for i, param in enumerate(params) if param == _STAND_IN_ID]
        if len(slots) != 1:
            raise ValueError(f"the stand-in id is not found once in {sql}")
        cache[connection.vendor] = (sql, list(params), slots[0])
    sql, params, slot = cache[connection.vendor]
    params = list(params)
    params[slot] = article_id
    return sql, params


def _locked_article(article_id: int) -> Article:
    """Article.objects.select_for_update().get(pk=article_id), locking the article's row
    only, with its story's name forms as stored (story_name_forms: JSON text)."""
    sql, params = _compiled(_LOCK_ARTICLE, article_id)
    found = list(Article.objects.raw(sql, params))
    if not found:
        raise Article.DoesNotExist(f"article {article_id} does not exist")
    return found[0]


def _run_compiled(cache: dict, article_id: int) -> list[tuple]:
    sql, params = _compiled(cache, article_id)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def release_article_claims(sender, *, article_id: int, note: str, **kwargs) -> None:
    """Receives articles.signals.deleting: deletes every claim of the article; their facts
    are brought up to date (or deleted when empty) and public records rewritten."""
    claims = Claim.objects.filter(article_id=article_id)
    released: dict[int, list[int]] = defaultdict(list)
    for fact_id, claim_id in claims.exclude(fact=None).values_list("fact_id", "id"):
        released[fact_id].append(claim_id)
    # A fact's verified value may rest on one of them: the value stays, the link goes.
    claims.delete()
    facts.release_claims(released, note=note)


def article_details_changed(sender, *, article_id: int, **kwargs) -> None:
    """Receives articles.signals.details_changed: the facts citing the article are compared
    again (its outlet and date are part of a comparison) and their records rewritten."""
    fact_ids = set(
        Claim.objects.filter(article_id=article_id)
        .exclude(fact=None)
        .values_list("fact_id", flat=True)
    )
    for fact in Fact.objects.filter(pk__in=fact_ids):
        facts.recompute_agreement(fact)
    record_changes(fact_ids)


def _claim_from_figure(
    article: Article,
    figure: Figure,
    context: about.ArticleContext,
    story_keys: dict[str, str] | None = None,
) -> Claim:
    """`story_keys`: the story's keys for the article's own entity keys (about.resolve_keys)."""
    found = about.about(
        context,
        start=figure.start,
        end=figure.end,
        sentence_start=figure.sentence_start,
        sentence_end=figure.sentence_end,
        kind=figure.kind.value,
        unit=figure.unit or "",
        date_value=figure.date or "",
        text=figure.text,
    )
    if story_keys and found.entity_key in story_keys:
        found = replace(found, entity_key=story_keys[found.entity_key])
    return _new_claim(
        article,
        start=figure.start,
        end=figure.end,
        text=figure.text[:300],
        sentence_start=figure.sentence_start,
        sentence_end=figure.sentence_end,
        kind=figure.kind.value,
        number=figure.number,
        number_high=figure.number_high,
        date=figure.date or "",
        unit=figure.unit or "",
        qualifier=figure.qualifier.value,
        subject=about.subject_line(found, figure.subject or figure.text)[:300],
        subject_terms=about.subject_terms(found, figure.subject or figure.text)[:300],
        subject_place=found.place_key[:60],
        subject_entity=found.entity[:120],
        subject_measure=found.measure[:60],
        subject_reference=found.reference[:60],
        subject_scope=found.scope[:40],
        subject_key=found.key[:300],
        incidental=found.incidental,
        extractor=EXTRACTOR_NAME,
        extractor_version=EXTRACTOR_VERSION,
    )


# Claim's columns in the order Claim() takes them as positional arguments, and the defaults of
# those _claim_from_figure leaves out (a callable default is called for each claim).
_CLAIM_COLUMNS = [field.attname for field in Claim._meta.concrete_fields]
_CLAIM_DEFAULTS = {
    field.attname: field.get_default()
    for field in Claim._meta.concrete_fields
    if not (field.has_default() and callable(field.default))
}
_CLAIM_CALLED_DEFAULTS = [
    field
    for field in Claim._meta.concrete_fields
    if field.has_default() and callable(field.default)
]


def _new_claim(article: Article, **values) -> Claim:
    """Claim(article=article, **values), built from positional values: Django's handling of
    keyword arguments, field by field, costs twice as much, and an article has dozens of
    claims."""
    row = {**_CLAIM_DEFAULTS, **values, "article_id": article.pk}
    for field in _CLAIM_CALLED_DEFAULTS:
        row.setdefault(field.attname, field.get_default())
    claim = Claim(*[row[name] for name in _CLAIM_COLUMNS])
    claim.article = article  # as Claim(article=...) does: the object, not only its id
    return claim


def record_extraction_failure(article_id: int, reason: str) -> None:
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        return
    change_status(
        article,
        from_statuses=(Status.RECEIVED, Status.EXTRACTING),
        to_status=Status.FAILED,
        note=reason[:2000],
    )


def requeue_stalled_articles() -> int:
    """Ask again for the extraction of the articles whose task seems lost; return how many."""
    now = timezone.now()
    waiting_since = now - timedelta(seconds=settings.ARTICLE_STALL_SECONDS)
    # A running extraction is only stalled once it has outlived the task time limit.
    running_since = now - timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 60)
    stalled = list(
        Article.objects.filter(
            Q(status=Status.RECEIVED, status_changed_at__lt=waiting_since)
            | Q(status=Status.EXTRACTING, status_changed_at__lt=running_since)
        ).values_list("pk", flat=True)[:500]
    )
    # Touch the rows first (in one statement) so the next sweep waits another full period.
    Article.objects.filter(pk__in=stalled).update(status_changed_at=timezone.now())
    for article_id in stalled:
        extraction_requested.send(sender=Article, article_id=article_id)
    if stalled:
        logger.warning("re-queued %d stalled article(s): %s", len(stalled), stalled)
    return len(stalled)


def requeue_orphaned_extractions(held_by_live_workers: set[int]) -> int:
    """Ask again for the extraction of the articles being extracted whose task no live worker
    holds: it died with its worker (a machine lost), and the broker would hand it out again
    only after its visibility timeout. Return how many.

    Each is claimed with a conditional UPDATE on the time its extraction started, so two
    workers that start at once send it once between them.
    """
    extracting = Article.objects.filter(status=Status.EXTRACTING).exclude(
        pk__in=held_by_live_workers
    )
    resent = []
    for article_id, since in extracting.values_list("pk", "status_changed_at")[:500]:
        claimed = Article.objects.filter(
            pk=article_id, status=Status.EXTRACTING, status_changed_at=since
        ).update(status_changed_at=timezone.now())
        if claimed:
            extraction_requested.send(sender=Article, article_id=article_id)
            resent.append(article_id)
    if resent:
        logger.warning("re-sent %d extraction(s) lost with a worker: %s", len(resent), resent)
    return len(resent)
