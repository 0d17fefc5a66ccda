"""The measure as a subject line shows it, in the sentence's own words, with the modifier
that says which amount it is: "estimated cost", "extra interest costs", "internal accruals",
"rejected ballot papers".

Only the readable line uses it: what grouping compares (claims.about.About.terms) keeps the
canonical measure, so rewording here never regroups facts.
"""

from __future__ import annotations

import re

from claims.extraction.lexicon import words

# Words that say which of several amounts of one measure a figure is: an estimate is not the
# approved budget, an extra cost is not the whole cost.
_MODIFIERS = words(
    """estimated projected expected forecast planned budgeted revised original approved
    total combined extra additional insured uninsured gross net operating core underlying
    adjusted pre-tax annual quarterly average median headline"""
)
# "its cost is estimated at", "losses are expected to reach": the figure is an estimate.
_ESTIMATED = re.compile(
    r"\b(?:is|are|was|were|been|be)\s+(estimated|projected|expected|forecast)\s+"
    r"(?:at|to\s+(?:reach|be|hit|top|total)|of)\b[^,;]*$"
)
# How many live in a place: "a town of 9,000 people", "out of a population of roughly 300".
_POPULATION = re.compile(
    r"\b(?:population|(?:city|town|village|island|country|nation|state|region|province"
    r"|district|county|community|municipality)) of\s+(?:(?:about|around|roughly|some|nearly"
    r"|almost|more than|over|just over|just under|fewer than|under|an estimated)\s+)?$"
)
# "another 40 hours", "a further $2m": more on top of an amount already there.
_ANOTHER = re.compile(
    r"\b(?:another|a further|an additional|an extra)\s+(?:about\s+|around\s+|up to\s+|nearly\s+)?$"
)
# "would add $60m to costs", "adds Rs 900 crore to its annual interest costs".
_ADD = re.compile(
    r"\badd(?:s|ed|ing)?\s+(?:(?:as much as|up to|about|around|nearly|roughly|some|an estimated)\s+)?$"
)
_ADDED_TO = re.compile(
    r"\s+to\s+(?:(?:its|their|the|his|her|our)\s+|[A-Z][\w&.-]*(?:['’]s?)\s+)?"
    r"((?:[a-z][a-z-]*\s+){0,3}(?:costs?|bills?|spending|expenses|debt|budget|revenue|sales"
    r"|profits?|earnings|losses))\b"
)
# "Rs 18,500 crore of internal accruals", "40 hours of observing time": what the amount is of.
_OF_AFTER = re.compile(r"\s+of\s+((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)\b")
# A count that underwent something: "1,037 ballot papers were rejected".
_UNDERWENT = re.compile(r"\s+(?:were|was|have been|had been|has been)\s+([a-z]{3,}ed)\b")
# Words that end the phrase read after "of": they belong to the clause, not the noun.
_PHRASE_ENDS = words(
    """the a an its their his her this that these those which who and or but to from in on at
    by for with as than is are was were be been will would could has have had over under
    into since per each every all some around about through across between among after
    before during within without near last next this year years month months week weeks day
    days ago earlier when while where if"""
)


def shown(
    before: str, after: str, *, kind: str, measure: str, wording: str, text: str, unit: str = ""
) -> str:
    """The measure phrase for the line, or "" when `wording` (or the measure) says it best."""
    head = wording or measure
    lower = before.lower()
    if kind in ("count", "quantity") and _POPULATION.search(lower):
        return "population"  # "a city of about 400,000 people", "a population of 300"
    if kind in ("quantity", "duration") and not measure:
        head = _dimension(before, after, kind=kind, wording=wording, text=text, unit=unit) or head
    if kind in ("money", "quantity", "duration"):
        added = _ADDED_TO.match(after) if _ADD.search(lower) else None
        if added:
            return f"extra {added.group(1)}"  # "tariffs would add $60m to costs"
        if not wording:
            head = _what_of(after) or head
    if kind == "count" and wording and not wording.endswith("people"):
        underwent = _UNDERWENT.match(after)
        if underwent and underwent.group(1) not in (*wording.split(), "used", "needed"):
            head = f"{underwent.group(1)} {wording}"  # "rejected ballot papers"
    if not head:
        return ""
    if _ANOTHER.search(lower) and kind in ("money", "quantity", "duration"):
        return f"extra {head}" if head.split()[0] != "extra" else head
    estimated = _ESTIMATED.search(re.split(r"\d[\d,.]*", lower)[-1])
    modifier = _modifier(lower, head) or (estimated.group(1) if estimated else "")
    if modifier and not set(head.split()) & _MODIFIERS:
        head = f"{modifier} {head}"  # "estimated cost", "estimated surface temperature"
    return "" if head == (wording or measure) else head


