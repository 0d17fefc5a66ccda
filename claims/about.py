"""What a figure is about: entity, measure, reference point and scope, read from its sentence.

Pure Python (no Django import, like matching.py). `ArticleContext` reads an article once (its
names, the entity it is mostly about, the acronyms it defines); `about()` reads one figure:

* **entity**: the organisation, person, place or product the figure is about: a possessive
  next to the figure ("Reddit's shares"), else the name opening the figure's clause, else the
  article's salient entity when the clause says "it", "the company", "the airline" or names
  nobody. Names are keyed so one entity has one key across articles: corporate suffixes go
  ("Microsoft Corp." -> "microsoft"), an institution is its acronym ("Federal Aviation
  Administration" and "FAA" -> "faa"), other names their last distinctive word ("Alaska
  Airlines" and "Alaska" -> "alaska", "Francis Scott Key Bridge" and "Key Bridge" -> "key").
* **measure**: what is counted or priced, from a lexicon of nouns and verb frames ("valued
  at" -> valuation, "priced at" -> share price, "killed" -> death toll), the nearest cue to the
  figure winning; else a count's unit ("171 passengers" -> passengers).
* **reference**: the period or moment (a year, a quarter, "fiscal 2024", IPO / open / close /
  intraday high, first or second day of trading).
* **scope**: words that keep look-alikes apart (per day / per year, GAAP / non-GAAP, total,
  fully diluted, projected).

`About.key` is equal for two figures stating the same fact; `About.line` is the readable
subject ("Reddit share price at close").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from claims.extraction.lexicon import words

# --------------------------------------------------------------------------------------------
# Lexicons: general newsroom vocabulary, never any corpus's words.
# --------------------------------------------------------------------------------------------

# measure -> cue patterns (lower-case regex fragments, matched on word boundaries). A cue may
# sit before the figure in its clause or just after it.
_MEASURES: dict[str, tuple[str, ...]] = {
    "death toll": (
        r"killed",
        r"killing",
        r"dead",
        r"died",
        r"deaths?",
        r"death toll",
        r"fatalities",
        r"bodies",
        r"lives",
    ),
    "injured": (r"injured", r"injuries", r"wounded", r"hurt", r"taken to hospitals?"),
    "passengers": (r"passengers?",),
    "crew": (r"crew(?: members)?", r"flight attendants?", r"pilots?"),
    "jobs": (r"jobs?", r"employees", r"employs?", r"staff", r"workers", r"workforce", r"headcount"),
    "job cuts": (r"lay(?:ing)? off", r"laid off", r"layoffs?", r"job cuts?", r"cut \w* ?jobs"),
    "valuation": (
        r"valued at",
        r"valuation",
        r"valuing",
        r"values? (?:it|the company) at",
        r"worth(?! of)",
    ),
    "market value": (r"market (?:value|cap|capitali[sz]ation)", r"market worth"),
    "share price": (
        r"priced (?:its|the)? ?(?:ipo|offering|shares)? ?at",
        r"per share",
        r"a share",
        r"each share",
        r"share price",
        r"stock price",
        r"price per share",
        r"(?:closing|opening|offer|offering|ipo|listing|trading) price",
        r"shares? (?:closed|opened|traded|peaked|hit|reached|ended|finished)",
        r"(?:closed|opened|traded|peaked|ended|finished) at",
    ),
    "share price change": (
        r"(?:shares?|stock) (?:rose|fell|jumped|climbed|surged|soared|gained|dropped|slid"
        r"|sank|tumbled|plunged|rallied|popped|was up|were up|was down|were down)",
        r"(?:rose|fell|jumped|climbed|surged|soared|gained|dropped|slid|sank|tumbled|plunged"
        r"|rallied|popped|up|down)",
    ),
    "revenue": (r"revenues?", r"sales", r"turnover"),
    "net loss": (r"net loss(?:es)?", r"lost", r"loss(?:es)?"),
    "profit": (r"profits?", r"net income", r"earnings"),
    "amount raised": (r"raised?", r"raising", r"proceeds", r"funding round", r"fundraising"),
    "deal value": (
        r"acquisition",
        r"acquired?",
        r"buy(?:ing|out)?",
        r"bought",
        r"purchase[ds]?",
        r"takeover",
        r"deal",
        r"paid",
    ),
    "investment": (
        r"invest(?:ed|ing|ment|ments|s)?",
        r"pump(?:ed|ing)",
        r"inject(?:ed|ing|ion)",
        r"commit(?:ted|ment)",
    ),
    "stake": (r"stake", r"holding", r"owns?", r"owned"),
    "fine": (r"fined?", r"penalty", r"penalties", r"settlement"),
    "cost": (
        r"costs?",
        r"cost(?:ing)?",
        r"spend(?:ing)?",
        r"spent",
        r"losing",
        r"economic activity",
    ),
    "value of goods": (
        r"goods",
        r"cargo",
        r"freight",
        r"worth of (?:goods|cargo|freight)",
        r"(?:goods|cargo|freight) worth",
    ),
    "vehicles": (r"vehicles?", r"cars", r"crossings?"),
    "trucks": (r"trucks?", r"lorries"),
    "aircraft": (r"aircraft", r"planes?", r"jets?", r"airplanes?", r"fleet"),
    "containers": (r"containers?", r"teu"),
    "shares": (r"shares", r"stock"),
    "users": (r"users", r"customers", r"subscribers", r"members", r"visitors"),
    "flights": (r"flights", r"cancellations?", r"cancel(?:led|ed|ing|s)?"),
    "length": (r"long", r"length", r"stretch(?:es|ed)?", r"span(?:s|ned)?"),
    "height": (r"tall", r"high", r"height", r"altitude"),
    "weight": (r"weigh(?:s|ed|ing|t)?", r"tons?", r"tonnes?"),
    "age": (r"\w+-old", r"old", r"aged?"),
    "interest rate": (r"interest rates?", r"rates?"),
    "inflation": (r"inflation", r"prices rose"),
    "growth": (r"growth", r"grew", r"expanded"),
}
# What a date marks, by the event word nearest to it.
_EVENTS: dict[str, tuple[str, ...]] = {
    "trading debut": (
        r"debut(?:ed|s)?",
        r"began trading",
        r"start(?:ed|s)? trading",
        r"first day of trading",
        r"first (?:trading )?day",
        r"went public",
        r"listed",
        r"listing",
        r"trading",
    ),
    "pricing": (r"priced", r"pricing", r"sold shares", r"sale"),
    "founding": (r"founded", r"founding", r"started", r"established", r"created", r"launched"),
    "collapse": (r"collaps(?:ed|e)", r"crash(?:ed)?", r"struck", r"hit", r"accident"),
    "grounding": (r"grounded", r"grounding", r"grounds?"),
    "announcement": (r"announced", r"announcement", r"unveiled"),
    "inspection": (r"inspect(?:ed|ion|ions)",),
    "filing": (r"filed", r"filing", r"prospectus"),
    "death": (r"died", r"killed"),
    "release": (r"released?", r"release"),
}
# Moments and periods a figure is stated for; the first pattern found nearest wins.
_MOMENTS: tuple[tuple[str, str], ...] = (
    ("premarket", r"pre-?market"),
    ("intraday high", r"(?:intraday |session )?(?:high|peak|peaked|as much as|as high as)"),
    ("open", r"open(?:ed|ing)?"),
    ("close", r"clos(?:ed|ing|e)|ended|finished|settled"),
    ("IPO", r"ipo|initial public offering|offering|priced|pricing|listing price"),
)
_DAYS = (
    ("first day", r"first(?:[- ]day| day of trading| trading day)|debut"),
    ("second day", r"second(?:[- ]day| day of trading| trading day)"),
)
_SCOPES: tuple[tuple[str, str], ...] = (
    ("per day", r"(?:per|a|each|every) day|daily|a-day"),
    ("per week", r"(?:per|a|each|every) week|weekly"),
    ("per month", r"(?:per|a|each|every) month|monthly"),
    ("per year", r"(?:per|a|each|every) year|annual(?:ly)?|yearly|a-year"),
    ("non-GAAP", r"non-gaap|adjusted"),
    ("GAAP", r"gaap"),
    ("fully diluted", r"fully diluted|diluted"),
    ("outstanding shares", r"outstanding"),
    ("projected", r"projected|forecast|forecasts"),
    ("total", r"total|combined|in all|overall|altogether|cumulative"),
)
_PERIOD = re.compile(
    r"\b(?:(?:fiscal|FY)\s?(?:20)?\d{2}|Q[1-4](?:\s(?:fiscal\s)?20\d{2})?"
    r"|(?:first|second|third|fourth)[- ]quarter|(?:19|20)\d{2})\b",
    re.IGNORECASE,
)

# Suffixes dropped from organisation names.
_CORPORATE = frozenset(
    [
        "inc",
        "inc.",
        "corp",
        "corp.",
        "corporation",
        "co",
        "co.",
        "ltd",
        "ltd.",
        "plc",
        "llc",
        "lp",
        "sa",
        "ag",
        "nv",
        "se",
        "group",
        "holdings",
        "holding",
        "company",
    ]
)
# Last words of institutions known by their acronym.
_INSTITUTIONS = frozenset(
    [
        "administration",
        "agency",
        "authority",
        "board",
        "bureau",
        "commission",
        "committee",
        "council",
        "department",
        "association",
        "organisation",
        "organization",
        "institute",
        "service",
        "office",
        "union",
        "fund",
        "bank",
        "ministry",
        "federation",
    ]
)
# Generic heads dropped before keying a name ("Alaska Airlines" -> "alaska").
_GENERIC = frozenset(
    [
        "airlines",
        "airline",
        "airways",
        "air",
        "bridge",
        "port",
        "inc",
        "corp",
        "corporation",
        "company",
        "co",
        "ltd",
        "plc",
        "llc",
        "group",
        "holdings",
        "labs",
        "lab",
        "technologies",
        "flight",
        "technology",
        "systems",
        "partners",
        "publications",
        "media",
        "motors",
        "industries",
        "international",
    ]
)
_ORGANISATION_WORDS = frozenset(
    [
        "company",
        "firm",
        "group",
        "startup",
        "start-up",
        "business",
        "bank",
        "lender",
        "insurer",
        "carrier",
        "airline",
        "operator",
        "maker",
        "manufacturer",
        "retailer",
        "platform",
        "network",
        "agency",
        "regulator",
    ]
)
_STAND_INS = _ORGANISATION_WORDS | frozenset(
    [
        "bridge",
        "ship",
        "vessel",
        "plane",
        "aircraft",
        "jet",
        "flight",
        "city",
        "port",
        "site",
        "plant",
        "factory",
        "deal",
        "offering",
        "ipo",
        "government",
        "ministry",
    ]
)
_PRONOUNS = frozenset(["it", "its", "they", "their", "them", "this", "these"])
_NOT_NAMES = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sir",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "today",
        "yesterday",
        "tomorrow",
        "et",
        "pt",
        "gmt",
        "utc",
        "est",
        "edt",
        "am",
        "pm",
        "a.m",
        "p.m",
        "ceo",
        "cfo",
        "coo",
        "chief",
        "reuters",
        "ap",
        "afp",
        "bloomberg",
        "getty",
        "photo",
        "image",
        "source",
        "note",
        "read",
        "more",
        "also",
        "however",
        "but",
        "while",
        "when",
        "after",
        "before",
        "since",
        "until",
        "if",
        "although",
        "though",
        "because",
        "so",
        "still",
        "yet",
        "about",
        "around",
        "more",
        "less",
        "some",
        "many",
        "most",
        "several",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "first",
        "second",
        "third",
        "last",
        "next",
        "new",
        "us",
        "u.s",
        "uk",
        "eu",
        "ipo",
        "ipos",
        "nyse",
        "nasdaq",
        "gdp",
        "ai",
    ]
)
_SOURCE_LEAD = re.compile(
    r"(?:according to|said|says|told|reported|reports|wrote|per)\s*$", re.IGNORECASE
)
_NAME_TOKEN = re.compile(r"[A-Z][\w&'’.-]*[\w]|[A-Z]")
_TOKEN = re.compile(r"[A-Za-z][\w'’&.-]*[\w]|[A-Za-z]|\d[\d,.]*")
_CLAUSE_BREAK = re.compile(r"[;:()\[\]“”\"—]|,\s(?=(?:and|but|while|which|who|whereas)\b)")
_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,40}(?:\([^)]*\))?\s*[,—–-]|\(\w+\)\s*[—–-]")
_WEEKDAY = re.compile(r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day$", re.IGNORECASE)


def _compile(table: dict[str, tuple[str, ...]]) -> list[tuple[str, re.Pattern]]:
    # Longer cues first: at one position the alternation takes the first that matches.
    return [
        (name, re.compile(r"\b(?:" + "|".join(sorted(cues, key=len, reverse=True)) + r")\b"))
        for name, cues in table.items()
    ]


_MEASURE_PATTERNS = _compile(_MEASURES)
# What money can measure; the other measures are counts, sizes and rates.
_MONEY_MEASURES = words(
    """valuation market_value share_price revenue net_loss profit amount_raised deal_value
    investment stake fine cost value_of_goods"""
)
_MONEY_PATTERNS = [(n, p) for n, p in _MEASURE_PATTERNS if n.replace(" ", "_") in _MONEY_MEASURES]
_OTHER_PATTERNS = [
    (n, p)
    for n, p in _MEASURE_PATTERNS
    if n.replace(" ", "_") not in _MONEY_MEASURES or n == "stake"
]
_EVENT_PATTERNS = _compile(_EVENTS)
_MOMENT_PATTERNS = [(n, re.compile(r"\b(?:" + p + r")\b")) for n, p in _MOMENTS]
_DAY_PATTERNS = [(n, re.compile(r"\b(?:" + p + r")\b")) for n, p in _DAYS]
_SCOPE_PATTERNS = [(n, re.compile(r"(?<![\w-])(?:" + p + r")(?![\w-])")) for n, p in _SCOPES]
# Count units that name what is counted ("171 passengers").
_UNIT_MEASURES = {
    "passenger": "passengers",
    "guest": "passengers",
    "traveler": "passengers",
    "traveller": "passengers",
    "crewmember": "crew",
    "crew-member": "crew",
    "example": "",
    "unit": "",
    "people": "",
    "person": "",
    "employee": "jobs",
    "worker": "jobs",
    "job": "jobs",
    "staff": "jobs",
    "crew": "crew",
    "crew member": "crew",
    "vehicle": "vehicles",
    "car": "vehicles",
    "truck": "trucks",
    "plane": "aircraft",
    "jet": "aircraft",
    "airplane": "aircraft",
    "aircraft": "aircraft",
    "container": "containers",
    "share": "shares",
    "user": "users",
    "customer": "users",
    "subscriber": "users",
    "flight": "flights",
    "death": "death toll",
}


# --------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------


def _strip_possessive(word: str) -> str:
    return re.sub(r"['’]s?$", "", word)


def entity_key(name: str, acronyms: dict[str, str] | None = None) -> str:
    """One key for one entity however it is written: "Microsoft Corp." and "Microsoft" ->
    "microsoft"; "Federal Aviation Administration" and "FAA" -> "faa"; "Francis Scott Key
    Bridge" and "Key Bridge" -> "key"."""
    parts = [_strip_possessive(w).strip(".,") for w in name.split()]
    parts = [w for w in parts if w]
    if not parts:
        return ""
    if acronyms and len(parts) == 1 and parts[0] in acronyms:
        return acronyms[parts[0]]
    lower = [w.lower() for w in parts]
    if len(parts) == 1 and parts[0].isupper() and len(parts[0]) <= 6:
        return lower[0]
    capitalised = [w for w in parts if w[:1].isupper() and w.lower() != "the"]
    if len(capitalised) >= 2 and lower[-1] in _INSTITUTIONS:
        return "".join(w[0] for w in capitalised).lower()
    while len(lower) > 1 and lower[-1] in (_CORPORATE | _GENERIC):
        lower.pop()
    # Connectors: "Bank of England" keeps its last word; "Port of Baltimore" -> "baltimore".
    content = [w for w in lower if w not in ("of", "the", "&", "and", "de", "la")]
    return content[-1] if content else lower[-1]


