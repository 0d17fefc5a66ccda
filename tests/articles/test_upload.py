from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from articles import services
from articles.models import Article, ArticleEvent
from tests.articles.uploads import STORY, errors_of, post


def test_editor_uploads_pasted_text_and_sees_it_received(editor_client, editor):
    response = post(
        editor_client,
        text=STORY,
        url="https://ledger.example/budget",
        published="2024-03-05",
        author="A. Writer",
    )

    article = Article.objects.get()
    assert response.status_code == 302
    assert response.url == article.get_absolute_url()
    assert article.body == STORY
    assert article.status == Article.Status.RECEIVED
    assert article.uploaded_by == editor
    assert str(article.published) == "2024-03-05"
    assert list(article.events.values_list("to_status", flat=True)) == ["received"]


def test_editor_uploads_a_text_file(editor_client):
    post(editor_client, file=SimpleUploadedFile("budget.txt", STORY.encode()))

    article = Article.objects.get()
    assert article.body == STORY
    assert article.original_filename == "budget.txt"
    assert article.original_format == Article.Format.TEXT


def test_html_upload_is_reduced_to_clean_text_and_the_original_is_kept(editor_client):
    html = (
        "<html><head><title>x</title><script>alert('x')</script></head><body>"
        "<nav>Home | News</nav><h1>Budget</h1><p onclick='evil()'>The council approved "
        "<b>$12.5 million</b>.</p><p>Spending rose 4%.</p><style>p{}</style></body></html>"
    )
    post(editor_client, file=SimpleUploadedFile("budget.html", html.encode()))

    article = Article.objects.get()
    assert "alert" not in article.body
    assert "evil" not in article.body
    assert "The council approved $12.5 million." in article.body
    assert "Spending rose 4%." in article.body
    assert article.original == html
    assert article.original_format == Article.Format.HTML


def test_a_utf8_file_with_a_byte_order_mark_is_accepted(editor_client):
    post(
        editor_client,
        file=SimpleUploadedFile("bom.md", "\ufeff# Budget\n\n".encode() + STORY.encode()),
    )

    assert Article.objects.get().body.startswith("# Budget")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"text": ""}, "The article has no text."),
        ({"text": "   \n\t  "}, "The article has no text."),
        ({"text": STORY, "title": ""}, "This field is required."),
        ({"text": STORY, "title": "x" * 301}, "at most 300 characters"),
        ({"text": STORY, "url": "javascript:alert(1)"}, "Enter a valid URL."),
        ({"text": STORY, "url": "http://exa mple .com/<>"}, "Enter a valid URL."),
        ({"text": STORY, "url": "ftp://files.example/a.txt"}, "Enter a valid URL."),
        ({"text": STORY, "published": "2024-02-30"}, "Enter a valid date."),
        ({"text": STORY, "published": "not a date"}, "Enter a valid date."),
        ({"text": "nul\x00byte"}, "Null characters are not allowed."),
    ],
)
def test_bad_form_input_gets_a_clear_error_and_saves_nothing(editor_client, fields, message):
    response = post(editor_client, **fields)

    assert response.status_code == 200
    assert message in errors_of(response)
    assert Article.objects.count() == 0


def test_a_publication_date_in_the_future_is_refused(editor_client):
    tomorrow = timezone.localdate() + timedelta(days=1)

    response = post(editor_client, text=STORY, published=tomorrow.isoformat())

    assert "cannot be in the future" in errors_of(response)
    assert Article.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "Unsupported file type .png"),
        ("story.pdf", b"%PDF-1.4 text", "Unsupported file type .pdf"),
        ("noextension", STORY.encode(), "Unsupported file type (none)"),
        ("archive.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "binary file"),
        (
            "latin1.txt",
            "Le budget atteint 12,5 millions d’euros à Genève".encode("cp1252"),
            "not UTF-8",
        ),
        ("empty.txt", b"", "The submitted file is empty."),
        ("only-markup.html", b"<html><script>x()</script></html>", "The article has no text."),
    ],
)
def test_bad_files_get_a_clear_error_and_save_nothing(editor_client, name, content, message):
    response = post(editor_client, file=SimpleUploadedFile(name, content))

    assert response.status_code == 200
    assert message in errors_of(response)
    assert Article.objects.count() == 0


def test_a_file_over_the_size_limit_is_refused_and_the_limit_is_stated(editor_client, settings):
    settings.ARTICLE_MAX_UPLOAD_BYTES = 1024

    response = post(editor_client, file=SimpleUploadedFile("long.txt", b"figures " * 200))

    assert "the limit is 1.0\xa0KB" in errors_of(response)
    assert Article.objects.count() == 0


def test_pasted_text_over_the_size_limit_is_refused(editor_client, settings):
    settings.ARTICLE_MAX_UPLOAD_BYTES = 1024

    response = post(editor_client, text="figures " * 200)

    assert "at most 1.0\xa0KB" in errors_of(response)


def test_a_file_and_pasted_text_together_are_refused(editor_client):
    response = post(editor_client, text=STORY, file=SimpleUploadedFile("a.txt", b"Other text 5%"))

    assert "not both" in errors_of(response)
    assert Article.objects.count() == 0


def test_a_duplicate_text_is_refused_with_a_link_to_the_stored_article(editor_client, make_article):
    existing = make_article(original=STORY, title="First upload")

    response = post(
        editor_client,
        text="  THE CITY council approved a budget of $12.5 million on "
        "Tuesday,\n up 4% from last year.  ",
    )

    assert response.status_code == 200
    assert "already stored" in errors_of(response)
    assert existing.get_absolute_url() in response.content.decode()
    assert Article.objects.count() == 1


def test_a_filename_with_path_separators_is_stored_as_its_last_part(editor_client):
    post(editor_client, file=SimpleUploadedFile("..\\..\\etc\\story.txt", STORY.encode()))

    assert Article.objects.get().original_filename == "story.txt"


def test_markup_in_the_title_is_shown_escaped(editor_client):
    post(editor_client, text=STORY, title="<script>alert('t')</script>")
    article = Article.objects.get()

    page = editor_client.get(article.get_absolute_url()).content.decode()

    assert "<script>alert('t')</script>" not in page
    assert "&lt;script&gt;" in page


def test_a_text_stored_already_is_refused_by_the_service_and_nothing_is_queued(
    make_article, django_capture_on_commit_callbacks
):
    # What a second upload racing the first meets: the form's look found nothing yet.
    stored = make_article(original="The Orvel Bridge toll rises to $4.50 on Monday.")

    with (
        django_capture_on_commit_callbacks() as callbacks,
        pytest.raises(services.DuplicateArticle) as refused,
    ):
        services.create_article(
            uploaded_by=None,
            title="Toll again",
            original="the orvel bridge toll  rises to $4.50 on Monday.",
        )

    assert refused.value.existing == stored
    assert list(Article.objects.all()) == [stored]
    assert ArticleEvent.objects.count() == 1  # the stored article's upload
    assert callbacks == []
