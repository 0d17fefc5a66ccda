from __future__ import annotations

from django.urls import reverse

from articles.models import Article
from claims.models import Claim
from claims.pipeline import propose_claims
from tests.helpers import purge_queue, queued_messages

STORY = "Revenue rose 12% to €3.4 billion in 2023, the <b>company</b> said."


def test_the_page_highlights_each_figure_with_its_reading(editor_client, make_article):
    article = make_article(original=STORY, published=None)
    propose_claims(article)

    page = editor_client.get(article.get_absolute_url()).content.decode()

    assert '<mark class="figure kind-percent"' in page
    assert ">12%</mark>" in page
    assert ">€3.4 billion</mark>" in page
    assert "Money: 3,400,000,000 EUR" in page
    # the article's own markup is text, never HTML
    assert "&lt;b&gt;company&lt;/b&gt;" in page


def test_the_page_lists_the_claims_and_the_history(editor_client, make_article):
    article = make_article(original=STORY)
    propose_claims(article)

    page = editor_client.get(article.get_absolute_url()).content.decode()

    assert page.count('id="claim-') == Claim.objects.filter(article=article).count()
    assert "extracting → done" in page
    assert "received → extracting" in page


def test_an_editor_can_run_the_extraction_again(
    editor_client, make_article, django_capture_on_commit_callbacks
):
    article = make_article(original=STORY)
    propose_claims(article)
    purge_queue()

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(reverse("articles:reextract", args=[article.pk]), follow=True)

    assert "Extraction will run again." in response.content.decode()
    assert Article.objects.get(pk=article.pk).status == Article.Status.RECEIVED
    assert queued_messages() == 1


def test_running_the_extraction_again_while_it_runs_is_refused_with_a_message(
    editor_client, make_article
):
    article = make_article(original=STORY)

    response = editor_client.post(reverse("articles:reextract", args=[article.pk]), follow=True)

    assert "still being processed" in response.content.decode()
    assert Article.objects.get(pk=article.pk).status == Article.Status.RECEIVED


def test_running_it_again_keeps_the_claims_a_reviewer_settled(make_article, editor):
    article = make_article(original=STORY)
    propose_claims(article)
    settled = Claim.objects.filter(article=article).first()
    Claim.objects.filter(pk=settled.pk).update(status=Claim.Status.CONFIRMED)
    count = Claim.objects.filter(article=article).count()
    Article.objects.filter(pk=article.pk).update(status=Article.Status.RECEIVED)

    propose_claims(Article.objects.get(pk=article.pk))

    assert Claim.objects.filter(article=article).count() == count
    assert Claim.objects.get(pk=settled.pk).status == Claim.Status.CONFIRMED


def test_extraction_run_twice_adds_nothing(make_article):
    article = make_article(original=STORY)
    first = propose_claims(article)

    second = propose_claims(Article.objects.get(pk=article.pk))

    assert first > 0
    assert second == 0
    assert Claim.objects.filter(article=article).count() == first


def test_an_unknown_article_is_a_404(editor_client):
    assert editor_client.get("/articles/999999/").status_code == 404
