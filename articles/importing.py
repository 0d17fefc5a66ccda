"""Bulk import of a corpus folder, shared by the import command and the demo setup."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from .corpus import CorpusDocument
from .models import Article
from .services import DuplicateArticle, create_article
from .text import visible_text

_validate_url = URLValidator(schemes=["http", "https"])


@dataclass
class ImportSummary:
    imported: list[Article] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{len(self.imported)} imported, {len(self.duplicates)} already stored, "
            f"{len(self.failed)} failed"
        )


def import_documents(
    documents: Iterable[CorpusDocument],
    *,
    uploaded_by: AbstractBaseUser | None = None,
    progress: Callable[[CorpusDocument], None] = lambda document: None,
) -> ImportSummary:
    summary = ImportSummary()
    for document in documents:
        try:
            article = create_article(uploaded_by=uploaded_by, **article_fields(document))
        except DuplicateArticle:
            summary.duplicates.append(document.file)
        except ValueError as exc:
            summary.failed.append((document.file, str(exc)))
        else:
            summary.imported.append(article)
        progress(document)
    return summary


def article_fields(document: CorpusDocument) -> dict:
    if not visible_text(document.body).strip():
        raise ValueError("the text is empty")
    url = document.url or ""
    try:
        if url:
            _validate_url(url)
    except ValidationError:
        url = ""  # a bad address in a sidecar loses the link, not the article
    return {
        "title": (document.title or _first_line(document.body) or document.file)[:300],
        "outlet": (document.outlet or "")[:200],
        "author": (document.author or "")[:200],
        "url": url,
        "published": document.published,
        "original": document.body,
        "original_format": Article.Format.TEXT,
        "original_filename": document.file[:255],
    }


def _first_line(body: str) -> str:
    return next((line.strip() for line in body.splitlines() if line.strip()), "")
