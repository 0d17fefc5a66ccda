"""Score proposed figures, fact groups and dispute flags against annotated gold data.

Pure Python, no Django: the evaluation command, the benchmark and the tests all call it.
The rules are those of ``shared/eval/FORMAT.md``. Where the format leaves a choice open,
the choice is stated in the docstring of the function that makes it:

- matching (``match_mentions``): ties in overlap go to required gold mentions first, then
  to the closest span boundaries;
- values (``values_agree``): numbers within 0.5 % of the gold number; a date agrees when
  it is at least as precise as the gold date and equal to it at the gold's precision
  (``2024-02-26`` agrees with gold ``2024-02``; ``2024`` does not agree with ``2024-02``);
  units are compared case-insensitively, with empty and missing the same, British
  spellings of metric units equal to American ones (``kilometres`` is ``kilometers``),
  a speed's abbreviation equal to its words (``mph`` is ``miles per hour``), and
  percentage points written as ``percent``, the format's one unit for a percent;
- facts and disputes count only predictions matched to required gold mentions: a
  prediction matched to an optional mention is left out, as it is from mention scores;
- a disputed flag belongs to a fact: the pipeline flags fact F when any prediction with
  ``fact == F`` has ``disputed`` true;
- "differing values" in a dispute are the gold values (unit and value, numbers exactly as
  annotated), so a caught conflict does not also depend on value extraction;
- a ratio whose denominator is zero is ``None`` (shown as ``n/a``), never 0 or 1;
- subjects (``score_subjects``): content-word F1 and the gold's first proper name, over the
  matched pairs with a required gold mention; ``first_proper_name`` says what a name is;
- import orders (``order_spread``): min, max and population standard deviation of fact F1
  and dispute recall and precision over the runs, leaving out runs where a ratio is n/a.

A prediction is a dict with ``file, start, end, text, kind, value, unit, qualifier,
subject, fact, disputed``; ``value`` is a string (a decimal number or an ISO date).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from itertools import combinations
from pathlib import Path
from statistics import pstdev

# Two numbers agree when they differ by at most this share of the gold number.
NUMBER_TOLERANCE = Decimal("0.005")
# How many diagnostics of each type format_report shows.
REPORT_LIMIT = 20

GOLD_KEYS = ("file", "start", "end", "text", "kind", "value", "unit", "qualifier", "fact")
PREDICTION_KEYS = ("file", "start", "end", "kind", "value", "unit", "qualifier")
DECOY_KEYS = ("file", "start", "end")
CONFLICT_KEYS = ("fact",)

_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
# "kilometres" and "kilometers" are one unit.
_AMERICAN = {"metre": "meter", "litre": "liter", "gramme": "gram"}
_BRITISH_SPELLING = re.compile("|".join(_AMERICAN))
# Annotators write a speed as the text does; "mph" and "miles per hour" are one unit. The
# format gives a percent one unit, "percent", so a change in points is written either way.
_SPELLED_OUT = {
    "mph": "miles per hour",
    "km/h": "kilometers per hour",
    "kph": "kilometers per hour",
    "percentage points": "percent",
    "percentage point": "percent",
}

# Words that say nothing of what a figure is about, left out when subjects are compared.
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "without",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "after",
        "before",
        "since",
        "until",
        "during",
        "between",
        "per",
        "vs",
        "versus",
        "as",
        "and",
        "or",
        "but",
        "nor",
        "not",
        "no",
        "than",
        "then",
        "that",
        "this",
        "these",
        "those",
        "its",
        "it",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "s",
    ]
)
# Lower-case words that join the capitalised words of one name ("Port of Carrick").
NAME_JOINERS = frozenset({"of", "the", "de", "and", "&"})
_WORD = re.compile(r"[^\W_]+")
# Runs of words inside one stretch of text between punctuation marks.
_POSSESSIVE_ENDINGS = ("'s", "’s", "'", "’")
_NAME_SEGMENT = re.compile(r"[^\s\w&'’.-]+")


class EvaluationError(ValueError):
    """Annotation or prediction data that cannot be scored as the format describes."""


# ---------------------------------------------------------------------------------------
# Loading


def load_jsonl(path: Path | str, *, required: Sequence[str] = ()) -> list[dict]:
    """The JSON objects of a JSON Lines file, one per non-blank line.

    Raises EvaluationError naming the file and line for a line that is not a JSON object
    or lacks one of the ``required`` keys (``GOLD_KEYS``, ``DECOY_KEYS``, ...).
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvaluationError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise EvaluationError(f"{path}: not UTF-8 text: {exc}") from exc
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvaluationError(f"{path}:{number}: invalid JSON: {exc.msg}") from exc
        if not isinstance(record, dict):
            raise EvaluationError(
                f"{path}:{number}: expected a JSON object, got {type(record).__name__}"
            )
        missing = [key for key in required if key not in record]
        if missing:
            raise EvaluationError(f"{path}:{number}: missing key(s) {', '.join(missing)}")
        records.append(record)
    return records


