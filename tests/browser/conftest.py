"""A real Chromium driving the app that pytest-django's live server runs.

Chromium is Debian's (`apt-get install chromium`), never a browser Playwright downloads.
Where it is missing the browser tests are skipped, or fail when REQUIRE_BROWSER=1 (CI).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, expect, sync_playwright

from tests.conftest import ROOT

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
    context = browser.new_context(base_url=live_server.url, viewport=LAPTOP)
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
    yield page
    context.close()
    assert not problems, problems


def save_screenshot(page: Page, name: str) -> Path:
    """Saves a full-page screenshot to test-artifacts/NAME.png (git-ignored); returns its path."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=path, full_page=True)
    return path


def log_in(page: Page, username: str) -> None:
    """Logs in through the login form, as a person would."""
    page.goto("/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name=f"Log out {username}")).to_be_visible()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed browser test leaves a screenshot of its page in test-artifacts/."""
    report = yield
    page = item.funcargs.get("page") if hasattr(item, "funcargs") else None
    if report.failed and call.when == "call" and page is not None and not page.is_closed():
        save_screenshot(page, "FAILED-" + re.sub(r"[^\w.-]+", "_", item.name))
    return report
