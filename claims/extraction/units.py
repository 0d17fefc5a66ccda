"""Unit lexicon: what a number measures when it is not money (percent, time, physical units, nouns)."""

from __future__ import annotations

import re

from .lexicon import words

# "pc" is lowercase only: "5 PCs" are computers.
PERCENT = re.compile(
    r"(?P<pp>[ -]?(?i:percentage)[\s-](?i:points?)\b|\s?(?:pp|ppts?)\b)"
    r"|(?P<bp>\s?(?i:basis)[\s-](?i:points?)\b|\s?bps?\b)"
    r"|(?P<pc>\s?(?:%|(?i:per)[\s-]?(?i:cent)\b|(?i:percent)\b|pc\b|pct\b))"
)


# "a 12 point decline in support", "the party's vote is up half a point", "a five-point drop
# in share": points of a share, a poll or a vote are percentage points. Elsewhere a point is
# scored in a game or moves an index ("the Dow fell 300 points"), and stays a count.
POINTS = re.compile(r"[ \u00a0-](?i:points?)\b(?![-\w])")
POINTS_OF_A_SHARE = re.compile(
    r"\b(?:votes?|voters?|share|support|polls?|polling|pollsters?|turnout|swing|approval"
    r"|ratings?|backing|electorate)\b",
    re.IGNORECASE,
)
POINTS_OF_A_GAME = re.compile(
    r"\b(?:scored?|scoring|league|match(?:es)?|games?|season|standings|table|goals?|index"
    r"|indices|stocks|Dow|Nasdaq|FTSE|S&P|Nikkei|DAX)\b",
)


def percent_unit(match: re.Match[str]) -> str:
    if match.group("pp"):
        return "percentage points"
    return "basis points" if match.group("bp") else "percent"


_DURATIONS = {
    "second": "seconds", "minute": "minutes", "min": "minutes", "mins": "minutes",
    "hour": "hours", "hr": "hours", "hrs": "hours", "day": "days", "week": "weeks",
    "month": "months", "year": "years", "yr": "years", "yrs": "years",
    "decade": "decades", "century": "centuries", "centuries": "centuries",
}  # fmt: skip
# "10-month-old", "three-year", "18 months", "48 hours": the hyphenated forms keep the whole token.
DURATION = re.compile(
    r"(?P<sep>[ \u00a0]|-)(?P<adj>(?:working|business|trading|school|calendar)[ \u00a0])?"
    r"(?P<unit>seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?|decades?|century|centuries)"
    r"(?P<old>-old)?(?![A-Za-z])",
    re.IGNORECASE,
)


# "a 52-week high", "the 10-year Treasury yield", "10-year Japanese government bonds", "a
# 30-year mortgage": the period names a record or a financial product, it is not a claim.
RECORD_AFTER = re.compile(
    r"[ \u00a0](?:high|low|peak|trough|best|worst|(?:US\s|U\.S\.\s|[A-Z][a-z]+\s)?(?:government\s)?"
    r"(?:Treasury|Treasuries|bonds?|notes?|gilts?|Bunds?|yields?|mortgages?|swaps?|bills?|"
    r"paper|securities|JGBs?|breakevens?))s?\b"
)


def duration_unit(word: str, adjective: str | None = None) -> str:
    """ "18 months" -> months; "25 working days" keeps its adjective: working days."""
    w = word.lower()
    unit = _DURATIONS.get(w, w if w.endswith("s") else w + "s")
    return f"{adjective.strip().lower()} {unit}" if adjective else unit


