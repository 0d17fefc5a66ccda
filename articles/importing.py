"""Bulk import: a corpus folder, a zip or the files an editor picked in the browser.

The import command, the browser's import (through the worker) and the demo setup share
these functions. One bad file never stops the others: each gets its own result.
"""

from __future__ import annotations

import base64
import io
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePath

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone

from .corpus import CorpusDocument, CorpusError, document_from_bytes
from .models import Article, ImportBatch
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


@dataclass(frozen=True)
class FileResult:
    """What became of one file of an import."""

    file: str
    outcome: str  # "stored", "duplicate" or "refused"
    detail: str = ""  # why refused; "of article 12" for a duplicate
    article: Article | None = None  # the one stored, or the one it duplicates

    def __str__(self) -> str:
        return f"{self.file}: {self.outcome}{' ' + self.detail if self.detail else ''}"


def gather_files(files: Mapping[str, bytes]) -> list[CorpusDocument | FileResult]:
    """Pair each NAME.txt with its NAME.json sidecar, in name order; a zip's files count as
    if picked one by one. What cannot be read is a refused FileResult, never an exception."""
    flat: dict[str, bytes] = {}
    refused: list[FileResult] = []
    for name, data in files.items():
        if name.lower().endswith(".zip"):
            try:
                flat.update(_unzip(data))
            except (zipfile.BadZipFile, CorpusError) as exc:
                refused.append(FileResult(name, "refused", str(exc)))
        else:
            flat[PurePath(name).name] = data
    entries: list[CorpusDocument | FileResult] = []
    for name in sorted(flat):
        stem, _, extension = name.rpartition(".")
        extension = extension.lower()
        if name.startswith("."):
            continue  # .DS_Store and the like: not the editor's files
        if extension == "txt":
            sidecar = flat.get(f"{stem}.json")
            try:
                entries.append(document_from_bytes(name, flat[name], sidecar))
            except CorpusError as exc:
                entries.append(FileResult(name, "refused", str(exc)))
        elif extension == "json":
            if f"{stem}.txt" not in flat:
                entries.append(FileResult(name, "refused", f"no {stem}.txt for this sidecar"))
        else:
            entries.append(
                FileResult(name, "refused", "not a .txt article, a .json sidecar or a .zip")
            )
    return refused + entries


def _unzip(data: bytes) -> dict[str, bytes]:
    """The files of a zip, by name, read within the import's limits (a small zip can hold
    gigabytes: the sizes are checked before anything is read)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [m for m in archive.infolist() if not m.is_dir() and "__MACOSX" not in m.filename]
        if len(members) > settings.IMPORT_MAX_FILES:
            raise CorpusError(f"the zip holds more than {settings.IMPORT_MAX_FILES} files")
        if sum(m.file_size for m in members) > settings.IMPORT_MAX_BYTES:
            raise CorpusError(
                f"the zip unpacks to more than {settings.IMPORT_MAX_BYTES // 2**20} MB"
            )
        return {PurePath(m.filename).name: archive.read(m) for m in members}


def import_files(
    files: Mapping[str, bytes],
    *,
    uploaded_by: AbstractBaseUser | None = None,
    progress: Callable[[FileResult], None] = lambda result: None,
) -> list[FileResult]:
    """Store every readable article of `files`; one result per file, reported as it is known."""
    return import_entries(gather_files(files), uploaded_by=uploaded_by, progress=progress)


def import_entries(
    entries: Iterable[CorpusDocument | FileResult],
    *,
    uploaded_by: AbstractBaseUser | None = None,
    progress: Callable[[FileResult], None] = lambda result: None,
) -> list[FileResult]:
    results = []
    for entry in entries:
        result = entry if isinstance(entry, FileResult) else import_one(entry, uploaded_by)
        results.append(result)
        progress(result)
    return results


def import_one(document: CorpusDocument, uploaded_by: AbstractBaseUser | None) -> FileResult:
    try:
        article = create_article(uploaded_by=uploaded_by, **article_fields(document))
    except DuplicateArticle as duplicate:
        existing = duplicate.existing
        return FileResult(
            document.file,
            "duplicate",
            f"of article {existing.pk} ({existing.title[:80]})",
            existing,
        )
    except ValueError as exc:
        return FileResult(document.file, "refused", str(exc))
    return FileResult(document.file, "stored", article=article)


def import_documents(
    documents: Iterable[CorpusDocument],
    *,
    uploaded_by: AbstractBaseUser | None = None,
    progress: Callable[[CorpusDocument], None] = lambda document: None,
) -> ImportSummary:
    summary = ImportSummary()
    for document in documents:
        result = import_one(document, uploaded_by)
        if result.outcome == "stored":
            summary.imported.append(result.article)
        elif result.outcome == "duplicate":
            summary.duplicates.append(document.file)
        else:
            summary.failed.append((document.file, result.detail))
        progress(document)
    return summary


def article_fields(document: CorpusDocument) -> dict:
    if not visible_text(document.body).strip():
        raise ValueError("the text is empty")
    if len(document.body.encode()) > settings.ARTICLE_MAX_UPLOAD_BYTES:
        raise ValueError(
            f"larger than {settings.ARTICLE_MAX_UPLOAD_BYTES // 2**20} MB, the limit of one article"
        )
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


# --------------------------------------------------------------------------------------------
# The browser's import: files kept on a batch until the worker stores them
# --------------------------------------------------------------------------------------------


class ImportRefused(ValueError):
    """An import over the limits; the message is for the editor."""


def start_batch(files: Mapping[str, bytes], *, uploaded_by: AbstractBaseUser) -> ImportBatch:
    """Keep the picked files on a new batch, for the worker (articles.tasks.enqueue_import)."""
    if not files:
        raise ImportRefused("choose the files of a folder, or a zip")
    if len(files) > settings.IMPORT_MAX_FILES:
        raise ImportRefused(
            f"{len(files)} files: an import takes at most {settings.IMPORT_MAX_FILES}"
        )
    size = sum(len(data) for data in files.values())
    if size > settings.IMPORT_MAX_BYTES:
        raise ImportRefused(
            f"{size / 2**20:.1f} MB: an import takes at most"
            f" {settings.IMPORT_MAX_BYTES / 2**20:.0f} MB"
        )
    return ImportBatch.objects.create(
        uploaded_by=uploaded_by,
        files={name: base64.b64encode(data).decode() for name, data in files.items()},
        file_count=len(files),
    )


def run_batch(batch_id: int) -> None:
    """Store a batch's files, recording each result as it is known (the page follows)."""
    claimed = ImportBatch.objects.filter(pk=batch_id, status=ImportBatch.Status.WAITING).update(
        status=ImportBatch.Status.RUNNING
    )
    if not claimed:
        return  # already run (a redelivered task)
    batch = ImportBatch.objects.get(pk=batch_id)
    entries = gather_files({name: base64.b64decode(data) for name, data in batch.files.items()})
    # From now on one step per article or refused file (a sidecar is part of its article's).
    ImportBatch.objects.filter(pk=batch_id).update(file_count=len(entries))
    results: list[dict] = []

    def record(result: FileResult) -> None:
        results.append(
            {
                "file": result.file,
                "outcome": result.outcome,
                "detail": result.detail,
                "article": result.article.pk if result.article else None,
            }
        )
        ImportBatch.objects.filter(pk=batch_id).update(done=len(results), results=results)

    import_entries(entries, uploaded_by=batch.uploaded_by, progress=record)
    ImportBatch.objects.filter(pk=batch_id).update(
        status=ImportBatch.Status.DONE,
        files={},
        finished_at=timezone.now(),
    )