def display_name(name: str) -> str:
    """A name as a subject line shows it: "Reddit Inc." -> "Reddit"."""
    parts = name.split()
    while len(parts) > 1 and parts[-1].lower().rstrip(".,") in _CORPORATE:
        parts.pop()
    while len(parts) > 1 and parts[0].lower() == "the":
        parts.pop(0)
    return " ".join(parts)


@dataclass(frozen=True)
class Name:
    text: str
    start: int
    end: int


def find_names(
    text: str,
    offset: int = 0,
    lowercase: frozenset[str] = frozenset(),
    also_known: frozenset[str] = frozenset(),
) -> list[Name]:
    """Runs of capitalised words in `text` ("Alaska Airlines", "Port of Baltimore"); a word
    capitalised only because it opens a sentence is no name when the article also writes it
    in lower case."""
    names: list[Name] = []
    run: list[re.Match] = []
    # Words known as names: capitalised inside a sentence, or opening two sentences.
    capitalised = Counter(
        _strip_possessive(m.group()).rstrip(".").lower() for m in _NAME_TOKEN.finditer(text)
    )
    known = (
        {
            _strip_possessive(m.group(1)).rstrip(".").lower()
            for m in re.finditer(r"[a-z,;]\s+([A-Z][\w'’&.-]*\w)", text)
        }
        | {word for word, count in capitalised.items() if count >= 2}
        | also_known
    )

    def close() -> None:
        while run and run[-1].group().lower() in ("of", "the", "&", "and", "de"):
            run.pop()
        if run:
            start, end = run[0].start(), run[-1].end()
            names.append(Name(_strip_possessive(text[start:end]), offset + start, offset + end))
        run.clear()

    for match in _TOKEN.finditer(text):
        word = match.group()
        gap = text[run[-1].end() : match.start()] if run else ""
        if run and gap.strip():
            close()
        bare = _strip_possessive(word).rstrip(".")
        lower = bare.lower()
        connector = lower in ("of", "&", "de") and bool(run)
        capital = word[:1].isupper() and lower not in _NOT_NAMES and len(bare) > 1
        before = text[: match.start()].rstrip()[-1:]
        initial = not before or before in '.!?\n"“:'
        if (
            capital
            and initial
            and not _name_at_sentence_start(text, match, lower, lowercase, known)
        ):
            capital = False  # capitalised only because it opens a sentence
        if capital and re.search(r"-[a-z]", bare):
            capital = False  # "Chicago-based": an adjective
        if capital or connector:
            run.append(match)
            if word.endswith(("'s", "’s")):
                close()
        else:
            close()
    close()
    return names


