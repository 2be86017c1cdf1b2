"""The start pages keep the timer for a session done offline (docs/offline.md)."""

import re

import pytest

from exercises.models import ExerciseSession

pytestmark = pytest.mark.django_db


def templates(html):
    return re.findall(r'<template data-offline-pacer="([^"]*)"(.*?)</template>', html, re.S)


def test_the_breathing_page_keeps_one_timer_with_every_phase(anna_client, scripts):
    html = anna_client.get("/oefeningen/breathing/").content.decode()
    assert 'data-offline-start="breathing"' in html
    [(version, kept)] = templates(html)
    assert version == ""
    assert re.findall(r'data-phase="(\w+)" data-seconds="(\d+)"', kept) == [
        ("in", "4"), ("hold", "4"), ("out", "6"),
    ]  # fmt: skip
    # No form action and no CSRF token: the page keeps the session on the device.
    assert "data-finish-form" in kept and "action=" not in kept
    assert "csrfmiddlewaretoken" not in kept
    assert 'data-seconds-one="1 seconde"' in html and 'data-seconds-other="7 seconden"' in html
    assert not ExerciseSession.objects.exists()  # looking starts nothing


@pytest.mark.parametrize(
    ("path", "versions"), [("pmr", ["short", "long"]), ("body_scan", ["5", "10"])]
)
def test_a_guided_page_keeps_one_timer_per_length(anna_client, scripts, path, versions):
    html = anna_client.get(f"/oefeningen/{path}/").content.decode()
    kept = templates(html)
    assert [version for version, _markup in kept] == versions
    for _version, markup in kept:
        assert markup.count("<li data-phase=") >= 2


def test_the_session_page_still_posts_its_finish_form(anna_client, scripts):
    response = anna_client.post(
        "/oefeningen/breathing/", {"breath_in": 4, "breath_hold": 0, "breath_out": 6, "minutes": 1}
    )
    html = anna_client.get(response["Location"]).content.decode()
    assert re.search(r'action="/oefeningen/sessie/[0-9a-f-]+/afronden/"', html)
    assert "csrfmiddlewaretoken" in html
    assert "Herhaal dit" in html or "Repeat this" in html
