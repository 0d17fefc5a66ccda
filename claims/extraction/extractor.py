"""The extraction pipeline: find dates and numbers, drop labels, join ranges and conversions."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from . import dates, labels, units
from .grammar import (
    A_DECADE,
    DIGIT_NUMBER,
    WORD_NUMBER,
    Atom,
    inherit_unit,
    is_label,
    merged_range,
    read_decade,
    read_digits,
    read_words,
    spelled_count_is_referential,
)
from .qualifiers import qualifier_before, qualify
from .sentences import Sentences
from .subjects import subject_for
from .types import Figure, Kind, Qualifier

_NEXT_CAPITALISED = re.compile(r"[ \u00a0]+([A-Z][\w&’'-]*)")
_CONVERSION_GAP = re.compile(
    r"\s*(?:[(\[]|,?\s*or|,|\s[–—]|\s--|/)\s*"
    r"(?:(?:about|around|roughly|approximately|nearly|almost|some|just\s+over|just\s+under|over|"
    r"more\s+than|less\s+than|under|an\s+estimated|equivalent\s+to|the\s+equivalent\s+of)\s+)?",
    re.IGNORECASE,
)
_STRONG_QUALIFIERS = {Qualifier.AT_LEAST, Qualifier.UP_TO, Qualifier.MORE_THAN, Qualifier.APPROX}


@dataclass
class Candidate:
    start: int
    end: int
    kind: Kind
    number: Decimal | None = None
    date: str | None = None
    unit: str | None = None
    qualifier: Qualifier | None = None  # None: read it from the text around the span
    number_high: Decimal | None = None
    confidence: float = 0.9
    converts_from: int | None = None  # start offset of the figure this one converts


class _Spans:
    """Sorted, non-overlapping spans with an overlap test by bisection."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._starts = [s for s, _ in self._spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end)
        return i > 0 and self._spans[i - 1][1] > start


def _month_dates(text: str) -> list[dates.DateHit]:
    return [h for h in map(dates.read_date, dates.DATE.finditer(text)) if dates.valid(h)]


def _atoms(text: str, taken: _Spans) -> list[Atom]:
    atoms = []
    for m in DIGIT_NUMBER.finditer(text):
        if taken.overlaps(m.start(), m.end()):
            continue
        atom = read_digits(text, m)
        if atom:
            atoms.append(atom)
    digit_spans = _Spans([(a.start, a.end) for a in atoms])
    for m in WORD_NUMBER.finditer(text):
        if taken.overlaps(m.start(), m.end()) or digit_spans.overlaps(m.start(), m.end()):
            continue
        atom = read_words(text, m)
        if atom:
            atoms.append(atom)
    for m in A_DECADE.finditer(text):
        if not taken.overlaps(m.start(), m.end()):
            atoms.append(read_decade(m))
    atoms.sort(key=lambda a: a.start)
    return atoms


_PART_OF = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+)?")
_OF_THE = re.compile(r"\s+of\s+(?:the|its|their|his|her|our|those|these)\s")
_MULTIPLIER = re.compile(r"[\s-]*(?:times|fold|x)\b", re.IGNORECASE)


def _part_of(text: str, part: Atom, whole: Atom) -> Atom | None:
    """ "412 of the 650 seats": the part is counted in the whole's noun."""
    if part.kind is not None or whole.kind is not Kind.COUNT or part.spelled != whole.spelled:
        return None
    if not _PART_OF.fullmatch(text, part.end, whole.start) or part.value > whole.value:
        return None
    return replace(part, kind=Kind.COUNT, unit=whole.unit)


def _join(text: str, atoms: list[Atom]) -> list[Atom]:
    """Merge ranges ("10 to 12 per cent") and let "from 10 to 12%" lend its unit backwards."""
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
            inherited = inherit_unit(text, atom, nxt) or _part_of(text, atom, nxt)
            if inherited:
                atom = inherited
        out.append(atom)
        i += 1
    return out


def _year(text: str, atom: Atom) -> dates.DateHit | None:
    """A four-digit number read as a year, unless it is attached to a name ("2023 Microsoft Ignite")."""
    if not atom.plain_int or not 1800 <= atom.written <= 2100:
        return None
    end = atom.num_start + 4
    opened = dates.YEAR_PREPOSITION.search(text, max(0, atom.start - 24), atom.start)
    nxt = _NEXT_CAPITALISED.match(text, end)
    if nxt and not opened:
        word = nxt.group(1).rstrip(".").lower()
        if word not in dates.MONTH_NAMES and word not in dates.WEEKDAY_NAMES:
            return None
    return dates.DateHit(atom.start, end, int(atom.written), None, None)


def _is_year_like(atom: Atom) -> bool:
    return atom.plain_int and not atom.spelled and 1800 <= atom.written <= 2100