# Words that open sentences without naming anyone.
_OPENERS = words(
    """here there what why how where while after before during some many several both each
    every all such another other including according however meanwhile instead experts
    officials analysts investors authorities police residents workers people shares stocks
    traders critics"""
)


def _name_at_sentence_start(
    text: str, match: re.Match, lower: str, lowercase: frozenset[str], known: set[str]
) -> bool:
    """Whether a capitalised word opening a sentence is a name: the article never writes it
    in lower case, and it is known as a name elsewhere, owns something ("Lidford's"), opens
    a longer name ("Orwell Water") or does not look like an ordinary word."""
    if lower in lowercase or lower in _OPENERS:
        return False
    if lower in known:
        return True
    following = text[match.end() : match.end() + 2]
    if following in ("'s", "’s") or match.group().endswith(("'s", "’s")):
        return True
    if re.match(r"\s[A-Z]", text[match.end() : match.end() + 2]):
        return True
    return not re.search(r"(?:ing|ed|ly|s)$", lower)


# --------------------------------------------------------------------------------------------
# One article
# --------------------------------------------------------------------------------------------


class ArticleContext:
    """An article read once for what its figures are about."""

    def __init__(self, body: str, title: str = "", published: date | None = None):
        self.body = body
        self.title = title or ""
        self.published = published

    @cached_property
    def lowercase(self) -> frozenset[str]:
        return frozenset(t.lower() for t in _TOKEN.findall(self.body) if t[:1].islower())

    @cached_property
    def acronyms(self) -> dict[str, str]:
        """Acronyms the article defines: "Federal Aviation Administration (FAA)"."""
        found = {}
        for match in re.finditer(
            r"((?:[A-Z][\w&'-]*\s+(?:of\s+|the\s+|and\s+)*){1,6})\(([A-Z]{2,6})\)", self.body
        ):
            name = match.group(1).strip()
            found[match.group(2)] = entity_key(name)
        return found

    @cached_property
    def speakers(self) -> frozenset[str]:
        """Keys of the names the article quotes ("Irani said", "said Jane Doe"): people who
        speak about figures, rarely what the figures are about."""
        found = set()
        for name in self.names:
            after = self.body[name.end : name.end + 12]
            before = self.body[max(0, name.start - 8) : name.start]
            if re.match(r",?\s+(?:said|says|told|added|wrote)\b", after) or re.search(
                r"\b(?:said|says)\s+$", before
            ):
                found.add(self.key(name.text))
        return frozenset(found) - {self.key(self.salient_name)}

    @cached_property
    def salient_name(self) -> str:
        ranked = self.ranked_names
        return ranked[0][1] if ranked else ""

    @cached_property
    def names(self) -> list[Name]:
        title_words = frozenset(
            _strip_possessive(m.group()).rstrip(".").lower()
            for m in _NAME_TOKEN.finditer(self.title)
        )
        return find_names(self.body, 0, self.lowercase, title_words)

    def key(self, name: str) -> str:
        return entity_key(name, self.acronyms)

    @cached_property
    def salient(self) -> str:
        """The entity the article is mostly about: the name its title and lead repeat most."""
        ranked = self.ranked_names
        return ranked[0][1] if ranked else ""

    @cached_property
    def story_names(self) -> list[str]:
        """The keys of the names the article is about, most prominent first (for stories)."""
        return [key for key, _ in self.ranked_names[:10]]

    @cached_property
    def lead_name(self) -> str:
        """The key of the name the body's first sentences repeat most (titles can be a
        section's or an outlet's words)."""
        counts = Counter(self.key(n.text) for n in self.names if n.start < 600)
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return ranked[0][0] if ranked else ""

    @cached_property
    def ranked_names(self) -> list[tuple[str, str]]:
        """(key, display) of the names of the title and lead, most prominent first."""
        counts: Counter[str] = Counter()
        display: dict[str, str] = {}
        for name in find_names(self.title, 0, self.lowercase):
            key = self.key(name.text)
            counts[key] += 3
            display.setdefault(key, name.text)
        lead_end = min(len(self.body), 1200)
        for name in self.names:
            if name.start >= lead_end:
                break
            key = self.key(name.text)
            counts[key] += 1
            display.setdefault(key, name.text)
        for name in self.names[:400]:
            counts[self.key(name.text)] += 0.25
        ranked = sorted(
            ((k, c) for k, c in counts.items() if k and k in display),
            key=lambda item: (-item[1], item[0]),
        )
        return [(key, display[key]) for key, _ in ranked]

    def is_dateline(self, start: int) -> bool:
        """Whether a date at `start` sits in the article's dateline ("LONDON, March 5 (Reuters) -")."""
        line_start = self.body.rfind("\n", 0, start) + 1
        head = self.body[line_start : start + 60]
        return start - line_start < 60 and bool(_DATELINE.search(head[:80]))


