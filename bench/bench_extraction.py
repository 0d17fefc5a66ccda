"""Throughput of claims.extraction.extract_figures, and of quantulum3 on the same news text.

    .venv/bin/python bench/bench_extraction.py [--json] [--size BYTES] [--quantulum-bytes BYTES]

Builds at least --size bytes of news text by cycling the project's own articles
(articles/demo and tests/data/newsdev), pins the process to one CPU, and reports words per
second for each tool: the best of 3 timed runs after one warm-up run. Both tools are called
once per article, as the worker calls the extractor. quantulum3 is much slower (a full
1 MB takes minutes), so by default it is timed on the first --quantulum-bytes of the same
articles, in the same order; words/s are comparable all the same. Needs no Django; quantulum3 is the optional "bench" dependency.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from articles.corpus import CorpusDocument, read_corpus  # noqa: E402
from claims.extraction import extract_figures  # noqa: E402

SOURCES = [ROOT / "articles" / "demo", ROOT / "tests" / "data" / "newsdev"]
RUNS = 3


def build_corpus(size: int) -> list[CorpusDocument]:
    """The project's articles, repeated in order until their bodies hold at least size bytes."""
    texts = [doc for folder in SOURCES for doc in read_corpus(folder)]
    if not texts:
        raise SystemExit(f"no articles found in {', '.join(map(str, SOURCES))}")
    corpus, total = [], 0
    while total < size:
        doc = texts[len(corpus) % len(texts)]
        corpus.append(doc)
        total += len(doc.body.encode("utf-8"))
    return corpus


def pin_to_one_cpu() -> int | None:
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def best_time(run: Callable[[CorpusDocument], object], docs: list[CorpusDocument]) -> float:
    """Seconds of the fastest of RUNS passes over docs, after one warm-up pass."""
    for doc in docs:
        run(doc)
    best = float("inf")
    for _ in range(RUNS):
        started = time.perf_counter()
        for doc in docs:
            run(doc)
        best = min(best, time.perf_counter() - started)
    return best


def measure(name: str, run: Callable, docs: list[CorpusDocument]) -> dict:
    words = sum(len(doc.body.split()) for doc in docs)
    seconds = best_time(run, docs)
    return {
        "tool": name,
        "articles": len(docs),
        "bytes": sum(len(doc.body.encode("utf-8")) for doc in docs),
        "words": words,
        "seconds": round(seconds, 4),
        "words_per_second": round(words / seconds),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--size", type=int, default=1_000_000, help="corpus bytes (default 1 MB)")
    parser.add_argument(
        "--quantulum-bytes",
        type=int,
        default=200_000,
        help="bytes quantulum3 is timed on, at least 100 KB; 0 for the whole corpus (default 200 KB)",
    )
    args = parser.parse_args()
    if 0 < args.quantulum_bytes < 100_000:
        parser.error("--quantulum-bytes must be 0 or at least 100000")

    try:
        with warnings.catch_warnings():
            # quantulum3 warns that its optional classifier is missing; the parser works without it.
            warnings.simplefilter("ignore")
            from quantulum3 import parser as quantulum
        from importlib.metadata import version

        quantulum_version = version("quantulum3")
    except ImportError:
        print(
            "quantulum3 is not installed. Install it into the project's virtualenv with:\n"
            "    .venv/bin/pip install quantulum3==0.9.2\n"
            "or: .venv/bin/pip install -e '.[bench]'",
            file=sys.stderr,
        )
        return 2

    cpu = pin_to_one_cpu()
    corpus = build_corpus(args.size)
    whole = args.quantulum_bytes == 0 or args.quantulum_bytes >= args.size
    sliced = corpus if whole else build_corpus(args.quantulum_bytes)
    ours = measure(
        "claims.extraction",
        lambda doc: extract_figures(doc.body, published=doc.published),
        corpus,
    )
    theirs = measure(
        f"quantulum3 {quantulum_version}", lambda doc: quantulum.parse(doc.body), sliced
    )
    result = {
        "python": platform.python_version(),
        "cpu": cpu,
        "runs": f"best of {RUNS} after a warm-up",
        "quantulum3_on_slice": sliced is not corpus,
        "results": [ours, theirs],
        "ratio": round(ours["words_per_second"] / theirs["words_per_second"], 1),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0

    print(
        f"Extraction throughput: Python {result['python']}, pinned to CPU {cpu}, "
        f"{result['runs']}, one call per article"
    )
    print(f"{'tool':<22}{'articles':>9}{'words':>10}{'seconds':>10}{'words/s':>10}")
    for row in result["results"]:
        print(
            f"{row['tool']:<22}{row['articles']:>9,}{row['words']:>10,}"
            f"{row['seconds']:>10.3f}{row['words_per_second']:>10,}"
        )
    if result["quantulum3_on_slice"]:
        print(
            f"quantulum3 timed on the first {theirs['bytes']:,} of the {ours['bytes']:,} bytes "
            "(the same articles, in the same order)"
        )
    print(f"ratio: claims.extraction is {result['ratio']}x the words/s of quantulum3")
    return 0


if __name__ == "__main__":
    sys.exit(main())
