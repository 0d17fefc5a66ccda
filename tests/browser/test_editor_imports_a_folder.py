"""An editor imports a folder with one bad file through the browser; the worker stores the
others and the page lists each file's result."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.conftest import PHONE, log_in, save_screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "stories"
    folder.mkdir()
    (folder / "budget.txt").write_text("The Eastbrook council approved a $48.2 million budget.")
    (folder / "budget.json").write_text(
        json.dumps({"title": "Eastbrook budget", "outlet": "Courier", "published": "2024-03-14"})
    )
    (folder / "libraries.txt").write_text(
        "Spending on Eastbrook's libraries rises to $3.5 million."
    )
    (folder / "broken.txt").write_bytes(b"The toll rose to \xff\xfe 40.")  # not UTF-8
    return folder


def test_an_editor_imports_a_folder_with_one_bad_file(page, editor, worker, folder):
    # Given the editor on the import page
    log_in(page, "editor")
    page.get_by_role("link", name="Import", exact=True).click()
    expect(page.get_by_role("heading", name="Import articles")).to_be_visible()

    # When she picks the folder's files and imports them
    page.get_by_label("Or files (.txt, .json, .zip)").set_input_files(sorted(folder.iterdir()))
    page.get_by_role("button", name="Import", exact=True).click()

    # Then the progress bar follows the worker to the end and every file has its result
    expect(page.locator(".import-summary")).to_contain_text(
        "2 stored, 0 already stored, 1 refused", timeout=60_000
    )
    expect(page.locator("progress")).to_have_attribute("value", "3")
    rows = page.locator("table.import-results tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.filter(has_text="broken.txt")).to_contain_text("Refused")
    expect(rows.filter(has_text="broken.txt")).to_contain_text("is not UTF-8 text")
    expect(rows.filter(has_text="budget.txt")).to_contain_text("Stored")
    save_screenshot(page, "import-results")
    page.set_viewport_size(PHONE)
    save_screenshot(page, "import-results-phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    # And the stored articles carry their sidecar's details
    budget = Article.objects.get(original_filename="budget.txt")
    assert (budget.title, budget.outlet, str(budget.published)) == (
        "Eastbrook budget",
        "Courier",
        "2024-03-14",
    )
    assert Article.objects.count() == 2
