"""An editor imports a folder's files (or a zip) from the site; the worker stores them."""

from __future__ import annotations

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles import importing
from articles.models import Article, ImportBatch

START = reverse("articles:import_start")


def upload(name: str, content: str | bytes) -> SimpleUploadedFile:
    data = content.encode() if isinstance(content, str) else content
    return SimpleUploadedFile(name, data)


def test_an_editor_imports_files_and_sees_each_result(
    editor_client, editor, django_capture_on_commit_callbacks
):
    files = [
        upload("a.txt", "Exports fell 3% in May."),
        upload("a.json", json.dumps({"title": "Exports", "outlet": "Wire"})),
        upload("b.txt", "Exports fell 3% in May."),  # the same text again
        upload("c.txt", "The council spent $4 million."),
        upload("c.json", "{broken"),
    ]

    with django_capture_on_commit_callbacks() as callbacks:
        response = editor_client.post(START, {"files": files})
    batch = ImportBatch.objects.get()
    assert response.url == batch.get_absolute_url()
    assert len(callbacks) == 1  # the worker's task, once committed
    importing.run_batch(batch.pk)  # what the worker runs

    page = editor_client.get(batch.get_absolute_url())
    results = {r["file"]: (r["outcome"], r["detail"]) for r in page.context["batch"].results}
    assert results["a.txt"] == ("stored", "")
    assert results["b.txt"][0] == "duplicate"
    assert results["b.txt"][1].startswith(f"of article {Article.objects.get().pk}")
    assert results["c.txt"][0] == "refused"
    assert results["c.txt"][1].startswith("c.json is not valid JSON")
    assert "1 stored</strong>, 1 already stored, 1 refused" in page.content.decode()
    assert Article.objects.get().outlet == "Wire"
    batch.refresh_from_db()
    assert (batch.status, batch.done, batch.file_count, batch.files) == ("done", 3, 3, {})
    progress = editor_client.get(batch.get_absolute_url(), HTTP_ACCEPT="application/json")
    assert progress.json() == {"status": "done", "done": 3, "total": 3}


def test_an_import_over_the_limits_is_refused_with_a_reason(editor_client, settings):
    settings.IMPORT_MAX_FILES = 2
    settings.IMPORT_MAX_BYTES = 100

    too_many = editor_client.post(START, {"files": [upload(f"{n}.txt", "x 1%") for n in "abc"]})
    too_big = editor_client.post(START, {"files": [upload("a.txt", "5% " * 50)]})
    nothing = editor_client.post(START, {})

    assert too_many.status_code == too_big.status_code == nothing.status_code == 400
    assert "an import takes at most 2" in too_many.content.decode()
    assert "an import takes at most 0 MB" in too_big.content.decode()
    assert "choose the files of a folder, or a zip" in nothing.content.decode()
    assert not ImportBatch.objects.exists()


def test_reviewers_cannot_import(client, reviewer):
    client.force_login(reviewer)

    assert client.get(START).status_code == 403
