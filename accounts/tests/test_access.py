"""The one gate for clinical data (accounts/access.py)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from accounts import actions
from accounts.access import (
    ConsentMissing,
    NotAPatient,
    NotSignedIn,
    is_patient,
    patient_refusal,
    require_patient,
)
from accounts.models import Consent


def test_a_consenting_patient_passes(patient_anna):
    assert require_patient(patient_anna) is patient_anna
    assert is_patient(patient_anna)


def test_withdrawn_consent_is_refused_at_once(patient_anna):
    assert is_patient(patient_anna)  # remembered on the object ...
    actions.withdraw_consent(
        user=patient_anna, purpose=Consent.Purpose.HEALTH_DATA, now=timezone.now()
    )
    with pytest.raises(ConsentMissing):  # ... and forgotten by the action
        require_patient(patient_anna)


def test_consent_given_again_opens_the_gate(patient_anna):
    actions.withdraw_consent(
        user=patient_anna, purpose=Consent.Purpose.HEALTH_DATA, now=timezone.now()
    )
    assert isinstance(patient_refusal(patient_anna), ConsentMissing)
    actions.give_consent(user=patient_anna, purpose=Consent.Purpose.HEALTH_DATA, now=timezone.now())
    assert is_patient(patient_anna)


@pytest.mark.parametrize("persona", ["therapist_eva", "manager_mila", "operator_olaf"])
def test_staff_accounts_have_no_patient_programme(request, persona):
    with pytest.raises(NotAPatient):
        require_patient(request.getfixturevalue(persona))


def test_anonymous_and_inactive_are_refused(patient_anna):
    assert isinstance(patient_refusal(AnonymousUser()), NotSignedIn)
    assert isinstance(patient_refusal(None), NotSignedIn)
    patient_anna.is_active = False
    assert isinstance(patient_refusal(patient_anna), NotSignedIn)
