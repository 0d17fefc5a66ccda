"""Guessing passwords: after repeated failures an account, or an address, waits."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import SESSION_KEY
from django.urls import reverse
from django.utils import timezone

from tests.helpers import make_user

PASSWORD = "pw-for-tests-only"  # the one make_user gives
WAIT = "Too many failed logins. Wait 15 minutes and try again."


def log_in(client, username: str, password: str = PASSWORD, *, url="/login/", address="10.0.0.1"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def fail(client, username: str, times: int, **where) -> None:
    for _ in range(times):
        response = log_in(client, username, "wrong password", **where)
        assert "correct username and password" in response.content.decode()


def logged_in(client) -> bool:
    return SESSION_KEY in client.session


@pytest.fixture(autouse=True)
def _limits(settings):
    # Dozens of logins per test: a fast hasher keeps them quick (the counting is the same).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.LOGIN_FAILURES_PER_USERNAME = 5
    settings.LOGIN_FAILURES_PER_ADDRESS = 30
    settings.LOGIN_LOCKOUT_SECONDS = 900


def test_five_failures_lock_the_account_even_against_the_right_password(client, editor):
    # given
    fail(client, "editor", 5)

    # when
    response = log_in(client, "editor")

    # then
    assert response.status_code == 200
    assert WAIT in response.content.decode()
    assert not logged_in(client)


def test_another_user_still_logs_in_from_the_same_address(client, editor, reviewer):
    fail(client, "editor", 5)

    response = log_in(client, "reviewer")

    assert response.status_code == 302
    assert logged_in(client)


def test_the_lock_lifts_once_the_period_is_over(client, editor):
    fail(client, "editor", 5)

    with time_machine.travel(timezone.now() + timedelta(seconds=901)):
        response = log_in(client, "editor")

    assert response.status_code == 302


def test_the_username_is_counted_whatever_its_case_and_spacing(client, editor):
    fail(client, "Editor", 2)
    fail(client, " EDITOR ", 3)

    assert WAIT in log_in(client, "editor").content.decode()


def test_a_correct_login_starts_the_count_of_its_account_again(client, editor):
    fail(client, "editor", 4)
    assert log_in(client, "editor").status_code == 302
    client.logout()

    fail(client, "editor", 4)

    assert log_in(client, "editor").status_code == 302


def test_a_login_with_no_password_does_not_start_the_count_again(client, editor):
    fail(client, "editor", 4)
    client.post("/login/", {"username": "editor", "password": ""}, REMOTE_ADDR="10.0.0.1")
    fail(client, "editor", 1)

    assert WAIT in log_in(client, "editor").content.decode()


def test_failures_from_one_address_lock_that_address_for_every_account(client, editor, settings):
    # given as many failures as an address may have, each for a different name
    settings.LOGIN_FAILURES_PER_ADDRESS = 8
    for number in range(8):
        fail(client, f"guess-{number}", 1, address="203.0.113.9")

    # then the right password of a real account is refused from there
    assert WAIT in log_in(client, "editor", address="203.0.113.9").content.decode()
    # but accepted from another address
    assert log_in(client, "editor", address="198.51.100.7").status_code == 302


def test_the_admin_login_is_throttled_too(client, roles):
    # given a staff account with five failures on the admin's login page
    make_user("chief", is_staff=True, is_superuser=True)
    make_user("deputy", is_staff=True, is_superuser=True)
    admin_login = reverse("admin:login")
    fail_page = log_in(client, "chief", "wrong", url=admin_login)
    assert "correct username and password" in fail_page.content.decode()
    for _ in range(4):
        log_in(client, "chief", "wrong", url=admin_login)

    # when it tries the right password
    response = log_in(client, "chief", url=admin_login)

    # then it is told to wait, while another staff account gets in
    assert response.status_code == 200
    assert WAIT in response.content.decode()
    assert not logged_in(client)
    assert log_in(client, "deputy", url=admin_login).status_code == 302


def test_failures_on_the_site_and_in_the_admin_add_up(client, editor):
    fail(client, "editor", 3)
    fail(client, "editor", 2, url=reverse("admin:login"))

    assert WAIT in log_in(client, "editor").content.decode()


def test_logging_out_says_so_on_the_login_page(client, editor):
    client.force_login(editor)

    response = client.post("/logout/", follow=True)
    admin_out = client.post("/admin/logout/", follow=True)

    assert "You are logged out." in response.content.decode()
    assert response.redirect_chain[-1][0].endswith("/login/")
    assert admin_out.status_code == 200
