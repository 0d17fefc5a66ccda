"""Passes that relate neighbouring figures: ranges, shared units, parts of wholes, conversions."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from . import units
from .candidates import Candidate
from .grammar import Atom, inherit_unit, merged_range
from .sentences import Sentences
from .types import Kind

# "412 of the 650 seats", "two of Brightwater's 11 factories", "five of their last seven games".
_PART_OF = re.compile(
    r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+)?"
    r"(?:[A-Za-z][\w&.-]*(?:\s[A-Za-z][\w&.-]*){0,2}['’]s\s+)?"
    r"(?:(?:last|first|past|next|previous|remaining)\s+)?"
)
_CONVERSION_GAP = re.compile(
    r"\s*(?:[(\[]|,?\s*or|,|\s[–—]|\s--|/)\s*"
    r"(?:(?:about|around|roughly|approximately|nearly|almost|some|just\s+over|just\s+under|over|"
    r"more\s+than|less\s+than|under|an\s+estimated|equivalent\s+to|the\s+equivalent\s+of)\s+)?",
    re.IGNORECASE,
)
_COMPARED_WITH = re.compile(
    r"(?:\b(?:up|down|rising|falling|increasing|decreasing)\s+from|\bcompared\s+(?:with|to)"
    r"|\bversus|\bvs\.?|\bagainst|\bfrom"
    r"|\b(?:up|down|back|rose|fell|dropped|climbed|slipped|jumped|grew|shrank)\s+to"
    r"|,\s+(?:up|down))\s+(?:(?:an?|the)\s+(?:average|total|median)\s+of\s+)?$",
    re.IGNORECASE,
)
# "rivers were deadliest, with 97 deaths, followed by beaches with 74";
# "opened 14 stores and closed three", "lost 11 seats and finished with 14": a list or a
# second verb that leaves the noun to the count before it, ending its phrase.
_FOLLOWED_BY = re.compile(
    r",\s+followed\s+by\s+(?:[\w'’-]+\s+){1,4}(?:with|at|on)\s+$", re.IGNORECASE
)
_SECOND_VERB = re.compile(
    r"\s(?:and|but)\s+(?:then\s+)?(?:[a-z]{3,}ed|shut|cut|sold|lost|won|took|kept|made|held)"
    r"\s+(?:with\s+|to\s+|at\s+)?$"
)
# "scrapped 140 flights on Sunday and a further 55 on Monday", "and another 45 in April".
_FURTHER = re.compile(
    r"\s(?:and|plus|with)\s+(?:a\s+further|another|an\s+additional|an\s+extra)\s+$"
)
# "2,300 of them", "19 of them in home pools": the noun of the count before.
_OF_THEM = re.compile(r"\s+of\s+them\b")
_WERE = re.compile(r"\s+(?:were|are)\s")
# "1,930 residents were in shelters. That number had fallen to fewer than 700": the count
# of the sentence before.
_ANAPHORA = re.compile(r"(?:That|This|The)\s+(?:number|figure|total|tally|count)\b")
# Ellipses that leave the counted noun to the count before them, in the same sentence:
# "13 short of a majority", "12 more than in 2019";
_DIFFERENCE_AFTER = re.compile(r"\s+(?:short\s+of|shy\s+of|more|fewer|ahead\s+of|behind)\b")
# "Of the 30 patients, 12 recovered and 3 died"; "Seven of the nine ..., while two wanted";
# "42 libraries, of which 9 will close";
_CLAUSE_OPENING = re.compile(r"(?:[,;]|\band|\bwhile|\bwhereas|\bbut|\bof\s+wh(?:ich|om))\s+$")
_VERB_AFTER = re.compile(
    r"\s+(?:were|was|are|is|had|have|has|did|do|would|could|will|said|say|want|remain[a-z]*"
    r"|[a-z]{2,}ed)\b"
)
# "won 21 seats, the Farmers' League 8 and the Regionalists 6", "while the Conservatives
# took 119": a parallel clause, a name and maybe a verb, then the number to end the phrase.
# The verb, if any, must be one that reports a result or repeat the first clause's
# ("Anna Berg turned 50" is an age).
_PARALLEL = re.compile(
    r"(?:[,;]|\s(?:and|while|whereas|but))\s+(?:(?:and|while|whereas|but)\s+)?(?:the\s+)?"
    r"(?:[A-Z][\w'’.&-]*\s+){1,4}(?:(?P<verb>[a-z]+)\s+)?$"
)
_RESULT_VERBS = {
    "won", "wins", "took", "takes", "got", "gets", "gained", "secured", "claimed", "had", "has",
    "held", "holds", "kept", "lost", "scored", "received", "sold", "shipped", "delivered",
    "added", "cut", "made", "posted", "recorded", "reported", "picked", "captured",
}  # fmt: skip
_WORD_BEFORE = re.compile(r"([a-z]+)\s+$")
_LABEL_CONTEXT = re.compile(r"\b(?:that|which|who|whose|with)\b|[A-Za-z]\d|\d[A-Za-z]")
_PHRASE_END = re.compile(r"\s*(?:[,.;:)]|\s(?:and|in|on|at)\b|$)")


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


def _magnitude(number: Decimal | None) -> Decimal:
    return max(number or Decimal(1), Decimal(1)).log10()


def _elliptical(
    text: str, prev: Candidate, cand: Candidate, counts: list[Candidate]
) -> Candidate | None:
    """The count whose noun a bare number leaves out, if it is elliptical (see the patterns
    above): prev, the count right before it, or for a parallel clause the count of the same
    scale ("12,000 cases and four deaths, and Kazakhstan 13,000" counts cases)."""
    before = text[max(prev.end, cand.start - 80) : cand.start]
    parallel = _PARALLEL.search(before)
    if parallel and cand.named and _LABEL_CONTEXT.search(before, 0, parallel.start()):
        # "two ports that support USB4, Wi-Fi 7 and ...": after a relative clause or among
        # labels with digits, a name and a number are another label, not a parallel count.
        return None
    if parallel and _PHRASE_END.match(text, cand.end):
        size = _magnitude(cand.number)
        source = min(reversed(counts), key=lambda c: abs(_magnitude(c.number) - size))
        verb = parallel.group("verb")
        first = _WORD_BEFORE.search(text, max(0, source.start - 20), source.start)
        if verb and verb not in _RESULT_VERBS and not (first and first.group(1) == verb):
            return None
        # A name before a number of another scale is a model ("sold 400,000 cars, the Model 3").
        return source if not cand.named or cand.number * 50 >= source.number else None
    if cand.named:
        return None
    if _COMPARED_WITH.search(before) or _DIFFERENCE_AFTER.match(text, cand.end):
        return prev
    if (
        _FOLLOWED_BY.search(before) or _SECOND_VERB.search(before) or _FURTHER.search(before)
    ) and _PHRASE_END.match(text, cand.end):
        return prev
    # "from 42 seats to 48"
    if re.fullmatch(r"\s+to\s+", text[prev.end : cand.start]):
        return prev
    if _CLAUSE_OPENING.search(before) and _VERB_AFTER.match(text, cand.end):
        return prev
    return None


def borrow_units(text: str, cands: list[Candidate], sentences: Sentences) -> None:
    """ "sold 3.8 million GPUs, up from 2.6 million": a bare number takes the unit of a count
    before it in the same sentence when it is elliptical ("fell to 37 seats from 52")."""
    prev, current = None, None
    counts: list[Candidate] = []  # the sentence's counts with a unit so far
    last_counts: list[Candidate] = []  # the previous sentence's counts with a unit
    for cand in cands:
        sentence = sentences.around(cand.start)
        if sentence != current:
            last_counts = counts if current and _follows(text, current, sentence) else []
            prev, counts, current = None, [], sentence
        if cand.kind is Kind.COUNT and cand.unit is None and not cand.named:
            if prev is None and last_counts and _ANAPHORA.match(text, sentence[0]):
                # the count of that sentence nearest in size: "That number" is the subject's
                size = _magnitude(cand.number)
                cand.unit = min(last_counts, key=lambda c: abs(_magnitude(c.number) - size)).unit
            elif prev is None and last_counts and _opens_parallel(text, sentence[0], cand):
                # "... lost 11 seats. The Heritage Party won 6 and the Greens 2.": the count a
                # result verb took in the sentence before.
                results = [c for c in last_counts if _after_result_verb(text, c)]
                if results:
                    size = _magnitude(cand.number)
                    cand.unit = min(results, key=lambda c: abs(_magnitude(c.number) - size)).unit
            elif counts and _OF_THEM.match(text, cand.end):
                cand.unit = _of_them(text, cand, counts[-1])
            elif counts:
                cand.unit = _breakdown_unit(text, sentence[0], cand, counts)
        if (
            prev is not None
            and cand.kind is Kind.COUNT
            and cand.unit is None
            and prev.kind is Kind.COUNT
            and prev.unit is not None
        ):
            source = _elliptical(text, prev, cand, counts)
            if source:
                cand.unit = source.unit
        elif (
            prev is not None
            and cand.kind is Kind.COUNT
            and cand.unit is None
            and prev.kind is Kind.QUANTITY
            and cand.number is not None
            and not cand.named
            and _COMPARED_WITH.search(text, max(prev.end, cand.start - 80), cand.start)
        ):
            # "1.14 deaths per 100,000 people, up from 1.02": the rate's unit and kind.
            cand.kind, cand.unit = Kind.QUANTITY, prev.unit
        elif (
            prev is not None
            and cand.kind is Kind.COUNT
            and cand.unit is None
            and prev.kind is Kind.DURATION
            and cand.number is not None
            and not cand.named
            and cand.start - prev.end <= 12
            and _COMPARED_WITH.search(text, prev.end, cand.start)
        ):
            # "shortens the wait to two weeks from six": the length it leaves out.
            cand.kind, cand.unit = Kind.DURATION, prev.unit
        # A date between a count and its ellipsis ("11 storms by mid-September, against eight").
        if (not cand.orphan or cand.unit) and cand.kind is not Kind.DATE:
            prev = cand
        if cand.kind is Kind.COUNT and cand.unit:
            counts.append(cand)


# "In the revision, February's tally was lowered by 12,000 to 51,000", "under last year's
# average of 88,000": a revision or an average restates a figure the story just counted, and
# leaves its noun out.
_RESTATES = re.compile(r"\b(?:revis(?:ed|ion|ions)|averag(?:e|ed|ing))\b", re.IGNORECASE)
_RESTATED_REACH = 300  # how far back the counted figure may be: a sentence or two


def borrow_restated_units(text: str, cands: list[Candidate], sentences: Sentences) -> None:
    """A large bare count in a sentence revising or averaging takes the unit of the last count
    before it, when that is near ("added 64,000 jobs ... In the revision, ... lowered by 12,000 to 51,000")."""
    last: Candidate | None = None
    for cand in cands:
        if cand.kind is not Kind.COUNT:
            continue
        if cand.unit is None and not cand.orphan and not cand.named and last is not None:
            s0, _ = sentences.around(cand.start)
            if cand.start - last.end <= _RESTATED_REACH and _RESTATES.search(text, s0, cand.start):
                cand.unit = last.unit
        if cand.unit is not None:
            last = cand


def _breakdown_unit(
    text: str, sentence_start: int, cand: Candidate, counts: list[Candidate]
) -> str | None:
    """ "22 million shares were sold (15.28 million by the firm and 6.72 million by others)":
    bare numbers in brackets after a count break it down, in its unit."""
    opened = text.rfind("(", sentence_start, cand.start)
    if opened < 0 or ")" in text[opened : cand.start]:
        return None
    whole = next((c for c in reversed(counts) if c.end <= opened), None)
    if whole is None or cand.number is None or whole.number is None:
        return None
    return whole.unit if cand.number <= whole.number else None


# "accounted for 31 deaths, and 12 of them had arrived that week": "them" are the people who died.
_PEOPLE_EVENTS = {"deaths", "drownings", "fatalities", "casualties", "injuries"}


def _of_them(text: str, cand: Candidate, count: Candidate) -> str | None:
    """ "only nine of them were wingers": the noun after the verb, else the count's before."""
    were = _WERE.match(text, _OF_THEM.match(text, cand.end).end())
    noun = units.counted_noun(text, were.end() - 1, max_modifiers=2) if were else None
    if noun:
        return noun[0]
    return "people" if count.unit in _PEOPLE_EVENTS else count.unit


