"""Before confirming a time within the free-cancel window, the page says it cannot be
cancelled or moved online."""

import pytest

from bookings.tests.conftest import at
from bookings.tests.helpers import book_url

pytestmark = pytest.mark.django_db

WARNING_NL = "kun je hem niet meer online afzeggen of verzetten"
WARNING_EN = "cannot be cancelled or moved online"


def test_a_time_within_the_notice_is_announced_before_the_button(
    client, now, practice_a, eva, patient_anna
):
    practice_a.free_cancel_hours = 24
    practice_a.phone = "030 123 45 67"
    practice_a.save()
    client.force_login(patient_anna)
    page = client.get(book_url(practice_a, eva, at(2, 14), "follow_up", "in_person"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Deze afspraak begint binnen 24 uur." in html and WARNING_NL in html
    assert html.index(WARNING_NL) < html.index('class="form-actions"')
    assert 'href="tel:0301234567"' in html


def test_a_time_after_the_notice_says_nothing_of_it(client, now, practice_a, eva, patient_anna):
    practice_a.free_cancel_hours = 24
    practice_a.save()
    client.force_login(patient_anna)
    html = client.get(book_url(practice_a, eva, at(4, 10), "follow_up", "in_person")).content
    assert WARNING_NL not in html.decode()


def test_the_warning_in_english_for_a_guest(client, now, practice_a, eva):
    practice_a.free_cancel_hours = 48
    practice_a.save()
    url = "/en" + book_url(practice_a, eva, at(3, 10), "follow_up", "in_person")
    html = client.get(url).content.decode()
    assert "This appointment starts within 48 hours." in html and WARNING_EN in html