def _what_of(after: str) -> str:
    """ "internal accruals" from " of internal accruals and a bridge loan": lower-case words
    up to the first that ends a noun phrase."""
    match = _OF_AFTER.match(after)
    if not match:
        return ""
    kept: list[str] = []
    for word in match.group(1).split():
        if word in _PHRASE_ENDS:
            break
        kept.append(word)
    if not kept or kept[-1].endswith(("ly", "ed")):
        return ""
    return " ".join(kept)


def _modifier(lower: str, head: str) -> str:
    """The modifier written just before the measure in the clause: "the project's estimated
    cost has risen to" gives "estimated" for "cost"."""
    first = head.split()[0]
    lower = re.split(r"\d[\d,.]*", lower)[-1]  # another figure's words are not this one's
    if first not in lower:
        return ""  # most clauses do not write the measure's word: no search needed
    found = re.findall(rf"\b([a-z]+)\s+{re.escape(first)}\b", lower)
    return found[-1] if found and found[-1] in _MODIFIERS else ""


# What a physical quantity measures, from the words next to it: "10 km deep", "spanned 1.6
# miles", "120 light-years from Earth", "weighs 187 grams".
_DIMENSION_CUES = (
    ("depth", re.compile(r"\b(?:deep|depth)\b")),
    ("altitude", re.compile(r"\b(?:above|altitude|as high as)\b")),
    ("height", re.compile(r"\b(?:tall|high|height)\b")),
    ("diameter", re.compile(r"\b(?:diameter|across(?!\s+(?:the|a|an|its|[A-Z])))\b")),
    ("width", re.compile(r"\b(?:wide|width)\b")),
    ("length", re.compile(r"\b(?:long|length|spann?(?:s|ed|ing)?)\b")),
    ("weight", re.compile(r"\b(?:weighs?|weighed|weighing|heavy)\b")),
    (
        "distance",
        re.compile(
            r"\b(?:away|from|flown|travell?ed|(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\b"
        ),
    ),
)
# What a unit measures when no word next to it says.
_UNIT_DIMENSIONS = (
    ("speed", re.compile(r"\bper (?:hour|second)\b|\bknots?\b")),
    ("temperature", re.compile(r"\b(?:celsius|fahrenheit|kelvins?)\b")),
    ("power", re.compile(r"\b(?:kilo|mega|giga)?watts?\b")),
    ("magnitude", re.compile(r"\bmagnitude\b")),
    ("mass", re.compile(r"\b(?:kilo)?grams?\b|\btonnes?\b|\btons?\b")),
    ("distance", re.compile(r"\blight-years?\b")),
)
DIMENSIONS = frozenset(name for name, _ in (*_DIMENSION_CUES, *_UNIT_DIMENSIONS)) | {"length"}
_LENGTH_UNITS = re.compile(
    r"\b(?:(?:kilo|centi|milli)?met(?:er|re)s?|miles?|feet|foot|inch(?:es)?|yards?)\b"
)
# "a five-year contract", "the 3.8-metre mirror", "the 1,250 kg probe": the thing measured.
_MEASURED_THING = re.compile(r"\s+([a-z]{3,})\b")


