"""Where people land after log-in and e-mail verification (issue 13, point 2)."""

import re

import pytest
from django.core import mail

from accounts.adapter import landing_page
from accounts.forms import ProfileForm
from accounts.models import Consent, User

LOGIN = "/account/login/"


def sign_up_and_confirm(client, *, email: str = "nieuw@example.nl") -> str:
    """Sign up as a new patient, follow the e-mailed link; return where we land."""
    client.post(
        "/account/signup/",
        {
            "email": email,
            "password1": "rustig ademen bij de zee",
            "display_name": "Nina",
            "preferred_language": "nl",
            "consent_health_data": "on",
            "accept_terms": "on",
        },
    )
    link = re.search(r"https?://\S+", mail.outbox[-1].body)
    assert link is not None
    path = re.sub(r"^https?://[^/]+", "", link.group(0))
    return client.post(path)["Location"]


@pytest.mark.django_db
def test_a_patient_lands_on_today_after_log_in(client, patient_anna, password):
    response = client.post(LOGIN, {"login": "anna@example.nl", "password": password})
    assert response["Location"] == "/vandaag/"


@pytest.mark.django_db
def test_a_new_patient_lands_on_today_after_verification_and_sees_the_start_button(client):
    assert sign_up_and_confirm(client) == "/vandaag/"
    html = client.get("/vandaag/").content.decode()
    assert "Begin het programma" in html
    assert 'class="button button--start"' in html


@pytest.mark.django_db
def test_a_patient_without_health_consent_lands_on_the_account_to_give_it(
    client, patient_anna, password
):
    Consent.objects.filter(user=patient_anna, purpose=Consent.Purpose.HEALTH_DATA).delete()
    response = client.post(LOGIN, {"login": "anna@example.nl", "password": password})
    assert response["Location"] == "/account/profiel/"


@pytest.mark.django_db
def test_staff_keep_their_own_landing(therapist_eva, manager_mila, operator_olaf):
    # A therapist without a practice has no agenda yet: the account page.
    assert landing_page(therapist_eva) == "accounts:profile"
    assert landing_page(manager_mila) == "practices:manage"
    assert landing_page(operator_olaf) == "practices:manage"


@pytest.mark.django_db
def test_the_time_zone_list_starts_with_amsterdam_and_brussels(client, patient_anna):
    client.force_login(patient_anna)
    html = client.get("/account/profiel/").content.decode()
    select = html[html.index('name="time_zone"') :]
    first, second = re.findall(r'<option value="([^"]+)"', select)[:2]
    assert (first, second) == ("Europe/Amsterdam", "Europe/Brussels")
    assert '<optgroup label="Andere tijdzones">' in select
    assert select.count('value="Europe/Amsterdam"') == 1


@pytest.mark.django_db
def test_a_time_zone_from_the_other_group_is_accepted(patient_anna):
    form = ProfileForm(
        {"display_name": "Anna", "preferred_language": "nl", "time_zone": "Asia/Tokyo"},
        instance=patient_anna,
    )
    assert form.is_valid(), form.errors
    form.save()
    assert User.objects.get(pk=patient_anna.pk).time_zone == "Asia/Tokyo"