# --------------------------------------------------------------------------------------------
# One figure
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class About:
    entity: str = ""
    entity_key: str = ""
    measure: str = ""
    reference: str = ""
    scope: str = ""
    # A date that only places the article (a dateline, the publication day): no fact.
    incidental: bool = False
    # Whom an investment, a stake or a deal is in: "in OpenAI", "for Activision".
    target: str = ""

    @property
    def line(self) -> str:
        """The readable subject: "Reddit share price at close (fully diluted)"."""
        parts = [self.entity, self.measure, self.target]
        line = " ".join(p for p in parts if p)
        if self.reference:
            moment = self.reference.split()[-1] in _MOMENT_WORDS
            line += f" at {self.reference}" if moment else f", {self.reference}"
        if self.scope:
            line += f" ({self.scope})"
        return line.strip(" ,")

    @property
    def key(self) -> str:
        """Equal for figures stating one fact; "" when the measure is unknown."""
        if not self.measure or self.incidental:
            return ""
        # Who was aboard, hurt or killed is a figure about the story's event itself, however
        # a sentence names it ("the flight", "the airline", "the jet").
        entity = "" if self.measure in EVENT_MEASURES else self.entity_key
        target = self.target.split(" ", 1)[-1].lower() if self.target else ""
        return "|".join((entity, self.measure, self.reference, self.scope, target))

    @property
    def decisive(self) -> bool:
        """Whether the key alone says which fact the figure states: it names a reference
        point or a scope, or a measure of the story's event (passengers, death toll)."""
        return bool(self.key) and bool(
            self.reference or self.scope or self.measure in EVENT_MEASURES
        )


