"""A reviewer settles the disputed Microsoft–Mistral investment in a real browser.

The demo articles report Microsoft's investment in Mistral as EUR 15 million ($16 million)
in four outlets and as "€2 billion ($2.1 billion)" in one. The reviewer finds the fact at the
top of the review queue, disputes the wrong figure and its conversion, confirms the others,
verifies EUR 15 million and publishes it. Every click of that path is counted.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from articles.corpus import read_corpus
from articles.importing import import_documents
from claims.models import ClaimEvent, Fact, FactEvent
from claims.pipeline import propose_claims
from tests.browser.conftest import log_in, mention_row, save_screenshot
from tests.helpers import ROOT

pytestmark = pytest.mark.browser

DEMO = ROOT / "articles" / "demo"
NOTE = "Brussels Briefing confused the investment with Mistral's valuation; Microsoft said EUR 15 million."


class Clicks:
    """Counts what the reviewer clicks, so the report can say how long the path is."""

    def __init__(self) -> None:
        self.steps: list[str] = []

    def click(self, locator, step: str) -> None:
        locator.click()
        self.steps.append(step)


@pytest.fixture
def demo_articles(editor) -> list:
    summary = import_documents(read_corpus(Path(DEMO)), uploaded_by=editor)
    for article in summary.imported:
        propose_claims(article)
    return summary.imported


def test_a_reviewer_settles_the_disputed_microsoft_mistral_investment(
    page, reviewer, demo_articles
):
    clicks = Clicks()
    fact = Fact.objects.get(claims__text="€2 billion")
    assert fact.agreement == Fact.Agreement.DISPUTED

    # Given the reviewer logged in on the site
    log_in(page, "reviewer")
    clicks.steps.append("log in")

    # When she opens the admin's review queue
    clicks.click(page.get_by_role("link", name="Review", exact=True), "Review (admin)")
    clicks.click(page.get_by_role("link", name="Facts", exact=True), "Facts")
    expect(page.get_by_role("heading", name="Review queue: facts")).to_be_visible()

    # Then the disputed Microsoft–Mistral investment is at the top
    first_row = page.locator("#result_list tbody tr").first
    expect(first_row.locator("td.field-agreement")).to_have_text("Disputed")
    expect(first_row.locator("td.field-subject_line")).to_contain_text("Mistral")
    expect(first_row.locator("td.field-articles")).to_have_text("5")
    # and its row shows the values as written, with their outlets, and the Review link
    expect(first_row.locator("td.field-values")).to_contain_text("“€2 billion”")
    expect(first_row.get_by_role("link", name="Review")).to_be_in_viewport()
    save_screenshot(page, "queue")

    # When she opens its review page
    clicks.click(first_row.get_by_role("link", name="Review"), "Review (top row)")

    # Then every mention is side by side, with the outlier marked and charted
    expect(page.get_by_role("heading", name="Mentions, side by side")).to_be_visible()
    expect(page.locator("table.mentions tbody tr")).to_have_count(7)
    wrong = mention_row(page, "€2 billion")
    expect(wrong).to_have_class(r"claim-proposed outlier")
    expect(wrong.locator("q")).to_contain_text("said it would invest €2 billion ($2.1 billion)")
    expect(page.locator("svg.chart g.point.outlier")).to_have_count(1)
    expect(page.locator("svg.chart")).to_contain_text("logarithmic", use_inner_text=False)
    save_screenshot(page, "review-page")

    # When she disputes the €2 billion and its stated $2.1 billion, with a note
    wrong.get_by_label("Note").fill(NOTE)
    clicks.click(wrong.get_by_role("button", name="Dispute"), "Dispute €2 billion")
    expect(page.locator(".messagelist .success")).to_contain_text("Disputed claim")
    conversion = mention_row(page, "$2.1 billion")
    conversion.get_by_label("Note").fill("Conversion of the wrong figure.")
    clicks.click(conversion.get_by_role("button", name="Dispute"), "Dispute $2.1 billion")
    expect(mention_row(page, "$2.1 billion").locator(".badge")).to_have_text("Disputed")

    # And confirms the five others at once
    clicks.click(
        page.get_by_role("button", name="Confirm the 5 remaining proposed mentions"),
        "Confirm the 5 remaining",
    )
    expect(page.locator(".messagelist .success")).to_contain_text("Confirmed 5 claim(s)")

    # And chooses EUR 15 million (The Ledger Daily, the first report) and verifies
    clicks.click(page.get_by_role("radio", name="“15 million euros”"), "choose 15 million euros")
    clicks.click(page.get_by_role("button", name="Verify", exact=True), "Verify")
    expect(page.locator(".messagelist .success")).to_contain_text("Verified: 15,000,000 EUR")

    # And publishes it
    clicks.click(page.get_by_role("button", name="Publish", exact=True), "Publish")
    expect(page.locator("[data-fact-status]")).to_have_text("Published")
    save_screenshot(page, "review-page-published")

    # Then the fact is published with the value and every decision is on record
    fact.refresh_from_db()
    assert fact.status == Fact.Status.PUBLISHED
    assert fact.verified_claim.text == "15 million euros"
    assert (fact.verified_number, fact.verified_unit) == (15_000_000, "EUR")
    assert fact.verified_by == fact.published_by == reviewer
    statuses = sorted(fact.claims.values_list("status", "text"))
    assert statuses == [
        ("confirmed", "$16 million"),
        ("confirmed", "$16 million"),
        ("confirmed", "$16.2 million"),
        ("confirmed", "15 million euros"),
        ("confirmed", "€15 million"),
        ("disputed", "$2.1 billion"),
        ("disputed", "€2 billion"),
    ]
    disputed = ClaimEvent.objects.get(claim__text="€2 billion", action="disputed")
    assert (disputed.actor, disputed.note) == (reviewer, NOTE)
    assert ClaimEvent.objects.filter(claim__fact=fact, action="confirmed").count() == 5
    assert list(
        FactEvent.objects.filter(fact=fact, actor=reviewer).values_list(
            "action", "from_status", "to_status"
        )
    ) == [("verified", "open", "verified"), ("published", "verified", "published")]
    expect(page.locator("table.history")).to_contain_text("Published: verified → published")

    # The path, for the report: log in, then nine clicks
    print("\nreviewer's path:", " → ".join(clicks.steps), f"({len(clicks.steps) - 1} clicks)")
    assert len(clicks.steps) - 1 == 9


def test_the_shortest_safe_path_confirms_the_agreeing_mentions_first(page, reviewer, demo_articles):
    clicks = Clicks()
    fact = Fact.objects.get(claims__text="€2 billion")
    log_in(page, "reviewer")
    clicks.steps.append("log in")
    clicks.click(page.get_by_role("link", name="Review", exact=True), "Review (admin)")
    clicks.click(page.get_by_role("link", name="Facts", exact=True), "Facts")
    first_row = page.locator("#result_list tbody tr").first
    clicks.click(first_row.get_by_role("link", name="Review"), "Review (top row)")

    # The page names the values that disagree and offers to confirm one of them
    expect(page.locator(".confirm-rest.conflict")).to_contain_text("versus “€2 billion”")
    clicks.click(
        page.get_by_role("button", name=re.compile(r"Confirm the 5 saying “15 million euros”")),
        "Confirm the 5 saying 15 million euros",
    )
    wrong = mention_row(page, "€2 billion")
    wrong.get_by_label("Note").fill(NOTE)
    clicks.click(wrong.get_by_role("button", name="Dispute"), "Dispute €2 billion")
    conversion = mention_row(page, "$2.1 billion")
    conversion.get_by_label("Note").fill("Conversion of the wrong figure.")
    clicks.click(conversion.get_by_role("button", name="Dispute"), "Dispute $2.1 billion")

    # The agreed value is preselected: no click to choose it
    expect(page.get_by_role("radio", name="“15 million euros”")).to_be_checked()
    clicks.click(page.get_by_role("button", name="Verify", exact=True), "Verify")
    clicks.click(page.get_by_role("button", name="Publish", exact=True), "Publish")
    expect(page.locator("[data-fact-status]")).to_have_text("Published")

    fact.refresh_from_db()
    assert (fact.verified_number, fact.verified_unit) == (15_000_000, "EUR")
    assert not fact.claims.filter(status="confirmed", text__in=["€2 billion", "$2.1 billion"])
    print("\nreviewer's path:", " → ".join(clicks.steps), f"({len(clicks.steps) - 1} clicks)")
    assert len(clicks.steps) - 1 == 8
