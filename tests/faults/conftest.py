"""Servers a fault test may stop: a private Redis and a private PostgreSQL cluster.

Never the machine's shared ones: other test runs use those at the same time.
"""

from __future__ import annotations

import glob
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis
from django.db import connection

from articles.roles import EDITORS
from factcheck.celery import app as celery_app
from factcheck.celery import broker_pause
from tests.helpers import ROOT, WorkerProcess, make_user, wait_for


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
    broker_pause.until = 0.0  # a failure a previous test caused pauses no send of this one


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


@pytest.fixture
def editor_on_cluster(restartable_database):
    return make_user("editor", groups=[EDITORS], is_staff=True)


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


# --------------------------------------------------------------------------------------------
# The web app under gunicorn, as production runs it
# --------------------------------------------------------------------------------------------


class WebServer:
    """gunicorn serving the app on a free port, on the test database and the given services."""

    def __init__(self, folder: Path, *, workers: int = 2, env: dict[str, str] | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = folder / "gunicorn.log"
        self.workers = workers
        self.env = env or {}
        self.process: subprocess.Popen | None = None

    def start(self) -> WebServer:
        from tests.helpers import worker_environment

        environment = dict(
            worker_environment(),
            DEBUG="false",
            SECRET_KEY="fault-tests-only",
            ALLOWED_HOSTS="127.0.0.1",
            SECURE_SSL_REDIRECT="false",
            SESSION_COOKIE_SECURE="false",
            CSRF_COOKIE_SECURE="false",
        )
        environment.update(self.env)
        environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "factcheck.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{self.port}",
                    "--workers",
                    str(self.workers),
                    "--timeout",
                    "60",
                ],
                cwd=ROOT,
                env=environment,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        wait_for(self._listening, timeout=60, every=0.2)
        return self

    def _listening(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"gunicorn exited:\n{self.log.read_text()[-3000:]}")
        with socket.socket() as probe:
            return probe.connect_ex(("127.0.0.1", self.port)) == 0

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)


@pytest.fixture
def worker_with_beat(transactional_db, roles, private_broker, tmp_path):
    """A worker running the stalled-article sweep every second, for articles waiting 2 s."""
    process = WorkerProcess(
        "--beat",
        "--schedule",
        str(tmp_path / "beat-schedule"),
        env={"REQUEUE_SWEEP_SECONDS": "1", "ARTICLE_STALL_SECONDS": "2"},
    ).start()
    yield process
    process.stop()


@pytest.fixture
def web_server(tmp_path) -> Iterator[Callable[..., WebServer]]:
    """Start gunicorn with start(**env); stopped after the test."""
    started: list[WebServer] = []

    def start(workers: int = 2, **env: str) -> WebServer:
        server = WebServer(tmp_path, workers=workers, env=env).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float

    def json(self) -> dict:
        return json.loads(self.body)


def call(
    server: WebServer,
    method: str,
    path: str,
    *,
    data: dict | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 30,
) -> Answer:
    """One request on a new connection, timed; data is sent as JSON."""
    headers = dict(headers or {})
    body = None
    if data is not None:
        body = json.dumps(data).encode()
        headers["Content-Type"] = "application/json"
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        answer_body = response.read()
        return Answer(
            response.status,
            {name.lower(): value for name, value in response.getheaders()},
            answer_body,
            time.monotonic() - started,
        )
    finally:
        connection.close()


def token_for(user) -> dict[str, str]:
    from rest_framework.authtoken.models import Token

    return {"Authorization": f"Token {Token.objects.get_or_create(user=user)[0].key}"}