def _bare_unit(text: str, atom: Atom, sentences: Sentences) -> str | None:
    s0, _ = sentences.around(atom.start)
    found = None
    for m in units.CONTEXT_NOUN.finditer(text, s0, atom.start):
        found = m
    return units.CONTEXT_UNITS[found.group("noun").lower()] if found else None


def _atom_candidate(text: str, atom: Atom, sentences: Sentences) -> Candidate | dates.DateHit | None:
    if is_label(text, atom):
        return None
    if atom.kind is Kind.COUNT and _is_year_like(atom) and atom.high is None:
        before = qualifier_before(text, atom.start)
        if not before:
            return _year(text, atom)
    if atom.kind is None:
        return _bare_candidate(text, atom, sentences)
    if atom.glued_letter and atom.kind is not Kind.MONEY and atom.unit not in ("tokens", "parameters"):
        if atom.kind is not Kind.COUNT:
            return None
    if atom.spelled and atom.factor == 1:
        if atom.kind is Kind.COUNT and spelled_count_is_referential(text, atom):
            return None
        # A bare "one" is a pronoun far more often than a figure; "one-year" is still a duration.
        hyphenated = text[atom.num_start + 3 : atom.num_start + 4] == "-"
        if atom.written == 1 and not (atom.kind is Kind.DURATION and hyphenated):
            return None
    value, start = atom.value, atom.start
    signed_units = ("degrees Celsius", "degrees Fahrenheit", "degrees", "percent", "percentage points")
    if atom.negative and atom.unit in signed_units:
        value = -value
        if start == atom.num_start:
            start -= 1  # the minus sign belongs to the span
    confidence = atom.confidence
    if atom.kind is Kind.COUNT:
        confidence = 0.7 if atom.spelled else 0.85
    return Candidate(
        start=start,
        end=atom.end,
        kind=atom.kind,
        number=value,
        unit=atom.unit,
        number_high=atom.high,
        confidence=confidence,
    )


def _bare_candidate(text: str, atom: Atom, sentences: Sentences) -> Candidate | dates.DateHit | None:
    """A number with no unit after it: a year, a context-given unit, or a large enough count."""
    if atom.spelled:
        if atom.factor == 1:
            return None
        return Candidate(atom.start, atom.end, Kind.COUNT, atom.value, confidence=0.5)
    if _is_year_like(atom):
        return _year(text, atom)
    if _MULTIPLIER.match(text, atom.end):
        return None  # "20 times sales" is a ratio, not a count
    unit = _bare_unit(text, atom, sentences)
    if atom.glued_letter:
        if atom.glued_letter in "kK" and unit == "tokens":
            return Candidate(atom.start, atom.end, Kind.QUANTITY, atom.value, unit="tokens", confidence=0.8)
        return None
    of_noun = _OF_THE.match(text, atom.end)
    if of_noun and not unit:
        noun = units.counted_noun(text, of_noun.end() - 1)
        if noun:
            return Candidate(atom.start, atom.end, Kind.COUNT, atom.value, unit=noun[0], confidence=0.6)
    if unit:
        kind = Kind.QUANTITY if unit == "tokens" else Kind.COUNT
        return Candidate(atom.start, atom.end, kind, atom.value, unit=unit, confidence=0.6)
    before = qualifier_before(text, atom.start)
    strong = before is not None and before[0] in _STRONG_QUALIFIERS
    lead = text[before[1] : atom.start].strip().lower() if before else ""
    if (
        atom.factor != 1
        or (atom.value >= 1000 and not atom.plain_int)
        or (strong and atom.value >= 10 and lead not in ("over", "under", "some", "above", "below"))
    ):
        return Candidate(atom.start, atom.end, Kind.COUNT, atom.value, confidence=0.5)
    return None


def _weekdays(text: str, published: dt.date, taken: _Spans) -> list[Candidate]:
    found = []
    for m in dates.WEEKDAY.finditer(text):
        if taken.overlaps(m.start(), m.end()):
            continue
        if labels.named_by_previous_word(text, m.start()):
            continue  # "Black Friday", "Super Tuesday"
        if dates.FUTURE_WEEKDAY.search(text, max(0, m.start() - 24), m.start()):
            continue
        day = dates.weekday_before(dates.WEEKDAY_NAMES[m.group("wd").lower()], published)
        found.append(Candidate(m.start(), m.end(), Kind.DATE, date=day.isoformat(), confidence=0.6))
    return found


def _anchor(hits: list[dates.DateHit]) -> dt.date | None:
    """The latest explicit month (else year) an undated article mentions."""
    precise = [dt.date(h.year, h.month, h.day or 1) for h in hits if h.year and h.month]
    if precise:
        return max(precise)
    years = [dt.date(h.year, 1, 1) for h in hits if h.year]
    return max(years) if years else None