_MOMENT_NAMES = frozenset(n for n, _ in _MOMENTS)
EVENT_MEASURES = frozenset(("death toll", "injured", "passengers", "crew"))
_MOMENT_WORDS = frozenset(w for n in _MOMENT_NAMES for w in n.split()) | {"day"}


def about(
    context: ArticleContext,
    *,
    start: int,
    end: int,
    sentence_start: int,
    sentence_end: int,
    kind: str,
    unit: str = "",
    date_value: str = "",
    text: str = "",
) -> About:
    """What the figure at body[start:end] is about."""
    body = context.body
    clause_start = _clause_start(body, sentence_start, start)
    before = body[clause_start:start]
    after_end = _clause_end(body, end, sentence_end)
    after = body[end:after_end]
    sentence = body[sentence_start:sentence_end]
    entity = _entity(context, sentence_start, clause_start, start, end, after_end)
    incidental = kind == "date" and _incidental(context, start, text, date_value)
    if kind == "date":
        measure = _nearest(_EVENT_PATTERNS, before.lower(), after.lower())
    else:
        # A cue right after the figure names what it counts ("$20 subscription fee"); further
        # on it is usually another figure's ("closed at $50.44, giving a market value ...").
        patterns = _MONEY_PATTERNS if kind == "money" else _OTHER_PATTERNS
        measure = _nearest(patterns, before.lower(), after.lower(), after_words=2)
        unit_measure = _UNIT_MEASURES.get((unit or "").lower().rstrip("s"), None)
        if unit_measure is None and (unit or "").lower() in _UNIT_MEASURES:
            unit_measure = _UNIT_MEASURES[(unit or "").lower()]
        if kind in ("count", "quantity") and unit_measure:
            if measure not in ("death toll", "injured", "job cuts") or unit_measure == "crew":
                measure = unit_measure
        elif kind == "count" and not measure and unit and unit_measure is None:
            measure = unit.lower()
        if kind == "percent" and measure not in (
            "stake",
            "share price change",
            "interest rate",
            "inflation",
            "growth",
        ):
            measure = _percent_measure(before.lower(), after.lower(), measure)
        if kind == "money" and measure in ("", "share price change"):
            measure = _nearest(_MONEY_PATTERNS, sentence.lower(), "", after_words=0) or measure
    reference = _reference(before, after, sentence, kind, measure)
    scope = "" if kind == "date" else _scope(before.lower()[-80:] + " " + after.lower()[:80])
    return About(
        entity=_with_object(context, display_name(entity), sentence_start, after_end),
        entity_key=context.key(entity) if entity else "",
        measure=measure,
        reference=reference,
        scope=scope,
        incidental=incidental,
        target=_target(after, entity) if measure in _TRANSITIVE else "",
    )


