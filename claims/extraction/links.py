"""Passes that relate neighbouring figures: ranges, shared units, parts of wholes, conversions."""

from __future__ import annotations

import re
from dataclasses import replace

from .candidates import Candidate
from .grammar import Atom, inherit_unit, merged_range
from .sentences import Sentences
from .types import Kind

_PART_OF = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+)?")
_CONVERSION_GAP = re.compile(
    r"\s*(?:[(\[]|,?\s*or|,|\s[–—]|\s--|/)\s*"
    r"(?:(?:about|around|roughly|approximately|nearly|almost|some|just\s+over|just\s+under|over|"
    r"more\s+than|less\s+than|under|an\s+estimated|equivalent\s+to|the\s+equivalent\s+of)\s+)?",
    re.IGNORECASE,
)
_COMPARED_WITH = re.compile(
    r"(?:\b(?:up|down|rising|falling|increasing|decreasing)\s+from|\bcompared\s+(?:with|to)"
    r"|\bversus|\bvs\.?|\bagainst|\bfrom)\s+$",
    re.IGNORECASE,
)


def _part_of(text: str, part: Atom, whole: Atom) -> Atom | None:
    """ "412 of the 650 seats": the part is counted in the whole's noun."""
    if part.kind is not None or whole.kind is not Kind.COUNT:
        return None
    if not _PART_OF.fullmatch(text, part.end, whole.start) or part.value > whole.value:
        return None
    return replace(part, kind=Kind.COUNT, unit=whole.unit)


def join_atoms(text: str, atoms: list[Atom]) -> list[Atom]:
    """Merge ranges ("10 to 12 per cent"); let "from 10 to 12%" and "12 of the 30 towns" lend units."""
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        if i + 1 < len(atoms):
            nxt = atoms[i + 1]
            merged = merged_range(text, atom, nxt)
            if merged:
                out.append(merged)
                i += 2
                continue
            atom = inherit_unit(text, atom, nxt) or _part_of(text, atom, nxt) or atom
        out.append(atom)
        i += 1
    return out


def borrow_units(text: str, cands: list[Candidate], sentences: Sentences) -> None:
    """ "sold 3.8 million GPUs, up from 2.6 million": a bare comparison takes the unit it is compared with."""
    for prev, cand in zip(cands, cands[1:], strict=False):
        if cand.kind is not Kind.COUNT or cand.unit is not None or prev.kind is not Kind.COUNT:
            continue
        if prev.unit is None or sentences.around(prev.start) != sentences.around(cand.start):
            continue
        if _COMPARED_WITH.search(text, max(0, cand.start - 24), cand.start):
            cand.unit = prev.unit


def link_conversions(text: str, cands: list[Candidate]) -> None:
    """ "€2 billion ($2.1 billion)", "900 km (550 miles)": the second restates the first."""
    for first, second in zip(cands, cands[1:], strict=False):
        if first.kind is not second.kind or first.kind not in (Kind.MONEY, Kind.QUANTITY):
            continue
        if first.unit == second.unit or first.converts_from is not None:
            continue
        if _CONVERSION_GAP.fullmatch(text, first.end, second.start):
            second.converts_from = first.start
