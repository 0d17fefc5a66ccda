"""Score the real pipeline on an annotated corpus, in a throwaway database."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import closing
from dataclasses import asdict
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections

from articles.corpus import CorpusError, read_corpus
from articles.importing import import_documents
from claims.evaluation import EvaluationError, load_jsonl, order_spread, score
from claims.extraction.types import decimal_text
from claims.models import Fact
from claims.pipeline import propose_claims

# Set in the child process that owns the throwaway database.
THROWAWAY_FLAG = "FACTCHECK_EVALUATION_DATABASE"


class Command(BaseCommand):
    help = (
        "Run the extraction pipeline on a corpus folder in a throwaway database, write one JSON "
        "line per proposed claim, and score it against gold annotations if given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "corpus", help="folder of NAME.txt files with optional NAME.json sidecars"
        )
        parser.add_argument(
            "--predictions", required=True, help="where to write the JSONL predictions"
        )
        parser.add_argument("--gold", help="gold mentions (JSONL)")
        parser.add_argument("--decoys", help="spans that must not be proposed (JSONL)")
        parser.add_argument("--conflicts", help="facts whose sources disagree (JSONL)")
        parser.add_argument("--json", action="store_true", help="print the scores as JSON")
        parser.add_argument("--min-f1", type=float, help="fail when mention F1 is below this")
        parser.add_argument(
            "--min-value-accuracy", type=float, help="fail below this value accuracy"
        )
        parser.add_argument("--max-decoy-hits", type=int, help="fail above this many decoy hits")
        parser.add_argument(
            "--orders",
            type=int,
            default=0,
            help="also import the corpus in this many shuffled orders and report how fact "
            "F1 and dispute recall and precision move (needs --gold)",
        )
        parser.add_argument(
            "--seed", type=int, default=0, help="seed of the shuffled orders (default 0)"
        )

    def handle(self, *args, **options):
        if options["orders"] < 0:
            raise CommandError("--orders must be 0 or more")
        if options["orders"] and not options["gold"]:
            raise CommandError("--orders needs --gold to score each order")
        if os.environ.get(THROWAWAY_FLAG) != settings.DATABASES["default"]["NAME"]:
            return self.run_in_throwaway_database(options)
        call_command("migrate", verbosity=0, interactive=False)
        migrated = snapshot_database()
        documents = self.read(Path(options["corpus"]))
        predictions = predict(documents)
        write_jsonl(Path(options["predictions"]), predictions)
        if not options["gold"]:
            self.stdout.write(f"{len(predictions)} claims written to {options['predictions']}")
            return
        self.report(predictions, options, self.score_orders(documents, migrated, options))

    def run_in_throwaway_database(self, options) -> None:
        """Run this command again in a child process whose database is a temporary file.

        A separate process is the simple way to be sure the user's database is
        never opened: the child's settings name only the temporary one.
        """
        with tempfile.TemporaryDirectory(prefix="factcheck-evaluate-") as folder:
            database = Path(folder) / "evaluation.sqlite3"
            env = dict(
                os.environ,
                DATABASE_URL=f"sqlite:///{database}",
                CELERY_BROKER_URL="memory://localhost/",
                LOG_LEVEL="WARNING",
            )
            env[THROWAWAY_FLAG] = str(database)
            argv = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "evaluate"]
            argv += [
                str(Path(options["corpus"]).resolve()),
                "--predictions",
                str(Path(options["predictions"]).resolve()),
            ]
            for name in ("gold", "decoys", "conflicts"):
                if options[name]:
                    argv += [f"--{name}", str(Path(options[name]).resolve())]
            for name in ("min_f1", "min_value_accuracy", "max_decoy_hits", "orders", "seed"):
                if options[name] is not None:
                    argv += [f"--{name.replace('_', '-')}", str(options[name])]
            if options["json"]:
                argv.append("--json")
            result = subprocess.run(argv, env=env, capture_output=True, text=True)
        self.stdout.write(result.stdout, ending="")
        self.stderr.write(result.stderr, ending="")
        if result.returncode != 0:
            raise CommandError("evaluation failed", returncode=result.returncode)

    def read(self, corpus: Path) -> list:
        try:
            documents = list(read_corpus(corpus))
        except CorpusError as exc:
            raise CommandError(str(exc)) from exc
        if not documents:
            raise CommandError(f"{corpus} holds no .txt files")
        return documents

    def score_orders(self, documents: list, migrated: Path, options) -> list:
        """Scores of the corpus imported in ``--orders`` shuffled orders, one per order, each
        into the freshly migrated database."""
        runs = []
        for order in shuffled_orders(documents, options["orders"], options["seed"]):
            restore_database(migrated)
            runs.append(self.score(predict(order), options))
        return runs

    def score(self, predictions: list[dict], options):
        try:
            return score(
                predictions,
                load_jsonl(options["gold"]),
                load_jsonl(options["decoys"]) if options["decoys"] else None,
                load_jsonl(options["conflicts"]) if options["conflicts"] else None,
            )
        except EvaluationError as exc:
            raise CommandError(str(exc)) from exc

    def report(self, predictions: list[dict], options, order_runs: list) -> None:
        scores = self.score(predictions, options)
        spread = order_spread(order_runs) if order_runs else None
        if options["json"]:
            result = scores.as_dict()
            if spread is not None:
                result["orders"] = asdict(spread)
            self.stdout.write(json.dumps(result, indent=2, default=str))
        else:
            self.stdout.write(scores.format_report(orders=spread))
        failures = below_floors(scores, options)
        if failures:
            raise CommandError("below the floor: " + "; ".join(failures))


def predict(documents: list) -> list[dict]:
    """Import the documents in this order, propose their claims, and read the claims back."""
    summary = import_documents(documents)
    if summary.failed or summary.duplicates:
        problems = summary.failed + [(name, "duplicate text") for name in summary.duplicates]
        raise CommandError("; ".join(f"{name}: {reason}" for name, reason in problems))
    for article in summary.imported:
        propose_claims(article)
    # Read the claims once every article is in: a later article can change the fact (and its
    # agreement) of an earlier article's claim.
    predictions = []
    for article in sorted(summary.imported, key=lambda article: article.original_filename):
        for claim in article.claims.select_related("fact").order_by("start"):
            predictions.append(prediction_record(article.original_filename, claim))
    return predictions


def snapshot_database() -> Path:
    """A copy of the freshly migrated throwaway database, beside it, for the next orders.

    Copying the file back is far quicker than migrating again, and each order then commits
    as the worker does (work deferred to after a commit runs).
    """
    database = Path(connection.settings_dict["NAME"])
    snapshot = database.with_name(f"{database.stem}-migrated{database.suffix}")
    _copy_database(database, snapshot)
    return snapshot


def restore_database(snapshot: Path) -> None:
    _copy_database(snapshot, Path(connection.settings_dict["NAME"]))


def _copy_database(source: Path, target: Path) -> None:
    connections.close_all()
    with closing(sqlite3.connect(source)) as reader, closing(sqlite3.connect(target)) as writer:
        reader.backup(writer)


def shuffled_orders(documents: list, count: int, seed: int) -> list[list]:
    """``count`` orders of the documents, shuffled reproducibly from ``seed``."""
    rng = random.Random(seed)
    orders = []
    for _ in range(count):
        order = list(documents)
        rng.shuffle(order)
        orders.append(order)
    return orders


# The annotation format writes every percent, points included, with the unit "percent".
FORMAT_UNITS = {"percentage points": "percent"}


def prediction_record(file: str, claim) -> dict:
    return {
        "file": file,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "kind": claim.kind,
        "value": claim.date if claim.kind == "date" else _number(claim.number),
        "unit": FORMAT_UNITS.get(claim.unit, claim.unit) or None,
        "qualifier": claim.qualifier,
        "subject": claim.subject,
        "key": claim.subject_key,
        "fact": claim.fact_id,
        "disputed": claim.fact is not None and claim.fact.agreement == Fact.Agreement.DISPUTED,
    }


def _number(number) -> str:
    return "" if number is None else decimal_text(number)


def below_floors(scores, options) -> list[str]:
    failures = []
    f1 = scores.mentions.f1 or 0.0
    accuracy = scores.values.value_accuracy or 0.0
    if options["min_f1"] is not None and f1 < options["min_f1"]:
        failures.append(f"mention F1 {f1:.3f} < {options['min_f1']}")
    if options["min_value_accuracy"] is not None and accuracy < options["min_value_accuracy"]:
        failures.append(f"value accuracy {accuracy:.3f} < {options['min_value_accuracy']}")
    if options["max_decoy_hits"] is not None and scores.decoy_hits > options["max_decoy_hits"]:
        failures.append(f"{scores.decoy_hits} decoy hits > {options['max_decoy_hits']}")
    return failures


def write_jsonl(path: Path, records: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