# Surface form -> normalised plural unit. Abbreviations are case-sensitive ("MW" is not "mw"),
# full words are not; both may be glued to the number ("10km") or spaced ("10 km").
# One spelling per unit, the American one, whatever the text writes ("10 kilometres" and "10km"
# are both "kilometers"): outlets reporting one fact spell it differently, and the fact
# comparison matches units by name, so a per-article spelling would split one fact in two.
_ABBREVIATIONS = {
    "km²": "square kilometers", "km2": "square kilometers", "sq km": "square kilometers",
    "sq mi": "square miles", "sq ft": "square feet", "m²": "square meters", "sq m": "square meters",
    "nm": "nanometers", "km/h": "kilometers per hour", "kph": "kilometers per hour", "kmh": "kilometers per hour",
    "mph": "miles per hour", "km": "kilometers", "cm": "centimeters", "mm": "millimeters",
    "ft": "feet", "kg": "kilograms", "lbs": "pounds", "lb": "pounds", "oz": "ounces",
    "bpd": "barrels per day", "b/d": "barrels per day", "MW": "megawatts", "GW": "gigawatts",
    "kW": "kilowatts", "TW": "terawatts", "TWh": "terawatt hours", "GWh": "gigawatt hours",
    "MWh": "megawatt hours", "kWh": "kilowatt hours", "GB": "gigabytes", "TB": "terabytes",
    "MB": "megabytes", "PB": "petabytes", "ha": "hectares", "°C": "degrees Celsius",
    "° C": "degrees Celsius", "ºC": "degrees Celsius", "℃": "degrees Celsius",
    "°F": "degrees Fahrenheit", "° F": "degrees Fahrenheit", "℉": "degrees Fahrenheit",
    "C": "degrees Celsius", "F": "degrees Fahrenheit", "mW": "milliwatts", "bcm": "billion cubic meters",
    "Hz": "hertz", "kHz": "kilohertz", "MHz": "megahertz", "GHz": "gigahertz", "W": "watts",
    "Wh": "watt hours", "mAh": "milliamp hours", "MP": "megapixels", "hp": "horsepower",
    "bhp": "horsepower", "PS": "horsepower", "Nm": "newton meters", "mpg": "miles per gallon",
    "fps": "frames per second", "rpm": "revolutions per minute", "RPM": "revolutions per minute",
    "lb-ft": "pound-feet", "lb.-ft.": "pound-feet", "lb ft": "pound-feet", "psi": "pounds per square inch",
    "cc": "cubic centimeters", "mg": "milligrams", "mcg": "micrograms",
}  # fmt: skip
_WORDS = {
    "square kilometres": "square kilometers", "square kilometers": "square kilometers",
    "square miles": "square miles", "square metres": "square meters", "square meters": "square meters",
    "square feet": "square feet", "kilometres per hour": "kilometers per hour",
    "kilometers per hour": "kilometers per hour", "miles per hour": "miles per hour",
    "kilometres": "kilometers", "kilometers": "kilometers", "kilometre": "kilometers",
    "kilometer": "kilometers", "miles": "miles", "mile": "miles", "metres": "meters",
    "meters": "meters", "metre": "meters", "meter": "meters", "centimetres": "centimeters",
    "centimeters": "centimeters", "millimetres": "millimeters", "millimeters": "millimeters",
    "nanometres": "nanometers", "nanometers": "nanometers", "nanometre": "nanometers",
    "nanometer": "nanometers",
    "feet": "feet", "foot": "feet", "inches": "inches", "inch": "inches", "yards": "yards",
    "kilograms": "kilograms", "kilogrammes": "kilograms", "kilogram": "kilograms",
    "grams": "grams", "milligrams": "milligrams", "milligram": "milligrams",
    "micrograms": "micrograms", "pounds": "pounds", "tonnes": "tonnes", "tonne": "tonnes", "metric tons": "metric tons",
    "metric tonnes": "tonnes", "tons": "tons", "ton": "tons", "ounces": "ounces",
    "barrels per day": "barrels per day", "barrels a day": "barrels per day",
    "barrel-a-day": "barrels per day", "barrels-a-day": "barrels per day",
    "barrels": "barrels", "barrel": "barrels", "cubic metres": "cubic meters",
    "cubic meters": "cubic meters", "litres": "liters", "liters": "liters", "litre": "liters",
    "liter": "liters", "gallons": "gallons", "megawatts": "megawatts", "megawatt": "megawatts",
    "gigawatts": "gigawatts", "gigawatt": "gigawatts", "kilowatts": "kilowatts",
    "terawatt hours": "terawatt hours", "terawatt-hours": "terawatt hours",
    "gigawatt hours": "gigawatt hours", "gigawatt-hours": "gigawatt hours",
    "megawatt hours": "megawatt hours", "kilowatt hours": "kilowatt hours",
    "kilowatt-hours": "kilowatt hours", "acres": "acres", "acre": "acres", "hectares": "hectares",
    "hectare": "hectares", "gigabytes": "gigabytes", "terabytes": "terabytes",
    "megabytes": "megabytes", "knots": "knots", "light-years": "light-years",
    "light years": "light-years", "light-year": "light-years", "light year": "light-years",
    "kelvins": "kelvins", "kelvin": "kelvins", "sigma": "sigma", "parsecs": "parsecs", "degrees celsius": "degrees Celsius",
    "degrees centigrade": "degrees Celsius", "degrees fahrenheit": "degrees Fahrenheit",
    "degrees c": "degrees Celsius", "degrees f": "degrees Fahrenheit", "degrees": "degrees",
    "degree": "degrees", "tokens": "tokens", "token": "tokens", "parameters": "parameters",
    "parameter": "parameters", "magnitude": "magnitude", "watts": "watts", "watt": "watts",
    "hertz": "hertz", "megapixels": "megapixels", "megapixel": "megapixels",
    "words": "words", "word": "words", "horsepower": "horsepower",
    "pound-feet": "pound-feet", "pound feet": "pound-feet", "pounds-feet": "pound-feet",
    "newton-metres": "newton meters", "newton metres": "newton meters",
    "newton-meters": "newton meters", "newton meters": "newton meters",
    "revolutions per minute": "revolutions per minute",
}  # fmt: skip


