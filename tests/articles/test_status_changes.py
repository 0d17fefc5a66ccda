"""An article's processing status moves only from a status the caller names, and every move
leaves an event saying from where, to where and why."""

from __future__ import annotations

from articles import services
from articles.models import Article

Status = Article.Status


def test_a_move_records_the_status_it_left(make_article):
    article = make_article()
    Article.objects.filter(pk=article.pk).update(status=Status.EXTRACTING)

    moved = services.change_status(
        article,
        from_statuses=(Status.RECEIVED, Status.EXTRACTING),
        to_status=Status.FAILED,
        note="the worker gave up",
    )

    assert moved
    article.refresh_from_db()
    assert (article.status, article.status_reason) == (Status.FAILED, "the worker gave up")
    last = article.events.last()
    assert (last.from_status, last.to_status, last.note) == (
        Status.EXTRACTING,
        Status.FAILED,
        "the worker gave up",
    )


def test_an_article_in_another_status_is_left_alone_without_an_event(make_article):
    article = make_article()
    Article.objects.filter(pk=article.pk).update(status=Status.DONE)
    events = article.events.count()

    moved = services.change_status(
        article, from_statuses=(Status.RECEIVED, Status.EXTRACTING), to_status=Status.FAILED
    )

    assert not moved
    article.refresh_from_db()
    assert article.status == Status.DONE
    assert article.events.count() == events
