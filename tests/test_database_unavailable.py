"""With the database unreachable, requests that need it answer 503 with Retry-After: JSON
under /api/, a short page elsewhere; never a server error."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import connection
from django.test import Client

from tests.faults.conftest import free_port, token_for


@pytest.fixture
def unreachable_database(transactional_db) -> Iterator[None]:
    """The default connection pointed at a database that is not there: a closed port, or a
    SQLite file in a folder that does not exist."""
    saved = dict(connection.settings_dict)
    connection.close()
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = "/nonexistent-folder/db.sqlite3"
    else:
        connection.settings_dict["PORT"] = free_port()
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


@pytest.fixture
def editor_credentials(editor) -> dict[str, str]:
    session = Client()
    session.force_login(editor)
    return {
        "HTTP_AUTHORIZATION": token_for(editor)["Authorization"],
        "HTTP_COOKIE": f"sessionid={session.cookies['sessionid'].value}",
    }


@pytest.mark.parametrize(
    ("method", "path", "content_type"),
    [
        pytest.param("post", "/api/v1/articles/", "application/json", id="api-upload"),
        pytest.param("get", "/api/v1/articles/", "application/json", id="api-articles"),
        pytest.param("get", "/articles/", "text/plain", id="articles-page"),
        pytest.param("get", "/admin/", "text/plain", id="admin"),
    ],
)
def test_a_request_needing_the_unreachable_database_is_told_to_come_back(
    editor_credentials, unreachable_database, method, path, content_type
):
    client = Client(raise_request_exception=False)
    data = {"title": "Budget", "text": "The council spent $4.5 million on roads."}

    if method == "post":
        response = client.post(path, data, content_type="application/json", **editor_credentials)
    else:
        response = client.get(path, **editor_credentials)

    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert response["Content-Type"].startswith(content_type)
    assert "database is unavailable" in response.content.decode()