_OPENING_RESULT = re.compile(r"(?:The\s+)?(?:[A-Z][\w'’.&-]*\s+){1,4}(?P<verb>[a-z]+)\s+")


def _opens_parallel(text: str, sentence_start: int, cand: Candidate) -> bool:
    """A sentence that opens with a name and a result verb, then the number ends the phrase."""
    m = _OPENING_RESULT.fullmatch(text, sentence_start, cand.start)
    return bool(m and m.group("verb") in _RESULT_VERBS and _PHRASE_END.match(text, cand.end))


def _after_result_verb(text: str, count: Candidate) -> bool:
    word = _WORD_BEFORE.search(text, max(0, count.start - 20), count.start)
    return bool(word and word.group(1) in _RESULT_VERBS)


def _follows(text: str, previous: tuple[int, int], sentence: tuple[int, int]) -> bool:
    """The sentence comes right after the previous one, in the same paragraph."""
    return "\n\n" not in text[previous[1] : sentence[0]]


def is_conversion_gap(text: str, end: int, start: int) -> bool:
    """Whether text[end:start] joins an amount to its conversion ("€2 billion ($2.1 billion)")."""
    return bool(_CONVERSION_GAP.fullmatch(text, end, start))


def link_conversions(text: str, cands: list[Candidate]) -> None:
    """ "€2 billion ($2.1 billion)", "900 km (550 miles)": the second restates the first."""
    for first, second in zip(cands, cands[1:], strict=False):
        if first.kind is not second.kind or first.kind not in (Kind.MONEY, Kind.QUANTITY):
            continue
        if first.unit == second.unit or first.converts_from is not None:
            continue
        if _CONVERSION_GAP.fullmatch(text, first.end, second.start):
            second.converts_from = first.start
