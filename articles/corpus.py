"""Read a corpus folder: NAME.txt article bodies with optional NAME.json sidecars."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path


class CorpusError(ValueError):
    """A corpus file that cannot be read as the format describes."""


@dataclass(frozen=True)
class CorpusDocument:
    file: str
    body: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: date | None = None


def read_corpus(folder: Path | str) -> Iterator[CorpusDocument]:
    """Yield every NAME.txt of the folder in name order, with its sidecar metadata if any."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CorpusError(f"{folder} is not a folder")
    for text_path in sorted(folder.glob("*.txt")):
        yield read_document(text_path)


def read_document(text_path: Path) -> CorpusDocument:
    try:
        # newline="" keeps the text exactly as stored: offsets index into it.
        with text_path.open(encoding="utf-8", newline="") as handle:
            body = handle.read()
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{text_path.name} is not UTF-8 text: {exc}") from exc
    meta = _read_sidecar(text_path.with_suffix(".json"))
    return CorpusDocument(
        file=text_path.name,
        body=body,
        title=_text(meta.get("title")),
        outlet=_text(meta.get("outlet")),
        author=_text(meta.get("author")),
        url=_text(meta.get("url")),
        published=_date(meta.get("published"), text_path.name),
    )


def _read_sidecar(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpusError(f"{path.name} is not valid JSON: {exc}") from exc
    if not isinstance(meta, dict):
        raise CorpusError(f"{path.name} must hold a JSON object")
    return meta


def _text(value: object) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def _date(value: object, name: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise CorpusError(f"{name}: published must be YYYY-MM-DD, not {value!r}") from exc
