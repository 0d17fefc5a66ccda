"""Which mentions state the same fact: profiles, candidate keys and scores.

Pure Python (no Django import, like comparison.py): claims.facts loads claims and facts, asks
this module what to do and writes the answer.

A mention's *profile* is a bag of weighted terms read around the figure:

* names: capitalised tokens ("Microsoft's" -> "microsoft"); a multi-word name counts as its
  words plus the joined name ("mistral ai"), so "Mistral" still meets "Mistral AI". A word
  capitalised only because it starts a sentence or a title is a name only when the article
  never writes it in lower case;
* words: the other content words, lightly stemmed ("investment", "invested", "investor" ->
  "invest"), minus a stop list of words every news story uses ("said", "company", "year");
* time: years and quarters the figure's sentence names ("in 2023", "Q3"): two mentions whose
  sentences name different periods never match.

Terms are weighted by where they come from: the extractor's subject and the figure's own
sentence weigh most (words fading with their distance from the figure), the previous sentence
less (more when a pronoun opens the figure's clause: "It put $10 billion into ..."), the article
title least; names weigh `Params.name_weight` times a content word.

A fact's profile is the sum of its members' profiles with their count, so its mean weights
describe what its mentions have in common. A mention is scored against a candidate fact with
the cosine of the two profiles, plus a bonus when a value agrees once normalised (rounding,
qualifiers, currency conversion), larger for more specific numbers ("$531 million" agreeing says
more than "$2 billion"). Disagreeing values are not penalised: "EUR 2 billion" must still be able
to join the "EUR 15 million" it contradicts, since flagging that is the point; but then the
names and the verb must agree: the mention must share a *head word* with the fact (a content
word next to the figure, its subject's words, with newsroom synonyms folded: "pumped into",
"invested in"). Kind and dimension must match, and sentences naming different years never do.

Within one article, each fact takes at most one figure (`assign`), so two facts of one article
never merge, apart from stated conversions (Claim.converts) and restatements of the same value
(`is_restatement`: the headline's "£4.2bn" and the lead's "£4.2 billion").
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from functools import cached_property, lru_cache
from itertools import islice

from claims import comparison
from claims.extraction.sentences import is_abbreviation
from claims.extraction.types import Kind, decimal_text
from claims.units import PEOPLE, dimension_of, dimensions_compatible

# --------------------------------------------------------------------------------------------
# Parameters: tuned on the seeds, tests/data/newsdev and articles/demo together, each corpus
# grouped in its given order and in five shuffled orders (matching is incremental, so the
# order articles arrive in matters); the threshold sits in the middle of the range where all
# three score alike.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Params:
    # Term weights by source; a term found in several sources keeps its largest weight.
    subject_weight: float = 1.2
    sentence_weight: float = 1.0
    previous_weight: float = 0.3
    title_weight: float = 0.3
    # A name counts this many times a content word; a joined multi-word name adds this share.
    name_weight: float = 2.5
    joined_name_weight: float = 0.5
    # When the figure's sentence opens with a pronoun ("It put $10 billion into ..."), the
    # previous sentence says who: it weighs this much instead.
    previous_weight_pronoun: float = 0.9
    # ... when the figure is within this many tokens of that pronoun (its own clause).
    pronoun_reach: int = 8
    # Words of the figure's sentence weigh less the further they are from it: full weight up
    # to `proximity_near` tokens away, then `proximity_slope` less per token, down to
    # `proximity_floor`. Names keep their weight (the subject often opens the sentence).
    proximity_near: int = 5
    proximity_slope: float = 0.05
    proximity_floor: float = 0.5
    name_proximity_floor: float = 0.8
    # Head words: content words this close to the figure, the subject's words, and the previous
    # sentence's when a pronoun opens the figure's clause. A candidate whose values all
    # disagree with the mention's must share one ("the names and the verb agree").
    head_reach: int = 4
    require_head: bool = True
    # "cosine" (products of weights: a term in both figures' own sentences counts far more
    # than one in both contexts) or "dice" (minimum of weights).
    similarity: str = "cosine"
    # Join the best candidate fact scoring at least this much.
    threshold: float = 0.38
    # Added to the score when a value agrees with one already in the fact (after rounding,
    # qualifiers and currency conversion): `agree_bonus` per significant digit of the vaguer
    # of the two, up to three ("$531 million" agreeing is strong evidence, "$2 billion" weak).
    # `near_bonus` when within `near_ratio` of one. Dates that differ lose `date_mismatch`.
    agree_bonus: float = 0.05
    near_bonus: float = 0.03
    near_ratio: float = 1.5
    date_mismatch: float = 0.3
    # Outlets misreport a count by a little (212 or 214 passengers) or by a slip of scale
    # (48,000 for 48 million), not by any factor: a count more than this many times off every
    # value of a fact, and no power of a thousand away from one, states another figure (the
    # 23,000 jobs one sector added beside the 412,000 of the whole economy, a party's 40 seats
    # beside another's 210).
    count_far_ratio: float = 2.0
    # A candidate must share a name of at least this weight (on both sides), if set.
    min_shared_name: float = 0.3
    # Two mentions whose stories (the names of the title and lead of their articles) share no
    # name are about different stories: "shares fell 19%" of one company is not "shares fell
    # 18%" of another, whatever else the sentences share.
    same_story: bool = True
    story_lead_chars: int = 400
    # Percentages are everywhere and their values are few: a percent joins a fact only with a
    # shared head word (even when the values agree: 35% of revenue is not a 36% share jump),
    # and a percent whose value disagrees needs this score.
    percent_head: bool = True
    percent_disagree_threshold: float = 0.6
    # When a mention has a candidate whose value agrees, candidates whose values disagree rank
    # this much lower: "about £4bn" belongs with "£4.3bn" (the deal), not "£4.9bn" (the
    # enterprise value), though both stories' words fit either.
    disagree_margin: float = 0.15
    # The same figure in the same unit word ("600,000 customers" twice) sharing a head word
    # adds this to the value bonus.
    same_figure_bonus: float = 0.12
    # Same-article restatements of one value ("£4.2bn" in the headline, "£4.2 billion" below)
    # join one fact together when their own sentences name nothing the other's context lacks.
    restatements: bool = True
    restatement_threshold: float = 0.2
    # Candidate search: keys per profile, facts read per key (newest first), facts scored.
    max_name_keys: int = 12
    max_word_keys: int = 8
    key_word_min_weight: float = 1.0
    posting_limit: int = 200
    candidate_limit: int = 40


DEFAULT_PARAMS = Params()


# --------------------------------------------------------------------------------------------
# Words
# --------------------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TIME_WORDS = _words(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december jan feb mar apr jun jul aug sep
    sept oct nov dec today yesterday tomorrow tonight morning evening night week weeks weekend
    month months year years decade decades quarter quarters annual annually daily weekly
    monthly yearly season late early mid"""
)
_FUNCTION_WORDS = _words(
    """a an the and or but nor so yet for of to in on at by as if than then that this these
    those there here where when while which who whom whose what why how it its it's itself he
    him his she her hers they them their theirs we us our ours you your yours i me my mine
    is are was were be been being am has have had having do does did doing done will would
    shall should can could may might must not no yes also too very much many more most less
    least few fewer some any all both each every either neither other another such same own
    only just even still already again ever never now once about around roughly nearly almost
    approximately over under above below between among into onto from with without within
    through during before after since until upon across against along toward towards up down
    out off per via amid despite though although because whether however meanwhile moreover
    instead rather well like unlike including include includes included according nobody
    everyone everybody everything someone somebody something anyone anybody anything nothing
    none whoever"""
)
# Words any news story uses: they say nothing about which fact a figure belongs to.
_NEWS_WORDS = _words(
    """said say says saying told tell tells added adds noted notes stated statement reported
    reports report announced announces announce according spokesman spokeswoman spokesperson
    company companies firm firms business businesses group groups people person persons one
    two three four five six seven eight nine ten eleven twelve first second third fourth fifth
    last next new old latest recent recently previous earlier later former current currently
    percent percentage per cent point points basis million millions billion billions trillion
    thousand thousands hundred hundreds dozen dozens half number numbers total figure figures
    amount time times part way lot made make makes making get gets got go goes going went come
    comes came take takes took put puts set sets see seen look looks looked expected expects
    expect likely able due near far high low big small large major top key main
    euro euros dollar dollars pound pounds sterling yen yuan pence cents cent usd eur gbp jpy
    chf cny mln bln bn"""
)
STOP_WORDS = _TIME_WORDS | _FUNCTION_WORDS | _NEWS_WORDS
# Capitalised words that are not names of anything a fact is about.
_NOT_NAMES = (
    _TIME_WORDS
    | _FUNCTION_WORDS
    | _words(
        """mr mrs ms dr prof sir ai inc ltd plc llc corp co sa ag nv se group holdings
        figure source note image photo reuters ap afp getty"""
    )
)
# Connectors inside a multi-word name ("Bank of Valdonia", "Carrow & Finch").
_NAME_CONNECTORS = _words("of & de du la le van von der del di")

