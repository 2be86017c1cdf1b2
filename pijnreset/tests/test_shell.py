"""The app shell (issue 13): tabs per role, the current tab marked, the More page."""

import re

import pytest

pytestmark = pytest.mark.django_db


def tab_links(html: str) -> list[tuple[str, bool]]:
    nav = html[html.index('class="tab-bar"') :]
    nav = nav[: nav.index("</nav>")]
    return [
        (label, 'aria-current="page"' in attrs)
        for attrs, label in re.findall(
            r'<a class="tab"([^>]*)>.*?<span class="tab__label">([^<]+)</span>', nav, re.S
        )
    ]


def test_a_patient_has_five_tabs_and_the_current_one_is_marked(client, patient_anna):
    client.force_login(patient_anna)
    tabs = tab_links(client.get("/oefeningen/").content.decode())
    assert [label for label, _ in tabs] == ["Vandaag", "Check-in", "Oefenen", "Voortgang", "Meer"]
    assert [label for label, current in tabs if current] == ["Oefenen"]
    assert [label for label, current in tabs if current] == ["Oefenen"]
    for path, expected in [
        ("/vandaag/", "Vandaag"),
        ("/dagboek/", "Check-in"),
        ("/voortgang/", "Voortgang"),
        ("/vragenlijsten/", "Voortgang"),
        ("/meer/", "Meer"),
        ("/account/profiel/", "Meer"),
        ("/programma/", "Meer"),
    ]:
        tabs = tab_links(client.get(path).content.decode())
        assert [label for label, current in tabs if current] == [expected], path


def test_staff_get_their_own_tabs(client, therapist_eva, manager_mila, operator_olaf):
    for user, expected in [
        (therapist_eva, ["Agenda", "Patiënten", "Meer"]),
        (manager_mila, ["Agenda", "Praktijk", "Meer"]),
        (operator_olaf, ["Praktijk", "Meer"]),
    ]:
        client.force_login(user)
        html = client.get("/meer/").content.decode()
        assert [label for label, _ in tab_links(html)] == expected
        assert "Vandaag" not in html


def test_anonymous_visitors_keep_a_simple_menu_without_tabs(client):
    html = client.get("/").content.decode()
    assert 'class="tab-bar"' not in html
    assert 'class="wrap site-nav"' in html
    assert client.get("/meer/").status_code == 302


def test_more_holds_lessons_account_language_help_and_log_out(client, patient_anna):
    client.force_login(patient_anna)
    html = client.get("/meer/").content.decode()
    for href in ('"/programma/"', '"/account/profiel/"', '"/en/meer/"', '"/hulp/"', '"/privacy/"'):
        assert f"href={href}" in html, href
    assert 'action="/account/logout/"' in html


def test_the_help_link_is_in_every_header(client, patient_anna):
    assert 'class="help-link" href="/hulp/"' in client.get("/").content.decode()
    client.force_login(patient_anna)
    assert 'class="help-link" href="/hulp/"' in client.get("/meer/").content.decode()
