from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
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
            "value": "4",
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