_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-'’.&][A-Za-z0-9]+)*|&")
_POSSESSIVE = re.compile(r"['’]s?$")
# A country written by its initials, with or without full stops (the last one is dropped
# with the token's own full stop).
_COUNTRY_INITIALS = {
    **dict.fromkeys(("US", "U.S", "USA", "U.S.A"), "us"),
    **dict.fromkeys(("UK", "U.K"), "uk"),
}
_SENTENCE_OPENERS = set(".!?:;\"“”‘'([—–-\n")

_SUFFIXES = (
    "ations",
    "ation",
    "ments",
    "ment",
    "ings",
    "ing",
    "ions",
    "ion",
    "ors",
    "or",
    "ers",
    "er",
    "ies",
    "ied",
    "ed",
    "es",
    "s",
)


# Every profile stems every word it reads, mostly the same few thousand words again.
@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stemmer: "investment", "invested", "investing", "investors" -> "invest"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                word += "y"
            break
    # "planned" -> "plann" -> "plan"; "rises" / "rise" -> "ris".
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


# Words news stories use for one predicate, by the first word's stem: "pumped 15 million euros
# into" and "invested €2 billion in" state one fact. General newsroom vocabulary, not a list of
# any corpus's words.
_PREDICATE_SYNONYMS = (
    "invest investment investor pump inject injection pour plough plow stake commit commitment"
    " bankroll",
    "acquire acquisition buy bought purchase takeover",
    "death dead die died kill killing toll fatality fatalities",
    "injure injured injury injuries wounded",
    "revenue sale sales turnover",
    "profit earnings income",
    "employ employee employees staff workforce headcount",
    "valuation value valued worth",
    "raise raised",
    "saving savings synergy synergies",
    "homeless displaced evacuated evacuee evacuees",
)


def _synonym_table() -> dict[str, str]:
    table = {}
    for line in _PREDICATE_SYNONYMS:
        words = line.split()
        canonical = stem(words[0])
        for word in words:
            table.setdefault(stem(word), canonical)
    return table


_SYNONYMS = _synonym_table()


def canonical(word: str) -> str:
    """The stem of a lower-case word, predicate synonyms folded together."""
    stemmed = stem(word)
    return _SYNONYMS.get(stemmed, stemmed)


# --------------------------------------------------------------------------------------------
# What is compared with what
# --------------------------------------------------------------------------------------------


def key_space(kind: str, dimension: str) -> str:
    """The prefix of candidate keys: the dimension, but one space for all counts (a count
    without a unit must find counts of people, seats, ...)."""
    return Kind.COUNT.value if kind == Kind.COUNT else dimension


# --------------------------------------------------------------------------------------------
# Mentions and articles
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Mention:
    """What matching needs of one claim."""

    id: int
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    text: str
    kind: str
    unit: str
    number: Decimal | None
    number_high: Decimal | None
    date: str
    qualifier: str
    subject: str
    converts_id: int | None = None

    @property
    def dimension(self) -> str:
        return dimension_of(self.kind, self.unit)

    @property
    def value_key(self) -> tuple:
        """Equal for two mentions stating the same value in the same unit."""
        return (self.kind, self.unit.lower(), self.number, self.number_high, self.date)


