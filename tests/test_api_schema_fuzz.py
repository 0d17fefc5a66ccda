"""A schema-driven fuzz run: every operation of /api/schema/, fed data the schema allows and
data it does not, never answers 500 and never answers outside its schema."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from claims import review
from factcheck.wsgi import application


def app_in_test_transaction(environ, start_response):
    """The WSGI app, minus the connection resets around each request (as Django's test client
    does): the test's transaction holds the data the requests read."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        response = application(environ, start_response)
        body = b"".join(response)
        response.close()
        return [body]
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


@pytest.fixture
def api_schema(db):
    return schemathesis.openapi.from_wsgi("/api/schema/", app_in_test_transaction)


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture
def editor_token(editor, dispute, reviewer) -> str:
    """An editor's token, with a published fact and its citations to read."""
    review.confirm_claim(dispute.right, reviewer=reviewer, version=0)
    review.dispute_claim(dispute.wrong, reviewer=reviewer, version=0, note="ten times off")
    fact = review.verify_fact(dispute.fact, reviewer=reviewer, version=0, claim=dispute.right)
    review.publish_fact(fact, reviewer=reviewer, version=fact.version)
    return Token.objects.create(user=editor).key


@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_operation_answers_within_its_schema(case, editor_token):
    case.call_and_validate(
        headers={"Authorization": f"Token {editor_token}"},
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
    )