def _alternation(forms: dict[str, str]) -> str:
    return "|".join(
        re.escape(f).replace(r"\ ", r"\s") for f in sorted(forms, key=len, reverse=True)
    )


QUANTITY = re.compile(
    r"(?P<sep>[ \u00a0]|-)?(?:(?P<abbr>" + _alternation(_ABBREVIATIONS) + r")"
    r"|(?i:(?P<word>" + _alternation(_WORDS) + r")))(?![A-Za-z0-9])"
)
# Letters that are also words or initials only count glued to the number ("45C", "80W", "50MP").
_GLUED_ONLY = {"C", "F", "W", "MP", "PS"}


def quantity_unit(match: re.Match[str]) -> str | None:
    if match.group("abbr"):
        abbr = re.sub(r"\s+", " ", match.group("abbr"))
        if abbr in _GLUED_ONLY and match.group("sep"):
            return None
        return _ABBREVIATIONS[abbr]
    return _WORDS[re.sub(r"\s+", " ", match.group("word").lower())]


# "14 km per second", "320 km/h" is spelled out elsewhere; "a year ago" is a date, not a rate.
_PER_TIME = re.compile(
    r"(?:\s?/\s?|\s(?:per|an?)\s)"
    r"(?P<t>seconds?|sec|s|hour|hr|h|minute|min|day|week|month|year|yr)\b"
    r"(?!\s+(?:ago|earlier|later|before|after|old)\b)"
)
_TIME_NAMES = {"s": "second", "sec": "second", "seconds": "second", "h": "hour", "hr": "hour",
               "min": "minute", "yr": "year"}  # fmt: skip
_NOT_RATES = {"degrees Celsius", "degrees Fahrenheit", "degrees", "magnitude", "tokens", "times"}


def per_time(text: str, pos: int, unit: str) -> tuple[str, int] | None:
    """The rate a quantity unit makes with the time after it, and where it ends."""
    if " per " in unit or unit in _NOT_RATES:
        return None
    m = _PER_TIME.match(text, pos)
    if not m:
        return None
    t = m.group("t").lower()
    return f"{unit} per {_TIME_NAMES.get(t, t)}", m.end()


# "1.14 deaths per 100,000 people", "45 trillion operations per second": a counted noun
# over a time or a population is a rate, a quantity whose unit keeps both.
# "31,000 vehicles per day" stays a count of vehicles: the period belongs to what is counted,
# as it does in "4,900 trucks each day"; a rate per second, minute or hour is a speed.
_PER_RATE = re.compile(
    r"[ \u00a0]per[ \u00a0](?:(?P<n>\d{1,3}(?:,\d{3})+|\d+)[ \u00a0](?P<pop>[a-z]+)"
    r"|(?P<t>second|minute|hour|capita|head|person|household|game|match))\b"
)


def per_rate(text: str, pos: int, noun: str) -> tuple[str, int] | None:
    """The rate a counted noun makes with "per ..." after it, and where it ends."""
    m = _PER_RATE.match(text, pos)
    if not m:
        return None
    if m.group("n"):
        if not is_plural_noun(m.group("pop")):
            return None
        return f"{noun} per {m.group('n')} {m.group('pop')}", m.end()
    return f"{noun} per {m.group('t')}", m.end()


