"""Ten editors' tools upload one text at the same moment, through gunicorn: one article is
stored, every other upload is told it is already stored, none is a server error."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from articles.models import Article, ArticleEvent
from tests.faults.conftest import call, token_for

pytestmark = pytest.mark.worker

STORY = (
    "The harbour board said on Tuesday that it will spend $18.5 million on the north quay, "
    "about 7% more than it planned in 2022."
)
UPLOADS = 10


def test_racing_identical_uploads_store_one_article_and_tell_the_rest_it_is_stored(
    transactional_db, editor, web_server
):
    # given the app under gunicorn, with as many workers as it has cores and more
    server = web_server(workers=4)
    headers = token_for(editor)
    start = threading.Barrier(UPLOADS)

    def upload(number: int):
        start.wait()
        return call(
            server,
            "POST",
            "/api/v1/articles/",
            data={"title": "Harbour", "text": STORY},
            headers=headers,
        )

    # when ten uploads of the same text arrive at once
    with ThreadPoolExecutor(UPLOADS) as pool:
        answers = list(pool.map(upload, range(UPLOADS)))

    # then one is stored, and every other one gets the answer a lone duplicate gets
    statuses = sorted(answer.status for answer in answers)
    print(f"racing uploads answered: {statuses}")
    assert statuses == [201] + [400] * (UPLOADS - 1)
    Article.objects.get()
    lone_duplicate = upload_again(server, headers)
    assert lone_duplicate.status == 400
    assert "already stored" in lone_duplicate.body.decode()
    for answer in answers:
        if answer.status == 400:
            assert answer.json() == lone_duplicate.json()
    # and nothing of the refused uploads was kept
    assert ArticleEvent.objects.filter(to_status="received").count() == 1


def upload_again(server, headers):
    return call(
        server,
        "POST",
        "/api/v1/articles/",
        data={"title": "Harbour again", "text": STORY},
        headers=headers,
    )
