"""Every API error is JSON with a message; odd requests never answer 500."""

from __future__ import annotations

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


def test_a_reader_over_the_rate_is_told_when_to_come_back(api, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute", "user": "3/minute"},
    }
    from rest_framework.settings import api_settings
    from rest_framework.throttling import SimpleRateThrottle

    # DRF reads its rates once per class; follow the test's settings.
    SimpleRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES
    try:
        answers = [api.get("/api/v1/facts/") for _ in range(4)]
    finally:
        SimpleRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES

    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    refused = answers[-1]
    assert 0 < int(refused["Retry-After"]) <= 61
    assert "throttled" in refused.json()["detail"].lower()


def test_an_unacceptable_format_is_a_406(api):
    response = api.get("/api/v1/facts/", HTTP_ACCEPT="text/html")

    assert response.status_code == 406
    assert response.json()["detail"]


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