def check_spans(records: Iterable[Mapping], bodies: Mapping[str, str]) -> list[str]:
    """Problems with records whose ``body[start:end]`` is not their ``text``; empty if none.

    ``bodies`` maps a file name to its text (``{doc.file: doc.body for doc in read_corpus(...)}``).
    """
    problems = []
    for index, record in enumerate(records, start=1):
        name, start, end = record.get("file"), record.get("start"), record.get("end")
        where = f"record {index} ({name} {start}-{end})"
        if name not in bodies:
            problems.append(f"{where}: no such file in the corpus")
        elif not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
            problems.append(f"{where}: start and end must be whole numbers, start < end")
        elif end > len(bodies[name]):
            problems.append(f"{where}: ends past the text ({len(bodies[name])} characters)")
        elif "text" in record and bodies[name][start:end] != record["text"]:
            problems.append(
                f"{where}: text {record['text']!r} but the body has {bodies[name][start:end]!r}"
            )
    return problems


# ---------------------------------------------------------------------------------------
# Results


@dataclass
class MentionScores:
    tp: int
    fp: int
    fn: int
    # Predictions matched to an optional gold mention: neither true nor false positives.
    optional_matched: int
    precision: float | None
    recall: float | None
    f1: float | None


@dataclass
class StrictMentionScores:
    """Mentions again, a match counting only when its kind, unit and value are right too."""

    tp: int
    fp: int
    fn: int
    precision: float | None
    recall: float | None
    f1: float | None


@dataclass
class SubjectScores:
    # Matched pairs with a required gold mention whose gold subject has content words.
    pairs: int
    # Mean content-word F1 between the predicted and the gold subject over those pairs.
    content_f1: float | None
    # Pairs whose gold subject has a first proper name, and those whose prediction names it.
    named_pairs: int
    names_found: int
    name_share: float | None


@dataclass
class ValueScores:
    # Matched pairs with a required gold mention.
    pairs: int
    values_agreeing: int
    qualifiers_agreeing: int
    value_accuracy: float | None
    qualifier_accuracy: float | None


@dataclass
class FactScores:
    # Pairs of matched required gold mentions in different files.
    pairs: int
    gold_pairs: int  # gold gives both the same fact
    predicted_pairs: int  # both predictions have the same non-null fact
    true_pairs: int  # both of the above
    precision: float | None
    recall: float | None
    f1: float | None


@dataclass
class DisputeScores:
    conflicts: int
    flagged: int
    caught: list[str]
    missed: list[str]
    wrong_flags: list[dict]  # {"fact": predicted fact id, "reason": why it is wrong}
    precision: float | None
    recall: float | None


@dataclass
class MentionNote:
    """One diagnostic about a mention: what the gold expects and what the pipeline gave."""

    file: str
    start: int
    end: int
    text: str
    expected: str | None
    got: str | None


@dataclass
class PairNote:
    """Two mentions in different files that gold and pipeline group differently."""

    fact: str  # the gold fact of a missed pair, the predicted fact of a wrong pair
    first: str
    second: str
    detail: str


@dataclass
class Spread:
    """How one ratio moved over runs: lowest, highest, population standard deviation."""

    runs: int  # runs where the ratio was defined
    min: float | None
    max: float | None
    stdev: float | None


