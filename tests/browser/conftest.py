"""A real Chromium driving the app that pytest-django's live server runs, or the app
started in subprocesses the way `make run` starts it (`running_app`).

Chromium is Debian's (`apt-get install chromium`), never a browser Playwright downloads.
Where it is missing the browser tests are skipped, or fail when REQUIRE_BROWSER=1 (CI).
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from playwright.sync_api import Browser, Page, Playwright, expect, sync_playwright

from tests.helpers import ROOT, purge_queue

ARTIFACTS = ROOT / "test-artifacts"
LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium keeps calling home, and this network refuses every call.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "pw-for-tests-only"  # the one tests/conftest.py's make_user gives


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    """Debian's Chromium, or CHROMIUM_PATH; skipped where absent, a failure under REQUIRE_BROWSER=1."""
    wanted = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    found = shutil.which(wanted)
    if found is None:
        message = (
            f"no Chromium at {wanted}: install it with `apt-get install chromium` "
            "(or point CHROMIUM_PATH at a Chromium binary)"
        )
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return found


# Package scope, not session: while Playwright's sync API runs, the main thread has an
# asyncio loop marked as running, so Django refuses ORM calls ("SynchronousOnlyOperation")
# and asgiref refuses async_to_sync. Closing it when the last browser test is done keeps
# that away from the rest of the suite (pytest-django reorders tests, but the browser
# tests stay together: they are all transactional).
@pytest.fixture(scope="package")
def playwright(chromium_executable) -> Iterator[Playwright]:
    with pytest.MonkeyPatch.context() as patch:
        # The tests and fixtures stay synchronous; only Django's guard is misled.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as driver:
            yield driver


@pytest.fixture(scope="package")
def browser(playwright, chromium_executable) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=chromium_executable, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def page(browser, live_server, transactional_db) -> Iterator[Page]:
    """A new page in a fresh context (no cookies) on the live server, laptop-sized.

    Fails the test on a script error, on anything the Content-Security-Policy blocked, or on
    a static file the server did not serve.
    """
    with open_page(browser, live_server.url) as page:
        yield page


@contextmanager
def open_page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A page in a fresh context (no cookies) on BASE_URL, laptop-sized; on leaving, fails
    the test if a script failed or a static file was not served."""
    context = browser.new_context(base_url=base_url, viewport=LAPTOP)
    context.set_default_timeout(10_000)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on(
        "console",
        lambda message: problems.append(f"blocked: {message.text}")
        if "Content Security Policy" in message.text
        else None,
    )
    page.on(
        "response",
        lambda response: problems.append(f"{response.status} for {response.url}")
        if "/static/" in response.url and response.status >= 400
        else None,
    )
    try:
        yield page
    finally:
        context.close()
    assert not problems, problems


@pytest.fixture
def app_page(browser, running_app) -> Iterator[Page]:
    """A new page like `page`, on the app that `running_app` started."""
    with open_page(browser, running_app.url) as page:
        yield page


def save_screenshot(page: Page, name: str) -> Path:
    """Saves a full-page screenshot to test-artifacts/NAME.png (git-ignored); returns its path."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=path, full_page=True)
    return path


