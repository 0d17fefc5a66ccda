"""An uploaded article reaches a real worker through the real broker."""

from __future__ import annotations

import pytest
from django.urls import reverse

from articles.models import Article
from claims.models import Claim
from tests.helpers import status_history, wait_for

pytestmark = pytest.mark.worker

STORY = (
    "The port authority said on Monday it will spend $250 million on new cranes, "
    "about 12% more than it planned in 2023."
)


def status_of(article_id: int) -> str:
    return Article.objects.values_list("status", flat=True).get(pk=article_id)


def test_an_uploaded_article_is_extracted_by_the_worker(client, editor, worker):
    client.force_login(editor)

    client.post(
        reverse("articles:upload"),
        {"title": "Port cranes", "text": STORY, "published": "2024-03-04"},
    )
    article = Article.objects.get()

    wait_for(lambda: status_of(article.pk) == Article.Status.DONE)
    assert status_history(article) == [
        "received",
        "extracting",
        "done",
    ]
    money = Claim.objects.get(article=article, kind="money")
    assert (money.text, money.unit, int(money.number)) == ("$250 million", "USD", 250_000_000)
    assert STORY[money.start : money.end] == money.text


def test_the_article_page_shows_the_state_the_worker_reached(client, editor, worker):
    client.force_login(editor)
    client.post(reverse("articles:upload"), {"title": "Port cranes", "text": STORY})
    article = Article.objects.get()

    wait_for(lambda: status_of(article.pk) == Article.Status.DONE)
    states = client.get(reverse("articles:states"), {"ids": str(article.pk)}).json()

    [state] = states["articles"]
    assert (state["id"], state["status"], state["label"]) == (article.pk, "done", "Done")
    assert state["reason"].endswith("figure(s) proposed")
