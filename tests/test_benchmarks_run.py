"""The matching benchmark still runs against the code it measures (a smoke run, no timing)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_matching_benchmark_runs_on_a_small_store():
    environment = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "bench_matching.py"),
            "--sizes",
            "50",
            "--articles",
            "2",
            "--fact-sizes",
            "5",
            "--repeats",
            "1",
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert result.returncode == 0, result.stderr[-2000:]
    assert "adding a mention to a fact of     5 mentions" in result.stdout
    assert "claims stored (sqlite" in result.stdout
