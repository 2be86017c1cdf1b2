"""The shell's cached fragments (base.html, home, help; CACHES["fragments"]) show what the
page showed before they were cached: per language, logged in or out, per role and per
active page, and never another visitor's CSRF token or account."""

import re

import pytest

from accounts.models import Role


def header(html: str) -> str:
    return html.split("<main", 1)[0]


def current_links(html: str) -> list[str]:
    """The hrefs the shell marks as the current page."""
    return re.findall(r'<a (?:class="tab" )?href="([^"]+)"[^>]*aria-current="page"', header(html))


@pytest.mark.django_db
def test_each_language_gets_its_own_shell(client):
    for _ in range(2):  # the second round is served from the fragments
        dutch = client.get("/hulp/").content.decode()
        english = client.get("/en/hulp/").content.decode()
        assert "Hulp nodig?" in dutch and "Privacyverklaring" in dutch
        assert "Nieuwe versie: vernieuwen" in dutch and 'href="/over/"' in dutch
        assert "Need help?" in english and "Privacy statement" in english
        assert "New version: refresh" in english and 'href="/en/over/"' in english
        assert "Privacy statement" not in dutch and "Privacyverklaring" not in english
        home = client.get("/en/").content.decode()
        assert "Create a free account" in home and "Maak een gratis account" not in home


@pytest.mark.django_db
def test_logging_in_and_out_changes_the_shell(client, patient_anna):
    anonymous = client.get("/hulp/").content.decode()
    assert 'href="/account/login/"' in header(anonymous)
    assert "data-user" not in anonymous and 'class="has-tabs"' not in anonymous
    client.force_login(patient_anna)
    for _ in range(2):
        anna = client.get("/hulp/").content.decode()
        assert 'class="has-tabs"' in anna and 'href="/vandaag/"' in header(anna)
        assert f'data-user="{patient_anna.pk}"' in anna and 'data-patient="1"' in anna
        assert 'href="/account/login/"' not in header(anna)
        assert "Naar mijn account" in client.get("/").content.decode()
    client.logout()
    again = client.get("/hulp/").content.decode()
    assert again == anonymous  # the same page as before logging in
    assert "Maak een gratis account" in client.get("/").content.decode()


@pytest.mark.django_db
def test_each_visitor_gets_their_own_csrf_token_and_id(client, patient_anna, patient_bram):
    from django.test import Client

    other = Client()
    client.force_login(patient_anna)
    other.force_login(patient_bram)
    tokens = set()
    for visitor, user in ((client, patient_anna), (other, patient_bram)):
        html = visitor.get("/hulp/").content.decode()
        assert f'data-user="{user.pk}"' in html
        tokens.add(re.search(r'data-csrf="([^"]+)"', html).group(1))
    assert len(tokens) == 2


@pytest.mark.django_db
def test_a_role_change_changes_the_tabs(client, patient_anna):
    client.force_login(patient_anna)
    assert 'href="/vandaag/"' in header(client.get("/meer/").content.decode())
    patient_anna.role = Role.NETWORK_OPERATOR
    patient_anna.save(update_fields=["role"])
    operator = header(client.get("/meer/").content.decode())
    assert 'href="/vandaag/"' not in operator
    assert "Praktijk" in operator


@pytest.mark.django_db
def test_the_current_page_is_marked_on_each_page(client, patient_anna):
    assert current_links(client.get("/").content.decode()) == ["/"]
    assert current_links(client.get("/over/").content.decode()) == ["/over/"]
    assert current_links(client.get("/account/login/").content.decode()) == ["/account/login/"]
    assert current_links(client.get("/hulp/").content.decode()) == []
    client.force_login(patient_anna)
    assert current_links(client.get("/meer/").content.decode()) == ["/meer/"]
    assert current_links(client.get("/dagboek/").content.decode()) == ["/dagboek/"]
    assert current_links(client.get("/hulp/").content.decode()) == []


@pytest.mark.django_db
def test_the_language_switch_links_to_the_page_itself(client):
    client.get("/over/")
    assert 'href="/en/privacy/" hreflang="en"' in client.get("/privacy/").content.decode()
    assert 'href="/en/over/" hreflang="en"' in client.get("/over/").content.decode()
