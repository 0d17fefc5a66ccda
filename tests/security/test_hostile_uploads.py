"""Hostile input through the upload form and the pages: the whole catalogue in one place.

Every case is either refused, with a message on the form or a 4xx, storing nothing at
all; or it is a legitimate article, which is stored, read by the real extraction
service, and then shown on every page that shows it (the list, the article with its
highlighted figures, the admin, the fact review page) with all its markup escaped.
"""

from __future__ import annotations

import io
import zipfile
from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from articles.forms import ArticleUploadForm
from articles.models import Article, ArticleEvent
from articles.roles import EDITORS
from claims import pipeline
from claims.models import Claim, Fact
from tests.articles.uploads import STORY, UPLOAD, errors_of, post, post_raw_file
from tests.helpers import make_user
from tests.security.inert import PAYLOADS, assert_inert

MB = 1024 * 1024
API_ARTICLES = "/api/v1/articles/"
SCRIPT, IMG, SVG, IFRAME, TEXTAREA = PAYLOADS


@pytest.fixture(autouse=True)
def _documented_upload_limit(settings):
    settings.ARTICLE_MAX_UPLOAD_BYTES = 2 * MB


def stored_rows() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in (Article, ArticleEvent, Claim, Fact)}


def a_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("story.txt", STORY)
    return buffer.getvalue()


def submit(client, case: dict):
    """Post one case: form fields, plus a file as (name, bytes), or a raw_file whose name
    no browser would send."""
    fields = dict(case)
    if "raw_file" in fields:
        name, content = fields.pop("raw_file")
        return post_raw_file(client, name, content, **fields)
    if "file" in fields:
        name, content = fields.pop("file")
        fields["file"] = SimpleUploadedFile(name, content)
    elif "text" not in fields:
        fields["text"] = STORY
    return post(client, **fields)


# ----------------------------------------------------------------------------------------
# Refused on the form, with a message; nothing stored
# ----------------------------------------------------------------------------------------

