"""The extractor's passes: find dates and numbers, drop labels, join ranges and conversions."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from decimal import Decimal

from . import changes, dates, labels, money, units
from .candidates import Candidate, Spans, resolve_overlaps
from .date_figures import ago_dates, date_candidates, is_year_like, month_dates, weekdays, year
from .fraction_words import fraction_candidates
from .grammar import (
    A_PERIOD,
    CONTINENTAL_DIGIT_NUMBER,
    DIGIT_NUMBER,
    SPACED_DIGIT_NUMBER,
    WORD_NUMBER,
    Atom,
    is_label,
    read_digits,
    read_period,
    read_words,
    spelled_count_is_referential,
)
from .links import (
    borrow_restated_units,
    borrow_units,
    is_conversion_gap,
    join_atoms,
    link_conversions,
)
from .numbers import CONTINENTAL_STYLE, spaced_style
from .qualifiers import qualifier_before, qualify
from .scores import score_candidates
from .sentences import Sentences
from .subjects import subject_for
from .types import Figure, Kind, Qualifier

# A bare number (no unit after it) is only a figure after one of these hedges, which mark a
# claim ("at least 40"); "over 50" and "some 12" are too often ages and vague talk.
_STRONG_QUALIFIERS = {
    Qualifier.AT_LEAST,
    Qualifier.UP_TO,
    Qualifier.MORE_THAN,
    Qualifier.APPROX,
    Qualifier.LESS_THAN,  # "fewer than 700", "less than 40"; not the weak "under", "below"
}
_WEAK_LEADS = {"over", "under", "some", "above", "below"}
_CONTEXT_REACH = 300
# "of the", "of its", "of Britain's": what a bare number may count a part of.
_OF_THE = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|those|these"
    r"|[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,2}['’]s)\s"
)
_OF_BEFORE = re.compile(r"\b([A-Za-z]+)\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[a-z]+\s+)?$")
# "Vans accounted for nearly 900 of those trips", "Pensioners made up 1,300 of the voters".
_SHARE_OF = re.compile(
    r"(?<![\w'’-])(?P<part>[A-Za-z]+)\s+(?:accounted\s+for|accounts?\s+for|made\s+up|makes?\s+up"
    r"|represented|represents?|comprised|comprises?)\s+$"
)
_OF_AFTER = re.compile(r"\s+of\s")
_COUNTING_HEADS = {"number", "numbers", "total", "count", "tally"}
_MULTIPLIER = re.compile(r"[\s-]*(?:times|fold|x)\b", re.IGNORECASE)
_MAGNITUDE_LIKE = re.compile(r"[1-9]\.\d")
# A casualty word right after a bare number says it counts people.
_CASUALTY_AFTER = re.compile(
    r"\s+(?:(?:were|are|was|have\s+been|had\s+been|remain(?:ed)?)\s+(?:[a-z]+ly\s+)?)?"
    r"(?i:dead|killed|injured|wounded|missing|hurt|hospitali[sz]ed|displaced|evacuated"
    r"|trapped|stranded)\b"
)
# "employs 8,400", "employed about 8,400": a company's headcount written without its noun.
_EMPLOYS = re.compile(r"\bemploy(?:s|ed|ing)\s+$", re.IGNORECASE)
_MINUS_WORD = re.compile(r"\b[Mm]inus\s+$")
_SIGNED_UNITS = {"degrees Celsius", "degrees Fahrenheit", "degrees", "percent", "percentage points"}
# Units of a change that a fall makes negative ("fell 4%", "cut by 25 basis points").
_CHANGE_UNITS = {"percent", "percentage points", "basis points"}
_PLUS_AFTER = re.compile(r"-plus\b")
_GLUED_PLUS = re.compile(r"[kKmMbB]\+")
# "a landslide majority of 174": a majority counts seats in a parliament, votes in a single
# seat ("held the seat with a majority of 4,500"); the sentence says which.
_MAJORITY_OF = re.compile(r"\bmajority\s+of\s+$", re.IGNORECASE)
_SEATS_WORD = re.compile(r"\bseats\b", re.IGNORECASE)
_VOTES_WORD = re.compile(r"\b(?:votes?|seat|constituency|ward|ballots?)\b", re.IGNORECASE)


def _atoms(text: str, taken: list[tuple[int, int]]) -> list[Atom]:
    # Numbers are matched with the dates blanked out, so that "On March 3 200 people" still
    # reads 200 rather than a spaced "3 200"; the context is read from the real text.
    pieces, last = [], 0
    for start, end in sorted(taken):
        start = max(start, last)
        pieces += [text[last:start], " " * (end - start)]
        last = end
    masked = "".join(pieces) + text[last:]
    atoms = []
    if CONTINENTAL_STYLE.search(text):
        digit_number = CONTINENTAL_DIGIT_NUMBER
    elif spaced_style(text):
        digit_number = SPACED_DIGIT_NUMBER
    else:
        digit_number = DIGIT_NUMBER
    for m in digit_number.finditer(masked):
        atom = read_digits(text, m)
        if atom:
            atoms.append(atom)
    digit_spans = Spans([(a.start, a.end) for a in atoms])
    for m in WORD_NUMBER.finditer(masked):
        if not digit_spans.overlaps(m.start(), m.end()):
            atom = read_words(text, m)
            if atom:
                atoms.append(atom)
    for m in A_PERIOD.finditer(masked):
        atom = read_period(text, m)
        if atom:
            atoms.append(atom)
    atoms.sort(key=lambda a: a.start)
    return atoms


def _context_unit(text: str, atom: Atom, sentences: Sentences) -> str | None:
    """The unit a noun earlier in the sentence gives a bare number ("the death toll rose to 40")."""
    s0, _ = sentences.around(atom.start)
    found = None
    # The window is capped so that a text without sentence breaks stays linear.
    for m in units.CONTEXT_NOUN.finditer(text, max(s0, atom.start - _CONTEXT_REACH), atom.start):
        found = m
    return units.CONTEXT_UNITS[found.group("noun").lower()] if found else None


def _measured(text: str, atom: Atom) -> Candidate | None:
    """An atom the grammar gave a kind: drop references and lone "one"s, sign temperatures."""
    if atom.spelled and atom.factor == 1:
        if atom.kind is Kind.COUNT and spelled_count_is_referential(text, atom):
            return None
        # "one" is a pronoun far more often than a figure ("one of", "a one-day drop").
        if atom.written == 1 and not atom.single:
            return None
    value, start = atom.value, atom.start
    minus = _MINUS_WORD.search(text, max(0, start - 8), start) if start == atom.num_start else None
    if atom.unit in _SIGNED_UNITS and (atom.negative or minus):
        value = -value
        if minus:  # "minus 266C"
            start = minus.start()
        elif start == atom.num_start:
            start -= 1  # the minus sign belongs to the span
    if atom.unit in _CHANGE_UNITS and value > 0 and changes.states_a_fall(text, start, atom.end):
        value = -value
    # "90-plus seats": at least 90.
    plus = _PLUS_AFTER.match(text, atom.num_start + len(atom.raw)) if not atom.spelled else None
    # "12K+ Structures": more than 12,000.
    glued_plus = _GLUED_PLUS.match(text, atom.num_start + len(atom.raw), atom.end)
    return Candidate(
        start,
        atom.end,
        atom.kind,
        value,
        unit=atom.unit,
        number_high=atom.high,
        qualifier=Qualifier.AT_LEAST
        if plus and atom.end > plus.end()
        else Qualifier.MORE_THAN
        if glued_plus
        else None,
    )


def _bare(text: str, atom: Atom, sentences: Sentences) -> Candidate | dates.DateHit | None:
    """A number with no unit after it: a year, a context-given unit, or a large enough count."""
    if atom.spelled and atom.factor == 1:
        if atom.written < 2:
            return None
        noun = _of_noun(text, atom)  # "two of Britain's biggest banks"
        if noun:
            return Candidate(atom.start, atom.end, Kind.COUNT, atom.value, unit=noun)
        if _CASUALTY_AFTER.match(text, atom.end) or (
            not _OF_AFTER.match(text, atom.end) and _context_unit(text, atom, sentences) == "people"
        ):
            # "the death toll rose to seven": a toll's count, spelled as style books ask.
            return Candidate(atom.start, atom.end, Kind.COUNT, atom.value, unit="people")
        return _orphan(atom)
    if atom.spelled:
        return Candidate(atom.start, atom.end, Kind.COUNT, atom.value)
    if atom.factor == 1 and units.AGE_BEFORE.search(text, max(0, atom.start - 30), atom.start):
        return Candidate(atom.start, atom.end, Kind.DURATION, atom.value, unit="years")
    if is_year_like(atom):
        return year(text, atom)
    if _MULTIPLIER.match(text, atom.end):
        return None  # "20x7B" and the like: a label
    s0, s1 = sentences.around(atom.start)
    if atom.factor == 1 and _MAGNITUDE_LIKE.fullmatch(atom.raw):
        window = (max(s0, atom.start - _CONTEXT_REACH), min(s1, atom.end + _CONTEXT_REACH))
        if units.QUAKE.search(text, *window):  # "the strongest aftershock measured 4.9"
            return Candidate(atom.start, atom.end, Kind.QUANTITY, atom.value, unit="magnitude")
    price = _price_moved_to(text, atom, s0, s1)
    if price:
        return Candidate(atom.start, atom.end, Kind.MONEY, atom.value, unit=price)
    before = qualifier_before(text, atom.start)
    lead = before[1] if before else atom.start
    unit = _context_unit(text, atom, sentences)
    if not unit and atom.factor == 1 and _MAJORITY_OF.search(text, max(s0, lead - 20), lead):
        unit = _majority_unit(text, s0, s1)
    if not unit and units.CASUALTY_VERB.search(text, max(0, lead - 30), lead):
        unit = "people"  # "killing at least 37", "injuring 210"
    if not unit and _CASUALTY_AFTER.match(text, atom.end):
        unit = "people"  # "12 dead and 40 injured", "30 were missing"
    if not unit and _EMPLOYS.search(text, max(0, lead - 20), lead):
        unit = "employees"  # "employed about 8,400": the company's staff
    if atom.glued_letter:
        if atom.glued_letter in "kK" and unit == "tokens":
            return Candidate(atom.start, atom.end, Kind.QUANTITY, atom.value, unit=unit)
        if atom.glued_letter in "kK":
            # "signatures reached 25k": thousands of the noun a verb of change counts. Without
            # one the "k" may be a distance ("a 10k race") or a resolution ("4K video").
            noun = unit
            if not noun and units.CHANGE_VERB.search(text, max(s0, lead - 30), lead):
                noun = units.noun_before(text, max(s0, atom.start - _CONTEXT_REACH), lead)
            if noun:
                return Candidate(atom.start, atom.end, Kind.COUNT, atom.value, unit=noun)
        return None
    noun = _of_noun(text, atom) if not unit else None
    if noun:  # "3,000 of its employees"
        return Candidate(atom.start, atom.end, Kind.COUNT, atom.value, unit=noun)
    if unit:
        kind = Kind.QUANTITY if unit == "tokens" else Kind.COUNT
        return Candidate(atom.start, atom.end, kind, atom.value, unit=unit)
    hedged = (
        before is not None
        and before[0] in _STRONG_QUALIFIERS
        and text[before[1] : atom.start].strip().lower() not in _WEAK_LEADS
    )
    large = atom.factor != 1 or (atom.value >= 1000 and not atom.plain_int)
    if not large and atom.value >= 2 and units.CHANGE_VERB.search(text, max(s0, lead - 30), lead):
        noun = units.noun_before(
            text,
            max(s0, atom.start - _CONTEXT_REACH),
            lead,
            sentence_start=atom.start - s0 < _CONTEXT_REACH,
        )
        # "Drownings in Australia rose to 312", "the number of officers rose to 312"; not "the
        # index of factories climbed to 52", whose subject is the index.
        head = text.lower().rfind(noun, max(s0, atom.start - _CONTEXT_REACH), lead) if noun else -1
        of = _OF_BEFORE.search(text, max(s0, head - 40), head) if noun else None
        if noun and (not of or of.group(1).lower() in _COUNTING_HEADS):
            return Candidate(atom.start, atom.end, Kind.COUNT, atom.value, unit=noun)
    if large or (hedged and atom.value >= 10):
        # "The number of officers has risen by 20,951": the noun the sentence counts.
        unit = units.noun_before(text, max(s0, atom.start - _CONTEXT_REACH), lead)
        # "Job additions were revised down by 9,000", "job gains averaged 90,000": what is
        # added is jobs.
        if unit == "payrolls" or (
            unit in (None, "additions", "gains")
            and units.EMPLOYMENT_CHANGE.search(text, max(s0, lead - _CONTEXT_REACH), lead)
        ):
            unit = "jobs"  # "payroll employment rose by 412,000": jobs, as outlets count them
        return Candidate(atom.start, atom.end, Kind.COUNT, atom.value, unit=unit)
    return _orphan(atom)


# "PXD stock climbed 1.4% Wednesday to 240.82": a share price in cents written without its
# sign after a move, in the currency of the text's amounts before it. An index ("the FTSE 100
# fell 1% to 7,412.35") moves to a level in points.
_MOVED_TO = re.compile(r"\d(?:%|\s?per\s?cent|\s?percent)\s+(?:[A-Z][a-z]+\s+)?to\s+$")
_CENTS = re.compile(r"\d{1,4}\.\d\d")
_INDEX_WORDS = re.compile(
    r"\b(?:index|indices|FTSE|Dow|S&P|Nasdaq|Nikkei|Hang Seng|DAX|CAC|benchmark|points?|yields?)\b"
)
_SIGNED_AMOUNT = re.compile(r"(US\$|C\$|A\$|€|£|¥|\$)\d")


def _price_moved_to(text: str, atom: Atom, s0: int, s1: int) -> str | None:
    """The currency of a bare share price a move reached ("fell 3.6% to 106.49"), if it is one."""
    if not _CENTS.fullmatch(atom.raw) or not _MOVED_TO.search(
        text, max(s0, atom.start - 30), atom.start
    ):
        return None
    if _INDEX_WORDS.search(text, s0, s1):
        return None
    signs = _SIGNED_AMOUNT.findall(text, 0, atom.start)
    return money.prefix_sign_currency(signs[-1]) if signs else None


def _majority_unit(text: str, s0: int, s1: int) -> str | None:
    if _SEATS_WORD.search(text, s0, s1):
        return "seats"
    return "votes" if _VOTES_WORD.search(text, s0, s1) else None


def _of_noun(text: str, atom: Atom) -> str | None:
    """ "3,000 of its employees", "two of Britain's biggest banks": the noun after "of"; but
    "Vans accounted for 900 of those trips" counts vans, the part the subject names."""
    of_the = _OF_THE.match(text, atom.end)
    noun = units.counted_noun(text, of_the.end() - 1) if of_the else None
    if noun is None:
        return None
    before = qualifier_before(text, atom.start)
    lead = before[1] if before else atom.start
    share = _SHARE_OF.search(text, max(0, lead - 80), lead)
    if share and units.is_plural_noun(share.group("part").lower()):
        return share.group("part").lower()
    return noun[0]


def _orphan(atom: Atom) -> Candidate:
    """A small bare number, kept only if it takes the unit of the count before it (see links)."""
    return Candidate(atom.start, atom.end, Kind.COUNT, atom.value, orphan=True)


_MODEL_YEAR_NOUNS = frozenset({"models", "model years"})


def _candidate(text: str, atom: Atom, sentences: Sentences) -> Candidate | dates.DateHit | None:
    if is_label(text, atom):
        # "the Farmers' League 8 and the Regionalists 6": after a name, a number may still
        # stand for a count ("won 21 seats, the Farmers' League 8"); links decides.
        named = atom.kind is None and atom.plain_int and not is_year_like(atom)
        if named and not is_label(text, atom, names=False):
            return replace(_orphan(atom), named=True)
        return None
    if atom.kind is Kind.COUNT and is_year_like(atom) and not qualifier_before(text, atom.start):
        return year(text, atom)  # "the 2024 elections": AP style writes counts as "2,024"
    if atom.kind is Kind.COUNT and is_year_like(atom) and atom.unit in _MODEL_YEAR_NOUNS:
        return year(text, atom)  # "some 2016 models": a model year, even after "some"
    if atom.kind is None:
        return _bare(text, atom, sentences)
    return _measured(text, atom)


def extract(
    text: str, published: dt.date | None = None, local_currency: str | None = None
) -> list[Figure]:
    sentences = Sentences(text)
    hits = month_dates(text)
    cands: list[Candidate] = []
    atoms = _atoms(text, [(h.start, h.end) for h in hits])
    names = labels.model_names(text, [(a.num_start, a.end) for a in atoms if a.plain_int])
    for atom in join_atoms(text, atoms):
        if atom.plain_int and labels.repeats_a_name(
            text, atom.num_start, atom.num_start + len(atom.raw), names
        ):
            continue
        found = _candidate(text, atom, sentences)
        if isinstance(found, dates.DateHit):
            hits.append(found)
        elif found is not None:
            cands.append(found)
    taken = Spans([(c.start, c.end) for c in cands] + [(h.start, h.end) for h in hits])
    cands.extend(
        c for c in score_candidates(text, sentences.around) if not taken.overlaps(c.start, c.end)
    )
    cands = _with_fractions(text, cands, hits)
    cands.extend(date_candidates(hits, published, text, sentences))
    if published:
        cands.extend(weekdays(text, published, Spans([(c.start, c.end) for c in cands])))
        cands.extend(ago_dates(text, published))
    cands = resolve_overlaps(cands)
    residue = Spans(labels.chart_residue(text) + labels.quote_widgets(text))
    cands = [c for c in cands if not residue.overlaps(c.start, c.end)]
    _name_placeholders(text, cands, sentences)
    borrow_units(text, cands, sentences)
    borrow_restated_units(text, cands, sentences)
    _jobs_cut(text, cands)
    _daily_rates(text, cands)
    _bracketed_scale(text, cands)
    cands = [c for c in cands if not c.orphan or c.unit]
    _read_shared_signs(text, cands, local_currency)
    _headline_roundings(text, cands)
    link_conversions(text, cands)
    return _figures(text, cands, sentences)


_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_SCALE_WORD = re.compile(r"\b(thousand|million|billion|trillion)\b", re.IGNORECASE)
_BRACKET_GAP = re.compile(r"\s*\(\s*")


def _bracketed_scale(text: str, cands: list[Candidate]) -> None:
    """ "more than 90 million viewers (91.3) watched": a bare number in brackets right after a
    count in millions gives that count exactly, in the same millions."""
    for previous, c in zip(cands, cands[1:], strict=False):
        if previous.kind is not Kind.COUNT or c.kind is not Kind.COUNT or c.number is None:
            continue
        if previous.number is None or not _BRACKET_GAP.fullmatch(text, previous.end, c.start):
            continue
        if not text.startswith(")", c.end) or _SCALE_WORD.search(text, c.start, c.end):
            continue
        scale = _SCALE_WORD.search(text, previous.start, previous.end)
        if not scale or "." not in text[c.start : c.end]:
            continue
        scaled = c.number * _SCALES[scale.group(1).lower()]
        if previous.number and 0.8 <= scaled / previous.number <= 1.25:
            c.number = scaled
            c.unit = c.unit or previous.unit


def _name_placeholders(text: str, cands: list[Candidate], sentences: Sentences) -> None:
    """ "the A220 aircraft, with 44 examples in service": the noun the sentence counts, before
    the count or after it; "ran some planned trains, avoiding 15 cancellations": the trains."""
    for c in cands:
        if c.unit in units.EVENT_HEADS:
            s0, _ = sentences.around(c.start)
            c.unit = units.event_object(text, max(s0, c.start - _CONTEXT_REACH), c.start) or c.unit
        elif c.unit in units.PLACEHOLDERS:
            s0, s1 = sentences.around(c.start)
            before = units.noun_before(text, max(s0, c.start - _CONTEXT_REACH), c.start)
            after = units.noun_after(text, c.end, min(s1, c.end + _CONTEXT_REACH))
            # "60 examples of the class after two locomotives derailed": named after.
            if _OF_AFTER.match(text, c.end):
                before, after = after, before
            c.unit = next((n for n in (before, after) if n and n not in units.PLACEHOLDERS), c.unit)
        elif c.unit in units.TALLY_WORDS:
            s0, _ = sentences.around(c.start)
            c.unit = units.totalled_noun(text, max(s0, c.start - _CONTEXT_REACH), c.start) or c.unit


# "cut 6,200 people", "cut 9% of its workforce, some 6,200 employees", "reducing headcount
# by 15,000": what an employer cuts is jobs, whatever noun the outlet gives the count, so that
# outlets wording one cut differently report one figure. "Laid off 200 staff" counts the people.
_CUT_BEFORE = re.compile(
    r"\b(?:cut|cuts|cutting|slash(?:es|ed|ing)?|eliminat(?:e|es|ed|ing)|ax(?:e|es|ed|ing)"
    r"|reduc(?:e|es|ed|ing)\s+(?:its\s+|their\s+)?(?:headcount|head\s+count|workforce|staff)\s+by)"
    r"\s+(?:[^.;:()]{0,40}?\b(?:workforce|staff|headcount|employees)\s*,\s*)?"
    r"(?:(?:some|about|around|roughly|nearly|almost|approximately|up\s+to|more\s+than|over"
    r"|at\s+least|another|a\s+further|an\s+estimated)\s+)?$",
    re.IGNORECASE,
)
_CUT_NOUNS = {"people", "staff", "employees", "workers", "positions", "roles", "staffers"}


def _jobs_cut(text: str, cands: list[Candidate]) -> None:
    for c in cands:
        if c.kind is not Kind.COUNT or c.orphan or not (c.unit is None or c.unit in _CUT_NOUNS):
            continue
        if _CUT_BEFORE.search(text, max(0, c.start - 80), c.start):
            c.unit = "jobs"


# "a 3 million-barrel cut", "a 70,000 barrel reduction": a text that measures output per day
# often sizes a change with the bare unit before its noun, meaning the same daily rate; read as
# a stock of barrels it would be a second fact beside the one other outlets give per day.
_SIZED_CHANGE = re.compile(
    r"[\s-]+(?:[a-z]+\s+){0,2}(?:cuts?|reductions?|increases?|hikes?|output|production|supply)\b",
    re.IGNORECASE,
)


def _daily_rates(text: str, cands: list[Candidate]) -> None:
    daily = {c.unit for c in cands if c.kind is Kind.QUANTITY and c.unit}
    for c in cands:
        if c.kind is not Kind.QUANTITY or f"{c.unit} per day" not in daily:
            continue
        # Only the singular unit of a compound modifier: "3 million barrels" is a stock.
        if text[c.start : c.end].endswith("s") or not _SIZED_CHANGE.match(text, c.end):
            continue
        c.unit = f"{c.unit} per day"


def _read_shared_signs(text: str, cands: list[Candidate], local_currency: str | None) -> None:
    """Amounts written with a sign several currencies share ("$", "¥"), read in the outlet's
    currency or the one the text named (see money.SignReadings). A conversion right after an
    amount ("US$3.6 million ($5 million)") is in the outlet's currency, not the one it converts.
    """
    if not local_currency:
        return
    readings = money.SignReadings(text, local_currency)
    previous = None
    for c in cands:
        sign = money.shared_sign(text, c.start, c.end) if c.kind is Kind.MONEY else None
        if sign:
            converts = previous is not None and is_conversion_gap(text, previous.end, c.start)
            c.unit = readings.at(sign, c.start, named_before=not converts)
        previous = c if c.kind is Kind.MONEY else None


def _headline_roundings(text: str, cands: list[Candidate]) -> None:
    """A headline rounds the body's amount and drops its currency mark: "$92m" over a body's
    "NZ$91.6 million" is that amount, about, in New Zealand dollars. Only a bare sign, and
    only when no body amount in the sign's own reading rounds to it as well."""
    first_line = text.find("\n")
    if first_line < 0 or text[:first_line].rstrip().endswith((".", "!", "?")):
        return
    body = [c for c in cands if c.start > first_line and c.kind is Kind.MONEY and c.number]
    for c in cands:
        if c.start > first_line or c.kind is not Kind.MONEY or not c.number:
            continue
        if not money.shared_sign(text, c.start, c.end) or c.number_high is not None:
            continue
        quantum = Decimal(1).scaleb(c.number.normalize().as_tuple().exponent)
        rounding = [b for b in body if b.number.quantize(quantum) == c.number]
        if not rounding or any(b.unit == c.unit for b in rounding):
            continue
        marked = {b.unit for b in rounding if not money.shared_sign(text, b.start, b.end)}
        if len(marked) == 1:
            c.unit = marked.pop()
            if all(b.number != c.number for b in rounding):
                c.qualifier = Qualifier.APPROX