# After a glued "m", these words make it metres rather than millions.
METRES_CONTEXT = re.compile(
    r"[\s-](?:tall|high|long|deep|wide|above|below|sprint|race|dash|hurdles|freestyle|backstroke|"
    r"breaststroke|butterfly|medley|relay|final|event|record|runner|waves?|wall|drop|high)\b",
    re.IGNORECASE,
)

# "joined aged 17", "at the age of just 18": a bare number after these words is an age,
# written as "a 17-year-old" elsewhere, so it takes the same kind and unit.
AGE_BEFORE = re.compile(
    r"\b(?:aged|at\s+the\s+age\s+of(?:\s+(?:just|only))?)[ \u00a0]$", re.IGNORECASE
)

# "magnitude 7.8" names its unit before the number.
UNIT_BEFORE = re.compile(r"(?i:magnitude)[\s-]$")
# "a BMI of 30 or greater", "a body mass index above 27": an index named before the number
# is its unit; the span stays the number, as the index is not part of the figure's wording.
INDEX_BEFORE = re.compile(
    r"\b(?:BMI|(?i:body[\s-]mass[\s-]index))[\s\u00a0]+"
    r"(?:(?i:of|is|was|above|over|below|under|at\s+least|more\s+than|greater\s+than"
    r"|less\s+than|between|from)[\s\u00a0]+){0,2}$"
)

# Nouns that say what a bare number measures when the unit is not written after it
# ("a context window ... is also 32K", "the death toll rose to 40").
CONTEXT_UNITS = {
    "context window": "tokens", "context length": "tokens", "context windows": "tokens",
    "death toll": "people", "toll": "people", "population": "people", "electorate": "electors",
    "seats": "seats",
}  # fmt: skip
CONTEXT_NOUN = re.compile(r"\b(?P<noun>" + _alternation(CONTEXT_UNITS) + r")\b", re.IGNORECASE)
# Verbs whose bare object is people: "killing at least 37", "injuring 210", "arrested 12".
CASUALTY_VERB = re.compile(
    r"\b(?:kill|injur|wound|hurt|evacuat|displac|rescu|arrest|detain|hospitali[sz]|strand|trapp"
    r"|sicken|infect)[a-z]*\s+$",
    re.IGNORECASE,
)
# "the strongest aftershock measured 4.9": a one-decimal number in a sentence about a quake.
QUAKE = re.compile(r"\b(?:earthquakes?|quakes?|aftershocks?|tremors?|temblors?)\b", re.IGNORECASE)

# Words that end a noun phrase: the counted noun must come before any of them.
_STOP = words(
    """a an the of in on at to for from by with into onto over under about than as and or but nor
    so yet if that which who whom whose this these those it its their his her our my your them they
    he she we you i is are was were be been being has have had do does did will would can could may
    might must shall should not no yes per each every all any such own same then there here when
    where while after before since until during through between among against across also just only
    even still ago later earlier this is its us ours theirs yours was has does always perhaps thus
    besides whereas towards afterwards percent cent year years month months week weeks day days
    according said says amid amidst despite beyond within without behind beside via throughout
    alongside upon toward"""
)
# "three quarters of the homes": a share (see fraction_words), not a count of quarters.
FRACTION_PLURALS = frozenset(
    {"thirds", "quarters", "fifths", "sixths", "sevenths", "eighths", "ninths", "tenths"}
)
# Plurals that are not things counted in a claim.
_NOT_COUNTED = {"times", "others", "ones", "thirds", "halves", "fold", "lots", "terms", "news"}
# Words ending in s that are no plurals ("oil and gas extraction fell by 5,000").
_SINGULAR_S = {
    "gas", "bias", "atlas", "canvas", "alias", "chaos", "lens", "yes", "was", "has", "does",
    "its", "thus", "whereas", "perhaps", "always", "sometimes", "towards", "afterwards",
    "besides", "nowadays", "overseas",
}  # fmt: skip
# No "data": nobody counts it ("40 data regulators" counts regulators).
_IRREGULAR = {
    "people", "children", "men", "women", "police", "staff", "personnel", "cattle", "sheep",
    "fish", "deer", "aircraft", "feet", "teeth", "mice", "geese", "crew", "livestock",
    "offspring", "series", "species", "militia", "clergy", "youth", "poultry", "spacecraft",
}  # fmt: skip
# Capitalised heads: demonyms and party members ("Americans", "Israelis") or acronym
# plurals ("GPUs", "ETFs"); other capitalised words ending in s are names ("Paris", "Athens").
_CAPITALISED_PLURAL = re.compile(r"(?:ans|ers|ists|ats|ites|[lqnd]is)$|^[A-Z]{2,}s$")
# Modifiers may carry digits ("61 A320neo planes"); the head noun is checked to be a word.
WORD = re.compile(r"[ \u00a0]([A-Za-z][A-Za-z0-9'’\-]*[A-Za-z]|[A-Za-z])(?![\w'’])")


