"""A folder imported with `manage.py import_articles` is extracted and grouped by a real
worker through the real broker (the embedded filesystem broker unless CELERY_BROKER_URL
names another), every article in it, without anyone uploading them one by one."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from articles.models import Article
from claims.models import Fact
from tests.helpers import wait_for

pytestmark = pytest.mark.worker

REPORTS = 12
STORY = (
    "Harlow Motors will invest €40 million in its Tarvik battery plant and hire 1,200 workers"
    " by 2026, the company said."
)


def test_every_article_of_an_imported_folder_is_extracted_and_grouped(tmp_path, worker):
    folder = tmp_path / "wire"
    folder.mkdir()
    for number in range(REPORTS):
        (folder / f"report-{number}.txt").write_text(f"Report {number}.\n{STORY}", "utf-8")

    call_command("import_articles", str(folder), verbosity=0)

    wait_for(lambda: not Article.objects.exclude(status=Article.Status.DONE).exists())
    assert Article.objects.count() == REPORTS
    investment = Fact.objects.get(kind="money", claims__article__original_filename="report-0.txt")
    assert investment.article_count == REPORTS
    assert investment.claims.count() == REPORTS
