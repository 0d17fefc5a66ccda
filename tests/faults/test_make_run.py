"""`make run` stops cleanly whichever way it is told to: SIGTERM to make (a supervisor,
`kill`), SIGINT to its process group (Ctrl-C), SIGHUP to it (the terminal closed). Within
10 s no process it started is left, the worker's pool and the dev server's copy included."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.request
from contextlib import suppress
from pathlib import Path

import pytest

from tests.faults.conftest import free_port
from tests.helpers import ROOT, wait_for

SIGNALS = {
    "SIGTERM-to-make": (signal.SIGTERM, os.kill),
    "SIGINT-to-the-group": (signal.SIGINT, os.killpg),
    "SIGHUP-to-the-group": (signal.SIGHUP, os.killpg),
}


def descendants(root: int) -> set[int]:
    listing = subprocess.run(["ps", "-e", "-o", "pid=,ppid="], capture_output=True, text=True)
    pairs = [tuple(map(int, line.split())) for line in listing.stdout.splitlines()]
    found, grew = {root}, True
    while grew:
        grew = False
        for pid, ppid in pairs:
            if ppid in found and pid not in found:
                found.add(pid)
                grew = True
    return found


def running(pids: set[int]) -> set[int]:
    """The pids still running (a zombie waiting for its parent is done)."""
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            continue
        if state != "Z":
            alive.add(pid)
    return alive


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.mark.parametrize("how", SIGNALS)
def test_make_run_stops_on_a_signal_and_leaves_no_process(how, tmp_path):
    if not Path("/proc").is_dir():
        pytest.skip("the process check reads /proc")
    signum, send = SIGNALS[how]
    port = free_port()
    log = tmp_path / "make-run.log"
    environment = {
        key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    environment.update(
        PORT=str(port),
        DATABASE_URL=f"sqlite:///{tmp_path / 'app.sqlite3'}",
        BROKER_FOLDER=str(tmp_path / "broker"),
        CACHE_URL="locmem://",
        CELERY_BROKER_URL="",
        DEMO_PASSWORD="demo-password-for-tests",
    )
    # given `make run` serving, its worker ready
    with log.open("w") as output:
        make = subprocess.Popen(
            ["make", "run"],
            cwd=ROOT,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_for(
            lambda: answers(f"http://127.0.0.1:{port}/healthz") and " ready." in log.read_text(),
            timeout=180,
            every=0.5,
        )
        started = descendants(make.pid)
        assert len(started) >= 5  # make, the script, the worker and its pool, the server

        # when it is told to stop
        stopped_at = time.monotonic()
        send(make.pid, signum)

        # then within 10 s, every process it started is gone
        make.wait(15)
        wait_for(lambda: not running(started), timeout=10 - (time.monotonic() - stopped_at))
        print(f"make run stopped by {how} in {time.monotonic() - stopped_at:.1f} s")
    finally:
        for pid in running(descendants(make.pid)) | {make.pid}:
            with suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signal.SIGKILL)
