from __future__ import annotations

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from rest_framework.test import APIClient

from articles.models import Article
from claims import review
from claims.models import Fact


def test_demo_accounts_use_demo_password_and_hold_their_roles(db, monkeypatch, capsys):
    monkeypatch.setenv("DEMO_PASSWORD", "correct-horse-battery")

    call_command("setup_demo")

    for username in ("editor", "reviewer", "admin"):
        assert authenticate(username=username, password="correct-horse-battery") is not None
    users = get_user_model().objects
    assert list(users.get(username="editor").groups.values_list("name", flat=True)) == ["Editors"]
    assert list(users.get(username="reviewer").groups.values_list("name", flat=True)) == [
        "Reviewers"
    ]
    assert users.get(username="admin").is_superuser
    assert users.get(username="editor").has_perm("articles.add_article")
    assert not users.get(username="reviewer").has_perm("articles.add_article")


def test_without_demo_password_a_random_one_is_printed_once(db, monkeypatch, capsys):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)

    call_command("setup_demo")
    first = capsys.readouterr().out
    call_command("setup_demo")
    second = capsys.readouterr().out

    password = first.split("have the password: ")[1].split()[0]
    assert authenticate(username="reviewer", password=password) is not None
    assert "password" not in second


def test_demo_articles_are_loaded_once(db, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "correct-horse-battery")

    call_command("setup_demo")
    count = Article.objects.count()
    call_command("setup_demo")

    assert count >= 4
    assert Article.objects.count() == count
    assert Article.objects.filter(outlet="").count() == 0


@pytest.mark.parametrize("separate_publisher", [False, True])
def test_the_demo_publishes_the_facts_its_articles_agree_on_and_leaves_disputes_for_review(
    db, monkeypatch, settings, separate_publisher
):
    monkeypatch.setenv("DEMO_PASSWORD", "correct-horse-battery")
    settings.REQUIRE_SEPARATE_PUBLISHER = separate_publisher

    call_command("setup_demo")

    published = Fact.objects.filter(status="published")
    assert published.exists()
    for fact in published:
        cited = fact.claims.filter(status="confirmed").values("article").distinct().count()
        assert cited >= 2
        assert (fact.verified_by.username, fact.published_by.username) == ("reviewer", "admin")
    assert Fact.objects.filter(agreement="disputed").exists()
    assert not Fact.objects.filter(agreement="disputed").exclude(status="open").exists()
    listed = [fact["id"] for fact in APIClient().get("/api/v1/facts/").json()["results"]]
    assert sorted(listed) == sorted(published.values_list("pk", flat=True))


def test_running_the_demo_setup_again_leaves_the_reviewers_decisions_alone(db, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "correct-horse-battery")
    call_command("setup_demo")
    fact = Fact.objects.filter(status="published").first()
    reviewer = get_user_model().objects.get(username="reviewer")
    review.reopen_fact(fact, reviewer=reviewer, version=fact.version, note="check again")

    call_command("setup_demo")

    fact.refresh_from_db()
    assert fact.status == "open"
