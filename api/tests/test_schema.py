"""schemathesis against /api/v1/openapi.json: every endpoint, including ones added later.

Each operation of the OpenAPI document becomes a test case, authenticated with a
personal access token of a test patient. Checks: no server error, and every
answer matches the document (documented status code, content type, headers and
body schema). Bounded: a few examples per operation.
"""

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


# Loaded when the tests are collected: the live document, so endpoints added
# later are covered without touching this file.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())


@pytest.fixture(autouse=True)
def keep_the_test_connection_open(db):
    """The real WSGI app runs every middleware (CSRF too); like Django's test client,
    it must not close the test's database connection after each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_every_endpoint_answers_without_server_errors_and_as_documented(case, anna_token):
    case.call_and_validate(headers={"Authorization": f"Bearer {anna_token}"}, checks=CHECKS)
