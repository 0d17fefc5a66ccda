"""The API's interactive documentation works in a browser, within the pages' security policy."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import save_screenshot

pytestmark = pytest.mark.browser


def test_a_reader_browses_the_api_documentation_and_tries_the_facts_list(page):
    # when
    page.goto("/api/docs/")

    # then the operations are listed, from the app's own schema and scripts
    expect(page.get_by_text("factcheck API")).to_be_visible()
    facts = page.locator(".opblock-summary-get", has_text="/api/v1/facts/").first
    expect(facts).to_be_visible()

    # and the facts list can be tried from the page
    facts.click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    answer = page.locator(".live-responses-table").first
    expect(answer).to_contain_text("200")
    expect(answer).to_contain_text('"results"')
    save_screenshot(page, "api-docs")