def log_in(page: Page, username: str, password: str = PASSWORD) -> None:
    """Logs in through the login form, as a person would."""
    page.goto("/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name=f"Log out {username}")).to_be_visible()


def mention_row(page: Page, figure: str):
    """The row of the fact review page whose quote highlights FIGURE."""
    return page.locator("table.mentions tbody tr", has=page.locator("mark", has_text=figure))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed browser test leaves a screenshot of its page in test-artifacts/."""
    report = yield
    funcargs = getattr(item, "funcargs", {})
    page = funcargs.get("page") or funcargs.get("app_page")
    if report.failed and call.when == "call" and page is not None and not page.is_closed():
        save_screenshot(page, "FAILED-" + re.sub(r"[^\w.-]+", "_", item.name))
    return report


# --------------------------------------------------------------------------------------------
# The app as `make run` starts it
# --------------------------------------------------------------------------------------------


@dataclass
class RunningApp:
    """The app started by `running_app`: its address, the demo accounts' password, its log."""

    url: str
    password: str
    log: Path

    def tail(self, lines: int = 60) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def wait_until_ready(self, process: subprocess.Popen, timeout: float = 120) -> None:
        """Until /healthz answers 200 (database and broker up) and the worker says it is ready."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise AssertionError(f"scripts/run-dev exited early:\n{self.tail()}")
            if self._healthy() and " ready." in self.log.read_text(errors="replace"):
                return
            time.sleep(0.3)
        raise AssertionError(f"the app was not ready after {timeout} s:\n{self.tail()}")

    def _healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/healthz", timeout=5) as response:
                return response.status == 200
        except (OSError, urllib.error.URLError):
            return False


@pytest.fixture
def running_app(tmp_path) -> Iterator[RunningApp]:
    """The app started the way `make run` starts it: `manage.py migrate`, `manage.py setup_demo`
    (DEMO_PASSWORD set) and `scripts/run-dev` (runserver and a Celery worker with beat), as
    subprocesses on a free port with a database, a broker folder and a cache of their own.

    On SQLite the database is a file in tmp_path; when the tests run on PostgreSQL (and Redis)
    the app gets its own database on that server and the tests' broker. Every process is killed
    afterwards, whatever the test's outcome.
    """
    port = free_port()
    app = RunningApp(
        url=f"http://127.0.0.1:{port}",
        password=secrets.token_urlsafe(12),
        log=tmp_path / "app.log",
    )
    environment = {
        key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="factcheck.settings",
        DEMO_PASSWORD=app.password,
        PORT=str(port),
        DEV_PYTHON=sys.executable,
        BROKER_FOLDER=str(tmp_path / "broker"),
        CACHE_URL=f"file://{tmp_path / 'cache'}",
    )
    shared_broker = not settings.CELERY_BROKER_URL.startswith("filesystem://")
    with app_database(tmp_path) as database_url, app.log.open("w") as log:
        environment["DATABASE_URL"] = database_url
        if shared_broker:
            purge_queue()  # nothing the tests left behind reaches the app's worker
        for command in (["migrate", "--noinput"], ["setup_demo"]):
            done = subprocess.run(
                [sys.executable, "manage.py", *command],
                cwd=ROOT,
                env=environment,
                stdout=log,
                stderr=subprocess.STDOUT,
                timeout=300,
            )
            assert done.returncode == 0, f"manage.py {command[0]} failed:\n{app.tail()}"
        process = subprocess.Popen(
            [str(ROOT / "scripts" / "run-dev")],
            cwd=ROOT,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, killed as a whole
        )
        try:
            app.wait_until_ready(process)
            yield app
        finally:
            stop_process_group(process)
            if shared_broker:
                purge_queue()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop_process_group(process: subprocess.Popen, timeout: float = 30) -> None:
    """SIGTERM to the process (run-dev then stops runserver and the worker, which finishes its
    task), then SIGKILL to whatever is left of its process group."""
    process.terminate()
    with suppress(subprocess.TimeoutExpired):
        process.wait(timeout)
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(10)


@contextmanager
def app_database(folder: Path) -> Iterator[str]:
    """DATABASE_URL for the app: a SQLite file in FOLDER, or, when the tests run on PostgreSQL,
    a database of its own on the same server, created empty and dropped afterwards."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{folder / 'app.sqlite3'}"
        return
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = f"test_{parts.path.lstrip('/')}_app"
    server = parts._replace(path="/postgres").geturl()

    def recreate(*, again: bool) -> None:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
            if again:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))

    recreate(again=True)
    try:
        yield parts._replace(path=f"/{name}").geturl()
    finally:
        recreate(again=False)
