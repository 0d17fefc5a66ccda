"""An editor uploads an article in a real browser and watches the worker read its figures."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from articles.models import Article
from claims.pipeline import propose_claims
from tests.browser.conftest import PHONE, log_in, save_screenshot

pytestmark = pytest.mark.browser

STORY = (
    "The Eastbrook city council approved a budget of $48.2 million on 12 March 2024, "
    "7% more than last year. Spending on the town's libraries rises to $3.5 million."
)


def fill_upload_form(page: Page, *, published: str) -> None:
    page.get_by_label("Title").fill("Eastbrook passes its budget")
    page.get_by_label("Outlet").fill("The Eastbrook Courier")
    page.get_by_label("Published").fill(published)
    page.get_by_label("Or paste the text").fill(STORY)


def status_badge(page: Page):
    return page.locator("[data-article-status]")


def highlighted_figures(page: Page):
    return page.locator(".body mark.figure")


def test_an_editor_uploads_an_article_and_sees_its_figures_highlighted(page, editor, worker):
    # Given an editor logged in on the upload page
    log_in(page, "editor")
    page.get_by_role("link", name="Upload", exact=True).click()
    expect(page.get_by_role("heading", name="Upload an article")).to_be_visible()

    # When she fills in the form and submits it
    fill_upload_form(page, published="2024-03-14")
    save_screenshot(page, "upload-form")
    page.get_by_role("button", name="Upload", exact=True).click()

    # Then she lands on the article page, whose badge turns "Done" on its own
    expect(page).to_have_url(re.compile(r"/articles/\d+/$"))
    expect(page.get_by_role("heading", name="Eastbrook passes its budget")).to_be_visible()
    expect(status_badge(page)).to_have_text("Done", timeout=60_000)

    # And the four figures of the text are highlighted, each with its reading
    expect(highlighted_figures(page)).to_have_count(4)
    budget = highlighted_figures(page).filter(has_text="$48.2 million")
    expect(budget).to_have_attribute("title", re.compile(r"^Money: 48,200,000 USD · exact"))
    day = highlighted_figures(page).filter(has_text="12 March 2024")
    expect(day).to_have_attribute("title", re.compile(r"^Date: 2024-03-12"))
    save_screenshot(page, "article-with-figures")

    # And clicking a figure shows its row in the table of figures
    budget.click()
    expect(page).to_have_url(re.compile(r"#claim-\d+$"))
    row = page.locator("table.claims tr:target")
    expect(row).to_contain_text("48,200,000")
    page.set_viewport_size(PHONE)
    save_screenshot(page, "article-with-figures-phone")


def test_the_article_page_updates_itself_when_the_extraction_finishes(page, make_article):
    # Given an article the worker has not read yet, open in the editor's browser
    article = make_article(title="Eastbrook passes its budget", original=STORY)
    log_in(page, "editor")
    with page.expect_response(re.compile(r"/articles/states/\?ids=")) as poll:
        page.goto(article.get_absolute_url())
    expect(status_badge(page)).to_have_text("Received")
    expect(highlighted_figures(page)).to_have_count(0)
    assert poll.value.ok

    # When the extraction runs
    propose_claims(Article.objects.get(pk=article.pk))

    # Then the page shows it by itself: the badge, then the highlighted figures
    expect(status_badge(page)).to_have_text("Done")
    expect(highlighted_figures(page)).to_have_count(4)


def test_an_upload_dated_in_the_future_is_refused_in_the_form(page, editor):
    # Given an editor on the upload page
    log_in(page, "editor")
    page.goto("/articles/new/")

    # When she gives a publication date next month
    next_month = timezone.localdate() + dt.timedelta(days=31)
    fill_upload_form(page, published=next_month.isoformat())
    page.get_by_role("button", name="Upload", exact=True).click()

    # Then the form says why, keeps what she typed, and stores nothing
    expect(page.locator(".field.invalid .error")).to_have_text(
        "The publication date cannot be in the future."
    )
    expect(page.get_by_label("Title")).to_have_value("Eastbrook passes its budget")
    save_screenshot(page, "upload-form-error")
    page.get_by_role("link", name="Articles", exact=True).click()
    expect(page.get_by_text("No articles yet.")).to_be_visible()
    assert not Article.objects.exists()


def test_a_reviewer_sees_no_upload_link_and_is_refused_the_upload_page(page, reviewer):
    # Given a reviewer logged in
    log_in(page, "reviewer")

    # Then the navigation offers no upload
    navigation = page.get_by_role("navigation")
    expect(navigation.get_by_role("link", name="Articles", exact=True)).to_be_visible()
    expect(navigation.get_by_role("link", name="Upload")).to_have_count(0)

    # And typing the address gets a 403 page
    response = page.goto("/articles/new/")
    assert response.status == 403
    expect(page.get_by_role("heading", name="403 Forbidden")).to_be_visible()
    expect(page.get_by_role("link", name="Back to the articles")).to_be_visible()
