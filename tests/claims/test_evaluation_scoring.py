"""The scoring rules of shared/eval/FORMAT.md, on tiny hand-built gold and prediction lists."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from articles.corpus import read_corpus
from claims.evaluation import (
    CONFLICT_KEYS,
    DECOY_KEYS,
    GOLD_KEYS,
    EvaluationError,
    check_spans,
    content_word_f1,
    dates_agree,
    first_proper_name,
    load_jsonl,
    match_mentions,
    names,
    numbers_agree,
    order_spread,
    score,
)

REPO = Path(__file__).resolve().parents[2]
SHARED_EVAL = REPO.parent / "shared" / "eval"
SHARED_SEEDS = REPO.parent / "shared" / "corpus" / "seeds"


def gold(start=0, end=5, *, file="a.txt", kind="money", value="100", unit="USD", **extra) -> dict:
    record = {
        "file": file,
        "start": start,
        "end": end,
        "text": "x" * (end - start),
        "kind": kind,
        "value": value,
        "unit": unit,
        "qualifier": "exact",
        "subject": "s",
        "fact": "f",
    }
    return record | extra


def pred(start=0, end=5, *, fact=None, disputed=False, **extra) -> dict:
    return gold(start, end, **extra) | {"fact": fact, "disputed": disputed}


# Mentions


def test_an_overlapping_prediction_is_a_true_positive_and_the_rest_are_counted_both_ways():
    scores = score([pred(2, 8), pred(20, 24)], [gold(0, 5), gold(40, 45)])
    m = scores.mentions
    assert (m.tp, m.fp, m.fn) == (1, 1, 1)
    assert (m.precision, m.recall, m.f1) == (0.5, 0.5, 0.5)


def test_matching_is_one_to_one_so_a_second_prediction_on_one_gold_span_is_a_false_positive():
    scores = score([pred(0, 2), pred(3, 5)], [gold(0, 5)])
    assert (scores.mentions.tp, scores.mentions.fp) == (1, 1)


def test_the_prediction_with_the_largest_overlap_takes_the_gold_mention():
    pairs = match_mentions([pred(0, 2), pred(1, 5)], [gold(0, 5)])
    assert pairs == [(1, 0)]


def test_largest_overlap_first_lets_each_prediction_keep_its_best_gold_mention():
    # Prediction 0 overlaps both gold mentions, most of all the second; prediction 1 only
    # the first. Largest-first pairs 0 with the second, leaving the first for prediction 1.
    predictions = [pred(3, 12), pred(0, 2)]
    golds = [gold(0, 4), gold(5, 12)]
    assert match_mentions(predictions, golds) == [(0, 1), (1, 0)]
    assert score(predictions, golds).mentions.tp == 2


def test_spans_in_different_files_never_match():
    scores = score([pred(0, 5, file="b.txt")], [gold(0, 5, file="a.txt")])
    assert (scores.mentions.tp, scores.mentions.fp, scores.mentions.fn) == (0, 1, 1)


def test_a_prediction_of_an_optional_mention_is_neither_a_true_nor_a_false_positive():
    scores = score([pred(0, 5)], [gold(0, 5, optional=True)])
    m = scores.mentions
    assert (m.tp, m.fp, m.fn, m.optional_matched) == (0, 0, 0, 1)
    assert scores.false_positives == []


def test_an_optional_mention_nobody_proposed_is_not_a_miss():
    scores = score([], [gold(0, 5, optional=True, kind="date", value="relative", unit=None)])
    assert scores.mentions.fn == 0
    assert scores.misses == []


def test_an_equal_overlap_goes_to_the_required_gold_mention_before_the_optional_one():
    golds = [gold(0, 4, optional=True), gold(4, 8)]
    assert match_mentions([pred(2, 6)], golds) == [(0, 1)]
    assert score([pred(2, 6)], golds).mentions.tp == 1


# Values


@pytest.mark.parametrize(
    ("expected", "got", "agree"),
    [
        ("16200000", "16200000", True),
        ("16200000", "16.2e6", True),
        ("1000", "1005", True),  # 0.5 % exactly
        ("1000", "995", True),
        ("1000", "1006", False),
        ("16000000", "16200000", False),  # 1.25 %: a different figure
        ("100000000.0", "100000000", True),
        ("0", "0", True),
        ("0", "0.001", False),
        ("100", "", False),
        ("100", "a hundred", False),
    ],
)
def test_numbers_agree_within_half_a_percent_of_the_gold_number(expected, got, agree):
    assert numbers_agree(expected, got) is agree


@pytest.mark.parametrize(
    ("expected", "got", "agree"),
    [
        ("2024-02-26", "2024-02-26", True),
        ("2024-02-26", "2024-02-27", False),
        ("2024-02", "2024-02", True),
        ("2024-02", "2024-02-26", True),  # more precise than the text: still right at gold's
        ("2023", "2023-11", True),
        ("2024-02", "2024", False),  # less precise: the month the text gave is lost
        ("2024-02-26", "2024-02", False),
        ("2023", "2024", False),
        ("2023", "", False),
        ("2023", "20230", False),
    ],
)
def test_dates_agree_at_the_gold_precision_and_never_when_less_precise(expected, got, agree):
    assert dates_agree(expected, got) is agree


def test_a_value_agrees_only_when_kind_unit_and_number_all_agree():
    golds = [gold(0, 5), gold(10, 15), gold(20, 25), gold(30, 35)]
    predictions = [
        pred(0, 5, unit="usd"),  # unit case does not matter
        pred(10, 15, unit="EUR"),
        pred(20, 25, kind="count"),
        pred(30, 35, value="120"),
    ]
    scores = score(predictions, golds)
    assert (scores.values.pairs, scores.values.values_agreeing) == (4, 1)
    assert scores.values.value_accuracy == 0.25
    assert [n.start for n in scores.value_mismatches] == [10, 20, 30]
    assert scores.value_mismatches[2].expected == "money 100 USD exact"
    assert scores.value_mismatches[2].got == "money 120 USD exact"


def test_a_missing_unit_and_an_empty_unit_are_the_same():
    scores = score(
        [pred(0, 5, kind="date", value="2024", unit="")],
        [gold(0, 5, kind="date", value="2024", unit=None)],
    )
    assert scores.values.value_accuracy == 1.0


def test_british_and_american_spellings_of_a_unit_agree():
    golds = [
        gold(0, 5, kind="quantity", unit="kilometers"),
        gold(10, 15, kind="quantity", unit="liters"),
    ]
    predictions = [
        pred(0, 5, kind="quantity", unit="Kilometres"),
        pred(10, 15, kind="quantity", unit="litres"),
    ]
    assert score(predictions, golds).values.value_accuracy == 1.0


def test_a_speed_written_as_an_abbreviation_agrees_with_its_words():
    golds = [gold(0, 5, kind="quantity", unit="mph"), gold(10, 15, kind="quantity", unit="km/h")]
    predictions = [
        pred(0, 5, kind="quantity", unit="miles per hour"),
        pred(10, 15, kind="quantity", unit="kilometres per hour"),
    ]
    assert score(predictions, golds).values.value_accuracy == 1.0


def test_percentage_points_and_percent_are_one_unit_of_a_percent():
    golds = [
        gold(0, 5, kind="percent", unit="percent"),
        gold(10, 15, kind="percent", unit="percentage points"),
    ]
    predictions = [
        pred(0, 5, kind="percent", unit="percentage points"),
        pred(10, 15, kind="percent", unit="percent"),
    ]
    assert score(predictions, golds).values.value_accuracy == 1.0


def test_qualifier_agreement_is_scored_apart_from_the_value():
    golds = [gold(0, 5, qualifier="approx"), gold(10, 15, qualifier="more_than")]
    predictions = [pred(0, 5, qualifier="approx"), pred(10, 15, qualifier="exact")]
    scores = score(predictions, golds)
    assert scores.values.value_accuracy == 1.0
    assert scores.values.qualifier_accuracy == 0.5
    assert [n.start for n in scores.qualifier_mismatches] == [10]


def test_value_scores_leave_out_pairs_with_an_optional_gold_mention():
    golds = [gold(0, 5, kind="date", value="relative", unit=None, optional=True)]
    scores = score([pred(0, 5, kind="date", value="2024-02-26", unit=None)], golds)
    assert scores.values.pairs == 0
    assert scores.values.value_accuracy is None


def test_a_value_mismatch_names_the_predicted_span_when_it_differs_from_the_gold_one():
    scores = score([pred(0, 3, value="7", text="abc")], [gold(0, 5)])
    assert scores.value_mismatches[0].got == "money 7 USD exact from 'abc'"


# Decoys


def test_each_prediction_overlapping_a_decoy_counts_once():
    decoys = [{"file": "a.txt", "start": 0, "end": 5}, {"file": "a.txt", "start": 3, "end": 9}]
    predictions = [pred(2, 6), pred(8, 9), pred(20, 25), pred(0, 5, file="b.txt")]
    scores = score(predictions, [], decoys)
    assert (scores.decoys, scores.decoy_hits) == (2, 2)
    assert [n.start for n in scores.decoy_proposals] == [2, 8]


def test_a_decoy_hit_is_counted_even_when_the_prediction_also_matches_gold():
    decoys = [{"file": "a.txt", "start": 0, "end": 21}]  # "2023 Microsoft Ignite"
    scores = score(
        [pred(0, 4)], [gold(0, 4, kind="date", value="2023", unit=None, optional=True)], decoys
    )
    assert scores.decoy_hits == 1
    assert scores.mentions.fp == 0


# Facts


def test_fact_pairs_are_counted_only_across_files():
    golds = [
        gold(0, 5, file="a.txt", fact="deal"),
        gold(10, 15, file="a.txt", fact="deal"),
        gold(0, 5, file="b.txt", fact="deal"),
    ]
    predictions = [
        pred(0, 5, file="a.txt", fact="F1"),
        pred(10, 15, file="a.txt", fact="F1"),
        pred(0, 5, file="b.txt", fact="F1"),
    ]
    facts = score(predictions, golds).facts
    # a0-b0 and a10-b0; a0-a10 lies in one file and does not count.
    assert (facts.pairs, facts.gold_pairs, facts.predicted_pairs, facts.true_pairs) == (2, 2, 2, 2)
    assert (facts.precision, facts.recall, facts.f1) == (1.0, 1.0, 1.0)


def test_merging_two_gold_facts_costs_fact_precision_and_splitting_one_costs_recall():
    golds = [
        gold(0, 5, file="a.txt", fact="deal"),
        gold(0, 5, file="b.txt", fact="deal"),
        gold(0, 5, file="c.txt", fact="deal"),
        gold(10, 15, file="c.txt", fact="stake"),
    ]
    predictions = [
        pred(0, 5, file="a.txt", fact="F1"),
        pred(0, 5, file="b.txt", fact="F1"),
        pred(0, 5, file="c.txt", fact="F2"),
        pred(10, 15, file="c.txt", fact="F1"),
    ]
    scores = score(predictions, golds)
    facts = scores.facts
    # Gold pairs: a-b, a-c, b-c (deal). Predicted: a-b, a-c10, b-c10 (F1). Both: a-b.
    assert (facts.gold_pairs, facts.predicted_pairs, facts.true_pairs) == (3, 3, 1)
    assert facts.precision == pytest.approx(1 / 3)
    assert facts.recall == pytest.approx(1 / 3)
    assert len(scores.missed_fact_pairs) == 2
    assert len(scores.wrong_fact_pairs) == 2
    assert scores.wrong_fact_pairs[0].detail == "deal / stake"


def test_predictions_without_a_fact_never_form_a_pair():
    golds = [gold(0, 5, file="a.txt"), gold(0, 5, file="b.txt")]
    facts = score([pred(0, 5, file="a.txt"), pred(0, 5, file="b.txt")], golds).facts
    assert (facts.gold_pairs, facts.predicted_pairs, facts.true_pairs) == (1, 0, 0)
    assert facts.precision is None
    assert facts.recall == 0.0


def test_fact_pairs_leave_out_predictions_matched_to_optional_or_no_gold_mentions():
    golds = [gold(0, 5, file="a.txt"), gold(0, 5, file="b.txt", optional=True)]
    predictions = [
        pred(0, 5, file="a.txt", fact="F"),
        pred(0, 5, file="b.txt", fact="F"),
        pred(50, 55, file="c.txt", fact="F"),
    ]
    facts = score(predictions, golds).facts
    assert (facts.pairs, facts.gold_pairs, facts.predicted_pairs) == (0, 0, 0)


# Disputes


def _deal_gold() -> list[dict]:
    return [
        gold(0, 5, file="a.txt", fact="deal", value="15000000", unit="EUR"),
        gold(0, 5, file="b.txt", fact="deal", value="2000000000", unit="EUR"),
        gold(0, 5, file="c.txt", fact="deal", value="15000000", unit="EUR"),
        gold(10, 15, file="c.txt", fact="age", kind="duration", value="10", unit="months"),
    ]


CONFLICTS = [
    {"fact": "deal", "values": ["15000000 EUR", "2000000000 EUR"], "files": [], "note": ""}
]


def test_a_conflict_is_caught_when_a_flagged_fact_holds_its_differing_values():
    predictions = [
        pred(0, 5, file="a.txt", fact="F", disputed=True),
        pred(0, 5, file="b.txt", fact="F", disputed=True),
    ]
    disputes = score(predictions, _deal_gold(), conflicts=CONFLICTS).disputes
    assert (disputes.caught, disputes.missed, disputes.wrong_flags) == (["deal"], [], [])
    assert (disputes.precision, disputes.recall) == (1.0, 1.0)


def test_the_disputed_flag_of_one_prediction_flags_its_whole_fact():
    predictions = [
        pred(0, 5, file="a.txt", fact="F", disputed=True),
        pred(0, 5, file="b.txt", fact="F", disputed=False),
    ]
    assert score(predictions, _deal_gold(), conflicts=CONFLICTS).disputes.caught == ["deal"]


def test_a_flagged_fact_holding_only_agreeing_values_of_the_conflict_does_not_catch_it():
    predictions = [
        pred(0, 5, file="a.txt", fact="F", disputed=True),
        pred(0, 5, file="c.txt", fact="F", disputed=True),
        pred(0, 5, file="b.txt", fact="G"),
    ]
    disputes = score(predictions, _deal_gold(), conflicts=CONFLICTS).disputes
    assert (disputes.caught, disputes.missed) == ([], ["deal"])
    # The flag itself is right: its majority gold fact is a conflict.
    assert (disputes.precision, disputes.recall) == (1.0, 0.0)


def test_a_conflict_grouped_but_not_flagged_is_missed():
    predictions = [
        pred(0, 5, file="a.txt", fact="F"),
        pred(0, 5, file="b.txt", fact="F"),
    ]
    disputes = score(predictions, _deal_gold(), conflicts=CONFLICTS).disputes
    assert (disputes.flagged, disputes.missed, disputes.precision) == (0, ["deal"], None)


def test_a_flag_whose_majority_gold_fact_is_no_conflict_is_wrong():
    predictions = [
        pred(0, 5, file="a.txt", fact="F", disputed=True),
        pred(0, 5, file="b.txt", fact="F", disputed=True),
        pred(10, 15, file="c.txt", fact="G", disputed=True),
    ]
    disputes = score(predictions, _deal_gold(), conflicts=CONFLICTS).disputes
    assert disputes.flagged == 2
    assert disputes.wrong_flags == [
        {"fact": "G", "reason": "majority gold fact age is no conflict"}
    ]
    assert (disputes.precision, disputes.recall) == (0.5, 1.0)


def test_a_flag_on_a_fact_without_matched_mentions_is_wrong():
    predictions = [pred(90, 95, file="a.txt", fact="H", disputed=True)]
    disputes = score(predictions, _deal_gold(), conflicts=CONFLICTS).disputes
    assert disputes.wrong_flags == [{"fact": "H", "reason": "no matched mentions"}]
    assert disputes.precision == 0.0


def test_a_tie_for_the_majority_gold_fact_counts_as_right_when_one_tied_fact_is_a_conflict():
    predictions = [
        pred(0, 5, file="a.txt", fact="F", disputed=True),
        pred(10, 15, file="c.txt", fact="F", disputed=True),
    ]
    assert score(predictions, _deal_gold(), conflicts=CONFLICTS).disputes.precision == 1.0


def test_prices_to_the_cent_that_differ_by_less_than_the_value_tolerance_still_differ():
    golds = [
        gold(0, 5, file="a.txt", fact="deal", value="41.27"),
        gold(0, 5, file="b.txt", fact="deal", value="41.19"),
    ]
    predictions = [
        pred(0, 5, file="a.txt", fact="F", disputed=True, value="41.27"),
        pred(0, 5, file="b.txt", fact="F", disputed=True, value="41.19"),
    ]
    assert score(predictions, golds, conflicts=CONFLICTS).disputes.caught == ["deal"]


def test_equal_gold_values_do_not_make_a_dispute():
    golds = [
        gold(0, 5, file="a.txt", fact="deal", value="16200000"),
        gold(0, 5, file="b.txt", fact="deal", value="16200000.0"),
    ]
    predictions = [
        pred(0, 5, file="a.txt", fact="F", disputed=True),
        pred(0, 5, file="b.txt", fact="F", disputed=True),
    ]
    assert score(predictions, golds, conflicts=CONFLICTS).disputes.missed == ["deal"]


def test_gold_dates_at_different_precisions_do_not_make_a_dispute():
    golds = [
        gold(0, 5, file="a.txt", fact="deal", kind="date", value="2023", unit=None),
        gold(0, 5, file="b.txt", fact="deal", kind="date", value="2023-04", unit=None),
    ]
    predictions = [
        pred(0, 5, file="b.txt", fact="F", disputed=True, kind="date", value="2023-04", unit=None),
        pred(0, 5, file="a.txt", fact="F", disputed=True, kind="date", value="2023", unit=None),
    ]
    assert score(predictions, golds, conflicts=CONFLICTS).disputes.missed == ["deal"]


# Loading, validation, output


def test_load_jsonl_names_the_file_and_line_of_a_bad_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"file": "a.txt"}\n\n{"file": \n', encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"gold\.jsonl:3: invalid JSON"):
        load_jsonl(path)


def test_load_jsonl_rejects_a_line_that_is_not_an_object(tmp_path):
    path = tmp_path / "decoys.jsonl"
    path.write_text("[1, 2]\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"decoys\.jsonl:1: expected a JSON object, got list"):
        load_jsonl(path)


def test_load_jsonl_names_missing_required_keys(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold()) + "\n" + json.dumps({"file": "a.txt"}) + "\n")
    with pytest.raises(EvaluationError, match=r"gold\.jsonl:2: missing key\(s\) start, end"):
        load_jsonl(path, required=GOLD_KEYS)


def test_load_jsonl_skips_blank_lines_and_reads_the_rest(tmp_path):
    path = tmp_path / "conflicts.jsonl"
    path.write_text('\n{"fact": "deal"}\n  \n{"fact": "stake"}\n', encoding="utf-8")
    assert load_jsonl(path, required=CONFLICT_KEYS) == [{"fact": "deal"}, {"fact": "stake"}]


def test_load_jsonl_reports_a_missing_file(tmp_path):
    with pytest.raises(EvaluationError, match="nope.jsonl: cannot read"):
        load_jsonl(tmp_path / "nope.jsonl")


def test_score_rejects_records_it_cannot_score():
    record = gold()
    del record["value"]
    with pytest.raises(EvaluationError, match=r"gold record 0 \(a.txt\): missing key\(s\) value"):
        score([], [record])
    with pytest.raises(EvaluationError, match="prediction record 0: needs 0 <= start <= end"):
        score([pred(5, 2)], [])


def test_check_spans_reports_text_that_is_not_the_body_slice():
    bodies = {"a.txt": "It cost $16 million."}
    records = [
        {"file": "a.txt", "start": 8, "end": 19, "text": "$16 million"},
        {"file": "a.txt", "start": 8, "end": 18, "text": "$16 million"},
        {"file": "b.txt", "start": 0, "end": 1, "text": "I"},
        {"file": "a.txt", "start": 8, "end": 99, "text": "$16 million"},
    ]
    problems = check_spans(records, bodies)
    assert len(problems) == 3
    assert "'$16 million' but the body has '$16 millio'" in problems[0]
    assert "no such file" in problems[1]
    assert "ends past the text" in problems[2]


def test_scores_serialise_to_json_and_the_report_shows_counts_and_diagnostics():
    golds = _deal_gold()
    predictions = [
        pred(0, 5, file="a.txt", fact="F", disputed=True, value="15000000", unit="EUR"),
        pred(0, 5, file="b.txt", fact="F", disputed=True, value="2", unit="EUR"),
        pred(30, 35, file="c.txt", text="GPT-4", kind="count", value="4", unit=None),
    ]
    decoys = [{"file": "c.txt", "start": 30, "end": 35, "text": "GPT-4"}]
    scores = score(predictions, golds, decoys, CONFLICTS)
    data = json.loads(json.dumps(scores.as_dict()))
    assert data["mentions"]["tp"] == 2
    assert data["disputes"]["caught"] == ["deal"]
    report = scores.format_report()
    lines = report.splitlines()
    assert lines[0].startswith("Mentions   P 0.667  R 0.500  F1 0.571")
    assert "tp 2  fp 1  fn 2" in lines[0]
    # The counts column lines up across the summary rows.
    assert lines[1].startswith("Strict     P 0.333  R 0.250")
    assert lines[0].index("tp 2") == lines[2].index("1/2 pairs") == lines[5].index("proposals")
    assert "False positives (1 of 1)" in report
    assert "c.txt 30-35 'GPT-4'  got count 4 - exact" in report
    assert "Misses (2 of 2)" in report
    assert "expected money 2000000000 EUR exact  got money 2 EUR exact" in report
    assert "Decoy hits (1 of 1)" in report


def test_an_empty_run_reports_n_a_rather_than_a_made_up_score():
    report = score([], []).format_report()
    assert "P n/a" in report
    assert "Values     n/a" in report


# The annotated corpora in this repository and in shared/


CORPORA = [
    (REPO / "articles" / "demo", REPO / "articles" / "demo", ""),
    (REPO / "tests" / "data" / "newsdev", REPO / "tests" / "data" / "newsdev", ""),
    (SHARED_SEEDS, SHARED_EVAL, "seeds-"),
]


@pytest.mark.parametrize(
    ("corpus", "annotations", "prefix"), CORPORA, ids=["demo", "newsdev", "seeds"]
)
def test_an_annotated_corpus_has_exact_spans_and_scores_perfectly_against_itself(
    corpus, annotations, prefix
):
    if not (annotations / f"{prefix}gold.jsonl").exists():
        if os.environ.get("CI"):
            pytest.fail(f"the annotations are missing from {annotations}")
        pytest.skip(f"no annotations in {annotations}")
    bodies = {doc.file: doc.body for doc in read_corpus(corpus)}
    golds = load_jsonl(annotations / f"{prefix}gold.jsonl", required=GOLD_KEYS)
    decoys = load_jsonl(annotations / f"{prefix}decoys.jsonl", required=DECOY_KEYS)
    conflicts = load_jsonl(annotations / f"{prefix}conflicts.jsonl", required=CONFLICT_KEYS)
    assert check_spans(golds, bodies) == []
    assert check_spans(decoys, bodies) == []
    conflict_facts = {c["fact"] for c in conflicts}
    assert conflict_facts <= {g["fact"] for g in golds}
    assert all(g["value"] != "relative" for g in golds if not g.get("optional"))

    perfect = [
        g | {"disputed": g["fact"] in conflict_facts} for g in golds if not g.get("optional")
    ]
    scores = score(perfect, golds, decoys, conflicts)
    assert (scores.mentions.precision, scores.mentions.recall) == (1.0, 1.0)
    assert scores.values.value_accuracy == scores.values.qualifier_accuracy == 1.0
    assert scores.decoy_hits == 0
    assert scores.facts.precision == 1.0
    assert scores.facts.recall in (1.0, None)
    assert (scores.disputes.precision, scores.disputes.recall) == (1.0, 1.0)


# Strict mentions


def test_a_strict_match_needs_the_value_right_too():
    predictions = [pred(0, 5), pred(10, 15, value="999")]
    golds = [gold(0, 5), gold(10, 15), gold(20, 25)]
    strict = score(predictions, golds).strict_mentions
    assert (strict.tp, strict.fp, strict.fn) == (1, 1, 2)
    assert (strict.precision, strict.recall) == (0.5, 1 / 3)


def test_strict_scores_leave_optional_mentions_out_as_the_plain_ones_do():
    strict = score([pred(0, 5, value="1")], [gold(0, 5, optional=True)]).strict_mentions
    assert (strict.tp, strict.fp, strict.fn) == (0, 0, 0)
    assert strict.f1 is None


# Subjects


def test_content_word_f1_compares_the_words_that_carry_meaning():
    assert content_word_f1("the price of a Reddit share", "Reddit share price") == 1.0
    # 2 shared of 3 predicted and 2 gold words: P 2/3, R 1.
    assert content_word_f1("Reddit share loss", "Reddit's share") == pytest.approx(0.8)
    assert content_word_f1("came", "Reddit share price") == 0.0
    assert content_word_f1("anything", "of the") is None


@pytest.mark.parametrize(
    ("subject", "name"),
    [
        ("Harbor Tunnel tolls collected per day", "Harbor Tunnel"),
        ("Bank of Lisbon quarterly profit", "Bank of Lisbon"),
        ("ACME Corp. staff laid off", "ACME Corp."),
        ("Route 9 closure: date", "Route 9"),
        ("Zorblat IPO price per share", "Zorblat"),
        ("Zorblat's opening price", "Zorblat's"),
        ("Nordvik Energy's stake in the field", "Nordvik Energy's"),
        ("price paid by Nordvik Energy", "Nordvik Energy"),
        ("Year of the Harbor Tunnel count", "Harbor Tunnel"),
        ("Year Zorblat was founded", "Zorblat"),
        ("Zorblat revenue", "Zorblat"),
        ("dateline", None),
        ("Price of a ticket", None),
    ],
)
def test_the_first_proper_name_of_a_subject(subject, name):
    # Words the gold subjects of the set write in lower case: "year", "price" start a
    # subject with a capital only because they come first.
    assert first_proper_name(subject, {"year", "price", "revenue", "count"}) == name


def test_a_subject_names_a_proper_name_when_it_holds_every_word_of_it():
    assert names("harbor tunnel daily tolls", "Harbor Tunnel")
    assert names("Lisbon Bank profit", "Bank of Lisbon")
    assert names("Zorblat share price", "Zorblat's")
    assert not names("Harbor tolls", "Harbor Tunnel")
    assert not names("anything", "")


def test_subject_scores_average_over_matched_required_pairs():
    predictions = [
        pred(0, 5, subject="Zorblat share price"),
        pred(10, 15, subject="came"),
        pred(20, 25, subject="Zorblat"),
    ]
    golds = [
        gold(0, 5, subject="Zorblat share price"),
        gold(10, 15, subject="Harbor Tunnel tolls"),
        gold(20, 25, subject="Zorblat revenue", optional=True),
    ]
    subjects = score(predictions, golds).subjects
    assert subjects.pairs == 2
    assert subjects.content_f1 == 0.5
    assert (subjects.named_pairs, subjects.names_found, subjects.name_share) == (2, 1, 0.5)


def test_a_gold_subject_with_a_lower_case_first_word_elsewhere_starts_no_name():
    predictions = [pred(0, 5, subject="tunnel count"), pred(10, 15, subject="x")]
    golds = [
        gold(0, 5, subject="Year of the Harbor Tunnel count"),
        gold(10, 15, subject="count year"),
    ]
    subjects = score(predictions, golds).subjects
    # "Year" is written "year" in another gold subject, so the name is "Harbor Tunnel".
    assert (subjects.named_pairs, subjects.names_found) == (1, 0)


# Import orders


def test_order_spread_reports_the_lowest_highest_and_spread_of_each_ratio():
    golds = [gold(0, 5, fact="x"), gold(0, 5, file="b.txt", fact="x"), gold(0, 5, file="c.txt")]
    right = [pred(0, 5, fact="p"), pred(0, 5, file="b.txt", fact="p"), pred(0, 5, file="c.txt")]
    wrong = [pred(0, 5, fact="p"), pred(0, 5, file="b.txt"), pred(0, 5, file="c.txt", fact="p")]
    spread = order_spread([score(right, golds), score(wrong, golds)])
    assert spread.orders == 2
    f1 = spread.fact_f1
    assert (f1.runs, f1.min, f1.max, f1.stdev) == (2, 0.0, 1.0, 0.5)
    # No gold conflicts: dispute recall is n/a in every run, so it has no spread.
    assert (spread.dispute_recall.runs, spread.dispute_recall.stdev) == (0, None)


def test_order_spread_of_equal_runs_has_no_spread():
    run = score([pred(0, 5, fact="a"), pred(0, 5, file="b.txt", fact="a")], two_files_one_fact)
    spread = order_spread([run, run, run])
    assert (spread.fact_f1.min, spread.fact_f1.max, spread.fact_f1.stdev) == (1.0, 1.0, 0.0)
    assert spread.fact_f1.runs == 3


two_files_one_fact = [gold(0, 5, fact="x"), gold(0, 5, file="b.txt", fact="x")]