@dataclass
class OrderSpread:
    """Fact F1 and dispute recall and precision over several import orders."""

    orders: int
    fact_f1: Spread
    dispute_recall: Spread
    dispute_precision: Spread

    def format_report(self) -> str:
        rows = [
            ("fact F1", self.fact_f1),
            ("dispute R", self.dispute_recall),
            ("dispute P", self.dispute_precision),
        ]
        lines = [f"Orders     {self.orders} shuffled import orders"]
        for name, spread in rows:
            lines.append(
                f"{'':<11}{name:<10} min {_fmt(spread.min)}  max {_fmt(spread.max)}"
                f"  stdev {_fmt(spread.stdev)}  over {spread.runs}"
            )
        return "\n".join(lines)


@dataclass
class Scores:
    mentions: MentionScores
    strict_mentions: StrictMentionScores
    values: ValueScores
    subjects: SubjectScores
    decoys: int  # decoy spans in the gold data
    decoy_hits: int  # predictions overlapping at least one decoy
    facts: FactScores
    disputes: DisputeScores
    false_positives: list[MentionNote] = field(default_factory=list)
    misses: list[MentionNote] = field(default_factory=list)
    value_mismatches: list[MentionNote] = field(default_factory=list)
    qualifier_mismatches: list[MentionNote] = field(default_factory=list)
    decoy_proposals: list[MentionNote] = field(default_factory=list)
    missed_fact_pairs: list[PairNote] = field(default_factory=list)
    wrong_fact_pairs: list[PairNote] = field(default_factory=list)

    def as_dict(self) -> dict:
        """Everything, as plain JSON-serialisable data."""
        return asdict(self)

    def format_report(self, limit: int = REPORT_LIMIT, orders: OrderSpread | None = None) -> str:
        """A compact, aligned summary followed by the first ``limit`` diagnostics of each type.

        With ``orders``, the spread over import orders follows the summary.
        """
        m, v, f, d = self.mentions, self.values, self.facts, self.disputes
        sm, sub = self.strict_mentions, self.subjects
        rows = [
            (
                "Mentions",
                f"P {_fmt(m.precision)}  R {_fmt(m.recall)}  F1 {_fmt(m.f1)}",
                f"tp {m.tp}  fp {m.fp}  fn {m.fn}  optional matched {m.optional_matched}",
            ),
            (
                "Strict",
                f"P {_fmt(sm.precision)}  R {_fmt(sm.recall)}  F1 {_fmt(sm.f1)}",
                f"tp {sm.tp}  fp {sm.fp}  fn {sm.fn}  (span and value right)",
            ),
            ("Values", f"{_fmt(v.value_accuracy)}", f"{v.values_agreeing}/{v.pairs} pairs agree"),
            (
                "Qualifiers",
                f"{_fmt(v.qualifier_accuracy)}",
                f"{v.qualifiers_agreeing}/{v.pairs} pairs agree",
            ),
            (
                "Subjects",
                f"F1 {_fmt(sub.content_f1)}  name {_fmt(sub.name_share)}",
                f"content words over {sub.pairs} pairs; first proper name named in "
                f"{sub.names_found}/{sub.named_pairs}",
            ),
            (
                "Decoys",
                f"{self.decoy_hits} hit",
                f"proposals overlapping one of {self.decoys} decoy spans (target 0)",
            ),
            (
                "Facts",
                f"P {_fmt(f.precision)}  R {_fmt(f.recall)}  F1 {_fmt(f.f1)}",
                f"pairs {f.pairs}: gold-same {f.gold_pairs}  predicted-same "
                f"{f.predicted_pairs}  both {f.true_pairs}",
            ),
            (
                "Disputes",
                f"P {_fmt(d.precision)}  R {_fmt(d.recall)}",
                f"caught {len(d.caught)}/{d.conflicts}  flagged {d.flagged}"
                f"  wrong {len(d.wrong_flags)}",
            ),
        ]
        width = max(len(row[1]) for row in rows)
        lines = [f"{name:<11}{figures:<{width}}   {counts}" for name, figures, counts in rows]
        if d.missed:
            lines.append(f"{'':<11}missed conflicts: {', '.join(d.missed)}")
        for wrong in d.wrong_flags[:limit]:
            lines.append(f"{'':<11}wrong flag {wrong['fact']}: {wrong['reason']}")
        if orders is not None:
            lines.append(orders.format_report())
        sections = [
            ("False positives", self.false_positives),
            ("Misses", self.misses),
            ("Value mismatches", self.value_mismatches),
            ("Qualifier mismatches", self.qualifier_mismatches),
            ("Decoy hits", self.decoy_proposals),
        ]
        for title, notes in sections:
            if notes:
                lines += ["", f"{title} ({min(limit, len(notes))} of {len(notes)})"]
                lines += [_format_note(note) for note in notes[:limit]]
        for title, pairs in (
            ("Missed fact pairs", self.missed_fact_pairs),
            ("Wrong fact pairs", self.wrong_fact_pairs),
        ):
            if pairs:
                lines += ["", f"{title} ({min(limit, len(pairs))} of {len(pairs)})"]
                lines += [
                    f"  {p.fact}: {p.first} ~ {p.second}  ({p.detail})" for p in pairs[:limit]
                ]
        return "\n".join(lines)