@dataclass(frozen=True)
class Profile:
    names: dict[str, float] = field(default_factory=dict)
    words: dict[str, float] = field(default_factory=dict)
    years: frozenset[str] = frozenset()
    quarters: frozenset[str] = frozenset()
    # How each name is written, for subjects a reviewer reads ("microsoft" -> "Microsoft").
    display: dict[str, str] = field(default_factory=dict)
    # The names of the figure's own sentence and subject, for same-article restatements.
    own_names: frozenset[str] = frozenset()
    # Words saying what the figure measures ("invest", "toll", "revenu").
    heads: frozenset[str] = frozenset()
    # The names of the story: the article's title and lead ("Vardhan", "Ashcombe").
    story: frozenset[str] = frozenset()

    @cached_property
    def squares(self) -> tuple[float, float]:
        """The sums of the squared weights of its names and of its words: a profile is scored
        against many others, its norm worked out once."""
        return sum(w * w for w in self.names.values()), sum(w * w for w in self.words.values())

    def merged(self, other: Profile) -> Profile:
        """The larger weight of each term: one profile for a group of mentions."""
        return Profile(
            names=_max_merge(self.names, other.names),
            words=_max_merge(self.words, other.words),
            years=self.years | other.years,
            quarters=self.quarters | other.quarters,
            display={**other.display, **self.display},
            own_names=self.own_names | other.own_names,
            heads=self.heads | other.heads,
            story=self.story | other.story,
        )


def _max_merge(a: Mapping[str, float], b: Mapping[str, float]) -> dict[str, float]:
    merged = dict(a)
    for term, weight in b.items():
        if weight > merged.get(term, 0.0):
            merged[term] = weight
    return merged


_YEAR = re.compile(r"(?<![\d.,$€£¥])(?:19|20)\d{2}(?![\d,]|\.\d|s\b)")
_QUARTER = re.compile(
    r"\b(?:Q([1-4])|(first|second|third|fourth)[- ]quarter|([1-4])(?:st|nd|rd|th)[- ]quarter)\b",
    re.IGNORECASE,
)
_ORDINALS = {"first": "1", "second": "2", "third": "3", "fourth": "4"}
# "fiscal 2025", "fiscal year 2025", "FY 2025": a company's year, which outlets also name by
# the calendar year it mostly falls in (a fiscal 2025 ending in January 2025 is 2024).
_FISCAL = re.compile(r"(?:\b(?:fiscal|financial)(?:[\s-]+year)?|\bFY)\s*$", re.IGNORECASE)


def _calendar(years: frozenset[str]) -> set[str]:
    """The calendar years a sentence's years may be: a fiscal year is itself or the year
    before."""
    found = set()
    for year in years:
        if year.startswith("fiscal "):
            number = int(year.split()[1])
            found |= {str(number), str(number - 1)}
        else:
            found.add(year)
    return found