# Measures of something done to someone: their subject line says whom.
_TRANSITIVE = frozenset(("investment", "stake", "deal value"))
_TARGET = re.compile(
    r"^\s*(?:[a-z]+\s+){0,2}(in|into|to|of|for)\s+(?:the\s+)?"
    r"([A-Z][\w'’&.-]*\w(?:\s+[A-Z][\w'’&.-]*\w)*)"
)


def _target(after: str, entity: str) -> str:
    """ "in OpenAI" from "$13 billion investment in OpenAI"; "" when no name follows."""
    match = _TARGET.match(after)
    if not match or match.group(2) == entity:
        return ""
    return f"{'in' if match.group(1) == 'into' else match.group(1)} {_strip_possessive(match.group(2))}"


def _clause_start(body: str, sentence_start: int, start: int) -> int:
    segment = body[sentence_start:start]
    last = None
    for match in _CLAUSE_BREAK.finditer(segment):
        last = match
    return sentence_start + (last.end() if last else 0)


def _clause_end(body: str, end: int, sentence_end: int) -> int:
    match = _CLAUSE_BREAK.search(body, end, sentence_end)
    return match.start() if match else sentence_end


def _entity(
    context: ArticleContext,
    sentence_start: int,
    clause_start: int,
    start: int,
    end: int,
    after_end: int,
) -> str:
    body = context.body
    names = [
        n
        for n in context.names
        if sentence_start <= n.start < after_end
        and not _is_source(body, n)
        and context.key(n.text) not in context.speakers
    ]
    before = [n for n in names if clause_start <= n.start and n.end <= start]
    # A possessive right before the figure's noun phrase: "Reddit's shares closed at $50".
    for name in reversed(before):
        if context.key(name.text) not in context.story_names[:MAIN_NAMES]:
            continue
        tail = body[name.end : name.end + 2]
        if tail in ("'s", "’s") and start - name.end < 60:
            return name.text
    clause = body[clause_start:start].lower().split()
    opener = [w.strip(",.") for w in clause[:2]]
    if opener and (
        opener[0] in _PRONOUNS
        or (opener[0] in ("the", "this") and opener[1:] and opener[1] in _STAND_INS)
    ):
        return context.salient or (before[0].text if before else "")
    # Only a name the article is about is trusted as the entity; a place, a person quoted or
    # a headline's capitalised words stand for the article's main entity.
    main = [n for n in before if context.key(n.text) in context.story_names[:MAIN_NAMES]]
    if main:
        return main[0].text
    earlier = [
        n
        for n in names
        if n.end <= start and context.key(n.text) in context.story_names[:MAIN_NAMES]
    ]
    if earlier:
        return earlier[0].text
    return context.salient


