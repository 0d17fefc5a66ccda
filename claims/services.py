"""Every write to a claim goes through here."""

from __future__ import annotations

import logging
from collections import defaultdict

from django.db import transaction

from articles.models import Article
from articles.services import change_status
from articles.stories import assign_story

from . import about, facts
from .extraction import EXTRACTOR_NAME, EXTRACTOR_VERSION, extract_figures
from .extraction.types import Figure
from .models import Claim

logger = logging.getLogger(__name__)
Status = Article.Status


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
    figures = extract_figures(article.body, published=article.published)
    # Its own short transaction: matching below then locks only this story.
    assign_story(article)
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        if locked.status != Status.EXTRACTING:
            return 0
        stored = _replace_proposed_claims(locked, figures)
        change_status(
            locked,
            from_statuses=(Status.EXTRACTING,),
            to_status=Status.DONE,
            note=f"{stored} figure(s) proposed",
        )
        # In the same transaction: claims are never left committed without their facts.
        facts.group_article_claims(locked)
    article.status = Status.DONE
    return stored


def _replace_proposed_claims(article: Article, figures: list[Figure]) -> int:
    # A claim a reviewer touched (reopened or corrected: version > 0) is kept with its history.
    stale = Claim.objects.filter(article=article, status=Claim.Status.PROPOSED, version=0)
    released: dict[int, list[int]] = defaultdict(list)
    for fact_id, claim_id in stale.exclude(fact=None).values_list("fact_id", "id"):
        released[fact_id].append(claim_id)
    stale.delete()
    # Their facts lose members: recomputed, or deleted when empty.
    facts.release_claims(released)
    reviewed_spans = set(Claim.objects.filter(article=article).values_list("start", "end"))
    context = about.ArticleContext(article.body, article.title, article.published)
    claims: dict[int, Claim] = {}
    for index, figure in enumerate(figures):
        if (figure.start, figure.end) not in reviewed_spans:
            claims[index] = _claim_from_figure(article, figure, context)
    Claim.objects.bulk_create(claims.values())
    linked = []
    for index, claim in claims.items():
        original = figures[index].converts
        if original is not None and original in claims:
            claim.converts = claims[original]
            linked.append(claim)
    Claim.objects.bulk_update(linked, ["converts"])
    return len(claims)


def _claim_from_figure(article: Article, figure: Figure, context: about.ArticleContext) -> Claim:
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
    return Claim(
        article=article,
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
        subject_entity=found.entity[:120],
        subject_measure=found.measure[:60],
        subject_reference=found.reference[:60],
        subject_scope=found.scope[:40],
        subject_key=found.key[:300],
        incidental=found.incidental,
        extractor=EXTRACTOR_NAME,
        extractor_version=EXTRACTOR_VERSION,
        confidence=figure.confidence,
    )


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