def _fmt(ratio: float | None) -> str:
    return "n/a  " if ratio is None else f"{ratio:.3f}"


def _format_note(note: MentionNote) -> str:
    parts = [f"  {note.file} {note.start}-{note.end} {note.text!r}"]
    if note.expected is not None:
        parts.append(f"expected {note.expected}")
    if note.got is not None:
        parts.append(f"got {note.got}")
    return "  ".join(parts)


# ---------------------------------------------------------------------------------------
# Scoring


@dataclass(frozen=True)
class _Mention:
    file: str
    start: int
    end: int
    text: str
    kind: str | None
    value: str
    unit: str | None
    qualifier: str | None
    fact: str | None
    optional: bool = False
    disputed: bool = False

    def describe(self) -> str:
        return f"{self.kind} {self.value or '?'} {self.unit or '-'} {self.qualifier}"

    def where(self) -> str:
        return f"{self.file}:{self.start} {self.text!r}"


def score(
    predictions: list[dict],
    gold: list[dict],
    decoys: list[dict] | None = None,
    conflicts: list[dict] | None = None,
) -> Scores:
    """Score predictions against gold mentions, decoy spans and gold conflicts."""
    preds = [_mention(record, index, "prediction") for index, record in enumerate(predictions)]
    golds = [_mention(record, index, "gold") for index, record in enumerate(gold)]
    decoy_spans = [_span(record, index, "decoy") for index, record in enumerate(decoys or [])]
    conflict_facts = []
    for index, record in enumerate(conflicts or []):
        if not isinstance(record, Mapping) or not record.get("fact"):
            raise EvaluationError(f"conflict record {index}: needs a 'fact'")
        conflict_facts.append(str(record["fact"]))

    pairs = match_mentions(predictions, gold)
    matched_preds = {p for p, _ in pairs}
    matched_golds = {g for _, g in pairs}
    # Pairs with a required gold mention: the ones every further score is about.
    required = [(p, g) for p, g in pairs if not golds[g].optional]

    tp = len(required)
    fp = len(preds) - len(matched_preds)
    fn = sum(1 for i, g in enumerate(golds) if not g.optional and i not in matched_golds)
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    mentions = MentionScores(
        tp=tp,
        fp=fp,
        fn=fn,
        optional_matched=len(pairs) - len(required),
        precision=precision,
        recall=recall,
        f1=_f1(precision, recall),
    )

    value_mismatches, qualifier_mismatches = [], []
    for p, g in required:
        pred, expected = preds[p], golds[g]
        if not mention_values_agree(pred, expected):
            value_mismatches.append(_pair_note(pred, expected))
        if pred.qualifier != expected.qualifier:
            qualifier_mismatches.append(_pair_note(pred, expected))
    values_agreeing = tp - len(value_mismatches)
    # A wrong value turns a match into both a false positive and a miss.
    strict_tp = values_agreeing
    strict_fp, strict_fn = fp + len(value_mismatches), fn + len(value_mismatches)
    strict_precision = _ratio(strict_tp, strict_tp + strict_fp)
    strict_recall = _ratio(strict_tp, strict_tp + strict_fn)
    strict_mentions = StrictMentionScores(
        tp=strict_tp,
        fp=strict_fp,
        fn=strict_fn,
        precision=strict_precision,
        recall=strict_recall,
        f1=_f1(strict_precision, strict_recall),
    )
    qualifiers_agreeing = tp - len(qualifier_mismatches)
    values = ValueScores(
        pairs=tp,
        values_agreeing=values_agreeing,
        qualifiers_agreeing=qualifiers_agreeing,
        value_accuracy=_ratio(values_agreeing, tp),
        qualifier_accuracy=_ratio(qualifiers_agreeing, tp),
    )

    decoy_proposals = [
        _note(pred, expected="no figure (decoy)", got=pred.describe())
        for pred in preds
        if any(_overlap(pred, decoy) > 0 for decoy in decoy_spans)
    ]

    facts, missed_pairs, wrong_pairs = _score_facts([(preds[p], golds[g]) for p, g in required])
    disputes = _score_disputes(preds, golds, required, conflict_facts)

    lowercase_words = {
        word
        for record in gold
        for word in _WORD.findall(str(record.get("subject") or ""))
        if word.islower()
    }
    subjects = score_subjects(
        [
            (str(predictions[p].get("subject") or ""), str(gold[g].get("subject") or ""))
            for p, g in required
        ],
        lowercase_words,
    )

    return Scores(
        mentions=mentions,
        strict_mentions=strict_mentions,
        values=values,
        subjects=subjects,
        decoys=len(decoy_spans),
        decoy_hits=len(decoy_proposals),
        facts=facts,
        disputes=disputes,
        false_positives=[
            _note(pred, expected=None, got=pred.describe())
            for i, pred in enumerate(preds)
            if i not in matched_preds
        ],
        misses=[
            _note(g, expected=g.describe(), got=None)
            for i, g in enumerate(golds)
            if not g.optional and i not in matched_golds
        ],
        value_mismatches=value_mismatches,
        qualifier_mismatches=qualifier_mismatches,
        decoy_proposals=decoy_proposals,
        missed_fact_pairs=missed_pairs,
        wrong_fact_pairs=wrong_pairs,
    )


