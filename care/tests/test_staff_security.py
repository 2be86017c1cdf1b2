"""Staff security (issue 15 point 5): two-factor before patient data, a TOTP code works
once, changing a second factor asks for the password again."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from django.urls import reverse
from django.utils import timezone

from care.tests.helpers import give_second_factor, share, totp_code

pytestmark = pytest.mark.django_db


def test_a_therapist_without_a_second_factor_is_sent_to_set_one_up(
    client, therapist_eva, patient_anna, practice_a
):
    from practices.tests.factories import make_therapist

    eva = make_therapist("Eva", practices=(practice_a,), user=therapist_eva)
    made = share(patient_anna, eva)
    client.force_login(therapist_eva)
    for url in (
        reverse("care_staff:dashboard"),
        reverse("care_staff:patient", args=[made.public_id]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == reverse("care_staff:second_factor")
    page = client.get(reverse("care_staff:second_factor")).content.decode()
    assert reverse("mfa_activate_totp") in page
    assert "Anna" not in page


def _password_step(client, user, password):
    response = client.post("/account/login/", {"login": user.email, "password": password})
    assert response.status_code == 302
    return response["Location"]


def test_log_in_asks_for_the_code_and_a_code_works_once(client, therapist_eva, eva, password):
    where = _password_step(client, therapist_eva, password)
    assert "/2fa/authenticate/" in where
    assert client.get(reverse("care_staff:dashboard")).status_code == 302  # not logged in yet
    code = totp_code()
    wrong = client.post(where, {"code": "000000" if code != "000000" else "111111"})
    assert wrong.status_code == 200  # the form again, with its error
    done = client.post(where, {"code": code})
    assert done.status_code == 302
    assert client.get(reverse("care_staff:dashboard")).status_code == 200

    other = client.__class__()
    again = _password_step(other, therapist_eva, password)
    reused = other.post(again, {"code": code})
    assert reused.status_code == 200  # the same code a second time is refused
    assert other.get(reverse("care_staff:dashboard")).status_code == 302


def test_changing_the_second_factor_asks_for_the_password_again(
    client, therapist_eva, eva, password
):
    where = _password_step(client, therapist_eva, password)
    client.post(where, {"code": totp_code()})
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        response = client.get(reverse("mfa_deactivate_totp"))
        assert response.status_code == 302
        assert "reauthenticate" in response["Location"]


def test_the_operator_needs_a_second_factor_for_the_audit_export(client, operator_olaf):
    client.force_login(operator_olaf)
    assert client.get(reverse("care_staff:audit_export"))["Location"] == reverse(
        "care_staff:second_factor"
    )
    give_second_factor(operator_olaf)
    olaf = client.__class__()
    olaf.force_login(operator_olaf)
    assert olaf.get(reverse("care_staff:audit_export")).status_code == 200


def test_the_admin_asks_for_a_second_factor_too(client, operator_olaf, patient_anna, settings):
    """On by default (no test switches it on): an operator without a second factor can
    neither read nor change anything in the admin."""
    assert settings.ADMIN_REQUIRES_SECOND_FACTOR is True
    client.force_login(operator_olaf)
    admin_home = "/" + settings.ADMIN_URL
    users = f"{admin_home}accounts/user/"
    for url in (admin_home, users, f"{users}{patient_anna.pk}/change/"):
        refused = client.get(url)
        assert refused.status_code == 302 and "login" in refused["Location"], url
    posted = client.post(f"{users}{patient_anna.pk}/change/", {"display_name": "Iemand anders"})
    assert posted.status_code == 302 and "login" in posted["Location"]
    patient_anna.refresh_from_db()
    assert patient_anna.display_name == "Anna"
    # Recovery codes alone are a fallback, not a second factor.
    Authenticator.objects.create(
        user=operator_olaf, type=Authenticator.Type.RECOVERY_CODES, data={}
    )
    assert client.get(admin_home).status_code == 302
    give_second_factor(operator_olaf)
    olaf = client.__class__()
    olaf.force_login(operator_olaf)
    assert olaf.get(admin_home).status_code == 200