def is_stop_word(word: str) -> bool:
    """A word that ends a noun phrase ("of", "than", "this"): no noun is counted past it."""
    return word in _STOP


def is_plural_noun(word: str) -> bool:
    lower = word.lower()
    if lower in _NOT_COUNTED or word in _STOP or not word.replace("-", "").isalpha():
        return False
    if lower in _SINGULAR_S:
        return False
    if word[0].isupper():  # before the irregulars: "the 3 Series" is a car
        return bool(_CAPITALISED_PLURAL.search(word))
    if lower in _IRREGULAR:
        return True
    return (
        len(lower) > 2
        and lower.endswith("s")
        and not lower.endswith(("ss", "us", "is", "'s", "’s"))
    )


# "a 43-page ruling", "the 27-member bloc": a compound adjective counting its noun.
COMPOUND_NOUN = re.compile(r"-(?P<noun>[a-z]{3,})(?=[ \u00a0][a-z])")
_NOT_COMPOUND = {
    "star", "way", "off", "ever", "plus", "odd", "strong", "long", "high", "wide", "deep", "tall",
    "old", "fold", "time", "ish", "something", "horse", "degree", "digit", "figure", "percent",
    "point", "nil", "all", "for", "one", "bit", "speed", "door", "second",
    "minute", "hour", "day", "week", "month", "year", "decade",
}  # fmt: skip


# One unit for a building's height however an outlet spells it ("21-story", "21-storey").
_COMPOUND_SAME_NOUN = {"story": "storeys", "storey": "storeys"}


def plural(noun: str) -> str:
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun == "person":
        return "people"
    if noun == "child":
        return "children"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def compound_noun(text: str, pos: int) -> tuple[str, int] | None:
    m = COMPOUND_NOUN.match(text, pos)
    if not m or m.group("noun") in _NOT_COMPOUND:
        return None
    return _COMPOUND_SAME_NOUN.get(m.group("noun")) or plural(m.group("noun")), m.end()


# A model number after a capitalised modifier ("14 Leopard 2 tanks", "65 Boeing 737 jets"), or
# first, before a capitalised one ("24 737 MAX jets").
_MODEL_NUMBER = re.compile(r"[ \u00a0](\d[\w-]*)(?![\w'’])")
_LEADING_MODEL = re.compile(r"[ \u00a0](\d{2,4}[\w-]*)(?=[ \u00a0][A-Z])")
_LINE_WORD = re.compile(r"[A-Za-z][\w'’-]{3,}")


def _title_case_line(text: str, pos: int) -> bool:
    """A headline in title case ("Carmaker Cuts 3,500 Jobs"), where a capital says nothing."""
    start, end = text.rfind("\n", max(0, pos - 200), pos) + 1, text.find("\n", pos, pos + 200)
    found = _LINE_WORD.findall(text, start, end if end >= 0 else pos + 200)
    return len(found) >= 3 and sum(w[0].isupper() for w in found) >= 0.8 * len(found)


# Noun + noun compounds whose head alone says too little ("1,037 ballot papers" are not papers).
_COMPOUND_HEADS = {
    "ballot": {"papers", "boxes"}, "polling": {"stations", "places", "booths"},
    "voting": {"machines", "papers"}, "bus": {"stops", "routes"}, "hospital": {"beds"},
    "police": {"officers", "stations"}, "fire": {"engines", "stations"},
}  # fmt: skip
# "340 flight cancellations", "1,200 job cuts", "25 store closures": the count is of the flights,
# jobs and stores the event befalls, as "canceled 340 flights" and "cut 1,200 jobs" count them.
_EVENT_HEADS = words("cancellations cuts losses closures delays diversions")
_EVENT_MODIFIERS = words(
    """job flight train route store shop branch plant factory mine office school hospital site
    station service bus"""
)
EVENT_HEADS = _EVENT_HEADS - {"cuts", "losses"}  # "cuts", "losses" alone are mostly money
EVENT_OBJECTS = frozenset(plural(m) for m in _EVENT_MODIFIERS)


