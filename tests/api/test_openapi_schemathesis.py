"""Schemathesis fuzzes every operation of /api/v1/openapi.json in-process (WSGI) with a national
coordinator's token, with data that fits the schema and data that does not (wrong types at every
level, missing and unexpected fields): whatever it sends, the API must never answer 5xx. Its
coverage phase (boundary values, missing and unexpected parameters) runs in full; the fuzzing phase
takes MAX_EXAMPLES cases per operation and mode, so the whole file stays around a minute."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode

from aduan.accounts.models import ApiToken

MAX_EXAMPLES = 20


@pytest.fixture
def tokens(world, coordinator, file_complaint, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    file_complaint()  # something to find, list and act on
    # The national coordinator sees and may do the most, so the most code runs.
    return {"coordinator": ApiToken.issue(coordinator, "fuzz")[1]}


@pytest.fixture
def keep_the_test_connection():
    """The WSGI app closes the database connection after each request (request_finished), which
    inside the test's transaction would drop it; Django's own test client unhooks it the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(tokens, keep_the_test_connection):
    from django.core.wsgi import get_wsgi_application

    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
    return schema


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_no_operation_answers_with_a_server_error(case, tokens):
    case.call_and_validate(headers={"Authorization": f"Bearer {tokens['coordinator']}"}, checks=[not_a_server_error])
