from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article


def write_corpus(folder, documents: dict[str, tuple[str, dict | None]]):
    folder.mkdir()
    for name, (body, meta) in documents.items():
        (folder / f"{name}.txt").write_text(body, encoding="utf-8", newline="")
        if meta is not None:
            (folder / f"{name}.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


def test_import_reads_text_and_sidecars_and_summarises(tmp_path, capsys, editor):
    folder = write_corpus(
        tmp_path / "corpus",
        {
            "a": (
                "Exports fell 3%.\r\nImports rose.",
                {
                    "title": "Trade",
                    "outlet": "Wire",
                    "url": "https://wire.example/t",
                    "published": "2024-01-05",
                },
            ),
            "b": ("Headline of b\nThe toll rose to 40.", None),
            "c": ("exports FELL 3%.\r\nimports rose.", {"title": "Same text again"}),
        },
    )

    call_command("import_articles", str(folder), "--user", "editor")

    out, err = capsys.readouterr()
    assert "2 stored, 1 already stored, 0 refused" in out
    assert "c.txt: duplicate of article" in err
    trade = Article.objects.get(title="Trade")
    assert trade.outlet == "Wire"
    assert str(trade.published) == "2024-01-05"
    assert trade.body == "Exports fell 3%.\r\nImports rose."  # offsets index the text as given
    assert trade.uploaded_by.username == "editor"
    assert Article.objects.get(original_filename="b.txt").title == "Headline of b"


def test_import_of_a_missing_folder_is_a_clear_error(tmp_path, db):
    with pytest.raises(CommandError, match="is not a folder"):
        call_command("import_articles", str(tmp_path / "nowhere"))


def test_one_bad_file_never_stops_the_others_and_is_named(tmp_path, db, capsys):
    folder = write_corpus(
        tmp_path / "corpus",
        {"a": ("Text 5%.", None), "b": ("The toll rose to 40.", None), "c": ("   ", None)},
    )
    (folder / "a.json").write_text("{not json", encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")

    call_command("import_articles", str(folder))

    out, err = capsys.readouterr()
    assert "1 stored, 0 already stored, 3 refused" in out
    assert "a.txt: refused a.json is not valid JSON" in err
    assert "c.txt: refused the text is empty" in err
    assert "notes.pdf: refused not a .txt article" in err
    assert list(Article.objects.values_list("original_filename", flat=True)) == ["b.txt"]


def test_a_zip_of_articles_imports_like_a_folder(tmp_path, db, capsys):
    import zipfile

    folder = tmp_path / "in"
    folder.mkdir()
    with zipfile.ZipFile(folder / "batch.zip", "w") as archive:
        archive.writestr("stories/a.txt", "Exports fell 3% in May.")
        archive.writestr("stories/a.json", json.dumps({"title": "Exports", "outlet": "Wire"}))

    call_command("import_articles", str(folder))

    assert "1 stored" in capsys.readouterr().out
    assert Article.objects.get().outlet == "Wire"


def test_the_seed_corpus_imports_whole(seeds_folder, db, capsys):
    call_command("import_articles", str(seeds_folder), verbosity=0)

    assert "5 stored, 0 already stored, 0 refused" in capsys.readouterr().out
    for article in Article.objects.all():
        with (seeds_folder / article.original_filename).open(
            encoding="utf-8", newline=""
        ) as handle:
            source = handle.read()
        assert article.body == source