def event_object(text: str, start: int, end: int) -> str | None:
    """The last of the things events befall named in text[start:end] ("planned flights")."""
    found = [w for w in _WORD_BEFORE.findall(text, start, end) if w in EVENT_OBJECTS]
    return found[-1] if found else None


# Comparatives that may sit between a number and its noun ("two earlier deals").
_MODIFIER_STOPS = {"earlier", "later"}


# "10,000 20-foot (6-metre) containers": a measured size between a count and its noun.
_SIZE_MODIFIER = re.compile(
    r"[ \u00a0](\d+(?:\.\d+)?-(?:foot|ft|inch|meter|metre|m|cm|mm|km|mile|yard|ton|tonne|pound"
    r"|lb|kg|gallon|liter|litre|ounce|oz)(?:[ \u00a0]\(\d+(?:\.\d+)?-[a-z]+\))?)(?=[ \u00a0][a-z])"
)
# An abbreviated place modifying a noun ("U.S.", "U.K."), whose dots WORD does not take.
_ABBREVIATED_PLACE = re.compile(r"[ \u00a0]((?:[A-Z]\.){2,})(?=[ \u00a0][a-z])")
# One noun for one crew, however an outlet writes it ("six crew", "six crewmembers").
_SAME_NOUN = {
    "fatalities": "deaths",  # a fatality is a death; "deaths" is the toll's usual unit
    "individuals": "people",
    "persons": "people",
    # A passenger list by nationality: "53 British citizens" are the "53 British nationals".
    "citizens": "nationals",
    "crew": "crew members",
    "crewmembers": "crew members",
    "crewmen": "crew members",
}
_MEMBERS_AFTER = re.compile(r"[ \u00a0]members?\b")
# Containers and arrangements count what they hold: "two rows of seats", "40 crates of fish".
_MEASURE_NOUNS = words(
    """rows pairs sets boxes crates bags sacks cartons bottles cans packs packets truckloads bales
    rolls"""
)
_OF_NOUN = re.compile(r"[ \u00a0]of[ \u00a0]([a-z][a-z-]*[a-z])\b")


# Airlines, cruise lines and railways call their passengers "guests" in statements that outlets
# quote ("docked safely with 212 guests and nine crew members"); beside a crew they are passengers.
_CREW_NEAR = re.compile(r"\bcrew", re.IGNORECASE)
_CREW_REACH = 40
_AND_CREW = re.compile(r"[ \u00a0]and[ \u00a0]crew\b", re.IGNORECASE)


# "the 395,000 economists were expecting": those who forecast a figure, then their verb, are
# the subject of a clause about the figure, not what it counts.
_FORECASTERS = words("economists analysts experts forecasters observers traders pollsters")
_FORECAST_VERB = re.compile(
    r"[ \u00a0]+(?:were|had|have|are|expected|forecast|predicted|estimated|anticipated"
    r"|projected|penciled|pencilled)\b"
)


_AND_OTHER = re.compile(r"[ \u00a0]and[ \u00a0]other[ \u00a0]([a-z]+)\b")


def counted_noun(text: str, pos: int, max_modifiers: int = 4) -> tuple[str, int] | None:
    """The plural head noun of the phrase starting at pos, and where it ends ("new jobs" -> jobs)."""
    found = _head_noun(text, pos, max_modifiers)
    if found is None:
        return None
    head, end = found
    if head in _FORECASTERS and _FORECAST_VERB.match(text, end):
        return None
    if head == "guests" and _CREW_NEAR.search(text, max(0, pos - _CREW_REACH), end + _CREW_REACH):
        head = "passengers"
    if head == "passengers" and _AND_CREW.match(text, end):
        head = "people"  # "188 passengers and crew": everyone on board
    other = _AND_OTHER.match(text, end)
    if other and is_plural_noun(other.group(1)):
        # "5,200 homes and other structures": all the structures are counted, homes among them.
        head = other.group(1)
    if head == "crew" and _MEMBERS_AFTER.match(text, end):
        end = _MEMBERS_AFTER.match(text, end).end()
    if head in _MEASURE_NOUNS:
        of = _OF_NOUN.match(text, end)
        if of and is_plural_noun(of.group(1)):
            head, end = f"{head} of {of.group(1)}", of.end()
    return _SAME_NOUN.get(head, head), end