def match_mentions(
    predictions: Sequence[Mapping], gold: Sequence[Mapping]
) -> list[tuple[int, int]]:
    """One-to-one (prediction index, gold index) pairs of overlapping spans in the same file.

    Greedy, largest overlap first. Ties go to a required gold mention before an optional
    one, then to the pair whose span boundaries are closest, then to the earlier indices.
    Optional gold mentions take part, so a prediction of an optional span is used up by it.
    """
    preds = [_span(record, index, "prediction") for index, record in enumerate(predictions)]
    golds = [_span(record, index, "gold") for index, record in enumerate(gold)]
    gold_by_file: dict[str, list[int]] = defaultdict(list)
    for index, g in enumerate(golds):
        gold_by_file[g[0]].append(index)
    candidates = []
    for p_index, p in enumerate(preds):
        for g_index in gold_by_file.get(p[0], ()):
            g = golds[g_index]
            overlap = _overlap(p, g)
            if overlap > 0:
                distance = abs(p[1] - g[1]) + abs(p[2] - g[2])
                optional = bool(gold[g_index].get("optional"))
                candidates.append((-overlap, optional, distance, p_index, g_index))
    candidates.sort()
    used_preds: set[int] = set()
    used_golds: set[int] = set()
    pairs = []
    for *_, p_index, g_index in candidates:
        if p_index not in used_preds and g_index not in used_golds:
            used_preds.add(p_index)
            used_golds.add(g_index)
            pairs.append((p_index, g_index))
    return sorted(pairs)


def mention_values_agree(pred: _Mention, gold: _Mention) -> bool:
    return (
        pred.kind == gold.kind
        and _unit(pred.unit) == _unit(gold.unit)
        and values_agree(gold.kind, gold.value, pred.value)
    )


def values_agree(kind: str | None, gold_value: str, predicted_value: str) -> bool:
    """Whether a predicted value agrees with the gold value of a mention of this kind."""
    if kind == "date":
        return dates_agree(gold_value, predicted_value)
    return numbers_agree(gold_value, predicted_value)


def numbers_agree(gold_value: str, predicted_value: str) -> bool:
    """Within 0.5 % of the gold number (exactly equal when the gold number is 0)."""
    expected, got = _decimal(gold_value), _decimal(predicted_value)
    if expected is None or got is None:
        return False
    return abs(got - expected) <= abs(expected) * NUMBER_TOLERANCE