def _date_candidates(hits: list[dates.DateHit], published: dt.date | None) -> list[Candidate]:
    anchor = None if published else _anchor(hits)
    out = []
    for h in hits:
        year = h.year
        if year is None:
            if published:
                year = dates.year_near(h.month, h.day, published)
            elif anchor:
                year = dates.year_on_or_after(h.month, h.day, anchor)
            if year is None:
                continue
        qualifier = Qualifier.APPROX if h.approx else Qualifier.EXACT
        confidence = 0.9 if h.month else 0.6
        out.append(
            Candidate(h.start, h.end, Kind.DATE, date=dates.iso(year, h.month, h.day), qualifier=qualifier, confidence=confidence)
        )
    return out


def _link_conversions(text: str, cands: list[Candidate]) -> None:
    """ "€2 billion ($2.1 billion)", "900 km (550 miles)": the second restates the first."""
    for first, second in zip(cands, cands[1:], strict=False):
        if first.kind is not second.kind or first.kind not in (Kind.MONEY, Kind.QUANTITY):
            continue
        if first.unit == second.unit or first.converts_from is not None:
            continue
        gap = _CONVERSION_GAP.fullmatch(text, first.end, second.start)
        if gap and "(" not in text[first.start : first.end]:
            second.converts_from = first.start


_COMPARED_WITH = re.compile(
    r"(?:\b(?:up|down|rising|falling|increasing|decreasing)\s+from|\bcompared\s+(?:with|to)|\bversus|\bvs\.?"
    r"|\bagainst|\bfrom)\s+$",
    re.IGNORECASE,
)


def _borrow_units(text: str, cands: list[Candidate], sentences: Sentences) -> None:
    """ "sold 3.8 million GPUs, up from 2.6 million": a bare comparison takes the unit it is compared with."""
    for prev, cand in zip(cands, cands[1:], strict=False):
        if cand.kind is not Kind.COUNT or cand.unit is not None or prev.kind is not Kind.COUNT:
            continue
        if prev.unit is None or sentences.around(prev.start) != sentences.around(cand.start):
            continue
        if _COMPARED_WITH.search(text, max(0, cand.start - 24), cand.start):
            cand.unit = prev.unit


def _resolve_overlaps(cands: list[Candidate]) -> list[Candidate]:
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[Candidate] = []
    for c in cands:
        if kept and c.start < kept[-1].end:
            continue
        kept.append(c)
    return kept


def extract(text: str, published: dt.date | None = None) -> list[Figure]:
    sentences = Sentences(text)
    hits = _month_dates(text)
    taken = _Spans([(h.start, h.end) for h in hits])
    cands: list[Candidate] = []
    for atom in _join(text, _atoms(text, taken)):
        result = _atom_candidate(text, atom, sentences)
        if isinstance(result, dates.DateHit):
            hits.append(result)
        elif result is not None:
            cands.append(result)
    cands.extend(_date_candidates(hits, published))
    if published:
        cands.extend(_weekdays(text, published, _Spans([(c.start, c.end) for c in cands])))
    cands = _resolve_overlaps(cands)
    _borrow_units(text, cands, sentences)
    _link_conversions(text, cands)
    return _figures(text, cands, sentences)


def _figures(text: str, cands: list[Candidate], sentences: Sentences) -> list[Figure]:
    index_by_start = {c.start: i for i, c in enumerate(cands)}
    figures: list[Figure] = []
    for c in cands:
        sentence = sentences.around(c.start)
        qualifier = c.qualifier
        if qualifier is None:
            qualifier = qualify(text, c.start, c.end, is_duration=c.kind is Kind.DURATION)
        subject_start = c.start
        before = qualifier_before(text, c.start)
        if before:
            subject_start = before[1]
        converts = index_by_start.get(c.converts_from) if c.converts_from is not None else None
        previous = figures[-1] if figures and figures[-1].sentence_start == sentence[0] else None
        subject = figures[converts].subject if converts is not None else None
        if subject is None:
            after = previous.end if previous else None
            subject = subject_for(text, sentence, subject_start, c.end, after=after)
        if subject is None:
            subject = previous.subject if previous else text[c.start : c.end]
        figures.append(
            Figure(
                start=c.start,
                end=c.end,
                text=text[c.start : c.end],
                kind=c.kind,
                number=c.number,
                date=c.date,
                unit=c.unit,
                qualifier=qualifier,
                subject=subject,
                sentence_start=sentence[0],
                sentence_end=sentence[1],
                number_high=c.number_high,
                converts=converts,
                confidence=c.confidence,
            )
        )
    return figures


__all__ = ["extract"]
