"""The clinical gate inside the actions: the HTML views, the API and commands get one answer.

Views refuse early (`patient_required`), but a write must also be refused where it
happens, so a management command, the demo or a future entry point cannot skip the gate.
"""

import importlib
import inspect
import pkgutil
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from accounts import actions as account_actions
from accounts.access import ClinicalAccessDenied, ConsentMissing, NotAPatient, NotSignedIn
from accounts.models import Consent
from diary import actions as diary_actions
from diary.models import CheckIn, CheckInRevision, Flare, ReminderPreference
from diary.values import CheckInValues
from exercises import actions as exercise_actions
from exercises.models import EmotionEntry
from programme import actions as programme_actions
from programme.models import Enrolment

CLINICAL_APPS = ("diary", "programme", "exercises", "assessments")
# Parameters that name whose health data an action touches.
OWNER_PARAMETERS = {"patient", "user", "enrolment", "session", "response", "check", "intention"}
# Public functions with such a parameter that read and write no health data.
NOT_HEALTH_DATA = {
    "exercises.actions.check_recent": "only compares a date with the patient's local today",
}


def _action_functions():
    for label in CLINICAL_APPS:
        package = importlib.import_module(label)
        for info in pkgutil.iter_modules(package.__path__):
            if "actions" not in info.name:
                continue
            module = importlib.import_module(f"{label}.{info.name}")
            for name, function in inspect.getmembers(module, inspect.isfunction):
                if function.__module__ == module.__name__ and not name.startswith("_"):
                    yield f"{module.__name__}.{name}", function


def test_every_action_on_a_patients_data_calls_the_gate():
    checked = []
    for name, function in _action_functions():
        if not OWNER_PARAMETERS & set(inspect.signature(function).parameters):
            continue
        checked.append(name)
        if name in NOT_HEALTH_DATA:
            continue
        assert "require_patient(" in inspect.getsource(function), (
            f"{name} touches a patient's data: call accounts.access.require_patient first "
            "(or, if it reads and writes no health data, add it to NOT_HEALTH_DATA with why)."
        )
    assert len(checked) >= 15, checked


def _withdraw(user):
    account_actions.withdraw_consent(
        user=user, purpose=Consent.Purpose.HEALTH_DATA, now=timezone.now()
    )


@pytest.mark.django_db
def test_a_check_in_is_refused_for_a_therapist_and_for_a_patient_without_consent(
    patient_anna, therapist_eva
):
    now = timezone.now()
    values = CheckInValues(pain=4)
    with pytest.raises(NotAPatient):
        diary_actions.record_check_in(
            patient=therapist_eva, day=therapist_eva.local_date(now), values=values, now=now,
            source=CheckInRevision.Source.FORM,
        )  # fmt: skip
    _withdraw(patient_anna)
    with pytest.raises(ConsentMissing):
        diary_actions.record_check_in(
            patient=patient_anna, day=patient_anna.local_date(now), values=values, now=now,
            source=CheckInRevision.Source.FORM,
        )  # fmt: skip
    assert not CheckIn.objects.exists()


@pytest.mark.django_db
def test_withdrawing_consent_stops_writes_at_once_and_giving_it_again_restarts_them(
    patient_anna,
):
    now = timezone.now()
    enrolment = programme_actions.enrol(
        user=patient_anna, started_on=patient_anna.local_date(now), now=now
    )
    _withdraw(patient_anna)
    with pytest.raises(ConsentMissing):
        programme_actions.pause_programme(enrolment=enrolment, today=patient_anna.local_date(now))
    with pytest.raises(ConsentMissing):
        diary_actions.start_flare(user=patient_anna, now=now)
    with pytest.raises(ConsentMissing):
        exercise_actions.record_emotion(patient=patient_anna, now=now, what_happened="x")
    assert Enrolment.objects.get().paused_on is None
    assert not Flare.objects.exists() and not EmotionEntry.objects.exists()

    account_actions.give_consent(
        user=patient_anna, purpose=Consent.Purpose.HEALTH_DATA, now=timezone.now()
    )
    diary_actions.start_flare(user=patient_anna, now=now)
    assert Flare.objects.filter(user=patient_anna).exists()


@pytest.mark.django_db
def test_nobody_is_a_patient_without_an_account():
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(NotSignedIn):
        diary_actions.start_flare(user=AnonymousUser(), now=timezone.now())


@pytest.mark.django_db
def test_no_reminder_goes_to_a_patient_who_withdrew_consent(patient_anna, patient_bram):
    now = datetime(2026, 6, 10, 10, 0, tzinfo=UTC)  # mid-day everywhere in Europe
    for user in (patient_anna, patient_bram):
        at = timezone.localtime(now - timedelta(minutes=5), user.zone).time()
        diary_actions.set_checkin_reminder(user=user, enabled=True, at=at, during_flare=False)
    _withdraw(patient_anna)
    assert diary_actions.send_due_reminders(now=now) == 1
    assert ReminderPreference.objects.get(user=patient_bram).last_sent_on is not None
    assert ReminderPreference.objects.get(user=patient_anna).last_sent_on is None


def test_every_refusal_has_a_message_and_a_reason():
    for refusal in (NotSignedIn(), NotAPatient(), ConsentMissing()):
        assert isinstance(refusal, ClinicalAccessDenied)
        assert str(refusal.message) and refusal.reason
