from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from claims.management.commands.evaluate import shuffled_orders
from tests.helpers import SEED_EVAL

BODY = "Shares fell 4% on Tuesday after the bank reported a loss of $2.5 billion.\n"


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(BODY, encoding="utf-8")
    (folder / "a.json").write_text(json.dumps({"outlet": "Wire", "published": "2024-05-02"}))
    gold = [
        {
            "file": "a.txt",
            "start": 12,
            "end": 14,
            "text": "4%",
            "kind": "percent",
            "value": "-4",
            "unit": "percent",
            "qualifier": "exact",
            "subject": "share fall",
            "fact": "fall",
        },
        {
            "file": "a.txt",
            "start": 59,
            "end": 71,
            "text": "$2.5 billion",
            "kind": "money",
            "value": "2500000000",
            "unit": "USD",
            "qualifier": "exact",
            "subject": "loss",
            "fact": "loss",
        },
    ]
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text("".join(json.dumps(line) + "\n" for line in gold))
    return folder, gold_path


def read_jsonl(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_evaluate_writes_one_line_per_claim_and_scores_it(corpus, tmp_path, capsys, db):
    folder, gold = corpus
    out = tmp_path / "predictions.jsonl"

    call_command("evaluate", str(folder), "--predictions", str(out), "--gold", str(gold), "--json")

    scores = json.loads(capsys.readouterr().out)
    predictions = read_jsonl(out)
    assert {p["text"] for p in predictions} >= {"4%", "$2.5 billion"}
    assert set(predictions[0]) == {
        "file",
        "start",
        "end",
        "text",
        "kind",
        "value",
        "unit",
        "qualifier",
        "subject",
        "key",
        "fact",
        "disputed",
    }
    assert all(BODY[p["start"] : p["end"]] == p["text"] for p in predictions)
    assert scores["mentions"]["recall"] == 1.0


def test_evaluate_never_touches_the_users_database(corpus, tmp_path, db):
    folder, gold = corpus

    call_command("evaluate", str(folder), "--predictions", str(tmp_path / "p.jsonl"))

    assert Article.objects.count() == 0


def test_evaluate_fails_below_a_floor(corpus, tmp_path, db):
    folder, gold = corpus

    with pytest.raises(CommandError):
        call_command(
            "evaluate",
            str(folder),
            "--predictions",
            str(tmp_path / "p.jsonl"),
            "--gold",
            str(gold),
            "--min-f1",
            "1.01",
        )


def test_evaluate_reports_a_missing_corpus_clearly(tmp_path, capsys, db):
    with pytest.raises(CommandError):
        call_command("evaluate", str(tmp_path / "nowhere"), "--predictions", str(tmp_path / "p"))

    assert "is not a folder" in capsys.readouterr().err


def test_the_seeds_score_above_the_floors(seeds_folder, tmp_path, capsys, db):
    call_command(
        "evaluate",
        str(seeds_folder),
        "--predictions",
        str(tmp_path / "seeds.jsonl"),
        "--gold",
        str(SEED_EVAL / "seeds-gold.jsonl"),
        "--decoys",
        str(SEED_EVAL / "seeds-decoys.jsonl"),
        "--conflicts",
        str(SEED_EVAL / "seeds-conflicts.jsonl"),
        "--min-f1",
        "0.9",
        "--min-value-accuracy",
        "0.9",
        "--max-decoy-hits",
        "0",
    )

    assert "Mentions" in capsys.readouterr().out


@pytest.fixture
def two_outlets(tmp_path):
    """Two articles giving one fine in two amounts, with gold for both mentions."""
    folder = tmp_path / "outlets"
    folder.mkdir()
    texts = {
        "a.txt": "Regulators fined Harbor Freight Lines $3 million on Monday.\n",
        "b.txt": "Harbor Freight Lines was fined $30 million by regulators on Monday.\n",
    }
    gold = []
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
        figure = "$3 million" if name == "a.txt" else "$30 million"
        start = text.index(figure)
        gold.append(
            {
                "file": name,
                "start": start,
                "end": start + len(figure),
                "text": figure,
                "kind": "money",
                "value": "3000000" if name == "a.txt" else "30000000",
                "unit": "USD",
                "qualifier": "exact",
                "subject": "Harbor Freight Lines fine",
                "fact": "fine",
            }
        )
    gold_path = tmp_path / "outlets-gold.jsonl"
    gold_path.write_text("".join(json.dumps(line) + "\n" for line in gold))
    return folder, gold_path


def test_orders_report_the_spread_of_fact_f1_and_disputes_over_shuffled_imports(
    two_outlets, tmp_path, capsys, db
):
    folder, gold = two_outlets
    argv = ["evaluate", str(folder), "--predictions", str(tmp_path / "p.jsonl")]
    argv += ["--gold", str(gold), "--orders", "3", "--seed", "7", "--json"]

    call_command(*argv)
    first = json.loads(capsys.readouterr().out)
    call_command(*argv)
    second = json.loads(capsys.readouterr().out)

    assert first["orders"]["orders"] == 3
    assert set(first["orders"]) == {"orders", "fact_f1", "dispute_recall", "dispute_precision"}
    assert set(first["orders"]["fact_f1"]) == {"runs", "min", "max", "stdev"}
    assert first["orders"] == second["orders"]  # the same seed gives the same orders
    assert first["strict_mentions"]["tp"] <= first["mentions"]["tp"]
    assert first["subjects"]["named_pairs"] == first["mentions"]["tp"]


def test_the_text_report_shows_strict_mentions_subjects_and_orders(
    two_outlets, tmp_path, capsys, db
):
    folder, gold = two_outlets

    call_command(
        "evaluate",
        str(folder),
        "--predictions",
        str(tmp_path / "p.jsonl"),
        "--gold",
        str(gold),
        "--orders",
        "2",
    )

    out = capsys.readouterr().out
    assert "Strict     P" in out
    assert "Subjects   F1" in out
    assert "Orders     2 shuffled import orders" in out
    assert "fact F1    min" in out


def test_orders_need_gold_to_be_scored(two_outlets, tmp_path, db):
    folder, _ = two_outlets

    with pytest.raises(CommandError, match="needs --gold"):
        call_command("evaluate", str(folder), "--predictions", str(tmp_path / "p"), "--orders", "2")


def test_shuffled_orders_are_reproducible_permutations():
    documents = list("abcdefgh")

    orders = shuffled_orders(documents, 4, seed=3)

    assert orders == shuffled_orders(documents, 4, seed=3)
    assert orders != shuffled_orders(documents, 4, seed=4)
    assert all(sorted(order) == documents for order in orders)
    assert len({tuple(order) for order in orders}) > 1