def dates_agree(gold_value: str, predicted_value: str) -> bool:
    """Equal at the gold's precision, the prediction being at least that precise.

    ``2024-02-26`` agrees with gold ``2024-02`` and ``2024``; ``2024`` does not agree with
    gold ``2024-02``: a prediction that drops the month loses information the text gave.
    """
    if not (_ISO_DATE.fullmatch(gold_value) and _ISO_DATE.fullmatch(predicted_value or "")):
        return False
    return len(predicted_value) >= len(gold_value) and predicted_value.startswith(gold_value)


def content_words(text: str) -> list[str]:
    """The words of ``text`` that are not function words, case-folded, in order."""
    return [word for word in _WORD.findall(text.casefold()) if word not in FUNCTION_WORDS]


def content_word_f1(predicted: str, gold: str) -> float | None:
    """F1 of the content words two subjects share (counted with repeats); None if gold has none."""
    expected, got = Counter(content_words(gold)), Counter(content_words(predicted))
    if not expected:
        return None
    shared = sum((expected & got).values())
    if not shared:
        return 0.0
    precision, recall = shared / sum(got.values()), shared / sum(expected.values())
    return 2 * precision * recall / (precision + recall)


def first_proper_name(subject: str, lowercase_words: Iterable[str] = ()) -> str | None:
    """The first proper name in a subject line, or None when it has none.

    A name is a run of capitalised words ("Harlow Bridge", "FAA"), where "of", "the", "de",
    "and" or "&" may join two of them ("Port of Carrick"), a number may follow a single
    word ("Flight 1282"), and an all-capital word ends a name that has begun ("Pellow" in
    "Pellow IPO price"). Punctuation ends a name. The subject's first word is capitalised
    only because it comes first when it is written in lower case somewhere in
    ``lowercase_words`` (the evaluation passes every lower-case word of the gold subjects):
    such a word cannot start the name ("Year of the Harlow Bridge count" names "Harlow Bridge").
    A possessive ends a name ("Advance Publications'" in "Advance Publications' Pellow stake").
    """
    common = set(lowercase_words)
    first = True
    for segment in _NAME_SEGMENT.split(subject):
        words = segment.split()
        name: list[str] = []
        for index, word in enumerate(words):
            sentence_case = first and index == 0 and word.casefold() in common
            capitalised = word[:1].isupper() and not sentence_case
            if name:
                if capitalised and not (word.isupper() and len(word) > 1):
                    name.append(word)
                    if word.endswith(_POSSESSIVE_ENDINGS):
                        break
                    continue
                if word[:1].isdigit() and len(name) == 1:
                    name.append(word)
                    continue
                if word in NAME_JOINERS and _joins(words, index):
                    name.append(word)
                    continue
                break
            if capitalised:
                name.append(word)
                if word.endswith(_POSSESSIVE_ENDINGS):
                    break
        first = False
        if name:
            while name[-1] in NAME_JOINERS:
                name.pop()
            return " ".join(name)
    return None


def _joins(words: list[str], index: int) -> bool:
    """Whether joiners from ``index`` on lead to a capitalised word."""
    for word in words[index:]:
        if word not in NAME_JOINERS:
            return word[:1].isupper()
    return False


def names(predicted_subject: str, name: str) -> bool:
    """Whether a subject line names ``name``: it holds every word of it, case-folded.

    Joiners need not be there, and a possessive "'s" does not count ("Arden's" names "Arden").
    """
    held = set(_WORD.findall(predicted_subject.casefold()))
    wanted = [w for w in _WORD.findall(name.casefold()) if w not in NAME_JOINERS and w != "s"]
    return bool(wanted) and all(word in held for word in wanted)


def score_subjects(
    pairs: Sequence[tuple[str, str]], lowercase_words: Iterable[str] = ()
) -> SubjectScores:
    """Agreement of (predicted subject, gold subject) pairs: content-word F1 and proper names."""
    common = set(lowercase_words)
    f1s = [f1 for p, g in pairs if (f1 := content_word_f1(p, g)) is not None]
    named = [(p, name) for p, g in pairs if (name := first_proper_name(g, common))]
    found = sum(1 for p, name in named if names(p, name))
    return SubjectScores(
        pairs=len(f1s),
        content_f1=sum(f1s) / len(f1s) if f1s else None,
        named_pairs=len(named),
        names_found=found,
        name_share=_ratio(found, len(named)),
    )


