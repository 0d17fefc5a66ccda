"""Production settings: secrets only from the environment, secure cookies and headers."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.helpers import ROOT


def start_django(code: str = "", **env: str) -> subprocess.CompletedProcess:
    """Set Django up in a fresh process with `env`, then run `code` there."""
    clean = {
        k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ALLOWED_HOSTS", "DEBUG")
    }
    return subprocess.run(
        [sys.executable, "-c", f"import django, json; django.setup()\n{code}"],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "factcheck.settings", **env},
        capture_output=True,
        text=True,
    )


def test_production_without_a_secret_key_fails_loudly():
    result = start_django(DEBUG="false", ALLOWED_HOSTS="news.example")

    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is false" in result.stderr


def test_production_without_allowed_hosts_fails_loudly():
    result = start_django(DEBUG="false", SECRET_KEY="x" * 50)

    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set when DEBUG is false" in result.stderr


def test_a_malformed_boolean_is_refused_rather_than_guessed():
    result = start_django(DEBUG="maybe")

    assert "DEBUG must be true or false, not 'maybe'" in result.stderr


def test_production_settings_pass_the_deployment_checklist():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            **os.environ,
            "DEBUG": "false",
            "SECRET_KEY": "k" * 64 + "-production-like-secret-value",
            "ALLOWED_HOSTS": "news.example",
        },
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stdout + result.stderr


PRODUCTION = {"DEBUG": "false", "SECRET_KEY": "s" * 64, "ALLOWED_HOSTS": "news.example"}


def in_production(code: str, **env: str) -> dict:
    """Run `code` in a fresh process with production settings; it prints one JSON object."""
    result = start_django(code, **{**PRODUCTION, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_cookies_are_secure_and_the_session_cookie_is_out_of_scripts_reach():
    cookies = in_production(
        "from django.conf import settings as s\n"
        "print(json.dumps({name: getattr(s, name) for name in ("
        "'SESSION_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', 'CSRF_COOKIE_SECURE')}))"
    )

    assert cookies == {
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_SECURE": True,
    }


# A page rendered by the production settings, static files aside (they need collectstatic).
PRODUCTION_PAGE = """
from django.conf import settings
from django.test import Client
from django.test.utils import override_settings, setup_test_environment
setup_test_environment()
plain = {"staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
with override_settings(STORAGES={**settings.STORAGES, **plain}):
    client = Client(HTTP_HOST="news.example")
    page = client.get("/login/", secure=True)
    plain_http = client.get("/login/")
print(json.dumps({
    "status": page.status_code,
    "headers": dict(page.headers),
    "csrf_cookie": dict(page.cookies["csrftoken"]),
    "plain_http": [plain_http.status_code, plain_http.headers.get("Location")],
}))
"""


def test_production_pages_carry_the_security_headers():
    page = in_production(PRODUCTION_PAGE)

    assert page["status"] == 200
    headers = page["headers"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert page["csrf_cookie"]["secure"] is True


def test_production_sends_plain_http_to_https():
    page = in_production(PRODUCTION_PAGE)

    assert page["plain_http"] == [301, "https://news.example/login/"]


def test_the_secret_key_can_come_from_a_file(tmp_path):
    secret = tmp_path / "secret_key"
    secret.write_text("from-a-docker-secret-" + "f" * 50 + "\n")

    settings = in_production(
        "from django.conf import settings as s\nprint(json.dumps({'key': s.SECRET_KEY}))",
        SECRET_KEY="",
        SECRET_KEY_FILE=str(secret),
    )

    assert settings == {"key": "from-a-docker-secret-" + "f" * 50}


def test_a_missing_secret_key_file_fails_loudly(tmp_path):
    result = start_django(**PRODUCTION, SECRET_KEY_FILE=str(tmp_path / "absent"))

    assert result.returncode != 0
    assert "absent" in result.stderr
