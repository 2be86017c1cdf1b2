"""The home page's four ways to a therapist."""

import pytest

pytestmark = pytest.mark.django_db


def test_home_shows_the_four_entry_points_in_dutch(client):
    html = client.get("/").content.decode()
    for text, href in (
        ("Fysiotherapeut zoeken", "/praktijken/therapeuten/"),
        ("Praktijk zoeken", "/praktijken/"),
        ("Direct een afspraak maken bij een praktijk in de buurt", "/praktijken/#id_q"),
        ("Woon je te ver weg? We helpen je op afstand.", "/praktijken/op-afstand/"),
    ):
        assert f'<a href="{href}">{text}</a>' in html


def test_home_entry_points_in_english(client):
    html = client.get("/en/").content.decode()
    assert (
        '<a href="/en/praktijken/op-afstand/">Do you live too far away? We help you remotely.</a>'
        in html
    )
    assert '<a href="/en/praktijken/therapeuten/">Find a physiotherapist</a>' in html
