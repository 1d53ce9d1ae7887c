"""What operations rely on: a health check for the load balancer and a request id in every log line."""

import logging
from unittest import mock

import pytest
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.test import Client

from ezine.middleware import RequestIdLogFilter

pytestmark = pytest.mark.django_db


def test_health_check_reports_database_and_cache():
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_health_check_fails_when_the_database_is_down_and_shows_no_details():
    with mock.patch("ezine.views.connection.cursor", side_effect=DatabaseError("password=geheim host=db")):
        response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error", "cache": "ok"}
    assert b"geheim" not in response.content


def test_health_check_fails_when_the_cache_is_down():
    with mock.patch("ezine.views.cache.set", side_effect=ConnectionError("redis")):
        response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] == "error"


def test_every_response_has_a_request_id_and_a_good_one_from_the_proxy_is_kept():
    first, second = Client().get("/"), Client().get("/")
    assert len(first["X-Request-ID"]) == 32 and first["X-Request-ID"] != second["X-Request-ID"]
    kept = Client().get("/", HTTP_X_REQUEST_ID="lb-4f2a9c1e-77")
    assert kept["X-Request-ID"] == "lb-4f2a9c1e-77"
    refused = Client().get("/", HTTP_X_REQUEST_ID="<script>alert(1)</script>")
    assert refused["X-Request-ID"] != "<script>alert(1)</script>"


def test_log_lines_of_a_request_carry_its_id(caplog):
    def log_and_render(request, *args, **kwargs):
        logging.getLogger("ezine.test").warning("iets gebeurd")
        return HttpResponse("ok")

    caplog.handler.addFilter(RequestIdLogFilter())
    with mock.patch("ezine.views.HomeView.get", log_and_render):
        response = Client().get("/", HTTP_X_REQUEST_ID="verzoek-123456")
    record = next(r for r in caplog.records if r.getMessage() == "iets gebeurd")
    assert record.request_id == response["X-Request-ID"] == "verzoek-123456"


def test_server_error_page_is_dutch_and_leaks_nothing(client, settings):
    settings.DEBUG = False
    client.raise_request_exception = False
    with mock.patch("ezine.views.HomeView.get", side_effect=RuntimeError("SECRET_KEY=abc geheim")):
        response = client.get("/")
    assert response.status_code == 500
    content = response.content.decode()
    assert "Er ging iets mis" in content
    assert "geheim" not in content and "Traceback" not in content


@pytest.mark.skipif(connection.vendor != "postgresql", reason="statement_timeout is PostgreSQL's")
@pytest.mark.django_db
def test_admin_requests_get_a_longer_time_limit_and_give_it_back(admin_client, settings):
    from django.test.utils import CaptureQueriesContext

    settings.EZINE_STATEMENT_TIMEOUT_MS = 5000
    settings.EZINE_ADMIN_STATEMENT_TIMEOUT_MS = 60000
    with CaptureQueriesContext(connection) as queries:
        assert admin_client.get("/admin/").status_code == 200
    statements = [query["sql"] for query in queries.captured_queries]
    assert statements[0] == "SET statement_timeout = 60000"
    assert statements[-1] == "SET statement_timeout TO DEFAULT"
    with CaptureQueriesContext(connection) as queries:
        assert admin_client.get("/").status_code == 200
    assert not any("statement_timeout" in query["sql"] for query in queries.captured_queries)