# "since 2021" dates a comparison, not the figure; "MWC 2024" is a label.
_NOT_A_PERIOD = re.compile(r"(?:\bsince|\bsinc|\bfrom|[A-Z][A-Za-z]*)\s+$")
_MONTHS = _words(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec"""
)
# The opening summary (ArticleText.summary_end): lines read, and the length of one of its lines.
_SUMMARY_LINES = 4
_SUMMARY_CHARS = 220
_CLOSING = frozenset(".!?\"'”’)")
# A full stop inside a line: more than one sentence.
_INNER_STOP = re.compile(r"[.!?][\"'”’)]*\s+[A-Z]")
# "in Kessick", "across the Dorvan Valley": a place (capitalised words after the preposition).
_IN_PLACE = re.compile(r"\b(?:in|across|throughout)\s+(?:the\s+)?((?:[A-Z][\w'’-]*\s?)+)")
_PREVIOUS_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+|\n+")


# The kinds of terms a text is read into (ArticleText._terms_of).
_NAME, _JOINED, _WORD = 0, 1, 2


class ArticleText:
    """An article's text with what profiles need to know about it, computed once."""

    @staticmethod
    @lru_cache(maxsize=128)
    def of(body: str, title: str, params: Params = DEFAULT_PARAMS) -> ArticleText:
        """The article's text as read before in this process, if it was: grouping reads a
        story's articles again each time their facts are refreshed or regrouped, and what
        is read depends only on the text, the title and the params."""
        return ArticleText(body, title, params=params)

    def __init__(
        self,
        body: str,
        title: str = "",
        figure_spans: Iterable[tuple[int, int]] = (),
        params: Params = DEFAULT_PARAMS,
    ):
        self.body = body
        self.params = params
        self.title = title or ""
        self.figure_spans = sorted(figure_spans)
        first_line = body.lstrip().split("\n", 1)[0].strip()
        # Where the body opens with its headline, as most news pages do.
        self.headline_end = (
            body.index(first_line) + len(first_line)
            if first_line and self.title and _same_words(first_line, self.title)
            else 0
        )
        lower = {t for t in _TOKEN.findall(body) if t[0].islower()}
        lower.update(_TOKEN.findall(self.title.lower()) if self.title.islower() else ())
        # Words the article also writes in lower case are not names when capitalised.
        self.lowercase = lower | {stem(t) for t in lower}
        self._profiles: dict[tuple[str, float, bool], Profile] = {}
        self._terms: dict[tuple[str, bool], tuple[list[int], list[int], list]] = {}
        self._previous: dict[int, str] = {}
        self._mentions: dict[tuple[int, int, int, int, str], Profile] = {}

    @cached_property
    def story_names(self) -> frozenset[str]:
        """The names of the title and the lead (the opening of the body after the headline):
        whom the story is about. Single names only."""
        start = self.headline_end
        lead = self.body[start : start + self.params.story_lead_chars]
        lead = lead.rsplit(" ", 1)[0] if len(lead) == self.params.story_lead_chars else lead
        names = set(self.title_profile.names) | set(self.profile_of(lead, 1.0).names)
        return frozenset(name for name in names if " " not in name) | self.places

    @cached_property
    def places(self) -> frozenset[str]:
        """Single names the article writes as where things happen ("in Kessick", "across
        Dorvan"): an outlet opening with a governor's promise still tells its town's story."""
        found = set()
        for match in _IN_PLACE.finditer(self.body):
            for word in match.group(1).split():
                lower = _POSSESSIVE.sub("", word).lower()
                if lower not in _NOT_NAMES and lower not in self.lowercase and len(lower) > 1:
                    found.add(lower)
        return frozenset(found)

    @cached_property
    def title_profile(self) -> Profile:
        return self.profile_of(self.title, 1.0, title_case=True)

    def previous_sentence(self, sentence_start: int) -> str:
        # The figures of one sentence share the sentence before it: found once.
        found = self._previous.get(sentence_start)
        if found is None:
            found = self._previous[sentence_start] = self._read_previous_sentence(sentence_start)
        return found

    @cached_property
    def scaled_title_profile(self) -> Profile:
        """The title's profile as every mention's profile weighs it (mention_profile)."""
        return _scaled(self.title_profile, self.params.title_weight)

    def _read_previous_sentence(self, sentence_start: int) -> str:
        window_start = max(0, sentence_start - 600)
        chunk = self.body[window_start:sentence_start].rstrip()
        last = None
        for match in _PREVIOUS_BOUNDARY.finditer(chunk):
            if match.group()[:2].rstrip() == "." and is_abbreviation(chunk, match.start()):
                continue  # "Representatives of Tallow Corp. said ...": one sentence
            if match.end() < len(chunk):
                last = match
        return chunk[last.end() :] if last else chunk

    def profile_of(
        self,
        text: str,
        weight: float,
        *,
        title_case: bool = False,
        anchor: tuple[int, int] | None = None,
    ) -> Profile:
        """Names and words of `text`, each with `weight`; words lose weight with their
        distance in tokens from `anchor` (offsets of the figure in `text`), if given.

        Without an anchor the profile is read once per text and weight: the figures of one
        sentence share the sentence before it. Callers never change a profile they get."""
        if anchor is not None:
            return self._read_profile(text, weight, title_case, anchor)
        key = (text, weight, title_case)
        profile = self._profiles.get(key)
        if profile is None:
            profile = self._profiles[key] = self._read_profile(text, weight, title_case, None)
        return profile

    def _read_profile(
        self, text: str, weight: float, title_case: bool, anchor: tuple[int, int] | None
    ) -> Profile:
        names: dict[str, float] = {}
        words: dict[str, float] = {}
        display: dict[str, str] = {}
        heads: set[str] = set()
        starts, ends, terms = self._terms_of(text, title_case)
        if anchor is not None:
            before = bisect_right(ends, anchor[0])  # tokens ending before the figure
            after = bisect_left(starts, anchor[1])  # tokens starting before its end
            params = self.params
        joined_weight = weight * self.params.joined_name_weight
        for kind, term, shown, position in terms:
            if kind == _JOINED:
                names[term] = max(names.get(term, 0.0), joined_weight)
                display.setdefault(term, shown)
                continue
            word_weight = name_weight = weight
            distance = 0
            if anchor is not None:
                distance = before - position if position < before else max(0, position - after + 1)
                proximity = self._proximity(distance)
                word_weight = weight * proximity
                name_weight = weight * max(params.name_proximity_floor, proximity)
            if kind == _NAME:
                names[term] = max(names.get(term, 0.0), name_weight)
                display.setdefault(term, shown)
            else:
                words[term] = max(words.get(term, 0.0), word_weight)
                if anchor is not None and distance <= params.head_reach:
                    heads.add(_SYNONYMS.get(term, term))
        return Profile(names=names, words=words, display=display, heads=frozenset(heads))

    def _terms_of(
        self, text: str, title_case: bool
    ) -> tuple[list[int], list[int], list[tuple[int, str, str, int]]]:
        """The tokens' starts and ends in `text`, and its terms in reading order: each name
        (_NAME), name of several words (_JOINED) and word (_WORD), as written, with the
        position of its token. What they weigh depends on the figure's place in the text: the
        terms of a sentence are read once for all its figures."""
        key = (text, title_case)
        found = self._terms.get(key)
        if found is not None:
            return found
        terms: list[tuple[int, str, str, int]] = []
        tokens = list(_TOKEN.finditer(text))
        capitals = sum(1 for t in tokens if t.group()[0].isupper())
        # A headline in Title Case capitalises every word.
        title_case = title_case or (len(tokens) >= 4 and capitals >= 0.6 * len(tokens))
        run: list[str] = []
        run_display: list[str] = []
        previous_end = 0

        def close_run() -> None:
            while run and run[-1] in _NAME_CONNECTORS:
                run.pop()
                run_display.pop()
            parts = [p for p in run if p not in _NAME_CONNECTORS]
            if len(parts) > 1:
                terms.append((_JOINED, " ".join(run), " ".join(run_display), 0))
            run.clear()
            run_display.clear()

        for position, match in enumerate(tokens):
            raw = match.group()
            start = match.start()
            gap = text[previous_end:start] if previous_end != start else ""
            gap_end = previous_end
            previous_end = match.end()
            if run and gap and not gap.isspace():
                # Punctuation between two capitalised words ends a name ("Google, Amazon").
                close_run()
            connector, parts = _token_reading(raw)
            if connector:
                if run:
                    run.append(raw.lower())
                    run_display.append(raw)
                continue
            if not parts:
                continue
            initial = None  # whether the token opens a sentence: asked of capitals only
            for part_raw, lower, country, word in parts:
                if country:  # "U.S." and "US" are one name, never the pronoun "us"
                    run.append(country)
                    run_display.append(part_raw)
                    terms.append((_NAME, country, part_raw, position))
                    continue
                if part_raw[0].isupper():
                    if initial is None:
                        # The last character before this token that is not white space (""
                        # at the start). Found from the gap, not by stripping all the text
                        # before: that made a sentence of a million characters take a minute.
                        before = gap.rstrip()[-1:] or text[max(0, gap_end - 1) : gap_end]
                        initial = not before or before in _SENTENCE_OPENERS
                    if self._is_name(lower, initial or title_case):
                        run.append(lower)
                        run_display.append(part_raw)
                        terms.append((_NAME, lower, part_raw, position))
                        continue
                if run:  # most words close no name: no call for them
                    close_run()
                if word:
                    terms.append((_WORD, word, "", position))
                initial = False
        close_run()
        found = self._terms[key] = ([t.start() for t in tokens], [t.end() for t in tokens], terms)
        return found

    def _proximity(self, distance: int) -> float:
        params = self.params
        extra = max(0, distance - params.proximity_near)
        return max(params.proximity_floor, 1.0 - params.proximity_slope * extra)

    def in_headline(self, mention: Mention) -> bool:
        return mention.end <= self.headline_end

    @cached_property
    def summary_end(self) -> int:
        """Where the article's opening summary ends: the headline, then a standfirst (a line
        closing with no full stop) or a list of points (two or three short paragraphs of one
        sentence each) opening the body. A summary restates in few words what the body tells
        with its sources and places: "Some 18,000 cars crossed the bridge each day" is the
        body's "18,000 cars per day, according to the transport authority"."""
        end = self.headline_end
        points: list[int] = []
        for line in islice(re.finditer(r"[^\n]+", self.body[end:]), _SUMMARY_LINES):
            text = line.group().strip()
            if not text:
                continue
            closed = text[-1] in _CLOSING
            if not closed and not points and len(text) <= _SUMMARY_CHARS:
                end = self.headline_end + line.end()  # a standfirst
                continue
            if closed and len(text) <= _SUMMARY_CHARS and not _INNER_STOP.search(text):
                points.append(self.headline_end + line.end())
                continue
            break
        return points[-1] if len(points) >= 2 else end

    def in_summary(self, mention: Mention) -> bool:
        return mention.end <= self.summary_end

    def _is_name(self, lower: str, ambiguous: bool) -> bool:
        if lower in _NOT_NAMES or len(lower) < 2:
            return False
        # At the start of a sentence or in a Title Case headline, a capital proves nothing.
        return not (ambiguous and (lower in self.lowercase or stem(lower) in self.lowercase))

    def time_terms(self, mention: Mention) -> tuple[frozenset[str], frozenset[str]]:
        """Years and quarters the mention's sentence names for it, outside other figures."""
        sentence = self.body[mention.sentence_start : mention.sentence_end]
        years = set()
        for match in _YEAR.finditer(sentence):
            start = mention.sentence_start + match.start()
            end = mention.sentence_start + match.end()
            if start < mention.end and mention.start < end:
                continue  # the figure itself ("founded in 2023")
            before = sentence[: match.start()]
            tail = before.rstrip().rsplit(None, 1)[-1].lower() if before.strip() else ""
            if _NOT_A_PERIOD.search(before) and tail.strip(".") not in _MONTHS:
                continue
            years.add(("fiscal " if _FISCAL.search(before) else "") + match.group())
        quarters = {
            "q" + (m.group(1) or _ORDINALS.get((m.group(2) or "").lower()) or m.group(3))
            for m in _QUARTER.finditer(sentence)
        }
        return frozenset(years), frozenset(quarters)


def mention_profile(article: ArticleText, mention: Mention) -> Profile:
    """The weighted terms around a mention: subject, own sentence, previous sentence, title.

    Read once per place and subject in the article (a fact refreshed or regrouped reads its
    members again); callers never change a profile they get."""
    key = (
        mention.start,
        mention.end,
        mention.sentence_start,
        mention.sentence_end,
        mention.subject,
    )
    found = article._mentions.get(key)
    if found is None:
        found = article._mentions[key] = _read_mention_profile(article, mention)
    return found


def _read_mention_profile(article: ArticleText, mention: Mention) -> Profile:
    params = article.params
    sentence = article.body[mention.sentence_start : mention.sentence_end]
    anchor = (mention.start - mention.sentence_start, mention.end - mention.sentence_start)
    own = article.profile_of(sentence, params.sentence_weight, anchor=anchor)
    subject = article.profile_of(mention.subject, params.subject_weight)
    opener = _pronoun_opener(sentence)
    near = opener is not None and len(_TOKEN.findall(sentence[: anchor[0]])) - opener <= (
        params.pronoun_reach
    )
    previous_weight = params.previous_weight_pronoun if near else params.previous_weight
    previous = article.profile_of(
        article.previous_sentence(mention.sentence_start), previous_weight
    )
    title = article.scaled_title_profile
    # own.merged(subject).merged(previous).merged(title), in one pass: only the terms kept.
    names = dict(own.names)
    words = dict(own.words)
    for other in (subject, previous, title):
        for term, weight in other.names.items():
            if weight > names.get(term, 0.0):
                names[term] = weight
        for term, weight in other.words.items():
            if weight > words.get(term, 0.0):
                words[term] = weight
    display = {**title.display, **previous.display, **subject.display, **own.display}
    years, quarters = article.time_terms(mention)
    heads = own.heads | frozenset(_SYNONYMS.get(w, w) for w in subject.words)
    if near:
        heads |= frozenset(_SYNONYMS.get(w, w) for w in previous.words)
    return Profile(
        names=names,
        words=words,
        years=years,
        quarters=quarters,
        display=display,
        own_names=frozenset(own.names) | frozenset(subject.names),
        heads=heads,
        story=article.story_names,
    )


_PRONOUNS = _words("it its they their them he his she her this these those such")
# "The company invested €2 billion": who invested is in the sentence before.
_STAND_INS = _words(
    """company firm group startup start-up business bank lender insurer carrier deal
    agreement investment government ministry club team party board"""
)


# Profiles read the same words in every sentence: each token's form is worked out once.
@lru_cache(maxsize=65536)
def _token_parts(raw: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A token without its possessive and full stop, and its parts: a hyphenated token as
    its parts ("Microsoft-Mistral", "multi-year" + "multiyear"), kept whole when a part is a
    number ("GPT-4", "COVID-19")."""
    token = _POSSESSIVE.sub("", raw).rstrip(".")
    if "-" not in token or any(p[:1].isdigit() for p in token.split("-")):
        return token, ((token, token),)
    parts = [(p, p) for p in token.split("-") if p]
    if all(p.islower() for p, _ in parts):
        joined = "".join(p for p, _ in parts)
        parts.append((joined, joined))
    return token, tuple(parts)


# What a token reads as wherever it stands: a name connector ("of", "&"), or its parts, each
# as written, in lower case, as a country's initials, and as the word it counts as (stemmed;
# "" for a stop word or a number): the same words come again in every sentence.
@lru_cache(maxsize=65536)
def _token_reading(raw: str) -> tuple[bool, tuple[tuple[str, str, str | None, str], ...]]:
    if raw == "&" or (raw.islower() and raw in _NAME_CONNECTORS):
        return True, ()
    token, parts = _token_parts(raw)
    if not token:
        return False, ()
    read = []
    for part, part_raw in parts:
        lower = part.lower()
        word = ""
        if lower.isalpha() and len(lower) >= 3 and lower not in STOP_WORDS:
            stemmed = stem(lower)
            if stemmed not in STOP_WORDS:
                word = stemmed
        read.append((part_raw, lower, _COUNTRY_INITIALS.get(part_raw), word))
    return False, tuple(read)


def _pronoun_opener(sentence: str) -> int | None:
    """How many tokens the pronoun subject opening `sentence` takes ("It" 1, "The company"
    2), or None when it opens otherwise."""
    words = [t.lower() for t in _TOKEN.findall(sentence[:80])]
    if words and words[0] in _PRONOUNS:
        return 1
    if len(words) > 1 and words[0] in ("the", "this") and words[1] in _STAND_INS:
        return 2
    return None


def _same_words(a: str, b: str) -> bool:
    return [t.lower() for t in _TOKEN.findall(a)] == [t.lower() for t in _TOKEN.findall(b)]


def _scaled(profile: Profile, factor: float) -> Profile:
    return Profile(
        names={t: w * factor for t, w in profile.names.items()},
        words={t: w * factor for t, w in profile.words.items()},
        display=profile.display,
    )


# --------------------------------------------------------------------------------------------
# Fact profiles: stored as JSON in Fact.terms
# --------------------------------------------------------------------------------------------

_MAX_VALUES = 12
_MAX_TERMS = 80


def empty_terms() -> dict:
    return {
        "n": 0,
        "names": {},
        "words": {},
        "heads": [],
        "story": [],
        "years": [],
        "quarters": [],
        "display": {},
    }


def add_to_terms(terms: Mapping, profile: Profile, values: Sequence[Mapping] = ()) -> dict:
    """The fact's terms with one more member profile (and the values it states) added."""
    result = {**empty_terms(), **terms}
    result["n"] = int(result["n"]) + 1
    for part in ("names", "words"):
        sums = dict(result[part])
        for term, weight in getattr(profile, part).items():
            sums[term] = round(sums.get(term, 0.0) + weight, 4)
        # Bounded: keep the terms with the most weight.
        if len(sums) > _MAX_TERMS:
            sums = dict(sorted(sums.items(), key=lambda item: -item[1])[:_MAX_TERMS])
        result[part] = sums
    result["heads"] = sorted(set(result["heads"]) | profile.heads)[:_MAX_TERMS]
    result["story"] = sorted(set(result["story"]) | profile.story)[:_MAX_TERMS]
    result["years"] = sorted(set(result["years"]) | profile.years)
    result["quarters"] = sorted(set(result["quarters"]) | profile.quarters)
    display = dict(result["display"])
    for term in profile.names:
        if term in profile.display:
            display.setdefault(term, profile.display[term])
    result["display"] = {t: d for t, d in display.items() if t in result["names"]}
    stored = list(result.get("values", []))
    for value in values:
        if len(stored) < _MAX_VALUES and value not in stored:
            stored.append(dict(value))
    result["values"] = stored
    return result


def mean_profile(terms: Mapping) -> Profile:
    """The fact's profile as one mention's: mean weights of its members."""
    count = max(int(terms.get("n", 0)), 1)
    return Profile(
        names=mean_names(terms),
        words={t: w / count for t, w in terms.get("words", {}).items()},
        years=frozenset(terms.get("years", ())),
        quarters=frozenset(terms.get("quarters", ())),
        display=dict(terms.get("display", {})),
        heads=frozenset(terms.get("heads", ())),
        story=frozenset(terms.get("story", ())),
    )


def mean_names(terms: Mapping) -> dict[str, float]:
    """The mean weight of each name of a fact's profile (mean_profile's names)."""
    count = max(int(terms.get("n", 0)), 1)
    return {t: w / count for t, w in terms.get("names", {}).items()}


def value_record(mention: Mention, *, on: date | None) -> dict:
    """A mention's value as stored in Fact.terms["values"] (JSON)."""
    return {
        "kind": mention.kind,
        "number": _text(mention.number),
        "high": _text(mention.number_high),
        "unit": mention.unit,
        "date": mention.date,
        "qualifier": mention.qualifier,
        "text": mention.text,
        "on": on.isoformat() if on else None,
    }


def _text(number: Decimal | None) -> str | None:
    return None if number is None else decimal_text(number)


def reading_of_value(value: Mapping, *, label: str = "") -> comparison.Reading:
    # A fact's values are read again for every mention scored against it, and its summary
    # for every agreement: each different value is parsed once (a Reading is immutable, so
    # one object serves every caller).
    return _reading_of_value(
        value["kind"],
        value.get("number"),
        value.get("high"),
        value.get("unit"),
        value.get("qualifier"),
        value.get("text"),
        value.get("on"),
        value.get("date"),
        label,
    )


@lru_cache(maxsize=32768)
def _reading_of_value(
    kind: str,
    number: str | None,
    high: str | None,
    unit: str | None,
    qualifier: str | None,
    text: str | None,
    on: str | None,
    iso_date: str | None,
    label: str,
) -> comparison.Reading:
    return comparison.Reading(
        number=Decimal(number) if number is not None else None,
        number_high=Decimal(high) if high is not None else None,
        unit=unit or None,
        kind=kind,
        qualifier=qualifier or "exact",
        text=text or "",
        on=date.fromisoformat(on) if on else None,
        label=label,
        iso_date=iso_date or None,
    )


def candidate_keys(profile: Profile, space: str, params: Params = DEFAULT_PARAMS) -> list[str]:
    """The keys a profile is found by and searches with: "money|mistral", "money|invest"."""
    names = sorted(profile.names.items(), key=lambda item: (-item[1], item[0]))
    words = sorted(
        ((t, w) for t, w in profile.words.items() if w >= params.key_word_min_weight),
        key=lambda item: (-item[1], item[0]),
    )
    terms = [t for t, _ in names[: params.max_name_keys]]
    terms += [t for t, _ in words[: params.max_word_keys]]
    return [f"{space}|{term}"[:120] for term in dict.fromkeys(terms)]


# --------------------------------------------------------------------------------------------
# Scores
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    total: float
    overlap: float
    value_bonus: float
    shared_names: tuple[str, ...]
    shared_words: tuple[str, ...]
    # Whether a value agrees with one of the fact's (after rounding, qualifiers, conversion).
    agrees: bool = False

    def describe(self) -> str:
        names = ", ".join(self.shared_names[:5]) or "none"
        words = ", ".join(self.shared_words[:5]) or "none"
        return (
            f"score {self.total:.2f} (overlap {self.overlap:.2f}, value {self.value_bonus:+.2f};"
            f" names {names}; words {words})"
        )


def time_conflict(a: Profile, b: Profile) -> bool:
    """Both sentences name years (or quarters) for the figure, and none in common."""
    if a.years and b.years and not _calendar(a.years) & _calendar(b.years):
        return True
    return bool(a.quarters and b.quarters and not a.quarters & b.quarters)


def overlap(a: Profile, b: Profile, params: Params = DEFAULT_PARAMS) -> tuple[float, list, list]:
    """Similarity of two profiles in [0, 1], names counting `name_weight` times a word, with
    the shared names and words, strongest first."""
    shared_names = [t for t in a.names if t in b.names]
    shared_words = [t for t in a.words if t in b.words]
    shared_names.sort(key=lambda t: -min(a.names[t], b.names[t]))
    shared_words.sort(key=lambda t: -min(a.words[t], b.words[t]))
    n = params.name_weight
    if params.similarity == "cosine":
        dot = n * n * sum(a.names[t] * b.names[t] for t in shared_names)
        dot += sum(a.words[t] * b.words[t] for t in shared_words)
        (a_names, a_words), (b_names, b_words) = a.squares, b.squares
        norm_a = n * n * a_names + a_words
        norm_b = n * n * b_names + b_words
        if not norm_a or not norm_b:
            return 0.0, [], []
        return dot / (norm_a * norm_b) ** 0.5, shared_names, shared_words
    common = n * sum(min(a.names[t], b.names[t]) for t in shared_names)
    common += sum(min(a.words[t], b.words[t]) for t in shared_words)
    size = n * (sum(a.names.values()) + sum(b.names.values()))
    size += sum(a.words.values()) + sum(b.words.values())
    if not size:
        return 0.0, [], []
    return 2 * common / size, shared_names, shared_words


def value_bonus(
    reading: comparison.Reading | None,
    values: Sequence[Mapping],
    params: Params = DEFAULT_PARAMS,
    overrides: comparison.RateOverrides | None = None,
) -> float:
    """Evidence from the values: agreeing with one of the fact's, or near one."""
    return value_evidence(reading, values, params, overrides)[0]


def value_evidence(
    reading: comparison.Reading | None,
    values: Sequence[Mapping],
    params: Params = DEFAULT_PARAMS,
    overrides: comparison.RateOverrides | None = None,
    compared: Compared | None = None,
) -> tuple[float, bool, bool]:
    """The value bonus, whether a value agrees, and whether one is the same figure in the
    same unit word ("600,000 customers" and "600,000 customers"). `compared`, if given, holds
    the comparisons of `reading` with `values` under `overrides` (made once, see Compared)."""
    if reading is None or not values:
        return 0.0, False, False
    best = None
    agrees = same_figure = False
    for _, other, result in compared or Compared(reading, values, overrides):
        if not result.comparable:
            continue
        if result.overlap:
            agrees = True
            digits = min(significant_digits(reading), significant_digits(other))
            bonus = params.agree_bonus * min(max(digits, 1), 3)
            same_figure = same_figure or (
                bool(reading.unit)
                and (reading.unit or "").lower() == (other.unit or "").lower()
                and (reading.number, reading.number_high) == (other.number, other.number_high)
            )
        elif reading.kind == Kind.DATE:
            bonus = -params.date_mismatch
        elif result.ratio is not None and result.ratio > 0:
            ratio = float(result.ratio)
            bonus = params.near_bonus if max(ratio, 1 / ratio) <= params.near_ratio else 0.0
        else:
            bonus = 0.0
        best = bonus if best is None else max(best, bonus)
    return best or 0.0, agrees, same_figure


def disagrees(
    reading: comparison.Reading | None,
    values: Sequence[Mapping],
    overrides: comparison.RateOverrides | None = None,
    compared: Compared | None = None,
) -> bool:
    """Whether joining would make the fact disputed: the value can be compared with the
    fact's values and agrees with none of them. A date must agree with every date of the fact:
    "early May" fits both "May 2" and "May 6", which are still two days."""
    if reading is None:
        return False
    any_compared = agreed = False
    for _, _, result in compared or Compared(reading, values, overrides):
        if not result.comparable:
            continue
        if not result.agree and reading.kind == Kind.DATE:
            return True
        any_compared = True
        agreed = agreed or bool(result.overlap)
    return any_compared and not agreed


class Compared:
    """A reading compared with each of a fact's values (in the reading's unit, see
    _in_unit_of) under given rate overrides: each comparison is made once, when first
    needed, however many questions (agreement, disagreement, distance) are asked of them.
    Iterating gives (the value read, the value in the reading's unit, the comparison)."""

    __slots__ = ("_done", "overrides", "reading", "values")

    def __init__(
        self,
        reading: comparison.Reading,
        values: Sequence[Mapping],
        overrides: comparison.RateOverrides | None = None,
    ) -> None:
        self.reading = reading
        self.values = values
        self.overrides = overrides
        self._done: list[tuple[comparison.Reading, comparison.Reading, comparison.Comparison]] = []

    def __iter__(
        self,
    ) -> Iterator[tuple[comparison.Reading, comparison.Reading, comparison.Comparison]]:
        done = self._done
        for index, value in enumerate(self.values):
            if index == len(done):
                read = reading_of_value(value)
                other = _in_unit_of(self.reading, read)
                result = comparison.compare(self.reading, other, overrides=self.overrides)
                done.append((read, other, result))
            yield done[index]


def far_off_count(
    reading: comparison.Reading | None,
    values: Sequence[Mapping],
    params: Params = DEFAULT_PARAMS,
    overrides: comparison.RateOverrides | None = None,
    compared: Compared | None = None,
) -> bool:
    """Whether a count is too far from every value of a fact to misreport it: further than
    `count_far_ratio` from each, and none of them a power of a thousand away (a slip of
    scale: thousand for million). `compared`, if given, holds the comparisons of `reading`
    with `values` under `overrides` (see Compared)."""
    if reading is None or reading.kind != Kind.COUNT or not params.count_far_ratio:
        return False
    if compared is None:
        compared = Compared(reading, values, overrides)
    any_compared = False
    for _read, _other, result in compared:
        if not result.comparable:
            continue
        if result.overlap or result.ratio is None or result.ratio <= 0:
            return False
        any_compared = True
        ratio = max(float(result.ratio), 1 / float(result.ratio))
        if ratio <= params.count_far_ratio:
            return False
        scale = 1000 ** round(math.log(ratio, 1000))
        if scale > 1 and abs(ratio / scale - 1) <= 0.05:
            return False
    return any_compared


def _in_unit_of(reading: comparison.Reading, other: comparison.Reading) -> comparison.Reading:
    """`other` in `reading`'s unit when both count one population under two nouns ("11,500
    people" and "11,500 employees", or a count without a unit), which comparison.py does not
    convert; else `other` itself."""
    if reading.kind != Kind.COUNT or other.kind != Kind.COUNT or reading.unit == other.unit:
        return other
    if dimensions_compatible(
        Kind.COUNT,
        dimension_of(Kind.COUNT, reading.unit),
        Kind.COUNT,
        dimension_of(Kind.COUNT, other.unit),
    ):
        return replace(other, unit=reading.unit)
    return other


def significant_digits(reading: comparison.Reading) -> int:
    """How specific a value is: 3 for "$531 million", 1 for "$2 billion"; for dates 3 (day),
    2 (month) or 1 (year)."""
    if reading.kind == Kind.DATE:
        return len((reading.iso_date or "").split("-")) if reading.iso_date else 1
    if reading.number is None or reading.number == 0:
        return 1
    return _significant_digits(str(reading.number), reading.text)


# Asked of a mention's value for every candidate fact, and of each fact's values for every
# mention: each number as written is read once.
@lru_cache(maxsize=16384)
def _significant_digits(written: str, text: str) -> int:
    number = abs(Decimal(written))
    try:
        place = comparison.stated_precision(text, number)
    except (ArithmeticError, ValueError):
        return 1
    return max(1, number.adjusted() - place.adjusted() + 1)


def score(
    profile: Profile,
    fact_terms: Mapping,
    reading: comparison.Reading | None,
    params: Params = DEFAULT_PARAMS,
    overrides: comparison.RateOverrides | None = None,
    compared: Compared | None = None,
    fact_profile: Profile | None = None,
) -> Score | None:
    """How well a mention fits a fact; None when it cannot belong to it at all. `compared`,
    if given, holds the comparisons of `reading` with the fact's values (see Compared);
    `fact_profile`, the fact's mean_profile (read once for all the mentions scored)."""
    if fact_profile is None:
        fact_profile = mean_profile(fact_terms)
    if time_conflict(profile, fact_profile):
        return None
    stories = profile.story and fact_profile.story
    if params.same_story and stories and not profile.story & fact_profile.story:
        return None  # different stories
    similarity, shared_names, shared_words = overlap(profile, fact_profile, params)
    if similarity + 3 * params.agree_bonus + params.same_figure_bonus < params.threshold:
        return None  # not even the largest value bonus would make it
    if params.min_shared_name and not any(
        min(profile.names[t], fact_profile.names[t]) >= params.min_shared_name * 0.999
        for t in shared_names
    ):
        return None
    values = fact_terms.get("values", ())
    if reading is not None and compared is None:
        compared = Compared(reading, values, overrides)
    if far_off_count(reading, values, params, overrides, compared):
        return None
    bonus, agrees, same_figure = value_evidence(reading, values, params, overrides, compared)
    shared_head = bool(profile.heads & fact_profile.heads)
    if params.require_head and bonus <= 0 and not shared_head:
        # The values disagree (or cannot be compared): only the same verb or noun next to
        # the figure can say it is the same fact misreported.
        return None
    percent = reading is not None and reading.kind == Kind.PERCENT
    if percent and params.percent_head and not shared_head:
        return None
    if same_figure and shared_head:
        bonus += params.same_figure_bonus
    total = similarity + bonus
    if percent and not agrees and total < params.percent_disagree_threshold:
        return None
    return Score(total, similarity, bonus, tuple(shared_names), tuple(shared_words), agrees=agrees)


def same_value(a: Mention, b: Mention, *, on: date | None = None) -> bool:
    """Whether two mentions of one article state the same value: equal numbers (a count
    without a unit fits any), or money in two currencies agreeing at the day's rate."""
    if a.kind != b.kind:
        return False
    units_fit = a.unit.lower() == b.unit.lower() or (
        a.kind == Kind.COUNT and (not (a.unit and b.unit) or a.dimension == b.dimension == PEOPLE)
    )
    if units_fit:
        return (a.number, a.number_high, a.date) == (b.number, b.number_high, b.date)
    if a.kind != Kind.MONEY or a.number is None or b.number is None:
        return False
    result = comparison.compare(comparison.reading_of(a, on=on), comparison.reading_of(b, on=on))
    return bool(result.comparable and result.overlap)


def is_restatement(
    a_profile: Profile,
    b_profile: Profile,
    params: Params = DEFAULT_PARAMS,
    *,
    same: Callable[[], bool],
    headline: bool = False,
) -> bool:
    """Whether two mentions of one article restate one figure.

    They must state the same value (`same()`, asked before their words are weighed: most
    pairs of an article's figures differ there at once), name no different periods and
    share enough context. A headline restates its story's lead; two sentences of the body must also not
    name anything the other's context lacks ("The context window of GPT-4 is also 32K" is not
    the 32K of Mistral Large in the sentence before).
    """
    if not params.restatements or time_conflict(a_profile, b_profile):
        return False
    if not headline and (
        _names_unknown_to(a_profile, b_profile) or _names_unknown_to(b_profile, a_profile)
    ):
        return False
    return same() and overlap(a_profile, b_profile, params)[0] >= params.restatement_threshold


def _names_unknown_to(profile: Profile, other: Profile) -> bool:
    """Whether `profile`'s own sentence names something (a single name, not a joined one)
    that `other` does not mention anywhere in its context."""
    return any(name not in other.names for name in profile.own_names if " " not in name)


@dataclass(frozen=True)
class Assignment:
    group: int
    fact: int
    score: Score


def assign(
    scores: Mapping[tuple[int, int], Score], params: Params = DEFAULT_PARAMS
) -> list[Assignment]:
    """Groups to facts, best score first, each fact taking at most one group of the article
    and each group at most one fact: two facts of one article never merge, and where two
    mentions compete for one fact the one whose names fit best wins."""
    chosen: list[Assignment] = []
    used_groups: set[int] = set()
    used_facts: set[int] = set()
    # Groups with a candidate whose value agrees: their other candidates rank lower.
    agreeing = {
        group
        for (group, _), result in scores.items()
        if result.agrees and result.total >= params.threshold
    }
    # Facts with a group whose value agrees: where another of the article's figures would
    # take them with a value they lack, that one ranks lower too ("an immediate 6% raise"
    # beside the "14% wage increase" the fact's other outlets report).
    agreed = {
        fact
        for (_, fact), result in scores.items()
        if result.agrees and result.total >= params.threshold
    }

    def rank(item: tuple[tuple[int, int], Score]) -> float:
        (group, fact), result = item
        if (group in agreeing or fact in agreed) and not result.agrees:
            return result.total - params.disagree_margin
        return result.total

    ranked = sorted(scores.items(), key=lambda item: (-rank(item), item[0]))
    for (group, fact), result in ranked:
        if rank(((group, fact), result)) < params.threshold:
            break
        if group in used_groups or fact in used_facts:
            continue
        chosen.append(Assignment(group, fact, result))
        used_groups.add(group)
        used_facts.add(fact)
    return chosen