def _head_noun(text: str, pos: int, max_modifiers: int) -> tuple[str, int] | None:
    previous = ""
    for i in range(max_modifiers + 1):
        # "2.4 million U.S. individuals": before WORD, which would take the "U" alone.
        m = _ABBREVIATED_PLACE.match(text, pos) or WORD.match(text, pos)
        if not m and previous[:1].isupper():
            m = _MODEL_NUMBER.match(text, pos)
        if not m and i == 0:
            m = _LEADING_MODEL.match(text, pos) or _SIZE_MODIFIER.match(text, pos)
        if not m:
            return None
        word, modifier, previous = m.group(1), previous, m.group(1)
        if word in ("and", "or") and modifier and not modifier[0].isupper():
            # "30,000 manufacturing and construction jobs": modifiers joined before the noun.
            pos = m.end()
            continue
        # Stop words are matched lowercase only: "US" in "two US wind projects" is not "us".
        if (word in _STOP and not (i == 0 and word in _MODIFIER_STOPS)) or (
            word.lower() in _NOT_COUNTED
        ):
            return None
        if is_plural_noun(word) or (
            word[0].isupper() and is_plural_noun(word.lower()) and _title_case_line(text, pos)
        ):
            if i == 0 and word in _MODIFIER_STOPS:
                return None
            head = word.lower()
            if head in _COMPOUND_HEADS.get(modifier.lower(), ()):
                head = f"{modifier.lower()} {head}"
            elif head in _EVENT_HEADS and modifier.lower() in _EVENT_MODIFIERS:
                head = plural(modifier.lower())
            return head, m.end()
        pos = m.end()
    return None


# Plurals that name who reports or what is measured, not what a bare number counts.
_NOT_THE_COUNTED = words(
    """officials authorities analysts economists experts sources organisers organizers figures
    estimates statistics records reports results sales prices rates shares markets levels
    numbers totals earnings profits revenues costs savings losses funds assets forecasts
    expectations projections revisions"""
)
# A word in -s right before a count (this one or an earlier one in the clause), with at most a
# hedge between, governs it as a verb
# ("gains about 6,400", "spans 12,000"): English puts no plural noun straight before its count.
_VERB_BEFORE_COUNT = re.compile(
    r"[ \u00a0]+(?:(?:about|around|roughly|some|nearly|almost|approximately|over|just|only"
    r"|more\s+than|fewer\s+than|less\s+than|up\s+to|at\s+least|another|an?\s+(?:estimated"
    r"|additional|further|extra))[ \u00a0]+)*(?:$|\d)"
)
_WORD_BEFORE = re.compile(r"(?<![\w'’-])[a-z][A-Za-z'’-]*")
# Where a clause starts: a bare count looks for its noun no further back.
_CLAUSE_BREAK = re.compile(
    r"[;:()—]|\s[-–]\s|,\s+(?:while|whereas|but|and|though|although|as|after|before|which|who"
    r"|when|with)\b"
)


# A relative clause set off by commas before the rest of its main clause.
_RELATIVE_ASIDE = re.compile(r",\s+(?:which|who)\b[^,.;:()]*,")


_FIRST_WORD = re.compile(r"\s*([A-Z][a-z'’-]+)\s")


# "the jobs it plans to cut": after a pronoun, a word in -s is its verb, not a noun.
_PRONOUN_SUBJECT = re.compile(r"\b(?:it|he|she|which|who)\s+$", re.IGNORECASE)


