"""Every API error is JSON with a message; odd requests never answer 500."""

from __future__ import annotations

import base64
import json
from urllib.parse import quote

import pytest
from rest_framework.test import APIClient


@pytest.fixture
def api(db) -> APIClient:
    return APIClient()


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/nothing-here/",
        "/api/v1/facts/99999999999999999999999/",
        "/api/v1/facts/abc/",
        "/api/v1/facts/-1/",
        "/api/v1/facts/1/claimreview/x/",
        "/api/v2/facts/",
    ],
)
def test_unknown_addresses_are_a_json_404(api, url):
    response = api.get(url)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_facts_are_read_only(api, method):
    response = getattr(api, method)("/api/v1/facts/", {}, format="json")

    assert response.status_code == 405
    assert response.json()["detail"] == f'Method "{method.upper()}" not allowed.'


def test_a_reader_over_the_rate_is_told_when_to_come_back(api, monkeypatch):
    from rest_framework.throttling import SimpleRateThrottle

    # DRF reads its rates once, into the class: set them there, for this test only.
    monkeypatch.setattr(
        SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/minute", "user": "3/minute"}
    )

    answers = [api.get("/api/v1/facts/") for _ in range(4)]

    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    refused = answers[-1]
    assert 0 < int(refused["Retry-After"]) <= 61
    assert "throttled" in refused.json()["detail"].lower()


def test_an_unacceptable_format_is_a_406(api):
    response = api.get("/api/v1/facts/", HTTP_ACCEPT="text/html")

    assert response.status_code == 406
    assert response.json()["detail"]


def test_an_upload_in_a_format_the_api_does_not_read_is_a_documented_415(api, editor):
    api.force_authenticate(editor)

    response = api.post(
        "/api/v1/articles/", "Plain words, no form.", content_type="text/plain; charset=utf-8"
    )
    schema = api.get("/api/schema/", HTTP_ACCEPT="application/json").json()

    assert response.status_code == 415
    assert response.json()["detail"]
    assert "415" in schema["paths"]["/api/v1/articles/"]["post"]["responses"]


def test_the_schema_and_the_docs_are_served(api):
    schema = api.get("/api/schema/", HTTP_ACCEPT="application/json")
    docs = api.get("/api/docs/")

    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert {"/api/v1/facts/", "/api/v1/facts/{id}/", "/api/v1/facts/{id}/claimreview/"} <= set(
        paths
    )
    assert {"/api/v1/claims/", "/api/v1/articles/"} <= set(paths)
    assert docs.status_code == 200
    # the documentation page's scripts are served by this app, never fetched from elsewhere
    assert b"cdn." not in docs.content


def forged_cursor(position: str) -> str:
    """A cursor of the claims list (DRF's format): its position, base64-encoded."""
    return quote(base64.b64encode(f"p={position}".encode()).decode())


def forged_fact_cursor(*cursor) -> str:
    """A cursor of the facts list: [ordering value, fact id, backwards] as base64 JSON."""
    return quote(base64.urlsafe_b64encode(json.dumps(cursor).encode()).decode())


@pytest.mark.parametrize(
    "url",
    [
        f"/api/v1/facts/?cursor={forged_fact_cursor('not-a-date', 1, False)}",
        "/api/v1/facts/?cursor=" + forged_fact_cursor("2024-01-01\x00", 1, False),
        f"/api/v1/facts/?cursor={forged_fact_cursor('2024-01-01T00:00:00Z', 'x', False)}",
        f"/api/v1/facts/?cursor={forged_fact_cursor('2024-01-01T00:00:00Z', 1, 'yes')}",
        f"/api/v1/facts/?cursor={forged_fact_cursor({'a': 1}, 1, False)}",
        f"/api/v1/facts/?cursor={forged_fact_cursor('2024-01-01T00:00:00Z', 1)}",
        f"/api/v1/facts/?ordering=id&cursor={forged_fact_cursor(10**23, 10**23, False)}",
        f"/api/v1/facts/?cursor={forged_fact_cursor(10**23, 1, False)}",
        f"/api/v1/facts/?cursor={forged_fact_cursor(12, 1, True)}",
        f"/api/v1/facts/?cursor={forged_fact_cursor(1.5, 1, False)}",
        f"/api/v1/facts/?ordering=id&cursor={forged_fact_cursor('a', 5, False)}",
        "/api/v1/facts/?cursor=%%%",
        "/api/v1/facts/?cursor=bnVsbA==",  # JSON null
        f"/api/v1/claims/?cursor={forged_cursor('x')}",
    ],
)
def test_a_forged_cursor_is_refused_with_a_404(api, editor, url):
    api.force_authenticate(editor)

    response = api.get(url)

    assert response.status_code == 404
    assert response.json() == {"detail": "Invalid cursor"}


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/facts/?page_size=0",
        "/api/v1/facts/?page_size=-1",
        "/api/v1/facts/?ordering=%00",
        f"/api/v1/facts/?search={'x' * 5000}",
    ],
)
def test_odd_paging_and_ordering_fall_back_to_defaults(api, url):
    response = api.get(url)

    assert response.status_code == 200
    assert response.json()["results"] == []


@pytest.mark.parametrize("query", ["subject=%00", "outlet=%00", "search=%00"])
def test_nul_characters_in_filters_are_a_400(api, query):
    response = api.get(f"/api/v1/facts/?{query}")

    assert response.status_code == 400
    assert "Null characters" in str(response.json()["errors"])


def test_unknown_addresses_are_json_even_in_development(client, settings):
    settings.DEBUG = True  # make run: Django would show its HTML page

    response = client.get("/api/v1/nothing-here/")
    redirected = client.get("/api/v1/facts?page=2")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
    assert (redirected.status_code, redirected["Location"]) == (301, "/api/v1/facts/?page=2")
