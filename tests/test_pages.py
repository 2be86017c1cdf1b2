import re

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize(
    "path", ["/", "/hulp/", "/over/", "/privacy/", "/account/signup/", "/account/login/"]
)
def test_public_pages_answer_logged_out_in_both_languages(client, prefix, path):
    response = client.get(prefix + path)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{prefix.strip("/") or "nl"}">' in html
    assert 'href="' + (prefix or "") + '/hulp/"' in html  # "Hulp nodig?" on every page


@pytest.mark.django_db
def test_help_page_lists_the_crisis_lines_with_tel_links(client):
    html = client.get("/hulp/").content.decode()
    assert "113 Zelfmoordpreventie" in html
    assert 'href="tel:113"' in html and 'href="tel:08000113"' in html and 'href="tel:112"' in html
    assert "0800-0113" in html and "(gratis)" in html and "dag en nacht" in html
    assert "113.nl" in html
    assert "<script" not in html.split("</head>")[1]  # works without JavaScript


@pytest.mark.django_db
def test_help_page_in_english_keeps_the_dutch_numbers(client):
    html = client.get("/en/hulp/").content.decode()
    assert "Need help?" in html and "day and night" in html
    assert 'href="tel:113"' in html and 'href="tel:112"' in html


@pytest.mark.django_db
def test_crisis_lines_come_from_settings(client, settings):
    settings.CRISIS_LINES = [
        {
            "key": "x",
            "name": "Hulplijn Test",
            "numbers": [{"display": "0800 123", "tel": "0800123"}],
        },
    ]
    html = client.get("/hulp/").content.decode()
    assert "Hulplijn Test" in html and 'href="tel:0800123"' in html
    assert 'href="tel:113"' not in html


@pytest.mark.django_db
def test_home_says_what_the_product_is_not(client):
    html = client.get("/").content.decode()
    assert "Geen diagnose" in html
    assert "niet beloven" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "text"), [("/bestaat-niet/", "Pagina niet gevonden"), ("/en/nope/", "Page not found")]
)
def test_404_page_in_the_users_language(client, path, text):
    response = client.get(path)
    assert response.status_code == 404
    assert text in response.content.decode()


@pytest.mark.django_db
def test_csrf_failure_page_is_friendly():
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/account/login/", {"login": "a@example.nl", "password": "x"})
    assert response.status_code == 403
    assert "Probeer het nog eens" in response.content.decode()


def test_500_page_renders_without_database_or_request(rf):
    from django.utils import translation

    from pijnreset.views import server_error

    with translation.override("en"):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert "0800-0113" in response.content.decode()


@pytest.mark.django_db
def test_403_page(rf):
    from pijnreset.views import permission_denied

    request = rf.get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    response = permission_denied(request)
    assert response.status_code == 403 and "Geen toegang" in response.content.decode()


@pytest.mark.django_db
def test_language_switch_keeps_the_page(client):
    assert 'href="/en/hulp/"' in client.get("/hulp/").content.decode()
    assert 'href="/hulp/"' in client.get("/en/hulp/").content.decode()
    assert 'href="/en/account/login/"' in client.get("/account/login/").content.decode()


@pytest.mark.parametrize(
    ("path", "alternates"),
    [
        ("/hulp/", {"nl": "http://testserver/hulp/", "en": "http://testserver/en/hulp/"}),
        ("/en/hulp/", {"en": "http://testserver/en/hulp/", "nl": "http://testserver/hulp/"}),
    ],
)
def test_hreflang_alternates_are_absolute_addresses(client, path, alternates):
    html = client.get(path).content.decode()
    found = dict(re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)">', html))
    assert found == alternates
