"""Every change to an article's row: storing an upload, moving its processing status (each
move a conditional UPDATE with its event), asking for its extraction again.

Asking for an extraction sends `articles.signals.extraction_requested`; the extraction itself
(queueing, the worker's steps, the stalled-article sweep) is claims.pipeline's.
"""

from __future__ import annotations

import logging
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from factcheck.rows import insert_rows

from . import signals
from .models import Article, ArticleEvent, Outlet
from .signals import extraction_requested
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
    """Store an article and ask for its extraction (queued once the row is committed).
    Raises DuplicateArticle when the same text is stored already."""
    body = body_from_original(original, original_format)
    fingerprint = text_fingerprint(body)
    try:
        # No look for the text first, which every upload would pay for: its unique hash
        # refuses a text stored already, also by an upload racing this one.
        with transaction.atomic():
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
                text_hash=fingerprint,
                uploaded_by=uploaded_by,
            )
            insert_rows(
                [
                    ArticleEvent(
                        article=article,
                        to_status=Status.RECEIVED,
                        actor=uploaded_by,
                        note="uploaded",
                    )
                ]
            )
            extraction_requested.send(sender=Article, article_id=article.pk)
    except IntegrityError:
        existing = Article.objects.filter(text_hash=fingerprint).first()
        if existing is None:
            raise
        raise DuplicateArticle(existing) from None
    return article


def change_status(
    article: Article,
    *,
    from_statuses: tuple[str, ...],
    to_status: str,
    note: str = "",
    actor: AbstractBaseUser | None = None,
) -> bool:
    """Move the article to to_status if it is in one of from_statuses; record the change.

    A conditional UPDATE per status it may be leaving (one at most matches), so two workers
    (or a worker and an editor) racing on the same article cannot both move it from the same
    status; the event says which status it left.
    """
    now = timezone.now()
    move = _move_in_one_statement if connection.vendor == "postgresql" else _move
    for previous in from_statuses:
        if move(article, previous, to_status, note=note, actor=actor, now=now):
            break
    else:
        return False
    article.status, article.status_reason, article.status_changed_at = to_status, note, now
    return True


# Inside a caller's transaction no savepoint: the caller's failure undoes both writes.
@transaction.atomic(savepoint=False)
def _move(article: Article, previous: str, to_status: str, *, note: str, actor, now) -> bool:
    """Move the article from `previous` to `to_status` and record it; whether it was in
    `previous`."""
    moved = Article.objects.filter(pk=article.pk, status=previous).update(
        status=to_status, status_reason=note, status_changed_at=now
    )
    if moved:
        # Written on every step of every article: insert_rows costs less than save().
        insert_rows(
            [
                ArticleEvent(
                    article=article,
                    from_status=previous,
                    to_status=to_status,
                    actor=actor,
                    note=note,
                )
            ]
        )
    return bool(moved)


def _move_in_one_statement(
    article: Article, previous: str, to_status: str, *, note: str, actor, now
) -> bool:
    """_move on PostgreSQL: the row moved and its event written by one statement, atomic on
    its own (every extraction moves its article twice: two round trips and a transaction
    fewer)."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH moved AS (UPDATE {quote(Article._meta.db_table)}"
            " SET status = %s, status_reason = %s, status_changed_at = %s"
            " WHERE id = %s AND status = %s RETURNING id)"
            f" INSERT INTO {quote(ArticleEvent._meta.db_table)}"
            " (article_id, from_status, to_status, actor_id, note, at)"
            " SELECT id, %s, %s, %s, %s, %s FROM moved",
            [to_status, note, now, article.pk, previous]
            + [previous, to_status, actor.pk if actor else None, note, now],
        )
        return cursor.rowcount == 1


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
            extraction_requested.send(sender=Article, article_id=article.pk)
    return moved


# The details an editor may change after upload; each is part of every citation of the article.
DETAILS = ("title", "outlet", "author", "url", "published")


@transaction.atomic
def change_details(article: Article, *, actor: AbstractBaseUser, **details) -> Article:
    """Change the title, outlet, author, address or date of an article (the text never
    changes: upload it again). Recorded as an event; the facts citing the article are
    compared again (an outlet or a date is part of a comparison) and their public records
    rewritten."""
    unknown = set(details) - set(DETAILS)
    if unknown:
        raise ValueError(f"{', '.join(sorted(unknown))} cannot be changed")
    if "title" in details and not (details["title"] or "").strip():
        raise ValueError("an article needs a title")
    locked = Article.objects.select_for_update().get(pk=article.pk)
    changed = {name: value for name, value in details.items() if getattr(locked, name) != value}
    if not changed:
        return locked
    Article.objects.filter(pk=article.pk).update(**changed)
    ArticleEvent.objects.create(
        article=locked,
        from_status=locked.status,
        to_status=locked.status,
        actor=actor,
        note=f"details changed: {', '.join(changed)}",
    )
    signals.details_changed.send(sender=Article, article_id=article.pk)
    locked.refresh_from_db()
    return locked


@transaction.atomic
def delete_article(article: Article, *, actor: AbstractBaseUser) -> None:
    """Delete an article and its claims. Its facts lose those mentions (compared again, or
    deleted when empty) and their public records are rewritten without its citations; the
    claims' and facts' histories stay."""
    note = f"article {article.pk} deleted by {actor}"
    signals.deleting.send(sender=Article, article_id=article.pk, note=note)
    Article.objects.filter(pk=article.pk).delete()
    logger.info("article %s (%r) deleted by %s", article.pk, article.title, actor)


def save_outlet(outlet: Outlet, *, actor: AbstractBaseUser | None = None) -> Outlet:
    """Store an outlet record; codes are kept in capitals. Raises ValidationError for a bad
    code or a name another record has."""
    outlet.name = " ".join(outlet.name.split())
    outlet.country = outlet.country.strip().upper()
    outlet.currency = outlet.currency.strip().upper()
    outlet.full_clean()
    outlet.save()
    logger.info(
        "outlet %r saved by %s: country %r, currency %r",
        outlet.name,
        actor,
        outlet.country,
        outlet.currency,
    )
    return outlet