def _dimension(before: str, after: str, *, kind: str, wording: str, text: str, unit: str) -> str:
    """ "mirror length", "depth", "contract length": what a quantity or a length of time
    measures, with the thing it is of when the figure describes it ("a 3.8-metre mirror")."""
    unit = unit.lower()
    thing = _MEASURED_THING.match(after) if not wording else None
    noun = thing.group(1) if thing else ""
    if (
        noun in _PHRASE_ENDS
        or noun.endswith(("ly", "ed"))
        or re.match(r"\s+of\b", after[thing.end() :] if thing else "")
    ):
        noun = ""  # "60 km south of", "95,000 tons when empty": no thing described
    if kind == "duration":
        # "a five-year contract": how long the contract runs; not "a 40-year-old".
        compound = re.search(r"-(?:year|month|week|day|hour|minute)s?$", text.lower())
        return f"{noun} length" if compound and noun else ""
    # A unit of speed, heat or power says what it measures; a length or a weight may be
    # many things, which the words next to it tell ("deep", "above", "from", "weighs").
    by_unit = next((name for name, pattern in _UNIT_DIMENSIONS if pattern.search(unit)), "")
    if by_unit and by_unit != "mass":
        return "" if wording else " ".join(p for p in (noun, by_unit) if p)
    near = before[-25:].lower()
    if not noun:  # after "a 3.8-metre mirror" come the mirror's words, not the figure's
        near += " | " + re.sub(r"\([^)]*\)", "", after)[:15].lower()
    dimension = next((name for name, cue in _DIMENSION_CUES if cue.search(near)), "")
    if wording and (by_unit or not _LENGTH_UNITS.search(unit)):
        return f"{wording} {dimension}" if dimension == "weight" else ""
    dimension = dimension or by_unit
    if not dimension and noun and _LENGTH_UNITS.search(unit):
        dimension = "length"  # "the 33.5-km line"
    if not dimension or dimension in wording.split():
        return ""
    return " ".join(part for part in (wording or noun, dimension) if part)


def without_cues(words: list[str]) -> list[str]:
    """The words that do not only say what a quantity measures ("weighs", "spanning")."""
    return [w for w in words if not any(cue.search(w.lower()) for _, cue in _DIMENSION_CUES)]


# A film's takings, in the words box-office coverage uses: which market ("domestic",
# "global") and which days ("opening weekend", "opening day", "previews"), for the line.
# about() also keys a first day's takings by them; a weekend's takings are grouped by the
# sentence's words, as any unnamed measure is.
_BOX_OFFICE = re.compile(
    r"\b(?:box[- ]office|gross(?:ed|ing|es)|opening (?:weekend|day)|(?:debut|first) weekend"
    r"|(?:opened|debuted)(?: [a-z]+ly)? (?:to|with)|previews?|ticket sales|bow|theat(?:re|er)s)\b"
)
_BOX_OFFICE_MARKETS = (
    ("domestic", re.compile(r"\b(?:domestic(?:ally)?|north americ(?:a|an)|(?:the )?u\.?s\.?)\b")),
    ("global", re.compile(r"\b(?:global(?:ly)?|worldwide|world-wide)\b")),
    ("international", re.compile(r"\b(?:overseas|international(?:ly)?|abroad|offshore)\b")),
)
_BOX_OFFICE_DAYS = (
    ("previews", re.compile(r"\bpreviews?\b")),
    # A weekend's best day is the day it opened, previews and all: "the largest grossing day".
    (
        "opening day",
        re.compile(
            r"\b(?:opening day|first day|(?:(?:opened|debuted|premiered) )?on (?:its )?friday"
            r"|(?:biggest|largest|best|top)(?:[- ]grossing)? (?:single )?day)\b"
        ),
    ),
    ("opening weekend", re.compile(r"\b(?:open(?:ing|ed)|debut(?:ed)?|first weekend)\b")),
)


_CLAUSE = re.compile(r"[,;(]|\b(?:and|but|while|which|whereas)\b")