def _with_fractions(
    text: str, cands: list[Candidate], hits: list[dates.DateHit]
) -> list[Candidate]:
    """Add the fractions in words; a number word they start gives way to them ("two" of
    "two-thirds", "three quarters" read as a count of quarters)."""
    fractions = fraction_candidates(text)
    if not fractions:
        return cands
    yielding = [c.orphan or c.unit in units.FRACTION_PLURALS for c in cands]
    taken = Spans(
        [(h.start, h.end) for h in hits]
        + [(c.start, c.end) for c, yields in zip(cands, yielding, strict=True) if not yields]
    )
    fractions = [f for f in fractions if not taken.overlaps(f.start, f.end)]
    spans = Spans([(f.start, f.end) for f in fractions])
    kept = [
        c
        for c, yields in zip(cands, yielding, strict=True)
        if not (yields and spans.overlaps(c.start, c.end))
    ]
    return kept + fractions


def _figures(text: str, cands: list[Candidate], sentences: Sentences) -> list[Figure]:
    index_by_start = {c.start: i for i, c in enumerate(cands)}
    figures: list[Figure] = []
    for c in cands:
        sentence = sentences.around(c.start)
        qualifier = c.qualifier or qualify(
            text, c.start, c.end, is_duration=c.kind is Kind.DURATION
        )
        before = qualifier_before(text, c.start)
        subject_start = before[1] if before else c.start
        converts = index_by_start.get(c.converts_from) if c.converts_from is not None else None
        if converts is not None and qualifier is Qualifier.EXACT:
            # "up to 12 feet (3.7 meters)": the conversion restates the hedged figure.
            qualifier = figures[converts].qualifier
        previous = figures[-1] if figures and figures[-1].sentence_start == sentence[0] else None
        # A conversion restates its original, so it shares its subject.
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
                date_high=c.date_high,
                converts=converts,
            )
        )
    return figures