def order_spread(runs: Sequence[Scores]) -> OrderSpread:
    """How fact F1 and dispute recall and precision moved over runs of several import orders."""
    return OrderSpread(
        orders=len(runs),
        fact_f1=_spread([run.facts.f1 for run in runs]),
        dispute_recall=_spread([run.disputes.recall for run in runs]),
        dispute_precision=_spread([run.disputes.precision for run in runs]),
    )


def _spread(ratios: Sequence[float | None]) -> Spread:
    defined = [ratio for ratio in ratios if ratio is not None]
    if not defined:
        return Spread(runs=0, min=None, max=None, stdev=None)
    return Spread(runs=len(defined), min=min(defined), max=max(defined), stdev=pstdev(defined))


def _score_facts(
    matched: list[tuple[_Mention, _Mention]],
) -> tuple[FactScores, list[PairNote], list[PairNote]]:
    """Pairwise precision and recall of fact grouping over matched mentions in different files."""
    by_gold: dict[str, list[int]] = defaultdict(list)
    by_pred: dict[str, list[int]] = defaultdict(list)
    for index, (pred, gold) in enumerate(matched):
        if gold.fact is not None:
            by_gold[gold.fact].append(index)
        if pred.fact is not None:
            by_pred[pred.fact].append(index)

    def cross_file(members: list[int]) -> Iterable[tuple[int, int]]:
        return (
            (a, b) for a, b in combinations(members, 2) if matched[a][1].file != matched[b][1].file
        )

    gold_pairs = true_pairs = predicted_pairs = 0
    missed, wrong = [], []
    for fact, members in by_gold.items():
        for a, b in cross_file(members):
            gold_pairs += 1
            pa, pb = matched[a][0].fact, matched[b][0].fact
            if pa is not None and pa == pb:
                true_pairs += 1
            else:
                missed.append(
                    PairNote(fact, matched[a][1].where(), matched[b][1].where(), f"{pa} / {pb}")
                )
    for fact, members in by_pred.items():
        for a, b in cross_file(members):
            predicted_pairs += 1
            ga, gb = matched[a][1].fact, matched[b][1].fact
            if ga is None or ga != gb:
                wrong.append(
                    PairNote(fact, matched[a][1].where(), matched[b][1].where(), f"{ga} / {gb}")
                )
    files = Counter(gold.file for _, gold in matched)
    pairs = len(matched) * (len(matched) - 1) // 2 - sum(n * (n - 1) // 2 for n in files.values())
    precision, recall = _ratio(true_pairs, predicted_pairs), _ratio(true_pairs, gold_pairs)
    scores = FactScores(
        pairs=pairs,
        gold_pairs=gold_pairs,
        predicted_pairs=predicted_pairs,
        true_pairs=true_pairs,
        precision=precision,
        recall=recall,
        f1=_f1(precision, recall),
    )
    return scores, missed, wrong


def _score_disputes(
    preds: list[_Mention],
    golds: list[_Mention],
    required: list[tuple[int, int]],
    conflict_facts: list[str],
) -> DisputeScores:
    """Dispute recall over gold conflicts and precision over the facts the pipeline flags."""
    flagged = sorted({p.fact for p in preds if p.disputed and p.fact is not None})
    gold_of = {p: golds[g] for p, g in required}
    # Per predicted fact, the gold mentions its matched predictions stand for.
    members: dict[str, list[_Mention]] = defaultdict(list)
    for p_index, pred in enumerate(preds):
        if pred.fact is not None and p_index in gold_of:
            members[pred.fact].append(gold_of[p_index])
    conflicts = set(conflict_facts)

    wrong_flags = []
    for fact in flagged:
        held = members.get(fact, [])
        if not held:
            wrong_flags.append({"fact": fact, "reason": "no matched mentions"})
            continue
        counts = Counter(g.fact for g in held)
        top = max(counts.values())
        majority = sorted(str(f) for f, n in counts.items() if n == top)
        # A tie counts as right when any of the tied gold facts is a conflict.
        if not conflicts.intersection(majority):
            wrong_flags.append(
                {
                    "fact": fact,
                    "reason": f"majority gold fact {' / '.join(majority)} is no conflict",
                }
            )

    caught, missed = [], []
    for conflict in dict.fromkeys(conflict_facts):
        if any(
            _differ([g for g in members.get(fact, []) if g.fact == conflict]) for fact in flagged
        ):
            caught.append(conflict)
        else:
            missed.append(conflict)
    right = len(flagged) - len(wrong_flags)
    return DisputeScores(
        conflicts=len(caught) + len(missed),
        flagged=len(flagged),
        caught=caught,
        missed=missed,
        wrong_flags=wrong_flags,
        precision=_ratio(right, len(flagged)),
        recall=_ratio(len(caught), len(caught) + len(missed)),
    )


