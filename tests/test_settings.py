"""Production settings refuse to start without their secrets."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT


def start_django(**env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ALLOWED_HOSTS", "DEBUG")
    }
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
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
