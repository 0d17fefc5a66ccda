"""Reading one number at a time: what it measures, where its span ends, whether it is a label.

Each number found in the text becomes an Atom. The right-hand context decides its kind (a
currency, a percent sign, a unit, a counted noun); the left-hand context brings currency
prefixes and decides whether the digits are part of a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from . import labels, money, units
from .lexicon import words
from .numbers import (
    GLUED_MAGNITUDE,
    SPACED_MAGNITUDE,
    WORDS,
    digits,
    magnitude,
    parse_digits,
    parse_words,
    scale,
)
from .types import Kind

# A hyphen is a minus sign only after a space or bracket ("fell to -5C"); elsewhere it joins words.
# A plus sign there marks a rise ("(+47%)"); it is kept only before a percentage (read_digits).
_MINUS = r"(?:(?P<minus>−|(?:(?<=[\s(])|^)-(?=\d))|(?P<plus>(?:(?<=[\s(])|^)\+(?=\d)))?"
# A number opens with a digit or a sign: scanning a text, the lookahead turns every other
# character away at once instead of trying each branch of the grammar on it.
_NUMBER_START = r"(?=[\d+\-−])"
DIGIT_NUMBER = re.compile(rf"{_NUMBER_START}{_MINUS}(?P<digits>{digits(continental=False)})")
CONTINENTAL_DIGIT_NUMBER = re.compile(
    rf"{_NUMBER_START}{_MINUS}(?P<digits>{digits(continental=True)})"
)
SPACED_DIGIT_NUMBER = re.compile(
    rf"{_NUMBER_START}{_MINUS}(?P<digits>{digits(continental=False, spaced=True)})"
)
_HALF_UNITS = (
    r"foot|meter|metre|mile|kilometer|kilometre|inch|centimeter|centimetre|kilogram|tonne|ton|pound"
)
WORD_NUMBER = re.compile(
    # The first letters the branches below open with, for a fast scan (see _NUMBER_START).
    rf"\b(?=[adefhnostzADEFHNOSTZ])(?P<words>(?i:half\sa|a|one)(?=\s(?:million|billion|trillion)\b)"
    rf"|(?i:half\sa)(?=\s(?i:percentage\s)?points?\b)|(?i:{WORDS})"
    # "a wave of half a metre": half of one unit of length or weight.
    rf"|(?i:half\san?)(?=\s(?i:{_HALF_UNITS})\b)"
    # "around zero percent": a zero is a figure only as a rate, not "zero tolerance".
    rf"|(?i:zero)(?=\s?(?:%|(?i:per\s?cent|pct)\b)))\b"
)
# "a decade", "over the next decade": ten years, with or without a number. A shorter period
# ("a month", "a fortnight") is a figure only after a word that makes it a length of time
# ("within a month", "less than a year", "for a fortnight"): "a year earlier" is a date and
# "£5 a month" a rate.
A_PERIOD = re.compile(
    r"\b(?:(?P<article>[Aa]n?|[Oo]ne)|(?i:the\s(?:next|past|last|previous|coming)))\s"
    r"(?P<unit>decade|fortnight|month|year|week|day|hour|minute|century)\b"
    r"(?![-\w'’])(?!\s+(?:ago|earlier|later|before|after|on|from\s+now|when|in\s+which)\b)"
)
# "four and a half", "two-and-a-half": a spelled number and a half.
_AND_A_HALF = re.compile(
    r"(?:-and-a-half|[ \u00a0]and[ \u00a0]a[ \u00a0]half)\b(?!-?\s*(?:of|a|an)\b)"
)
_PERIOD_LEAD = re.compile(
    r"\b(?i:for|within|in|than|nearly|almost|about|around|roughly|over|under|least|most|to|only"
    r"|just|barely|lasting|lasted|took|takes|spent|served|after)\s+$"
)
_PERIODS = {"decade": (10, "years"), "century": (100, "years"), "fortnight": (2, "weeks")}

_SPACED_MAG = re.compile(r"(?:[ \u00a0]|-)" + SPACED_MAGNITUDE)
_GLUED_MAG = re.compile(GLUED_MAGNITUDE)
_HYPHENED_LETTER_MAG = re.compile(r"-([mMbBkK])(?![A-Za-z0-9-])")
# "50 cents", "50 euro cents", "99¢"; a glued "c" ("45c") is cents only in a sentence about
# money, since casual copy also writes Celsius that way.
_CENTS = re.compile(
    r"\s(?:(?P<nation>US|U\.S\.|American|euro|Australian|Canadian)\s)?cents?\b|\s?¢|(?P<glued>c)\b"
)
_MONEY_NEARBY = re.compile(
    r"[$€£¢]|\b(?:cents?|dollars?|euros?|prices?|priced|costs?|fares?|paid|pays?|shares?|litre|liter"
    r"|gallon|tariffs?|tickets?)\b",
    re.IGNORECASE,
)
# "23.4p", "410 pence": British prices. A glued "p" after a video resolution is not money.
_PENCE = re.compile(r"p(?![A-Za-z0-9]|\.m\.)|\spence\b")
_RESOLUTIONS = {144, 240, 360, 480, 576, 720, 1080, 1440, 2160, 4320}
_VIDEO_NEARBY = re.compile(r"video|resolution|stream|display|screen|\bHD\b|camera|fps|pixel", re.I)
# "2.8 times earnings", "a 10-fold rise", "2.8x": a multiple. Spelled, "three times" is more
# often how often something happened, so it needs a comparison after it ("three times as many").
_TIMES = re.compile(r"(?:\s|-)(?:times|fold)\b|x(?![\w-])")
_COMPARISON_AFTER = re.compile(
    r"\s+(?:as|more|less|bigger|larger|higher|greater|faster|smaller|the)\b"
)
_CENTS_CURRENCY = {"euro": "EUR", "Australian": "AUD", "Canadian": "CAD"}
_CONTEXT_AFTER = re.compile(r"[ -](?:context\s+window|context\s+length|context)\b", re.IGNORECASE)
_POSSESSIVE_BEFORE = re.compile(
    r"\b(?:its|their|his|her|our|my|your|both|all|first|last|next|other)\s+$",
    re.IGNORECASE,
)
_DEFINING_AFTER = re.compile(
    r"\s+(?:(?:hit|struck|affected|battered|flooded|damaged|owned|run|operated|built)\s+by"
    r"|(?:in|across)\s+(?:the\s+)?[A-Z][a-z]+(?:\s+and\s+[A-Z][a-z]+)?\b(?!['’]))"
)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
# "bring together two very successful companies", "a merger of two banks": the parties of a
# combination are the story's own, not a figure to check.
_COMBINING_BEFORE = re.compile(
    r"\b(?:(?:bring|brings|bringing|brought)\s+together|(?:combine|combines|combining|combined"
    r"|merge|merges|merging|merged|unite|unites|uniting|united)|(?:merger|combination)\s+of)"
    r"\s+['\"“]?$",
    re.IGNORECASE,
)
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?\n]['\"”’)]?\s+|\n\s*|[\"“(]\s*)$")
_SINGLE_CASUALTY = re.compile(
    r"[ \u00a0](person|man|woman|child|boy|girl|death|fatality|victim|soldier|civilian|"
    r"officer|worker|passenger|firefighter|journalist|patient)\b(?![’'-])",
    re.IGNORECASE,
)
# "at least one more cut", "one further rate hike": a forecast of one more of something is a count.
_ONE_MORE = re.compile(
    r"[ \u00a0](?:more|further|additional|extra)[ \u00a0]([a-z]{3,})(?:[ \u00a0]([a-z]{3,}))?\b(?![’'-])"
)
_NOT_ONE_MORE = words(
    """time times thing things way step try chance reason word look day week month year hour
    minute second night season term round point question"""
)


def _one_more(text: str, pos: int) -> tuple[str, int] | None:
    """The noun of "one more cut" (or "one more rate cut") after pos, and where it ends."""
    m = _ONE_MORE.match(text, pos)
    if not m:
        return None
    second = m.group(2)
    if second and not units.is_stop_word(second):
        noun, end = second, m.end(2)
    else:
        noun, end = m.group(1), m.end(1)
    if noun in _NOT_ONE_MORE or units.is_stop_word(noun) or noun.endswith("s"):
        return None
    return units.plural(noun), end


_NEGATION_BEFORE = re.compile(r"\b(?:not|no|the|every|each|any|than)\s+$", re.IGNORECASE)
_QUAKE_AFTER = re.compile(r"[\s-]+(?i:earthquake|quake|tremor|aftershock)s?\b")
_MAGNITUDE = re.compile(r"[1-9]\.\d")
# "Python 3.12", "Claude 3.5": short decimals after a name are versions.
_VERSION = re.compile(r"\d{1,2}\.\d{1,2}")
# "jumped $7 to $91.20", "rose 4.1% or $3 to $76.40", "raised its forecast by $5 to $95": after a
# verb of change, an amount "to" another is the change and the level it reached, not a range.
_CHANGE_VERB_BEFORE = re.compile(
    r"\b(?:rose|rises?|rising|risen|jumped|jumps?|jumping|climbed|climbs?|climbing|gained|gains?"
    r"|gaining|added|adds?|adding|surged|surges?|surging|soared|soars?|soaring|rallied|rall(?:y|ies)"
    r"|advanced|advances?|increased|increases?|fell|falls?|falling|fallen|dropped|drops?|dropping"
    r"|declined|declines?|slid|slides?|slipped|slips?|sank|sinks?|tumbled|tumbles?|plunged|plunges?"
    r"|lost|loses?|shed|sheds|eased|eases?|raised|raises?|lifted|lifts?|cut|cuts|lowered|lowers?"
    r"|up|down)"
    r"\s+(?:(?:[\w'’]+\s+){0,4}by\s+)?(?:[\d.,]+\s?(?:%|per\s?cent|percent),?\s+or\s+)?"
    r"(?:(?:almost|nearly|about|around|roughly|some|more\s+than|over|just|as\s+much\s+as)\s+)?$",
    re.IGNORECASE,
)


@dataclass
class Atom:
    start: int  # where the figure starts (a currency prefix or "magnitude" included)
    num_start: int
    raw: str  # the number as written
    end: int  # where the figure ends (magnitude, currency word, unit or noun included)
    value: Decimal  # the number, magnitude applied
    written: Decimal  # the number as written, before its magnitude
    factor: int
    kind: Kind | None = None
    unit: str | None = None
    spelled: bool = False
    plain_int: bool = False  # digits only: the form names and labels use
    # "K" in 32K: a magnitude letter that is only trusted with a unit or a currency.
    glued_letter: str | None = None
    negative: bool = False
    high: Decimal | None = None
    label: bool = False
    single: bool = False  # "one person", "a month": the only "one"s that count


def _magnitude_at(text: str, pos: int, *, glued_letters: bool) -> tuple[int, int, str | None]:
    """The multiplier starting at pos, where it ends, and the single glued letter if that is what it was."""
    m = _GLUED_MAG.match(text, pos)
    if m and (glued_letters or len(m.group()) > 1):
        letter = m.group() if len(m.group()) == 1 else None
        return magnitude(m.group()), m.end(), letter
    m = _SPACED_MAG.match(text, pos)
    if m:
        factor, end = magnitude(m.group().strip(" -\u00a0")), m.end()
        # Indian amounts chain magnitudes: "11.11 lakh crore" is 11.11 * 10^5 * 10^7.
        chained = _SPACED_MAG.match(text, end)
        if chained and chained.group().strip().lower().startswith(
            ("crore", "lakh", "million", "billion")
        ):
            factor, end = factor * magnitude(chained.group().strip(" -\u00a0")), chained.end()
        return factor, end, None
    return 1, pos, None


def _classify(text: str, atom: Atom, pos: int, currency: str | None) -> Atom:
    """Decide kind and unit from what follows the number (and its magnitude) at pos."""
    has_magnitude = atom.factor != 1
    if has_magnitude and _GLUED_PLUS.match(text, pos):
        pos += 1  # "12K+ Structures": the hedge stands between the number and its noun
    if currency:
        atom.kind, atom.unit, atom.end = Kind.MONEY, currency, pos
        return atom
    if not has_magnitude:
        m = units.PERCENT.match(text, pos)
        if m:
            atom.kind, atom.unit, atom.end = Kind.PERCENT, units.percent_unit(m), m.end()
            return atom
        # Before currency words: "50 euro cents" is half a euro.
        m = _CENTS.match(text, pos)
        if m and m.group("glued") and not _nearby(_MONEY_NEARBY, text, pos):
            m = None
        currency = _CENTS_CURRENCY.get(m.group("nation") or "", "USD") if m else None
        if not m and not atom.glued_letter:
            m = _PENCE.match(text, pos)
            if m and atom.written in _RESOLUTIONS and _nearby(_VIDEO_NEARBY, text, pos):
                m = None
            currency = "GBP"
        if m and not atom.spelled:
            atom.kind, atom.unit, atom.end = Kind.MONEY, currency, m.end()
            atom.value = atom.value / 100
            return atom
        m = units.POINTS.match(text, pos)
        if m and _points_of_a_share(text, pos):
            atom.kind, atom.unit, atom.end = Kind.PERCENT, "percentage points", m.end()
            return atom
        m = _TIMES.match(text, pos)
        if m and (not atom.spelled or _COMPARISON_AFTER.match(text, m.end())):
            atom.kind, atom.unit, atom.end = Kind.QUANTITY, "times", m.end()
            return atom
    m = money.CURRENCY_SUFFIX.match(text, pos)
    if m and (has_magnitude or (m.group("word") or "").lower() not in money.NEEDS_MAGNITUDE):
        atom.kind, atom.unit, atom.end = Kind.MONEY, money.suffix_currency(m), m.end()
        return atom
    m = units.DURATION.match(text, pos)
    if m and not atom.glued_letter and not units.RECORD_AFTER.match(text, m.end()):
        unit = units.duration_unit(m.group("unit"), m.group("adj"))
        atom.kind, atom.unit, atom.end = Kind.DURATION, unit, m.end()
        if unit == "decades":
            atom.unit, atom.value = "years", atom.value * 10
        return atom
    m = units.QUANTITY.match(text, pos)
    if m:
        unit = units.quantity_unit(m)
        # "40k barrels per day": a thousands "k" with a unit word after a space is a quantity.
        thousands = atom.glued_letter in ("k", "K") and m.group("sep") == " " and m.group("word")
        if unit and not (
            atom.glued_letter and unit not in ("tokens", "parameters") and not thousands
        ):
            atom.kind, atom.unit, atom.end = Kind.QUANTITY, unit, m.end()
            rate = units.per_time(text, m.end(), unit)
            if rate:  # "14 km per second", "2 million tonnes a year"
                atom.unit, atom.end = rate
            return atom
    if atom.glued_letter in ("k", "K") and _CONTEXT_AFTER.match(text, pos):
        atom.kind, atom.unit, atom.end = Kind.QUANTITY, "tokens", pos
        return atom
    if not atom.spelled and _QUAKE_AFTER.match(text, pos) and _MAGNITUDE.fullmatch(atom.raw):
        # "a 6.1 quake hits", "Deadly 7.4 Earthquake": a magnitude, whatever word follows.
        atom.kind, atom.unit, atom.end = Kind.QUANTITY, "magnitude", pos
        return atom
    # Spelled compounds describe ("a two-bedroom flat"); digit ones count ("a 43-page ruling").
    compound = None if atom.spelled else units.compound_noun(text, pos)
    if compound:
        atom.kind, atom.unit, atom.end = Kind.COUNT, compound[0], compound[1]
        return atom
    if atom.glued_letter == "m" and units.METRES_CONTEXT.match(text, pos):
        # "a 100m sprint", "2m tall": a glued "m" that measures length, not millions.
        atom.value, atom.factor, atom.glued_letter = atom.written, 1, None
        atom.kind, atom.unit, atom.end = Kind.QUANTITY, "meters", pos
        return atom
    fraction = atom.value != int(atom.value)
    if fraction and (_SHARE_RATIO.match(text, pos) or _EXCHANGE_RATIO.match(text, pos)):
        # "1.05 Orrin share for each Vexa share", "1.09 of its own shares for each share": an
        # exchange ratio. The span is the number alone: the buyer's name between may hold a
        # number word of its own ("Capital One").
        atom.kind, atom.unit, atom.end = Kind.QUANTITY, "shares", pos
        return atom
    # "90-plus parliamentary seats": the hedge stands between the number and its noun.
    plus = _PLUS_AFTER.match(text, pos)
    noun = units.counted_noun(text, plus.end() if plus else pos)
    if noun:
        # A model name among the modifiers ("61 A320neo planes") stays out of the span.
        end = pos if any(c.isdigit() for c in text[pos : noun[1]]) else noun[1]
        atom.kind, atom.unit, atom.end = Kind.COUNT, noun[0], end
        rate = units.per_rate(text, end, noun[0]) if end == noun[1] else None
        if rate:
            atom.kind, (atom.unit, atom.end) = Kind.QUANTITY, rate
        elif atom.value != int(atom.value):
            atom.kind = Kind.QUANTITY  # "0.85 Orrin shares for each Vexa share": a ratio, no count
        return atom
    atom.end = pos
    return atom


# A fraction of one share, with the company's name between: "0.85 Orrin One share".
_SHARE_RATIO = re.compile(r"(?:[ \u00a0][A-Z][\w'’&.-]*){0,3}[ \u00a0]share\b(?![-\w])")
# Shares given for each share held: "0.85 Orrin shares for each", "(1.02) new shares per share",
# "1.09 of its own shares for every share".
_EXCHANGE_RATIO = re.compile(
    r"\)?(?:[ \u00a0]+(?:[A-Z][\w'’&.-]*|of|its|their|own|new|common))*?[ \u00a0]+shares?"
    r"[ \u00a0]+(?:for[ \u00a0]+(?:each|every)|per)\b"
)


_PLUS_AFTER = re.compile(r"-plus\b(?=[ \u00a0][a-z])")
_GLUED_PLUS = re.compile(r"\+(?=[ \u00a0][A-Za-z])")


def _points_of_a_share(text: str, pos: int) -> bool:
    """Whether the points after pos are percentage points: a vote, poll or share is named
    around them and no game or market index is."""
    window = text[max(0, pos - 120) : pos + 60]
    return bool(units.POINTS_OF_A_SHARE.search(window)) and not units.POINTS_OF_A_GAME.search(
        window
    )


def _nearby(pattern: re.Pattern[str], text: str, pos: int) -> bool:
    return bool(pattern.search(text, max(0, pos - 120), pos + 60))


def read_digits(text: str, m: re.Match[str]) -> Atom | None:
    raw = m.group("digits")
    written = parse_digits(raw, continental=m.re is CONTINENTAL_DIGIT_NUMBER)
    if written is None:
        return None
    num_start = m.start("digits")
    pos = m.end("digits")
    start = num_start
    currency = None
    prefix = money.CURRENCY_PREFIX.search(text, max(0, num_start - 8), num_start)
    if prefix:
        currency = money.prefix_currency(prefix)
        start = prefix.start()
    factor, pos, letter = _magnitude_at(text, pos, glued_letters=True)
    hyphened = _HYPHENED_LETTER_MAG.match(text, pos) if currency and factor == 1 else None
    if hyphened:  # "$187-m debut", "€3-bn deal": a priced amount's magnitude letter
        factor, pos = magnitude(hyphened.group(1)), hyphened.end()
    if letter and letter in "bB" and not currency:
        return None  # "7B", "8x7B": model sizes and labels, not figures, unless priced
    atom = Atom(
        start=start,
        num_start=num_start,
        raw=raw,
        end=pos,
        value=scale(written, factor),
        written=written,
        factor=factor,
        plain_int=raw.isdigit() and factor == 1,
        glued_letter=letter,
        negative=bool(m.group("minus")),
        label=labels.leading_zero(raw),
    )
    unit_before = units.UNIT_BEFORE.search(text, max(0, num_start - 12), num_start)
    if unit_before and not currency:
        atom.start, atom.end = unit_before.start(), pos
        atom.kind, atom.unit = Kind.QUANTITY, "magnitude"
        return atom
    if not currency and units.INDEX_BEFORE.search(text, max(0, num_start - 40), num_start):
        atom.kind, atom.unit = Kind.QUANTITY, "BMI"
        return atom
    atom = _classify(text, atom, pos, currency)
    signed = atom.kind is Kind.PERCENT or (atom.kind is Kind.COUNT and atom.unit)
    if m.group("plus") and signed and atom.start == num_start:
        atom.start = m.start("plus")  # "+47%", "+48 seats": the sign belongs to the span
    return atom


def read_words(text: str, m: re.Match[str]) -> Atom | None:
    raw = m.group("words")
    lower = raw.lower()
    if lower == "half an":
        lower = "half a"
    if lower == "zero":
        written = Decimal(0)
    elif lower in ("a", "one", "half a"):
        written = Decimal("0.5") if lower == "half a" else Decimal(1)
    else:
        written = parse_words(raw)
    if written is None:
        return None
    pos = m.end("words")
    half = _AND_A_HALF.match(text, pos) if lower not in ("a", "one", "half a") else None
    if half:  # "three and a half years", "a two-and-a-half-hour wait"
        written, pos = Decimal(written) + Decimal("0.5"), half.end()
        raw = text[m.start("words") : pos]
    factor, pos, _ = _magnitude_at(text, pos, glued_letters=False)
    atom = Atom(
        start=m.start("words"),
        num_start=m.start("words"),
        raw=raw,
        end=pos,
        value=scale(written, factor),
        written=written,
        factor=factor,
        spelled=True,
    )
    atom = _classify(text, atom, pos, None)
    if lower == "half a" and factor == 1 and atom.kind not in (Kind.PERCENT, Kind.QUANTITY):
        return None  # "half a point" of a game or an index is no figure of ours
    if lower == "one" and atom.kind is Kind.PERCENT:
        atom.single = True  # "less than one percent": no pronoun "one" is a percent
    if atom.kind is None and written == 1 and factor == 1:
        # "one person died": a single casualty is a figure; "one of", "one other" are not.
        single = _SINGLE_CASUALTY.match(text, pos)
        negated = _NEGATION_BEFORE.search(text, max(0, atom.start - 8), atom.start)
        if single and not negated:
            atom.kind, atom.unit = Kind.COUNT, units.plural(single.group(1).lower())
            atom.end, atom.single = single.end(), True
        more = None if single else _one_more(text, pos)
        if more and not negated:
            atom.kind, atom.unit = Kind.COUNT, more[0]
            atom.end, atom.single = more[1], True
    return atom


def read_period(text: str, m: re.Match[str]) -> Atom | None:
    unit = m.group("unit")
    if unit != "decade" and not (
        m.group("article") and _PERIOD_LEAD.search(text, max(0, m.start() - 12), m.start())
    ):
        return None
    value, unit = _PERIODS.get(unit, (1, unit + "s"))
    # After "the next", only "decade" is the figure; "a decade" keeps its article.
    start = m.start() if m.group("article") else m.start("unit")
    return Atom(
        start=start,
        num_start=start,
        raw=m.group(),
        end=m.end(),
        value=Decimal(value),
        written=Decimal(value),
        factor=1,
        kind=Kind.DURATION,
        unit=unit,
        spelled=True,
        single=True,  # "a month" is one month, not the pronoun "one"
    )


def sentence_initial(text: str, start: int) -> bool:
    return bool(_SENTENCE_OPENING.search(text, max(0, start - 4), start))


def is_label(text: str, atom: Atom, *, names: bool = True) -> bool:
    """Digits that belong to a name, a numbering or a code rather than to a figure.

    names=False leaves out the weakest test, a capitalised word right before ("League 8").
    """
    if atom.label:
        return True
    if atom.spelled:
        # "Formula One", "the Big Four": a capitalised number word inside a sentence is a name.
        word = text[atom.num_start]
        return (
            word.isupper()
            and not sentence_initial(text, atom.num_start)
            and not _title_case_line(text, atom.num_start)
        )
    if labels.glued_before(text, atom.start):
        return True
    # A hyphenated word right after a plain number (737-800, 3-1) makes a compound label; after
    # a unit it is an adjective ("£1.2m-a-year", "10km-long").
    measured = atom.kind in (Kind.MONEY, Kind.PERCENT, Kind.QUANTITY, Kind.DURATION)
    if labels.glued_after(text, atom.end, hyphen_joins=not measured):
        return True
    if atom.kind in (Kind.MONEY, Kind.PERCENT):
        return False
    if atom.unit == "magnitude" and atom.start < atom.num_start:
        return False
    versioned = atom.plain_int or _VERSION.fullmatch(atom.raw)
    if (
        names
        and versioned
        and atom.kind is not Kind.QUANTITY
        and labels.named_by_previous_word(text, atom.start)
    ):
        return True
    if atom.plain_int and labels.after_another_number(text, atom.start):
        return True
    return atom.plain_int and labels.footnote_marker(
        text, atom.start, atom.num_start + len(str(atom.written)), int(atom.written)
    )


def _title_case_line(text: str, pos: int) -> bool:
    """Whether the line around pos is a headline in title case ("Quake Leaves at Least Nine
    Dead"), where a capitalised number word is no name."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)]
    long_words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
    capitalised = sum(w[0].isupper() for w in long_words)
    return len(long_words) >= 3 and capitalised >= 0.8 * len(long_words)


