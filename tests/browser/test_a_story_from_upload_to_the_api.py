"""From upload to the public API, on the app started the way `make run` starts it.

The app runs as subprocesses (`running_app`): migrate, setup_demo, then scripts/run-dev with
runserver and a real Celery worker with its beat scheduler. Two demo articles disagree on
Microsoft's investment in OpenAI: $13 billion (The Ledger Daily) against $10 billion (Brussels
Briefing). An editor uploads the TechTarget seed article, which says $13 billion too; a reviewer
settles the disputed fact and publishes it; an anonymous client reads it from the API with its
citations. Every step leaves test-artifacts/e2e-NN-<step>.png.
"""

from __future__ import annotations

import json
import re
import urllib.request
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from articles.corpus import read_corpus, read_document
from tests.browser.conftest import ARTIFACTS, log_in, mention_row, open_page, save_screenshot
from tests.helpers import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.worker]

SEED = "002_986441028aa41031.txt"  # TechTarget, 26 Feb 2024
NOTE = "Microsoft's investments in OpenAI add up to $13 billion; $10 billion was one round."
EXTRACTION = 120_000  # ms: the worker starts, then reads the demo articles and the upload


class Steps:
    """Numbered screenshots of the story: test-artifacts/e2e-01-<step>.png, e2e-02-…"""

    def __init__(self) -> None:
        self.count = 0
        for stale in ARTIFACTS.glob("e2e-*.png"):
            stale.unlink()

    def screenshot(self, page: Page, step: str) -> None:
        self.count += 1
        save_screenshot(page, f"e2e-{self.count:02d}-{step}")


def get_json(url: str) -> dict:
    """GET as a plain anonymous HTTP client would."""
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200
        return json.load(response)


def published_facts(base_url: str) -> list[dict]:
    facts, url = [], f"{base_url}/api/v1/facts/"
    while url:
        page = get_json(url)
        facts += page["results"]
        url = page["next"]
    return facts


