"""Oversized request bodies are refused before they are read: 413 with a Dutch message."""

import io

import pytest
from django.core.handlers.wsgi import WSGIRequest
from django.test import Client

from ezine.middleware import RequestSizeLimitMiddleware

pytestmark = pytest.mark.django_db


class UnreadableBody(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    def readinto(self, buffer):
        raise AssertionError("the body of an oversized request was read")


def oversized_post(client, path, size):
    """Post ``size`` bytes (as the Content-Length says) without sending them: refusal must come first."""
    environ = client._base_environ(
        PATH_INFO=path,
        REQUEST_METHOD="POST",
        CONTENT_TYPE="multipart/form-data; boundary=grens",
        CONTENT_LENGTH=str(size),
        **{"wsgi.input": UnreadableBody()},
    )
    return client.handler(environ)


def test_anonymous_300_mb_post_to_the_login_is_refused_unread(settings):
    response = oversized_post(Client(), "/admin/login/", 300 * 1024 * 1024)
    assert response.status_code == 413
    message = "Dit verzoek is te groot: er mag hoogstens 1,0\xa0MB worden verstuurd."
    assert response.content.decode() == message


def test_a_reader_may_not_send_what_staff_may(admin_client, settings):
    size = settings.EZINE_MAX_REQUEST_BODY + 1
    assert oversized_post(Client(), "/zoeken/", size).status_code == 413
    # Staff get through to the form (which then finds the body incomplete and answers 400, not 413).
    assert oversized_post(admin_client, "/admin/articles/article/add/", size).status_code != 413


def test_staff_are_refused_above_their_own_limit(admin_client, settings):
    size = settings.EZINE_MAX_STAFF_REQUEST_BODY + 1
    response = oversized_post(admin_client, "/admin/articles/article/add/", size)
    assert response.status_code == 413


def test_limits_are_settings(settings):
    settings.EZINE_MAX_REQUEST_BODY = 10
    response = Client().post("/admin/login/", {"username": "iemand", "password": "x" * 20})
    assert response.status_code == 413
    assert "10\xa0bytes" in response.content.decode()


def test_ordinary_requests_pass(client):
    assert client.post("/admin/login/", {"username": "iemand", "password": "fout"}).status_code == 200
    assert client.get("/").status_code == 200


def test_a_malformed_length_is_no_reason_to_refuse(rf):
    request = rf.get("/")
    request.META["CONTENT_LENGTH"] = "veel"
    assert isinstance(request, WSGIRequest)
    middleware = RequestSizeLimitMiddleware(lambda request: "doorgelaten")
    assert middleware(request) == "doorgelaten"
