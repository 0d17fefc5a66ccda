"""What tests share besides fixtures: accounts, the real broker's queue, waiting for a
condition, and a real Celery worker process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.db.models import F

from factcheck.celery import app as celery_app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
SEED_EVAL = ROOT.parent / "shared" / "eval"


def status_history(article) -> list[str]:
    """The article's status history: its changes of status and each extraction's start (not
    the events that keep the status, such as the story it joined)."""
    history = article.events.order_by("pk")
    changes = history.exclude(from_status=F("to_status")) | history.filter(
        note="extraction started"
    )
    return list(changes.order_by("pk").values_list("to_status", flat=True))


def make_user(username: str, *, groups: list[str] = (), **flags):
    user = get_user_model().objects.create_user(
        username=username, password="pw-for-tests-only", **flags
    )
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


def queued_messages(queue: str = "celery") -> int:
    """How many task messages wait on the real broker."""
    with celery_app.connection_for_read() as conn:
        return conn.default_channel.queue_declare(queue, passive=False).message_count


def purge_queue(queue: str = "celery") -> None:
    with celery_app.connection_for_write() as conn:
        conn.default_channel.queue_purge(queue)


def wait_for(condition: Callable[[], object], *, timeout: float = 60, every: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(every)
    raise AssertionError(f"gave up waiting after {timeout} s")


def worker_environment() -> dict[str, str]:
    """The environment of a worker process that uses the test database and broker."""
    db = connection.settings_dict
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="factcheck.settings")
    if db["ENGINE"].endswith("sqlite3"):
        env["DATABASE_URL"] = f"sqlite:///{db['NAME']}"
    else:
        auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
        env["DATABASE_URL"] = (
            f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        )
    env["CELERY_BROKER_URL"] = settings.CELERY_BROKER_URL
    if settings.CELERY_BROKER_URL.startswith("filesystem://"):
        env["BROKER_FOLDER"] = str(settings.BROKER_FOLDER)
    return env


class WorkerProcess:
    """A real `celery worker` process, started and stopped by a test."""

    def __init__(self, *extra_args: str, env: dict[str, str] | None = None):
        self.extra_args = extra_args
        self.env = env or {}
        self.process: subprocess.Popen | None = None
        self.output: list[str] = []
        self.ready = threading.Event()

    def start(self, timeout: float = 60) -> WorkerProcess:
        self.ready.clear()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "factcheck",
                "worker",
                "--loglevel",
                "INFO",
                "--concurrency",
                "1",
                "--without-gossip",
                "--without-mingle",
                *self.extra_args,
            ],
            cwd=ROOT,
            env={**worker_environment(), **self.env},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        threading.Thread(target=self._read_output, daemon=True).start()
        if not self.ready.wait(timeout):
            self.stop()
            raise AssertionError("the worker did not start:\n" + "".join(self.output[-40:]))
        return self

    def _read_output(self) -> None:
        for line in self.process.stdout:
            self.output.append(line)
            if " ready." in line:
                self.ready.set()

    def pool_child_pids(self) -> list[int]:
        result = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True
        )
        return [int(pid) for pid in result.stdout.split()]

    def kill(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.kill()
