"""A day at the review desk in a real browser: triage from the queue's rows, regrouping on the
review page, a dispute settled without confirming a conflicting value, a subject line
rewritten; then the editor sees the outcome on the article page.

The grouping the matcher proposes is set by hand here (the mentions linked to the facts
below), so that the walk does not depend on how matching groups these sentences.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from claims import facts, units
from claims.models import Claim, ClaimEvent, Fact, FactEvent
from claims.pipeline import propose_claims
from tests.browser.conftest import LAPTOP, PHONE, log_in, open_page, save_screenshot

pytestmark = pytest.mark.browser

STORIES = {
    "Northern Post": "Harlow Motors will invest €40 million in its Tarvik battery plant, it said.",
    "Baltic Wire": "Harlow Motors has pledged €40 million for the Tarvik battery plant.",
    "Tarvik Herald": "Harlow Motors is investing €400 million in the Tarvik battery plant.",
    "Rail Review": "The Ostrava regional council awarded a €400 million grant for tram lines.",
    "City Wire": "Ostrava's council approved a €400 million grant for new tram lines.",
    "Depot News": "The new Ostrava tram depot will cost €4 million, the council said.",
    "Tram Times": "Ostrava will spend a €400 million regional grant on its tram lines.",
}
NOTE = "The plant costs €40 million: the Herald added a zero."
SUBJECT = "Harlow Motors investment in the Tarvik battery plant"


def group(claims: list[Claim]) -> Fact:
    """One fact holding exactly these mentions, as if the matcher had grouped them."""
    first = claims[0]
    fact = Fact.objects.create(
        subject=first.subject,
        kind=first.kind,
        dimension=units.dimension_of(first.kind, first.unit),
    )
    Claim.objects.filter(pk__in=[claim.pk for claim in claims]).update(fact=fact)
    return fact


@pytest.fixture
def desk(make_article) -> dict[str, Fact]:
    mentions = {}
    for day, (outlet, text) in enumerate(STORIES.items(), start=4):
        article = make_article(
            original=text, title=f"{outlet} story", outlet=outlet, published=date(2024, 3, day)
        )
        propose_claims(article)
        mentions[outlet] = article.claims.get()
    # The plant's fact wrongly holds the council's grant; the depot sits in the grant's fact;
    # the grant is in two facts.
    built = {
        "plant": group([mentions[o] for o in ("Northern Post", "Baltic Wire", "Tarvik Herald")]),
        "grant": group([mentions["City Wire"], mentions["Depot News"]]),
        "grant again": group([mentions["Tram Times"]]),
    }
    Claim.objects.filter(pk=mentions["Rail Review"].pk).update(fact=built["plant"])
    Fact.objects.exclude(pk__in=[fact.pk for fact in built.values()]).delete()
    facts.regrouped(list(built.values()))
    for fact in built.values():
        fact.refresh_from_db()
    assert built["plant"].agreement == built["grant"].agreement == "disputed"
    return built


def row_of(page: Page, text: str):
    return page.locator("table.mentions tbody tr", has_text=text)


def queue_row(page: Page, fact: Fact):
    return page.locator("#result_list tbody tr", has=page.locator(f'a[href$="/{fact.pk}/review/"]'))


def test_a_reviewer_regroups_settles_and_rewrites_then_the_editor_sees_the_outcome(
    page, browser, live_server, reviewer, editor, desk
):
    editor.email = "editor@newsroom.example"
    editor.save()
    plant, grant, grant_again = desk["plant"], desk["grant"], desk["grant again"]

    # Given the reviewer on the review queue
    log_in(page, "reviewer")
    page.goto("/admin/claims/fact/")

    # Then she can triage from the rows alone: values as written with their outlets, the
    # dispute in one line, outlets, the newest article's date, and the Review link in view
    row = queue_row(page, plant)
    expect(row.locator("td.field-values")).to_contain_text(
        "“€40 million” Northern Post, Baltic Wire"
    )
    expect(row.locator("td.field-values")).to_contain_text(
        "“€400 million” Tarvik Herald, Rail Review"
    )
    expect(row.locator("td.field-subject_line small.why")).to_contain_text("10 times larger")
    expect(row.locator("td.field-newest_article")).to_have_text("2024-03-07")
    expect(row.get_by_role("link", name="Review")).to_be_in_viewport()
    expect(page.locator("#result_list tbody tr").first).to_contain_text("Disputed")
    save_screenshot(page, "desk-queue")
    page.set_viewport_size(PHONE)
    save_screenshot(page, "desk-queue-phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.set_viewport_size(LAPTOP)

    # When she opens the plant's fact by keyboard and moves the council's grant to the grant's fact
    row.get_by_role("link", name="Review").focus()
    page.keyboard.press("Enter")
    page.get_by_label("Find another fact by subject or value as written").fill("€400 million")
    page.get_by_role("button", name="Find", exact=True).click()
    page.get_by_role("radio", name=re.compile("City Wire")).check()
    row_of(page, "Rail Review").get_by_label(re.compile("Select")).check()
    page.get_by_role("button", name="Move the selected mentions to the chosen fact").click()
    expect(page.locator(".messagelist .success")).to_contain_text(f"Moved to fact {grant.pk}")
    expect(page.locator("table.mentions tbody tr")).to_have_count(3)

    # And she asks to confirm the rest: the page names the values that disagree
    expect(page.locator(".confirm-rest.conflict")).to_contain_text(
        "“€40 million” (Northern Post, Baltic Wire) versus “€400 million” (Tarvik Herald)"
    )
    save_screenshot(page, "desk-review-conflict")
    page.get_by_role("button", name=re.compile("Confirm the 2 saying “€40 million”")).click()
    expect(page.locator(".messagelist .success")).to_contain_text("Confirmed 2 claim(s)")

    # And she disputes the Herald's figure with a note
    herald = row_of(page, "Tarvik Herald")
    herald.get_by_label("Note").fill(NOTE)
    herald.get_by_role("button", name="Dispute").click()
    expect(row_of(page, "Tarvik Herald").locator(".badge")).to_have_text("Disputed")

    # And verifies: the agreed value is preselected, never the disputed one
    expect(page.get_by_role("radio", name=re.compile("Northern Post"))).to_be_checked()
    page.get_by_role("button", name="Verify", exact=True).click()
    expect(page.locator(".messagelist .success")).to_contain_text("Verified: 40,000,000 EUR")
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.locator("[data-fact-status]")).to_have_text("Published")

    # And rewrites the subject line
    page.get_by_text("Rewrite the subject line…").click()
    page.get_by_label("Subject line").fill(SUBJECT)
    page.get_by_role("button", name="Save the subject line").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(SUBJECT)
    expect(page.locator(".subject-by")).to_contain_text("Subject line by reviewer")
    save_screenshot(page, "desk-review-settled")

    # When she opens the grant's fact, splits the depot off and merges the other grant fact
    page.goto(f"/admin/claims/fact/{grant.pk}/review/")
    row_of(page, "Depot News").get_by_label(re.compile("Select")).check()
    page.get_by_label("Why").last.fill("the depot is another cost")
    page.get_by_role("button", name="Split the selected mentions into a new fact").click()
    expect(page.locator(".messagelist .success")).to_contain_text("Split into a new fact")
    page.get_by_label("Find another fact by subject or value as written").fill("€400 million")
    page.get_by_role("button", name="Find", exact=True).click()
    page.get_by_role("radio", name=re.compile("Tram Times")).check()
    page.get_by_role("button", name="Merge the chosen fact into this one").click()
    expect(page.locator(".messagelist .success")).to_contain_text(f"Merged fact {grant_again.pk}")
    expect(page.locator("table.mentions tbody tr")).to_have_count(3)  # City, Rail, Tram Times
    expect(page.get_by_role("button", name="Undo the last regrouping")).to_be_visible()
    page.set_viewport_size(PHONE)
    save_screenshot(page, "desk-review-phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    # Then every change is on record, one event each
    grant.refresh_from_db()
    plant.refresh_from_db()
    assert (grant.claim_count, grant.agreement) == (3, "consistent")
    assert (plant.status, plant.subject, plant.subject_edited_by) == (
        "published",
        SUBJECT,
        reviewer,
    )
    assert list(
        FactEvent.objects.filter(actor=reviewer)
        .exclude(action__in=["verified", "published"])
        .values_list("action", flat=True)
    ) == ["claim_moved", "subject_edited", "split", "merged"]
    assert ClaimEvent.objects.get(action="disputed").note == NOTE

    # When the Herald's editor opens the article
    with open_page(browser, live_server.url) as editor_page:
        log_in(editor_page, "editor")
        editor_page.get_by_role("link", name="Articles", exact=True).click()
        herald_row = editor_page.locator("table.list tbody tr", has_text="Tarvik Herald story")
        expect(herald_row.locator('td[data-label="Disputed"]')).to_have_text("1")
        herald_row.get_by_role("link", name="Tarvik Herald story").click()

        # Then the figure is marked disputed, with the reviewer's note and a link to its fact
        figure = editor_page.locator("table.claims tbody tr").first
        expect(figure.locator(".status")).to_have_text("Disputed")
        expect(figure).to_contain_text(f"Reviewer's note: {NOTE}")
        expect(figure.get_by_role("link", name=SUBJECT)).to_have_attribute(
            "href", f"/admin/claims/fact/{plant.pk}/review/"
        )
        save_screenshot(editor_page, "desk-article-outcome")
        editor_page.set_viewport_size(PHONE)
        save_screenshot(editor_page, "desk-article-outcome-phone")
        assert editor_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
