"""No secret from a URL reaches a log line, and pages reached by a token are never cached.

The tokened URLs are found in the URL resolver (every route with a `token`,
`key` or `uidb36` parameter), not listed here, so a new e-mailed link is
covered the day it is added. Each is requested for real (Dutch and English),
and its request line is rendered by Django's request logging and by
gunicorn's access log as configured in gunicorn.conf.py.
"""

from __future__ import annotations

import io
import json
import logging
import runpy
import secrets
import sys
import uuid
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.http import HttpResponseNotFound
from django.test import Client, RequestFactory
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation
from django.utils.log import log_response
from gunicorn.config import Config

from pijnreset.logging import (
    REDACTED,
    SECRET_URL_PARAMETERS,
    GunicornLogger,
    ScrubPersonalData,
    is_tokened_path,
    scrub,
)

ROOT = Path(__file__).resolve().parent.parent


def _tokened_routes(resolver=None, namespace=""):
    """(name, parameter names) of every named route with a secret parameter."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _tokened_routes(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            names = set(entry.pattern.regex.groupindex)
            if names & SECRET_URL_PARAMETERS:
                yield namespace + entry.name, names


def _tokened_urls() -> list[tuple[str, str, list[str]]]:
    """(test id, URL, its secret values) for every tokened route, in Dutch and in English.

    The id names the route and the language, not the URL: the secrets are drawn anew in
    every process, and pytest-xdist's workers must all collect the same test ids."""
    urls = []
    for name, parameters in _tokened_routes():
        for language in ("nl", "en"):
            url, values = _reverse_with_secrets(name, parameters, language)
            urls.append((f"{name}[{language}]", url, values))
    return urls


def _reverse_with_secrets(name: str, parameters: set[str], language: str) -> tuple[str, list[str]]:
    kwargs, values = {}, []
    for parameter in sorted(parameters):
        if parameter in SECRET_URL_PARAMETERS:
            kwargs[parameter] = secrets.token_hex(16)
            values.append(kwargs[parameter])
    others = sorted(parameters - SECRET_URL_PARAMETERS)
    for candidate in ("intake", "1", str(uuid.uuid4()), "2026-03-02"):
        try:
            with translation.override(language):
                url = reverse(name, kwargs=kwargs | dict.fromkeys(others, candidate))
        except NoReverseMatch:
            continue
        return url, values
    raise AssertionError(f"cannot build a URL for {name}")


TOKENED_WITH_IDS = _tokened_urls()
TOKENED = [(url, values) for _id, url, values in TOKENED_WITH_IDS]
TOKENED_IDS = [test_id for test_id, _url, _values in TOKENED_WITH_IDS]


def test_the_resolver_knows_every_kind_of_tokened_url():
    names = {name for name, _parameters in _tokened_routes()}
    assert {"bookings:confirm", "bookings:link", "bookings:link_cancel"} <= names
    assert {"account_confirm_email", "account_reset_password_from_key"} <= names
    assert any(url.startswith("/en/") for url, _values in TOKENED)


@pytest.fixture
def django_log():
    """Everything our configured stdout handler writes, for the length of a test."""
    [handler] = [
        h
        for h in logging.getLogger("django").handlers
        if any(isinstance(f, ScrubPersonalData) for f in h.filters)
    ]
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    yield buffer
    handler.setStream(previous)


@pytest.fixture
def gunicorn_access():
    """gunicorn's logger built from gunicorn.conf.py, its access lines in a buffer."""
    cfg = Config()
    for setting, value in runpy.run_path(str(ROOT / "gunicorn.conf.py")).items():
        if setting in cfg.settings:
            cfg.set(setting, value)
    logger = cfg.logger_class(cfg)
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    logger.access_log.addHandler(handler)
    logger.error_log.addHandler(handler)
    yield logger, buffer
    logger.access_log.removeHandler(handler)
    logger.error_log.removeHandler(handler)


