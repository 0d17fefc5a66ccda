"""Every write to an article goes through here."""

from __future__ import annotations

import logging
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from claims.extraction import currency_of_address

from .models import Article, ArticleEvent
from .text import html_to_text, text_fingerprint

logger = logging.getLogger(__name__)
Status = Article.Status


class DuplicateArticle(Exception):
    def __init__(self, existing: Article):
        super().__init__(f"the same text is already stored as article {existing.pk}")
        self.existing = existing


def body_from_original(original: str, original_format: str) -> str:
    """The text claims are read from. Plain text is kept exactly as given, so
    that offsets into it are offsets into what the editor uploaded."""
    if original_format == Article.Format.HTML:
        return html_to_text(original)
    return original


def find_duplicate(body: str) -> Article | None:
    return Article.objects.filter(text_hash=text_fingerprint(body)).first()


@transaction.atomic
def create_article(
    *,
    uploaded_by: AbstractBaseUser | None,
    title: str,
    original: str,
    original_format: str = Article.Format.TEXT,
    original_filename: str = "",
    outlet: str = "",
    author: str = "",
    url: str = "",
    published: date | None = None,
) -> Article:
    """Store an article and queue its extraction once the row is committed."""
    body = body_from_original(original, original_format)
    existing = find_duplicate(body)
    if existing is not None:
        raise DuplicateArticle(existing)
    article = Article.objects.create(
        title=title,
        outlet=outlet,
        author=author,
        url=url,
        published=published,
        body=body,
        original=original,
        original_format=original_format,
        original_filename=original_filename,
        text_hash=text_fingerprint(body),
        uploaded_by=uploaded_by,
    )
    ArticleEvent.objects.create(
        article=article, to_status=Status.RECEIVED, actor=uploaded_by, note="uploaded"
    )
    enqueue_extraction(article.pk)
    return article


def enqueue_extraction(article_id: int) -> None:
    """Send the extraction task after the surrounding transaction commits.

    robust=True: if the broker is down the upload still succeeds; the article
    stays received and the stalled-article sweep sends it again later.
    """
    from claims.tasks import propose_claims_task

    def send_extraction_task() -> None:
        propose_claims_task.delay(article_id)

    transaction.on_commit(send_extraction_task, robust=True)


def change_status(
    article: Article,
    *,
    from_statuses: tuple[str, ...],
    to_status: str,
    note: str = "",
    actor: AbstractBaseUser | None = None,
) -> bool:
    """Move the article to to_status if it is in one of from_statuses; record the change.

    A conditional UPDATE, so two workers (or a worker and an editor) racing on
    the same article cannot both move it.
    """
    with transaction.atomic():
        previous = (
            Article.objects.select_for_update()
            .filter(pk=article.pk, status__in=from_statuses)
            .values_list("status", flat=True)
            .first()
        )
        if previous is None:
            return False
        Article.objects.filter(pk=article.pk).update(
            status=to_status, status_reason=note, status_changed_at=timezone.now()
        )
        ArticleEvent.objects.create(
            article=article, from_status=previous, to_status=to_status, actor=actor, note=note
        )
    article.status, article.status_reason = to_status, note
    return True


def request_extraction(article: Article, *, actor: AbstractBaseUser) -> bool:
    """Run the extraction again (a new extractor, or after a failure)."""
    with transaction.atomic():
        moved = change_status(
            article,
            from_statuses=(Status.DONE, Status.FAILED),
            to_status=Status.RECEIVED,
            note="extraction requested again",
            actor=actor,
        )
        if moved:
            enqueue_extraction(article.pk)
    return moved


def requeue_stalled_articles() -> int:
    """Send again the articles whose extraction task seems lost; return how many."""
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
    for article_id in stalled:
        # Touch the row first so the next sweep waits another full period.
        Article.objects.filter(pk=article_id).update(status_changed_at=timezone.now())
        enqueue_extraction(article_id)
    if stalled:
        logger.warning("re-queued %d stalled article(s): %s", len(stalled), stalled)
    return len(stalled)


def outlet_currency(article: Article) -> str | None:
    """The outlet's own currency, read from the country domain of the article's address
    (".ca": CAD); None when the address does not say."""
    return currency_of_address(article.url)
