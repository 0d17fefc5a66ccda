"""Outlet records: a "$" in an outlet's articles is read in its own currency."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles import services
from articles.models import Outlet
from claims import pipeline

STORY = "The harbour authority sold the old ferry terminal for $40 million."


def amount_unit(article) -> str:
    pipeline.propose_claims(article)
    return article.claims.get(kind="money").unit


def test_an_outlets_record_names_the_currency_of_its_dollar(make_article):
    services.save_outlet(Outlet(name="Harbour Gazette", country="CA"))
    article = make_article(original=STORY, outlet="harbour gazette")
    assert amount_unit(article) == "CAD"


def test_a_records_currency_comes_before_its_countrys(make_article):
    services.save_outlet(Outlet(name="Pacific Ledger", country="US", currency="AUD"))
    article = make_article(original=STORY, outlet="Pacific Ledger")
    assert amount_unit(article) == "AUD"


def test_without_a_record_the_addresss_country_domain_decides(make_article):
    article = make_article(original=STORY, url="https://www.coastpost.com.au/business/ferry")
    assert amount_unit(article) == "AUD"


def test_without_a_record_or_a_country_domain_a_dollar_is_the_us_dollar(make_article):
    article = make_article(original=STORY, url="https://news.example.com/ferry")
    assert amount_unit(article) == "USD"


def test_a_bad_code_is_refused_and_nothing_is_stored(db):
    with pytest.raises(ValidationError):
        services.save_outlet(Outlet(name="Harbour Gazette", country="Canada"))
    assert not Outlet.objects.exists()


def test_an_editor_keeps_an_outlet_record_in_the_admin(editor_client):
    url = reverse("admin:articles_outlet_add")
    response = editor_client.post(url, {"name": " Harbour  Gazette ", "country": "ca"})
    assert response.status_code == 302
    outlet = Outlet.objects.get()
    assert (outlet.name, outlet.country, outlet.currency) == ("Harbour Gazette", "CA", "")


def test_the_admin_shows_a_bad_code_as_a_form_error(editor_client):
    url = reverse("admin:articles_outlet_add")
    response = editor_client.post(url, {"name": "Harbour Gazette", "currency": "us"})
    assert response.status_code == 200
    assert "Three capital letters" in response.content.decode()
    assert not Outlet.objects.exists()


def test_a_reviewer_cannot_change_outlets(client, reviewer):
    client.force_login(reviewer)
    response = client.post(reverse("admin:articles_outlet_add"), {"name": "Harbour Gazette"})
    assert response.status_code == 403
    assert not Outlet.objects.exists()
