"""The claims API: the newsroom's queue of figures, for editors and reviewers only."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from claims import review
from tests.helpers import make_user

CLAIMS = "/api/v1/claims/"


@pytest.fixture
def editor_api(editor) -> APIClient:
    client = APIClient()
    client.force_authenticate(editor)
    return client


def test_the_disputed_claims_are_one_filter_away(editor_api, dispute, reviewer):
    # given the €400 million report disputed
    review.dispute_claim(dispute.wrong, reviewer=reviewer, version=0, note="ten times off")

    # when
    response = editor_api.get(f"{CLAIMS}?status=disputed")

    # then
    assert response.status_code == 200
    [claim] = response.json()["results"]
    assert claim["id"] == dispute.wrong.pk
    assert claim["text"] == "€400 million"
    assert (claim["kind"], claim["value"], claim["unit"]) == ("money", "400000000", "EUR")
    assert claim["article"] == {
        "id": dispute.wrong.article_id,
        "title": "Tarvik Herald story",
        "outlet": "Tarvik Herald",
    }
    assert claim["fact"] == dispute.fact.pk
    assert claim["status"] == "disputed"
    assert claim["reviewed_by"] == "reviewer"


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("", 3),
        ("status=proposed", 3),
        ("kind=money", 3),
        ("kind=date", 0),
        ("outlet=tarvik herald", 1),
    ],
)
def test_claims_filter_by_status_kind_and_outlet(editor_api, dispute, query, count):
    assert len(editor_api.get(f"{CLAIMS}?{query}").json()["results"]) == count


def test_claims_filter_by_fact_and_article(editor_api, dispute):
    article = dispute.right.article_id

    assert len(editor_api.get(f"{CLAIMS}?fact={dispute.fact.pk}").json()["results"]) == 3
    assert [c["id"] for c in editor_api.get(f"{CLAIMS}?article={article}").json()["results"]] == [
        dispute.right.pk
    ]


def test_one_claim_by_id(editor_api, dispute):
    response = editor_api.get(f"{CLAIMS}{dispute.right.pk}/")

    assert response.json()["text"] == "€40 million"
    assert editor_api.get(f"{CLAIMS}99999999/").status_code == 404


def test_claims_are_for_the_newsroom_only(dispute, roles):
    anonymous = APIClient()
    stranger = APIClient()
    stranger.force_authenticate(make_user("stranger"))

    assert anonymous.get(CLAIMS).status_code == 401
    assert stranger.get(CLAIMS).status_code == 403


def test_claims_cannot_be_changed_through_the_api(editor_api, dispute):
    response = editor_api.patch(f"{CLAIMS}{dispute.right.pk}/", {"status": "confirmed"})

    assert response.status_code == 405
    dispute.right.refresh_from_db()
    assert dispute.right.status == "proposed"