def test_an_uploaded_article_goes_through_review_to_the_public_api(
    app_page, running_app, browser, seeds_folder
):
    page, steps = app_page, Steps()
    seed = read_document(seeds_folder / SEED)
    bodies = {doc.title: doc.body for doc in read_corpus(ROOT / "articles" / "demo")}
    bodies[seed.title] = seed.body

    # Given the editor logged in on the app as `make run` starts it, its five demo articles read
    # and the facts they agree on published
    log_in(page, "editor", running_app.password)
    expect(page.locator("[data-article-status]")).to_have_text(["Done"] * 5, timeout=EXTRACTION)
    demo_facts = {fact["id"] for fact in published_facts(running_app.url)}
    assert demo_facts
    steps.screenshot(page, "editor-logged-in")

    # When she uploads the TechTarget article, typing in its metadata
    page.get_by_role("link", name="Upload", exact=True).click()
    page.get_by_label("Title").fill(seed.title)
    page.get_by_label("Outlet").fill(seed.outlet)
    page.get_by_label("URL").fill(seed.url)
    page.get_by_label("Published").fill(seed.published.isoformat())
    page.get_by_label("File").set_input_files(seeds_folder / SEED)
    steps.screenshot(page, "upload-form")
    page.get_by_role("button", name="Upload", exact=True).click()

    # Then its page shows it received, and its state reaches "Done" with no reload from her
    expect(page).to_have_url(re.compile(r"/articles/\d+/$"))
    expect(page.get_by_role("heading", name=seed.title)).to_be_visible()
    steps.screenshot(page, "article-received")
    expect(page.locator("[data-article-status]")).to_have_text("Done", timeout=EXTRACTION)

    # And its figures are highlighted, Microsoft's $13 billion in OpenAI among them
    figures = page.locator(".body mark.figure")
    for figure in ("15 million euros", "$16.2 million", "$13 billion"):
        expect(figures.filter(has_text=figure)).to_have_count(1)
    expect(figures.filter(has_text="$13 billion")).to_have_attribute(
        "title", re.compile(r"^Money: 13,000,000,000 USD")
    )
    steps.screenshot(page, "article-figures-highlighted")
    page.get_by_role("button", name="Log out editor").click()

    # When the reviewer logs in and opens the review queue
    log_in(page, "reviewer", running_app.password)
    page.get_by_role("link", name="Review", exact=True).click()
    page.get_by_role("link", name="Facts", exact=True).click()
    expect(page).to_have_url(re.compile(r"/admin/claims/fact/$"))

    # Then the disputed facts come first, Microsoft's investment in OpenAI among them
    agreement = page.locator("#result_list td.field-agreement")
    expect(agreement.first).to_have_text("Disputed")
    agreements = agreement.all_inner_texts()
    disputed = agreements.count("Disputed")
    assert disputed >= 1
    assert agreements[:disputed] == ["Disputed"] * disputed
    row = (
        page.locator("#result_list tbody tr")
        .filter(has=page.locator("td.field-agreement", has_text="Disputed"))
        .filter(has=page.locator("td.field-values", has_text="“$13 billion”"))
    )
    expect(row.locator("td.field-articles")).to_have_text("3")
    steps.screenshot(page, "review-queue")

    # When she opens its review page
    row.get_by_role("link", name="Review").click()
    expect(page).to_have_url(re.compile(r"/admin/claims/fact/\d+/review/$"))
    fact_id = int(re.search(r"/fact/(\d+)/review/", page.url).group(1))
    expect(page.locator("table.mentions tbody tr")).to_have_count(3)
    expect(mention_row(page, "$13 billion")).to_have_count(2)
    steps.screenshot(page, "review-page")

    # And disputes the wrong $10 billion with a note
    wrong = mention_row(page, "$10 billion")
    wrong.get_by_label("Note").fill(NOTE)
    wrong.get_by_role("button", name="Dispute").click()
    expect(page.locator(".messagelist .success")).to_contain_text("Disputed claim")
    expect(mention_row(page, "$10 billion").locator(".badge")).to_have_text("Disputed")
    steps.screenshot(page, "wrong-mention-disputed")

    # And confirms the two others
    page.get_by_role("button", name="Confirm the 2 remaining proposed mentions").click()
    expect(page.locator(".messagelist .success")).to_contain_text("Confirmed 2 claim(s)")
    steps.screenshot(page, "others-confirmed")

    # And verifies the value TechTarget gives, and publishes it
    page.get_by_label(re.compile(r"“\$13 billion” — TechTarget")).check()
    page.get_by_role("button", name="Verify", exact=True).click()
    expect(page.locator(".messagelist .success")).to_contain_text("Verified: 13,000,000,000 USD")
    steps.screenshot(page, "fact-verified")
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.locator("[data-fact-status]")).to_have_text("Published")
    steps.screenshot(page, "fact-published")

    # Then an anonymous client of the API reads the fact, published, at $13 billion, after the
    # facts the demo articles agree on (published by `setup_demo`)
    facts = {fact["id"]: fact for fact in published_facts(running_app.url)}
    assert set(facts) - demo_facts == {fact_id}
    assert list(facts)[0] == fact_id  # newest first
    fact = facts[fact_id]
    assert fact == get_json(f"{running_app.url}/api/v1/facts/{fact_id}/")
    assert fact["status"] == "published"
    assert (Decimal(str(fact["number"])), fact["unit"]) == (13_000_000_000, "USD")
    assert all(fact[name] for name in ("verified_by", "verified_at", "published_at"))

    # And it cites the two confirmed mentions, not the disputed one, each with its article and
    # offsets that point into the article's body
    outlets = sorted(citation["article"]["outlet"] for citation in fact["citations"])
    assert outlets == ["TechTarget", "The Ledger Daily"]
    for citation in fact["citations"]:
        body = bodies[citation["article"]["title"]]
        assert body[citation["start"] : citation["end"]] == citation["figure"]
        assert citation["figure"] in citation["quote"]
        assert citation["quote"] in body
    techtarget = [c for c in fact["citations"] if c["article"]["outlet"] == "TechTarget"]
    assert [c["figure"] for c in techtarget] == ["$13 billion"]
    assert techtarget[0]["article"] | {"id": None} == {
        "id": None,
        "title": seed.title,
        "outlet": "TechTarget",
        "url": seed.url,
        "published": "2024-02-26",
    }

    # And a browser with no session sees the same
    with open_page(browser, running_app.url) as anonymous:
        anonymous.goto(f"/api/v1/facts/{fact_id}/")
        expect(anonymous.get_by_text("$13 billion").first).to_be_visible()
        steps.screenshot(anonymous, "api-fact-anonymous")
