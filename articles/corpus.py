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
    sidecar = text_path.with_suffix(".json")
    return document_from_bytes(
        text_path.name,
        text_path.read_bytes(),
        sidecar.read_bytes() if sidecar.exists() else None,
        sidecar_name=sidecar.name,
    )


def document_from_bytes(
    name: str, text: bytes, sidecar: bytes | None, *, sidecar_name: str = ""
) -> CorpusDocument:
    """One document from its file's bytes and its sidecar's (None: no sidecar)."""
    try:
        # Decoded as stored, line ends included: offsets index into exactly this text.
        body = text.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{name} is not UTF-8 text: {exc}") from exc
    meta = _parse_sidecar(sidecar, sidecar_name or name.rsplit(".", 1)[0] + ".json")
    return CorpusDocument(
        file=name,
        body=body,
        title=_text(meta.get("title")),
        outlet=_text(meta.get("outlet")),
        author=_text(meta.get("author")),
        url=_text(meta.get("url")),
        published=_date(meta.get("published"), name),
    )


def _parse_sidecar(data: bytes | None, name: str) -> dict:
    if data is None:
        return {}
    try:
        meta = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpusError(f"{name} is not valid JSON: {exc}") from exc
    if not isinstance(meta, dict):
        raise CorpusError(f"{name} must hold a JSON object")
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