def noun_before(text: str, start: int, end: int, *, sentence_start: bool = False) -> str | None:
    """The nearest plural noun before a bare count in its clause ("the number of officers rose
    by 20,951", "the protesters, at least 20,000 of them"); with sentence_start, the clause's
    capitalised first word counts too ("Drownings in Australia rose to 312")."""
    clause_start = start
    aside = None
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        aside = _RELATIVE_ASIDE.match(text, m.start(), end)
        if aside:
            # "Claims, which track dismissals, dropped 3,000": the clause runs on past the
            # aside between commas, and counts its subject.
            break
        start = m.end()
    words = list(_WORD_BEFORE.finditer(text, start, end))
    if aside:
        words = list(_WORD_BEFORE.finditer(text, start, aside.start()))
        words += _WORD_BEFORE.finditer(text, aside.end(), end)
    for m in reversed(words):
        word = m.group()
        if _PRONOUN_SUBJECT.search(text, max(start, m.start() - 8), m.start()):
            continue
        if _VERB_BEFORE_COUNT.match(text, m.end(), end):
            continue  # "the fleet gains about 6,400": a verb, no noun
        if word not in _NOT_THE_COUNTED and is_plural_noun(word):
            return word
    first = (
        _FIRST_WORD.match(text, start, end) if sentence_start and start == clause_start else None
    )
    if first:
        word = first.group(1).lower()
        if word not in _NOT_THE_COUNTED and word not in _STOP and is_plural_noun(word):
            return word
    return None


def noun_after(text: str, start: int, end: int) -> str | None:
    """The first plural noun in text[start:end] that can be what a count counts."""
    for word in _WORD_BEFORE.findall(text, start, end):
        if word not in _NOT_THE_COUNTED and word not in PLACEHOLDERS and is_plural_noun(word):
            return word
    return None


# "flies the A220 aircraft, with 44 examples in service", "60 examples of the class":
# "examples" stands for the thing the sentence names (aircraft, cars, locomotives).
PLACEHOLDERS = words("examples")

# "recalling several tractor lines, totalling some 40,000 units": "units" tallies the plural
# noun the total is given of, so the count is of vehicles like another outlet's. Only there:
# "shipped 2.1 million units" alone keeps its own noun.
TALLY_WORDS = words("units")
_TOTALLED_NOUN = re.compile(
    r"\b([a-z]+)\s*,?\s+(?:totall?ing|numbering|amounting\s+to|for\s+a\s+total\s+of)\s+"
    r"(?:[a-z]+\s+){0,2}$",
    re.IGNORECASE,
)


def totalled_noun(text: str, start: int, end: int) -> str | None:
    """The plural noun a total right before text[end] is given of, if any."""
    m = _TOTALLED_NOUN.search(text, start, end)
    word = m.group(1).lower() if m else ""
    return word if word and word not in _NOT_THE_COUNTED and is_plural_noun(word) else None


# "Payroll employment rose by 412,000", "employers added 210,000": a change in employment,
# counted in jobs whatever noun the clause gives (payrolls, employment) or none. Its average
# pace too: "employment grew an average of 90,000 a month", "job gains averaged 90,000".
# "The economy added 64,000": what an economy adds or sheds is jobs.
# "The March job figure was revised down by 14,000 to a net job creation of 96,000": a
# revision of a change in employment is counted in jobs too.
EMPLOYMENT_CHANGE = re.compile(
    r"\b(?:employment|payrolls?|hiring|employers"
    r"|job (?:growth|gains?|creation|figures?|additions|numbers?))\b[^.;:]*?"
    r"\b(?:rose|fell|climbed|increased|decreased|dropped|declined|jumped|grew|grown|added|shed"
    r"|lost|gained|expanded|contracted|cut|rise|fall|increase|decrease|grow|add|gain"
    r"|averaged|averaging|average"
    r"|revised(?:\s+(?:down|up|downward|upward|lower|higher))?)\s+"
    r"(?:by\s+|to\s+|a\s+net\s+|an\s+average\s+of\s+)?(?:(?:only|just)\s+)?$"
    r"|\beconomy\s+(?:has\s+|had\s+)?(?:added|created|shed|lost|add|create)\s+"
    r"(?:(?:only|just)\s+)?$"
    r"|\b(?:employment|job|payroll)\s+(?:gains?|growth|increases?|losses|creation)\s+of\s+$"
    # "Job additions were revised down by 8,000, from 146,000 to 138,000"
    r"|\b(?:employment|payrolls?|job (?:additions|figures?|numbers?))\b[^.;:]*?\brevised\b"
    r"[^.;:]*?\b(?:from|to)\s+$",
    re.IGNORECASE,
)


# "Drownings in Australia rose to 312": a verb of change or total before a bare number, whose
# subject is what it counts.
CHANGE_VERB = re.compile(
    r"\b(?:rose|fell|climbed|increased|dropped|declined|jumped|grew|reached|hit|totall?ed"
    r"|stood\s+at|stands\s+at|surged|soared|doubled)\s+(?:to\s+)?$",
    re.IGNORECASE,
)