MAIN_NAMES = 6
# Things a name is often the owner or the place of: "Lidford's bypass", "the Tarvik plant".
_OBJECTS = words(
    """bypass bridge plant factory mine tunnel airport port project line station stadium
    hospital road railway pipeline site office store campus programme program scheme
    refinery terminal dam reactor warehouse studio bakery mill"""
)


def _with_object(context: ArticleContext, entity: str, start: int, end: int) -> str:
    """The entity with the object it owns in the figure's sentence ("Lidford bypass")."""
    if not entity:
        return entity
    sentence = context.body[start:end]
    match = re.search(re.escape(entity) + r"(?:['’]s)?\s+([a-z]+)\b", sentence)
    if match and match.group(1) in _OBJECTS:
        return f"{entity} {match.group(1)}"
    return entity


def _is_source(body: str, name: Name) -> bool:
    """Whether a name only says who said it ("according to Reuters", "said Jane Doe")."""
    return bool(_SOURCE_LEAD.search(body[max(0, name.start - 20) : name.start]))


def _nearest(
    patterns: list[tuple[str, re.Pattern]], before: str, after: str, *, after_words: int = 6
) -> str:
    """The name of the pattern whose match lies nearest the figure (end of `before`, start of
    `after`); a cue just after the figure ("$20 subscription fee") counts as near."""
    best, best_distance = "", None
    tail = " ".join(after.split()[:after_words]) if after_words else ""
    for name, pattern in patterns:
        for match in pattern.finditer(before):
            # Nearest end first; of two cues ending together the longer ("goods worth").
            distance = (len(before) - match.end(), match.start() - match.end())
            if best_distance is None or distance < best_distance:
                best, best_distance = name, distance
        match = pattern.search(tail)
        if match and (best_distance is None or (match.start(), 0) < best_distance):
            best, best_distance = name, (match.start(), 0)
    return best