REFUSED = [
    pytest.param(
        {"file": ("long.txt", b"a" * (2 * MB + 1))}, "the limit is 2.0", id="file-over-the-limit"
    ),
    pytest.param({"file": ("huge.txt", b"a" * (5 * MB))}, "the limit is 2.0", id="file-of-5-MB"),
    pytest.param({"text": "a" * (2 * MB + 1)}, "at most 2.0", id="pasted-text-over-the-limit"),
    pytest.param(
        {"file": ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")},
        "binary file",
        id="binary-file-named-txt",
    ),
    pytest.param(
        {"file": ("story.txt", b"Caf\xe9 prices rose \xff 5%")}, "not UTF-8", id="invalid-utf8"
    ),
    pytest.param(
        {"file": ("story.txt", STORY.encode("utf-16"))},
        "UTF-16 text, not UTF-8",
        id="utf16-with-bom",
    ),
    pytest.param({"file": ("story.txt", a_zip())}, "binary file", id="zip-renamed-txt"),
    pytest.param(
        {"file": ("story.txt", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n")},
        "PDF document",
        id="pdf-renamed-txt",
    ),
    pytest.param(
        {"file": ("chart.svg", b"<svg onload=alert(1)>5%</svg>")},
        "Unsupported file type .svg",
        id="svg-file",
    ),
    pytest.param(
        {"file": ("story.txt.exe", STORY.encode())},
        "Unsupported file type .exe",
        id="double-extension",
    ),
    pytest.param(
        {"raw_file": (b"..", STORY.encode())}, "The article has no text.", id="file-named-dot-dot"
    ),
    pytest.param(
        {"file": ("page.html", b"<html><script>alert(1)</script></html>")},
        "The article has no text.",
        id="html-that-is-only-a-script",
    ),
    pytest.param(
        {"text": "  \n\t\u00a0\u3000\r\n "}, "The article has no text.", id="text-only-whitespace"
    ),
    pytest.param(
        {"text": "\u200b\u200d\ufeff\u2060\u202e"},
        "The article has no text.",
        id="text-only-zero-width-characters",
    ),
    pytest.param(
        {"text": "Prices rose\x00 5%"}, "Null characters are not allowed.", id="nul-in-pasted-text"
    ),
    pytest.param(
        {"text": STORY, "file": ("a.txt", b"Other text: 5%")},
        "not both",
        id="file-and-text-together",
    ),
    pytest.param(
        {"url": "https://ledger.example/a\r\nSet-Cookie: session=x"},
        "Enter a valid URL.",
        id="crlf-in-url",
    ),
    pytest.param({"url": "javascript:alert(1)"}, "Enter a valid URL.", id="javascript-url"),
    pytest.param(
        {"url": "JaVa\tScRiPt:alert(1)"},
        "Enter a valid URL.",
        id="javascript-url-mixed-case-with-tab",
    ),
    pytest.param(
        {"url": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="},
        "Enter a valid URL.",
        id="data-url",
    ),
    pytest.param({"published": "2999-12-31"}, "cannot be in the future", id="future-date"),
    pytest.param({"published": "2024-02-30"}, "Enter a valid date.", id="malformed-date"),
    pytest.param({"published": "1' OR '1'='1"}, "Enter a valid date.", id="sql-in-date"),
    pytest.param({"title": "x" * 301}, "at most 300 characters", id="title-of-301-characters"),
    pytest.param({"title": "\r\n \t"}, "This field is required.", id="title-only-line-breaks"),
    pytest.param({"title": "Budget \u202e%5 pu"}, "U+202E", id="bidi-override-in-title"),
    pytest.param({"outlet": "Ledger\x1b[31m"}, "U+001B", id="terminal-escape-in-outlet"),
]


@pytest.mark.parametrize(("case", "message"), REFUSED)
def test_hostile_upload_is_refused_with_a_message_and_stores_nothing(editor_client, case, message):
    # given
    before = stored_rows()

    # when
    response = submit(editor_client, case)

    # then
    assert response.status_code == 200
    assert message in errors_of(response)
    assert stored_rows() == before


def test_a_stored_text_with_invisible_characters_sprinkled_in_is_a_duplicate(
    editor_client, make_article
):
    # given
    existing = make_article(original=STORY)
    before = stored_rows()
    disguised = STORY.replace("council", "coun\u200bcil").replace("budget", "bud\u00adget")

    # when
    response = post(editor_client, text=disguised + "\ufeff")

    # then
    assert "already stored" in errors_of(response)
    assert existing.get_absolute_url() in response.content.decode()
    assert stored_rows() == before


# ----------------------------------------------------------------------------------------
# Refused before the form, with a 4xx; nothing stored
# ----------------------------------------------------------------------------------------


def test_pasted_text_beyond_the_request_limit_is_a_400(editor_client):
    before = stored_rows()

    response = post(editor_client, text="a" * (3 * MB))

    assert response.status_code == 400
    assert stored_rows() == before


@pytest.mark.parametrize("path", [UPLOAD, API_ARTICLES])
def test_a_body_declared_larger_than_the_limit_is_refused_before_it_is_read(editor_client, path):
    """The test client's input raises if read beyond the few bytes given: nothing is read."""
    before = stored_rows()

    response = editor_client.post(
        path, b'{"title": "x"}', content_type="application/json", CONTENT_LENGTH=str(400 * MB)
    )

    assert response.status_code == 413
    assert stored_rows() == before


# ----------------------------------------------------------------------------------------
# Refused by the API with a 4xx and a message; nothing stored
# ----------------------------------------------------------------------------------------


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


API_REFUSED = [
    pytest.param(
        f'{{"title": "Budget \\ud800", "text": "{STORY}"}}',
        "lone surrogate",
        id="lone-surrogate-in-title",
    ),
    pytest.param(
        '{"title": "Budget", "text": "Spending rose \\udfff 5%."}',
        "lone surrogate",
        id="lone-surrogate-in-text",
    ),
    pytest.param(
        f'{{"title": "Budget", "outlet": "Ledger\\ud83d", "text": "{STORY}"}}',
        "lone surrogate",
        id="lone-surrogate-in-outlet",
    ),
    pytest.param(
        f'{{"title": "Budget", "\\ud800": "x", "text": "{STORY}"}}',
        "lone surrogate",
        id="lone-surrogate-in-a-field-name",
    ),
    pytest.param(
        f'{{"title": "Budget", "text": {nested(5_000)}}}',
        "nested too deeply",
        id="json-nested-5000-deep",
    ),
    pytest.param(
        f'{{"title": "Budget", "text": {nested(100_000)}}}',
        "nested too deeply",
        id="json-nested-100000-deep",
    ),
    pytest.param('{"title": "Budget", "text": "unterminated', "JSON parse error", id="broken-json"),
]


@pytest.mark.parametrize(("body", "message"), API_REFUSED)
def test_hostile_json_upload_is_refused_with_a_message_and_stores_nothing(
    editor_client, body, message
):
    before = stored_rows()

    response = editor_client.post(API_ARTICLES, body, content_type="application/json")

    assert response.status_code == 400
    assert message in response.json()["detail"]
    assert stored_rows() == before


@pytest.mark.parametrize("field", ["title", "outlet", "author", "url", "text"])
def test_a_lone_surrogate_is_refused_by_the_upload_form_with_a_message(db, field):
    """What any way in gives the form (the page, the API's JSON and multipart bodies)."""
    data = {"title": "Budget", "text": STORY, field: "Budget \ud800 5%"}

    form = ArticleUploadForm(data)

    assert not form.is_valid()
    assert "Remove the broken character U+D800" in " ".join(form.errors[field])


def test_a_file_name_of_1000_characters_is_a_400(editor_client):
    before = stored_rows()

    response = post_raw_file(editor_client, b"x" * 1000 + b".txt", STORY.encode())

    assert response.status_code == 400
    assert stored_rows() == before


@pytest.mark.parametrize(
    "token",
    [pytest.param(None, id="missing-csrf-token"), pytest.param("x" * 64, id="forged-csrf-token")],
)
def test_an_upload_without_a_valid_csrf_token_is_refused(editor, token):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    client.get(UPLOAD)  # the page sets the real token cookie
    before = stored_rows()
    data = {"title": "Council budget", "text": STORY}
    if token:
        data["csrfmiddlewaretoken"] = token

    response = client.post(UPLOAD, data)

    assert response.status_code == 403
    assert stored_rows() == before


def test_an_upload_with_the_token_of_the_page_is_accepted(editor):
    """The control for the two cases above: the same client, with the real token."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    token = client.get(UPLOAD).context["csrf_token"]

    response = client.post(
        UPLOAD, {"title": "Council budget", "text": STORY, "csrfmiddlewaretoken": token}
    )

    assert response.status_code == 302


@pytest.mark.parametrize(
    ("who", "status"),
    [
        pytest.param("anonymous", 302, id="anonymous-upload"),
        pytest.param("reviewer", 403, id="reviewer-upload"),
        pytest.param("no-role", 403, id="user-without-a-role-upload"),
    ],
)
def test_only_editors_may_upload(client, roles, request, who, status):
    if who == "reviewer":
        client.force_login(request.getfixturevalue("reviewer"))
    elif who == "no-role":
        client.force_login(make_user("visitor"))
    before = stored_rows()

    response = client.post(UPLOAD, {"title": "Council budget", "text": STORY})

    assert response.status_code == status
    if who == "anonymous":
        assert response.url.startswith(reverse("login"))
    assert stored_rows() == before


OVERFLOW = "99999999999999999999999"


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        pytest.param("get", f"/articles/{OVERFLOW}/", 404, id="overflow-article-id"),
        pytest.param("post", f"/articles/{OVERFLOW}/reextract/", 404, id="overflow-id-reextract"),
        pytest.param(
            "get", f"/admin/claims/fact/{OVERFLOW}/review/", 404, id="overflow-fact-review"
        ),
        pytest.param(
            "post", f"/admin/claims/fact/{OVERFLOW}/review/confirm/", 404, id="overflow-fact-action"
        ),
        pytest.param(
            "get", f"/admin/articles/article/{OVERFLOW}/change/", 302, id="overflow-admin-article"
        ),
        pytest.param(
            "get", f"/admin/claims/claim/{OVERFLOW}/change/", 302, id="overflow-admin-claim"
        ),
        pytest.param(
            "get", f"/admin/claims/fact/?article={OVERFLOW}", 200, id="overflow-fact-filter"
        ),
        pytest.param("get", f"/articles/states/?ids={OVERFLOW},-1,x", 200, id="overflow-states"),
    ],
)
def test_ids_beyond_any_integer_column_are_not_found_never_a_500(admin_client, method, url, status):
    assert getattr(admin_client, method)(url).status_code == status


def test_editors_share_every_article_and_reviewers_only_read(
    client, editor, reviewer, make_article
):
    """Articles belong to the newsroom, not to whoever uploaded them (articles.roles)."""
    # given an article uploaded by one editor
    article = make_article()
    other_editor = make_user("other-editor", groups=[EDITORS], is_staff=True)
    reextract = reverse("articles:reextract", args=[article.pk])
    pipeline.propose_claims(article)

    # then another editor reads it and may run its extraction again
    client.force_login(other_editor)
    assert client.get(article.get_absolute_url()).status_code == 200
    assert client.post(reextract).status_code == 302

    # and a reviewer reads it but may not
    client.force_login(reviewer)
    assert client.get(article.get_absolute_url()).status_code == 200
    assert client.post(reextract).status_code == 403


# ----------------------------------------------------------------------------------------
# Legitimate articles: stored, extracted, and shown escaped everywhere
# ----------------------------------------------------------------------------------------

DEEP = "<div>" * 50_000 + "Deep inside, the fund holds $7 million." + "</div>" * 50_000
LONG_LINE = "The council spent $4.5 million on roads" + " and then some more words" * 42_000

STORED = [
    pytest.param(
        {
            "file": (
                "page.html",
                b"<p>The council approved $12.5 million.</p><script>alert(1)</script>",
            )
        },
        "The council approved $12.5 million.",
        id="html-with-script",
    ),
    pytest.param(
        {
            "file": (
                "page.html",
                b'<body onload="alert(1)"><p onclick=alert(2)>Spending rose 4%.<img src=x onerror=alert(3)></p>',
            )
        },
        "Spending rose 4%.",
        id="html-with-event-handlers",
    ),
    pytest.param(
        {
            "file": (
                "page.html",
                b'<p>Read <a href="javascript:alert(1)">the plan</a>: it costs $3 million.</p>',
            )
        },
        "Read the plan: it costs $3 million.",
        id="html-with-javascript-link",
    ),
    pytest.param(
        {
            "file": (
                "page.html",
                b'<p>Turnout was 61%.</p><iframe src="https://evil.example/" onload=alert(1)>x</iframe>',
            )
        },
        "Turnout was 61%.",
        id="html-with-iframe",
    ),
    pytest.param(
        {
            "file": (
                "page.html",
                b"<svg onload=alert(1)><script>alert(2)</script></svg><p>Turnout was 61%.</p><svg/onload=alert(3)>",
            )
        },
        "Turnout was 61%.",
        id="html-with-svg-onload",
    ),
    pytest.param(
        {
            "file": (
                "page.html",
                b'<style>p { width: expression(alert(1)) }</style><p style="background:url(javascript:alert(2))">Prices rose 3%.</p>',
            )
        },
        "Prices rose 3%.",
        id="html-with-style-expression",
    ),
    pytest.param(
        {"file": ("page.html", b"<p>Prices rose 3%.</p><![ x")},
        "Prices rose 3%.",
        id="html-with-a-broken-marked-section",
    ),
    pytest.param(
        {
            "file": (
                "page.html",
                b"<html><head><title>Ledger</title><body><p>Prices rose 3%.</p></body></html>",
            )
        },
        "Prices rose 3%.",
        id="html-without-end-of-head",
    ),
    pytest.param(
        {"file": ("deep.html", DEEP.encode())},
        "Deep inside, the fund holds $7 million.",
        id="html-50000-nested-divs",
    ),
    pytest.param(
        {"file": ("page.html", b"<p>Prices rose 3%.</p>" + b"<a" * 400_000)},
        "Prices rose 3%.",
        id="html-400000-unclosed-tags",
    ),
    pytest.param(
        {"file": ("page.html", b"<p>Prices rose 3%.</p>" + b"</" * 400_000)},
        "Prices rose 3%.",
        id="html-400000-stray-end-tag-openers",
    ),
    pytest.param(
        {"file": ("page.html", b"<p>Prices rose 3%.</p>" + b"<!--" * 200_000)},
        "Prices rose 3%.",
        id="html-200000-unclosed-comments",
    ),
    pytest.param(
        {"text": f"{SCRIPT} The council spent $4.5 million on roads. {IMG} {IFRAME} {TEXTAREA}"},
        f"{SCRIPT} The council spent $4.5 million on roads. {IMG} {IFRAME} {TEXTAREA}",
        id="markup-pasted-as-text",
    ),
    pytest.param(
        {"title": SCRIPT, "outlet": IMG, "author": SVG}, STORY, id="markup-in-title-outlet-author"
    ),
    pytest.param(
        {
            "title": "Budget\r\nSet-Cookie: admin=1",
            "outlet": "Ledger\r\nLocation: https://evil.example",
        },
        STORY,
        id="crlf-in-title-and-outlet",
    ),
    pytest.param({"text": LONG_LINE}, LONG_LINE, id="one-line-of-1-MB"),
    pytest.param(
        {
            "text": "The council\u200b spent $4.5\u200d million on roads.\u202e Turnout was 61%.\u202c"
        },
        "The council\u200b spent $4.5\u200d million on roads.\u202e Turnout was 61%.\u202c",
        id="zero-width-and-bidi-in-text",
    ),
    pytest.param(
        {"title": "Budget 👩\u200d💻 up 5% \u0645\u0648\u0627\u0632\u0646\u0629"},
        STORY,
        id="emoji-joiner-and-arabic-in-title",
    ),
    pytest.param(
        {"raw_file": (b"../../etc/story.txt", STORY.encode())},
        STORY,
        id="file-name-with-dot-dot-path",
    ),
    pytest.param(
        {"raw_file": (b"C:\\Users\\x\\story.txt", STORY.encode())},
        STORY,
        id="file-name-with-backslashes",
    ),
    pytest.param({"raw_file": (b"sto\x00ry.txt", STORY.encode())}, STORY, id="file-name-with-nul"),
    pytest.param(
        {"raw_file": (b"s" * 240 + b".txt", STORY.encode())},
        STORY,
        id="file-name-of-244-characters",
    ),
]


def pages_showing(article: Article) -> list[str]:
    claim = article.claims.exclude(fact=None).first()
    pages = [
        reverse("articles:list"),
        article.get_absolute_url(),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_change", args=[article.pk]),
        reverse("admin:claims_claim_changelist") + "?" + urlencode({"q": article.title[:20]}),
    ]
    if claim is not None:
        pages += [
            reverse("admin:claims_claim_change", args=[claim.pk]),
            reverse("admin:claims_fact_changelist") + f"?article={article.pk}",
            reverse("admin:claims_fact_change", args=[claim.fact_id]),
            reverse("admin:claims_fact_review", args=[claim.fact_id]),
        ]
    return pages


@pytest.mark.parametrize(("case", "body"), STORED)
def test_hostile_article_is_stored_extracted_and_shown_escaped_everywhere(
    editor_client, admin_client, case, body
):
    # when the editor uploads it
    response = submit(editor_client, case)

    # then exactly one article is stored, received, with its text as body and one-line names
    assert response.status_code == 302, errors_of(response)
    article = Article.objects.get()
    assert article.body == body
    assert "\n" not in article.title + article.outlet + article.author
    assert "\r" not in article.title + article.outlet + article.author
    assert list(article.events.values_list("to_status", flat=True)) == ["received"]

    # when the worker's service reads it
    pipeline.propose_claims(article)
    article.refresh_from_db()

    # then it has figures, and every page that shows it renders its markup inert
    assert article.status == Article.Status.DONE
    assert article.claims.exists()
    for url in pages_showing(article):
        page = admin_client.get(url)
        assert page.status_code == 200, url
        assert_inert(page.content.decode())
    assert '<mark class="figure' in editor_client.get(article.get_absolute_url()).content.decode()


def test_a_disputed_fact_between_hostile_outlets_is_reviewed_escaped(admin_client, make_article):
    """The review page puts outlets, titles and sentences of several articles side by side."""
    # given two articles on one fact, from outlets whose names are markup
    reports = [
        (f"Harlow Motors {SCRIPT} will invest €40 million in its Tarvik plant.", IMG),
        (f"Harlow Motors {SVG} is investing €400 million in its Tarvik plant.", TEXTAREA),
    ]
    articles = []
    for text, outlet in reports:
        article = make_article(
            original=text, title=outlet, outlet=outlet, url='https://x.example/?q="><b>'
        )
        pipeline.propose_claims(article)
        articles.append(article)
    fact = Fact.objects.get(claims__article=articles[0])
    assert fact.claims.count() == 2

    # when a reviewer opens it
    page = admin_client.get(reverse("admin:claims_fact_review", args=[fact.pk]))

    # then everything the articles said is shown, escaped
    assert page.status_code == 200
    html = page.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert_inert(html)