def spelled_count_is_referential(text: str, atom: Atom) -> bool:
    """ "the two companies", "its two kids": a known set being referred to, not a claim.

    A demonstrative does not make a reference: "a coalition of those three parties" counts
    the coalition. After "the", only the small numbers that name the parties of a story ("the
    two sides", "the three men") are taken as references; "the ten affected provinces" is a
    figure.
    """
    window = max(0, atom.start - 12)
    # "the three states hit by the storm", "its three plants in Germany": a phrase after the
    # noun that says which ones makes the number a claim about them.
    if _DEFINING_AFTER.match(text, atom.end):
        return False
    if _POSSESSIVE_BEFORE.search(text, window, atom.start):
        return True
    if atom.written <= 3 and _COMBINING_BEFORE.search(text, max(0, atom.start - 30), atom.start):
        return True
    return atom.written <= 3 and bool(_THE_BEFORE.search(text, window, atom.start))


def merged_range(text: str, low: Atom, high: Atom) -> Atom | None:
    """'between 10 and 12 people', '$3m-$5m', '10 to 12 per cent': one figure from two numbers."""
    gap = text[low.end : high.start]
    if low.unit == "magnitude" and high.kind is None and gap.startswith("+"):
        # "aftershocks of magnitude 6.5+ to 7.0": the magnitude is written once, before.
        gap, high = gap[1:], replace(high, kind=low.kind, unit=low.unit)
    if not re.fullmatch(r"\s?(?:-|–|—|to|and)\s?", gap):
        return None
    before = text[max(0, low.start - 30) : low.start]
    if gap.strip() == "and" and not re.search(r"\bbetween\s+$", before, re.IGNORECASE):
        return None
    # "went from 4 to 5 per cent" is a change; after a comma ("cut its forecast to 4.2 per
    # cent, from 4.5 to 5 per cent") "from" gives the old value, itself a range.
    from_before = re.search(r"(,\s+)?\bfrom\s+$", before, re.IGNORECASE)
    if from_before and not from_before.group(1) and gap.strip() in ("to", "-", "–"):
        return None
    if low.spelled != high.spelled:
        return None
    if (
        low.kind is Kind.MONEY
        and high.kind is Kind.MONEY
        and gap.strip() == "to"
        and _CHANGE_VERB_BEFORE.search(text, max(0, low.start - 60), low.start)
    ):
        return None
    if high.kind is None and low.kind is Kind.MONEY and gap.strip() in ("-", "–", "to"):
        # "$3-5 million": the currency is written once, before the low end.
        high = replace(high, kind=low.kind, unit=low.unit)
    if high.kind is None or (
        low.kind is not None and (low.kind, low.unit) != (high.kind, high.unit)
    ):
        return None
    # "$10-$12 million", "3 to 5 billion euros": the magnitude is written once, after the high end.
    low_value = low.value
    if low.factor == 1 and high.factor != 1 and low.written < high.written:
        low_value = scale(low.written, high.factor)
    if low_value >= high.value:
        return None
    return replace(
        high,
        start=low.start,
        num_start=low.num_start,
        value=low_value,
        high=high.value,
        plain_int=False,
        negative=low.negative,
        label=low.label or high.label,
    )


def inherit_unit(text: str, low: Atom, high: Atom) -> Atom | None:
    """ "from 10 to 12 per cent": the first number takes the unit written after the second.

    "from $3 to $5 million": an amount with its currency takes the magnitude written once.
    """
    same_money = low.kind is Kind.MONEY and high.kind is Kind.MONEY and low.unit == high.unit
    if (low.kind is not None and not same_money) or high.kind is None or high.kind is Kind.DATE:
        return None
    if same_money and not (low.factor == 1 and high.factor != 1 and low.written < high.written):
        return None
    gap = text[low.end : high.start]
    if not re.fullmatch(r"\s?(?:-|–|to)\s?", gap):
        return None
    if not re.search(r"\bfrom\s+$", text[max(0, low.start - 12) : low.start], re.IGNORECASE):
        return None
    value = low.value
    if low.factor == 1 and high.factor != 1 and low.written < high.written:
        value = scale(low.written, high.factor)
    return replace(low, kind=high.kind, unit=high.unit, value=value, plain_int=False)