def _differ(mentions: list[_Mention]) -> bool:
    """Whether some two gold mentions disagree in unit or value.

    Gold numbers are compared exactly: the annotator wrote each as the text states it, so
    "$50.44" against "$50.31" is a disagreement even though each is within 0.5 % of the
    other (the tolerance is for a prediction read from a text, not between two texts).
    """
    return any(
        _unit(a.unit) != _unit(b.unit) or not _gold_values_equal(a, b)
        for a, b in combinations(mentions, 2)
    )


def _gold_values_equal(a: _Mention, b: _Mention) -> bool:
    if a.kind == "date":
        # Both ways round: gold dates at different precisions (2023, 2023-04) agree.
        return dates_agree(a.value, b.value) or dates_agree(b.value, a.value)
    return _decimal(a.value) == _decimal(b.value)


# ---------------------------------------------------------------------------------------
# Helpers


def _span(record: Mapping, index: int, role: str) -> tuple[str, int, int]:
    if not isinstance(record, Mapping):
        raise EvaluationError(
            f"{role} record {index}: expected a dict, got {type(record).__name__}"
        )
    for key in DECOY_KEYS:
        if key not in record:
            raise EvaluationError(f"{role} record {index}: missing key {key!r}")
    start, end = record["start"], record["end"]
    if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool):
        raise EvaluationError(f"{role} record {index}: start and end must be whole numbers")
    if not 0 <= start <= end:
        raise EvaluationError(f"{role} record {index}: needs 0 <= start <= end, got {start}-{end}")
    return str(record["file"]), start, end


def _mention(record: Mapping, index: int, role: str) -> _Mention:
    file, start, end = _span(record, index, role)
    keys = GOLD_KEYS if role == "gold" else PREDICTION_KEYS
    missing = [key for key in keys if key not in record]
    if missing:
        raise EvaluationError(
            f"{role} record {index} ({file}): missing key(s) {', '.join(missing)}"
        )
    value = record["value"]
    fact = record.get("fact")
    return _Mention(
        file=file,
        start=start,
        end=end,
        text=str(record.get("text") or ""),
        kind=record["kind"],
        value="" if value is None else str(value),
        unit=record["unit"],
        qualifier=record["qualifier"],
        fact=None if fact in (None, "") else str(fact),
        optional=bool(record.get("optional", False)) if role == "gold" else False,
        disputed=bool(record.get("disputed", False)) if role != "gold" else False,
    )


def _overlap(a: tuple[str, int, int] | _Mention, b: tuple[str, int, int] | _Mention) -> int:
    af, ast, aend = (a.file, a.start, a.end) if isinstance(a, _Mention) else a
    bf, bst, bend = (b.file, b.start, b.end) if isinstance(b, _Mention) else b
    if af != bf:
        return 0
    return max(0, min(aend, bend) - max(ast, bst))


def _unit(unit: object) -> str | None:
    """A unit as compared: case-folded, British spellings made American, abbreviations spelled out."""
    text = " ".join(str(unit).split()).casefold() if unit is not None else ""
    text = _BRITISH_SPELLING.sub(lambda m: _AMERICAN[m.group()], text)
    return _SPELLED_OUT.get(text, text) or None


def _decimal(value: str) -> Decimal | None:
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _note(mention: _Mention, *, expected: str | None, got: str | None) -> MentionNote:
    return MentionNote(mention.file, mention.start, mention.end, mention.text, expected, got)


def _pair_note(pred: _Mention, gold: _Mention) -> MentionNote:
    got = pred.describe()
    if (pred.start, pred.end) != (gold.start, gold.end):
        got += f" from {pred.text!r}"
    return _note(gold, expected=gold.describe(), got=got)