def _gunicorn_request(logger, url: str, status: str = "404 Not Found") -> None:
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": url + "?next=/account/",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "PATH_INFO": url,
        "QUERY_STRING": "next=/account/",
        "HTTP_REFERER": settings.SITE_URL + url,
        "REMOTE_ADDR": "203.0.113.7",
    }
    response = SimpleNamespace(status=status, sent=512, headers=[])
    request = SimpleNamespace(headers=[("REFERER", settings.SITE_URL + url)])
    logger.access(response, request, environ, timedelta(milliseconds=12))


@pytest.mark.parametrize(("url", "values"), TOKENED, ids=TOKENED_IDS)
def test_gunicorn_access_log_never_writes_a_token(gunicorn_access, url, values):
    logger, buffer = gunicorn_access
    assert isinstance(logger, GunicornLogger)
    for variant in (url, url.rstrip("/"), url + "niet-bestaand/"):
        _gunicorn_request(logger, variant)
    logger.error("Invalid request from ip=203.0.113.7: %s", f"GET {url} HTTP/1.1")
    written = buffer.getvalue()
    for value in values:
        assert value not in written
    lines = written.splitlines()
    first = json.loads(lines[0])  # still one JSON object per line
    assert first["path"].count(REDACTED) == len(values)
    assert first["status"] == 404


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "values"), TOKENED, ids=TOKENED_IDS)
def test_django_request_logging_never_writes_a_token(client, django_log, url, values):
    request = RequestFactory().get(url, {"next": "/account/"})
    log_response("Not Found: %s", request.path, response=HttpResponseNotFound(), request=request)
    client.get(url)
    client.post(url, {"password1": "x"})
    Client(enforce_csrf_checks=True).post(url)  # "Forbidden (CSRF cookie not set.): <path>"
    client.get(url + "niet-bestaand/")
    written = django_log.getvalue()
    assert REDACTED in written
    assert "django.security.csrf" in written
    for value in values:
        assert value not in written


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "values"), TOKENED, ids=TOKENED_IDS)
def test_pages_reached_by_a_token_are_never_stored(client, url, values):
    assert is_tokened_path(url)
    response = client.get(url)
    assert "no-store" in response["Cache-Control"], (url, response.status_code)


@pytest.mark.django_db
def test_a_wrong_link_token_is_logged_redacted(client, caplog, monkeypatch):
    # caplog listens at the root logger; let Django's records travel there too.
    monkeypatch.setattr(logging.getLogger("django"), "propagate", True)
    token = secrets.token_urlsafe(32)
    with caplog.at_level(logging.WARNING):
        response = client.get(f"/afspraken/link/{token}/")
    assert response.status_code == 404
    [record] = {id(r): r for r in caplog.records if r.name == "django.request"}.values()
    assert record.getMessage() == "Not Found: /afspraken/link/<redacted>/"
    assert token not in caplog.text


def test_every_log_handler_scrubs():
    assert settings.LOGGING["handlers"]
    for name, handler in settings.LOGGING["handlers"].items():
        assert "scrub" in handler.get("filters", []), name
    assert settings.LOGGING["filters"]["scrub"]["()"] == "pijnreset.logging.ScrubPersonalData"


def test_scrub_keeps_ordinary_paths_and_cuts_query_strings_and_addresses():
    assert scrub("Not Found: /praktijken/utrecht/") == "Not Found: /praktijken/utrecht/"
    assert scrub("GET /afspraken/?email=a@b.nl HTTP/1.1") == "GET /afspraken/?[…] HTTP/1.1"
    assert scrub("mail to anna@example.nl failed") == "mail to [e-mail] failed"
    assert scrub(scrub("/afspraken/link/abc/")) == "/afspraken/link/<redacted>/"


def test_a_traceback_is_scrubbed_too():
    token = secrets.token_urlsafe(32)
    try:
        raise ValueError(f"bad link /afspraken/link/{token}/")
    except ValueError:
        record = logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "failed", None, exc_info=sys.exc_info()
        )
    ScrubPersonalData().filter(record)
    assert token not in logging.Formatter().format(record)
    assert REDACTED in record.exc_text
