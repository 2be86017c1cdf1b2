"""Practice numbers are tappable `tel:` links wherever they are shown."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from practices.telephone import tel_uri
from practices.templatetags.phone_links import phone_link


@pytest.mark.parametrize(
    ("number", "uri"),
    [
        ("030 - 123 45 67", "tel:0301234567"),
        ("+31 (0)30 123 45 67", "tel:+31301234567"),
        ("+31 30-1234567", "tel:+31301234567"),
        ("(030) 1234567", "tel:0301234567"),
        ("bel ons", ""),
        ("", ""),
    ],
)
def test_the_tel_address_keeps_digits_and_a_leading_plus(number, uri):
    assert tel_uri(number) == uri


@given(st.text(max_size=40))
def test_any_text_gives_a_dialable_address_or_nothing(number):
    assert re.fullmatch(r"(tel:\+?[0-9]+)?", tel_uri(number))


def test_the_link_escapes_what_it_shows():
    assert str(phone_link('030 <b>"1"</b>')) == (
        '<a href="tel:0301">030 &lt;b&gt;&quot;1&quot;&lt;/b&gt;</a>'
    )
    assert phone_link("") == "" and phone_link(None) == ""


@pytest.mark.django_db
def test_the_practice_page_and_the_booking_pages_link_the_number(
    client, now, practice_a, eva, follow_up, patient_anna
):
    practice_a.phone = "030 - 123 45 67"
    practice_a.save()
    link = '<a href="tel:0301234567">030 - 123 45 67</a>'
    assert link in client.get(practice_a.get_absolute_url()).content.decode()
    slots = client.get(f"/afspraken/boeken/{practice_a.public_id}/?type=follow_up&kind=in_person")
    assert link in slots.content.decode()
