import pytest
from playwright.sync_api import expect
from tests.browser.conftest import PHONE, log_in, ARTIFACTS

pytestmark = pytest.mark.browser

def test_scratch(page, editor, reviewer, make_article, screenshot):
    page.goto("/login/")
    screenshot(page, "scratch-login")
    page.set_viewport_size(PHONE)
    screenshot(page, "scratch-login-phone")
    page.set_viewport_size({"width": 1280, "height": 800})
    log_in(page, "editor")
    make_article(title="A rather long title about the Eastbrook council and its budget for 2025", outlet="The Courier")
    page.goto("/articles/")
    screenshot(page, "scratch-list")
    page.set_viewport_size(PHONE)
    screenshot(page, "scratch-list-phone")
    page.goto("/articles/new/")
    screenshot(page, "scratch-upload-phone")
    page.context.clear_cookies()
    log_in(page, "reviewer")
    page.set_viewport_size({"width": 1280, "height": 800})
    screenshot(page, "scratch-reviewer-list")
    page.goto("/articles/new/")
    screenshot(page, "scratch-403")
