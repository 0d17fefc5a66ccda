from __future__ import annotations

from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command

from articles.models import Article


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