def box_office(before: str, after: str, *, sentence: str = "") -> str:
    """ "domestic opening weekend gross" for "$92 million at the domestic box office over its
    opening weekend"; "" when the figure's words are not about a film's takings."""
    # Another figure's words, or another clause's, are not this one's: "$40 million abroad,
    # beating forecasts, took $92 million".
    # A year is no figure: "the largest grossing day of 2023 with $70.8 million".
    if not before.strip(" $€£") and _OPENS_BRACKET.search(sentence):
        # "the largest opening day on record ($57.5 million)": the words before the bracket
        # are the figure's label.
        before = sentence[: _OPENS_BRACKET.search(sentence).start()]
    whole = re.sub(r"\b(?:19|20)\d\d\b", "year", before.lower())
    segments = re.split(r"\d[\d,.]*", whole)
    before = _CLAUSE.split(segments[-1])[-1]
    after = _CLAUSE.split(re.split(r"\d", after.lower(), maxsplit=1)[0])[0]
    before, after = before[-70:], after[:50]
    if (
        not _BOX_OFFICE.search(f"{before} {after}")
        and not _shares_takings(segments, before, after)
        and not _taken_in_a_market(before, after)
    ):
        return ""
    market = nearest_cue(_BOX_OFFICE_MARKETS, before, after) or _sentence_market(
        re.sub(r"\b(?:19|20)\d\d\b", "year", (sentence or before).lower())
    )
    days = nearest_cue(_BOX_OFFICE_DAYS, before, after)
    return (
        " ".join(p for p in (market, days, "gross") if p) if market or days else "box office gross"
    )


_OPENS_BRACKET = re.compile(r"\(\s*[$€£]?\s*$")

# "taking in $64 million domestically": an amount taken in, then the market alone as an
# adverb, is a film's takings though no box-office word is written; a company's takings are
# said with the place ("in the US"), not the adverb.
_TAKEN_IN = re.compile(
    r"\b(?:took|tak(?:e|es|ing)|brought|bring(?:s|ing)?|raked|rak(?:e|es|ing)|pulled"
    r"|pull(?:s|ing)?|hauled|haul(?:s|ing)?)\s+in\s*[$€£]?\s*$"
)
_MARKET_ADVERB = re.compile(r"\s*(?:domestically|globally|worldwide|overseas|internationally)\b")


def _taken_in_a_market(before: str, after: str) -> bool:
    return bool(_TAKEN_IN.search(before) and _MARKET_ADVERB.match(after))


# "$92 million in ticket sales domestically and $240 million globally": a figure joined by
# "and" to the one before it, with only a market of its own, leaves out the words it shares.
_JOINED = re.compile(r"^[^,;.()]{0,60}\band\s*\$?\s*$")


def _shares_takings(segments: list[str], before: str, after: str) -> bool:
    """Whether the figure, naming only its market, is joined by "and" to a figure whose own
    clause is about a film's takings (the words the second figure leaves out)."""
    if len(segments) < 2 or not _JOINED.search(segments[-1]):
        return False
    if not any(cue.search(f"{before} {after}") for _, cue in _BOX_OFFICE_MARKETS):
        return False
    previous = _CLAUSE.split(segments[-2])[-1][-70:]
    own = segments[-1].rsplit(" and", 1)[0]
    return bool(_BOX_OFFICE.search(f"{previous} {own}"))


def _sentence_market(before: str) -> str:
    """The one market the sentence's earlier clauses without a figure of their own name: "the
    highest domestic opening of the year; it also had the biggest day with $71 million"."""
    clauses = _CLAUSE.split(before.split(". ")[-1])[:-1]
    markets = {
        name
        for clause in clauses
        if not re.search(r"\d", clause)
        for name, cue in _BOX_OFFICE_MARKETS
        if cue.search(clause)
    }
    return markets.pop() if len(markets) == 1 else ""


def nearest_cue(cues: tuple[tuple[str, re.Pattern], ...], before: str, after: str) -> str:
    """The name of the cue written nearest the figure, before or after it."""
    best, best_distance = "", None
    for name, cue in cues:
        distances = [len(before) - m.end() for m in cue.finditer(before)]
        distances += [m.start() for m in cue.finditer(after)]
        if distances and (best_distance is None or min(distances) < best_distance):
            best, best_distance = name, min(distances)
    return best
