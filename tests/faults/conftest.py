"""Servers a fault test may stop: a private Redis and a private PostgreSQL cluster.

Never the machine's shared ones: other test runs use those at the same time.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import redis
from django.db import connection

from factcheck.celery import app as celery_app
from tests.helpers import ROOT, wait_for


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def missing_tool(message: str) -> None:
    """Skip here, fail in CI: CI must run every fault test."""
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


# --------------------------------------------------------------------------------------------
# Redis
# --------------------------------------------------------------------------------------------


class RedisServer:
    """A redis-server of our own on a free port, without persistence: a restart empties it."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> RedisServer:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
                "--logfile",
                str(self.folder / "redis.log"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(self._answers, timeout=20)
        return self

    def _answers(self) -> bool:
        try:
            return redis.Redis(port=self.port, socket_timeout=1).ping()
        except redis.RedisError:
            return False

    def kill(self) -> None:
        """A crash: the server and every message it held are gone."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def freeze(self) -> None:
        """Hung: connections are accepted by the kernel and never answered."""
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self) -> None:
        self.process.send_signal(signal.SIGCONT)


@pytest.fixture
def redis_server(tmp_path) -> Iterator[RedisServer]:
    if shutil.which("redis-server") is None:
        missing_tool("redis-server is not installed: the broker fault tests need their own Redis")
    folder = tmp_path / "redis"
    folder.mkdir()
    server = RedisServer(folder).start()
    yield server
    server.kill()


def reset_broker_connections() -> None:
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def private_broker(redis_server, settings, monkeypatch) -> Iterator[RedisServer]:
    """The test process and the workers it starts send and read tasks on redis_server."""
    # Celery reads CELERY_BROKER_URL from the environment before its configuration.
    monkeypatch.setenv("CELERY_BROKER_URL", redis_server.url)
    monkeypatch.setitem(celery_app.conf, "CELERY_BROKER_URL", redis_server.url)
    monkeypatch.setitem(
        celery_app.conf, "CELERY_BROKER_TRANSPORT_OPTIONS", settings.REDIS_TRANSPORT_OPTIONS
    )
    settings.CELERY_BROKER_URL = redis_server.url  # what worker_environment() passes on
    reset_broker_connections()
    yield redis_server
    reset_broker_connections()


# --------------------------------------------------------------------------------------------
# PostgreSQL
# --------------------------------------------------------------------------------------------


def postgres_bin() -> Path | None:
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).resolve().parent
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4])
    )
    return Path(found[-1]).parent if found else None


class PostgresCluster:
    """A PostgreSQL cluster of our own in a temporary folder, on a free port, trust auth."""

    def __init__(self, bin_dir: Path):
        self.bin = bin_dir
        self.port = free_port()
        # Not under pytest's tmp_path: the postgres user must be able to reach the folder.
        self.folder = Path(tempfile.mkdtemp(prefix="factcheck-pg-"))
        self.data = self.folder / "data"
        # initdb and postgres refuse to run as root: run them as the postgres user.
        self.run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.run_as:
            shutil.chown(self.folder, "postgres", "postgres")

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run(
            [*self.run_as, str(self.bin / tool), *args],
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        )

    def create(self, database: str) -> PostgresCluster:
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")
        self.start()
        self.create_database(database)
        return self

    def create_database(self, name: str, template: str = "template1") -> None:
        address = ["-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres"]
        self._run("createdb", *address, "-T", template, name)

    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.folder / "server.log")
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", log, "-o", options, "-w", "-t", "60", "start"
        )

    def stop(self, mode: str = "fast") -> None:
        """fast: every session is terminated, open transactions roll back, then it shuts down."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def remove(self) -> None:
        try:
            if self.running():
                self.stop(mode="immediate")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


TEMPLATE = "factcheck_template"


@pytest.fixture(scope="module")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """A private cluster holding a migrated database to copy for each test."""
    bin_dir = postgres_bin()
    if bin_dir is None:
        missing_tool(
            "PostgreSQL's initdb is not installed: the restart tests need their own cluster"
        )
    cluster = PostgresCluster(bin_dir)
    try:
        cluster.create(TEMPLATE)
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
            cwd=ROOT,
            env=dict(os.environ, DATABASE_URL=cluster.url(TEMPLATE)),
            check=True,
            timeout=300,
        )
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture
def restartable_database(postgres_cluster, django_db_blocker, request) -> Iterator[PostgresCluster]:
    """A fresh migrated database on the private cluster, used by this process and its workers."""
    if not postgres_cluster.running():
        postgres_cluster.start()  # a previous test failed while it was stopped
    name = re.sub(r"\W", "_", request.node.name.lower())[:60]
    postgres_cluster.create_database(name, template=TEMPLATE)
    with django_db_blocker.unblock(), django_connected_to(postgres_cluster, name):
        yield postgres_cluster


@contextmanager
def django_connected_to(cluster: PostgresCluster, database: str) -> Iterator[None]:
    """This process's default connection (and so the workers it starts) use the cluster."""
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(
        HOST="127.0.0.1", PORT=cluster.port, NAME=database, USER="postgres", PASSWORD=""
    )
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)