_PERCENT_OF = re.compile(r"^\s*(?:of|stake)\b")


def _percent_measure(before: str, after: str, measure: str) -> str:
    if re.search(r"\bstake\b|\bown", before + " " + after[:30]):
        return "stake"
    if re.search(
        r"\b(?:rose|fell|jumped|climbed|surged|soared|gained|dropped|slid|sank|tumbled|plunged"
        r"|rallied|popped|up|down|higher|lower|gain|drop|increase|decrease|rise|fall|jump)\b",
        before[-80:] + " " + after[:40],
    ):
        return "change" if measure in ("", "share price change") else f"{measure} change"
    if _PERCENT_OF.match(after):
        return "share"
    return measure or "share"


def _reference(before: str, after: str, sentence: str, kind: str, measure: str) -> str:
    near = (before[-90:] + " | " + after[:60]).lower()
    parts = []
    if measure in ("share price", "share price change", "valuation", "market value") or kind in (
        "money",
        "percent",
    ):
        moment = _nearest(_MOMENT_PATTERNS, before[-90:].lower(), after[:60].lower(), after_words=8)
        if moment and measure in ("share price", "share price change", "valuation", "market value"):
            parts.append(moment)
        day = _nearest(_DAY_PATTERNS, sentence.lower(), "", after_words=0)
        if day and measure in ("share price", "share price change", "market value"):
            parts.append(day)
    if kind != "date":
        periods = {
            _period_label(m.group()) for m in _PERIOD.finditer(before[-90:] + " " + after[:60])
        }
        if len(periods) == 1:
            parts.append(periods.pop())
    del near
    if len(parts) == 2 and parts[1] in _DAY_NAMES and parts[0] in _MOMENT_NAMES:
        return f"{parts[1].replace(' ', '-')} {parts[0]}"  # "first-day close"
    return " ".join(dict.fromkeys(parts))


_DAY_NAMES = frozenset(n for n, _ in _DAYS)


def _period_label(text: str) -> str:
    text = " ".join(text.split())
    quarter = re.match(r"(first|second|third|fourth)[- ]quarter", text, re.IGNORECASE)
    if quarter:
        return "Q" + str(("first", "second", "third", "fourth").index(quarter.group(1).lower()) + 1)
    return text.upper() if text[:1] in "qQ" else text


def _scope(near: str) -> str:
    found = [name for name, pattern in _SCOPE_PATTERNS if pattern.search(near)]
    # One scope, the most specific first in the table.
    return found[0] if found else ""


def _incidental(context: ArticleContext, start: int, text: str, date_value: str) -> bool:
    """A dateline, or a weekday (or "today") that only restates the publication day."""
    if context.is_dateline(start):
        return True
    published = context.published
    if published is None or not date_value:
        return False
    same_day = date_value == published.isoformat()
    word = text.strip().lower()
    return same_day and (bool(_WEEKDAY.match(word)) or word in ("today", "this morning", "tonight"))


def subject_line(found: About, fragment: str) -> str:
    """The claim's subject: the structured line when the measure is known, else the
    extractor's phrase, led by the entity when the phrase does not name it."""
    if found.measure:
        return found.line
    fragment = " ".join(fragment.split())
    if found.entity and found.entity.lower() not in fragment.lower():
        return f"{found.entity}: {fragment}"
    return fragment
