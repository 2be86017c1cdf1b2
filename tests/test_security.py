import pytest


@pytest.mark.django_db
def test_strict_csp_on_every_page(client):
    csp = client.get("/").headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"


@pytest.mark.django_db
def test_basic_hardening_headers(client):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_pages_for_a_logged_in_user_are_not_stored(client, patient_anna):
    client.force_login(patient_anna)
    for path in ["/", "/account/profiel/", "/hulp/"]:
        assert "no-store" in client.get(path)["Cache-Control"], path


@pytest.mark.django_db
def test_forms_that_echo_typed_data_are_not_stored(client):
    response = client.post("/account/login/", {"login": "anna@example.nl", "password": "x"})
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_no_page_loads_anything_from_another_host(client):
    import re

    for path in ["/", "/hulp/", "/account/signup/", "/account/login/", "/over/", "/privacy/"]:
        html = client.get(path).content.decode()
        for url in re.findall(r'(?:src|href)="([^"]+)"', html):
            if url.startswith(("tel:", "mailto:", "#", "https://www.113.nl")):
                continue
            # Same host only; the hreflang alternates are absolute addresses on it.
            assert url.startswith(("/", "http://testserver/")), (path, url)
