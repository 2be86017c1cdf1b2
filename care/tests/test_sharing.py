"""Sharing with a therapist (issue 15 point 1): from a booking in one tap, by choosing a
therapist or a practice code; a consent record; stopping works at once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Consent
from care.models import AccessLogEntry, Outcome, Share
from care.tests.helpers import appointment, share
from diary import actions as diary_actions
from diary.models import CheckInRevision
from diary.values import CheckInValues

pytestmark = pytest.mark.django_db
PRIVATE = "MIJN-EIGEN-DAGBOEK-4411"


def _sharing_consent(patient):
    return Consent.objects.active().filter(user=patient, purpose=Consent.Purpose.THERAPIST_SHARING)


def test_one_tap_from_a_booked_appointment(client, patient_anna, eva, practice_a):
    booked = appointment(patient_anna, eva, practice_a, timezone.now() + timedelta(days=2))
    client.force_login(patient_anna)
    page = client.get(reverse("care:sharing")).content.decode()
    assert "Eva de Vries" in page
    response = client.post(
        reverse("care:share_appointment"),
        {
            "appointment": str(booked.public_id),
            "check_ins": "on",
            "questionnaires": "on",
            "practices": "on",
        },
    )
    assert response.status_code == 302
    made = Share.objects.get(patient=patient_anna)
    assert made.therapist == eva and made.practice == practice_a
    assert made.via == Share.Via.APPOINTMENT
    assert made.scope_keys() == ["check_ins", "questionnaires", "practices"]
    assert not made.notes
    assert made.consent == _sharing_consent(patient_anna).get()
    assert made.text_version and made.given_at


def test_someone_elses_appointment_cannot_be_shared_from(
    client, patient_anna, patient_bram, eva, practice_a
):
    booked = appointment(patient_bram, eva, practice_a, timezone.now() + timedelta(days=2))
    client.force_login(patient_anna)
    response = client.post(
        reverse("care:share_appointment"), {"appointment": str(booked.public_id), "check_ins": "on"}
    )
    assert response.status_code == 404
    assert not Share.objects.exists()


def test_choose_a_therapist_with_a_scope_and_a_period(client, patient_anna, eva):
    client.force_login(patient_anna)
    ends = (timezone.localdate() + timedelta(days=30)).isoformat()
    response = client.post(
        reverse("care:share_therapist"),
        {"therapist": str(eva.public_id), "check_ins": "on", "ends_on": ends},
    )
    assert response.status_code == 302
    made = Share.objects.get()
    assert made.scope_keys() == ["check_ins"]
    assert made.ends_on.isoformat() == ends


def test_nothing_to_share_or_an_end_in_the_past_is_refused_kindly(client, patient_anna, eva):
    client.force_login(patient_anna)
    nothing = client.post(reverse("care:share_therapist"), {"therapist": str(eva.public_id)})
    assert nothing.status_code == 422
    past = (timezone.localdate() - timedelta(days=1)).isoformat()
    earlier = client.post(
        reverse("care:share_therapist"),
        {"therapist": str(eva.public_id), "check_ins": "on", "ends_on": past},
    )
    assert earlier.status_code == 422
    assert not Share.objects.exists()


def test_a_practice_code_shares_with_the_whole_practice(
    client, patient_anna, eva, practice_a, therapist_eva
):
    client.force_login(patient_anna)
    response = client.post(
        reverse("care:share_practice"), {"code": practice_a.slug.upper(), "check_ins": "on"}
    )
    assert response.status_code == 302
    made = Share.objects.get()
    assert made.whole_practice and made.therapist is None and made.practice == practice_a
    client.force_login(therapist_eva)
    assert client.get(reverse("care_staff:patient", args=[made.public_id])).status_code == 200


def test_an_unknown_code_says_so_and_leaks_nothing(client, patient_anna, practice_a):
    client.force_login(patient_anna)
    response = client.post(
        reverse("care:share_practice"), {"code": "bestaat-niet", "check_ins": "on"}
    )
    assert response.status_code == 422
    assert (
        "practice code" in response.content.decode() or "praktijkcode" in response.content.decode()
    )
    assert not Share.objects.exists()


def test_stopping_works_at_once_and_the_therapist_gets_404_logged_as_denied(
    client, patient_anna, therapist_eva, eva
):
    made = share(patient_anna, eva)
    therapist = client.__class__()
    therapist.force_login(therapist_eva)
    url = reverse("care_staff:patient", args=[made.public_id])
    assert therapist.get(url).status_code == 200
    client.force_login(patient_anna)
    assert client.post(reverse("care:stop", args=[made.public_id])).status_code == 302
    made.refresh_from_db()
    assert made.stopped_at is not None
    assert not _sharing_consent(patient_anna).exists()
    assert therapist.get(url).status_code == 404
    denied = AccessLogEntry.objects.filter(outcome=Outcome.DENIED).get()
    assert denied.patient_id == patient_anna.pk and denied.actor_id == therapist_eva.pk


def test_a_share_past_its_end_date_shows_nothing(client, patient_anna, therapist_eva, eva):
    made = share(patient_anna, eva)
    Share.objects.filter(pk=made.pk).update(
        starts_on=timezone.localdate() - timedelta(days=10),
        ends_on=timezone.localdate() - timedelta(days=1),
    )
    client.force_login(therapist_eva)
    assert client.get(reverse("care_staff:patient", args=[made.public_id])).status_code == 404


def test_withdrawn_health_consent_hides_the_patient(client, patient_anna, therapist_eva, eva):
    from accounts.actions import withdraw_consent

    made = share(patient_anna, eva)
    withdraw_consent(user=patient_anna, purpose=Consent.Purpose.HEALTH_DATA, now=timezone.now())
    client.force_login(therapist_eva)
    assert client.get(reverse("care_staff:patient", args=[made.public_id])).status_code == 404


def test_the_general_sharing_consent_stays_while_another_share_is_active(
    client, patient_anna, eva, joost
):
    first, second = share(patient_anna, eva), share(patient_anna, joost)
    assert first.consent_id == second.consent_id
    client.force_login(patient_anna)
    client.post(reverse("care:stop", args=[first.public_id]))
    assert _sharing_consent(patient_anna).exists()
    client.post(reverse("care:stop", args=[second.public_id]))
    assert not _sharing_consent(patient_anna).exists()


def test_another_patient_cannot_stop_my_share(client, patient_anna, patient_bram, eva):
    made = share(patient_anna, eva)
    client.force_login(patient_bram)
    assert client.post(reverse("care:stop", args=[made.public_id])).status_code == 404
    made.refresh_from_db()
    assert made.stopped_at is None


def _check_in_with_note(patient):
    diary_actions.record_check_in(
        patient=patient,
        day=patient.local_date(timezone.now()),
        values=CheckInValues(pain=6, note=PRIVATE),
        now=timezone.now(),
        source=CheckInRevision.Source.FORM,
    )


def test_notes_are_not_shared_by_default(client, patient_anna, therapist_eva, eva):
    _check_in_with_note(patient_anna)
    made = share(patient_anna, eva)
    client.force_login(therapist_eva)
    page = client.get(reverse("care_staff:patient", args=[made.public_id])).content.decode()
    assert PRIVATE not in page
    assert 'id="trends-title"' in page


def test_notes_are_shown_when_the_patient_chose_to_share_them(
    client, patient_anna, therapist_eva, eva
):
    _check_in_with_note(patient_anna)
    made = share(patient_anna, eva, notes=True)
    client.force_login(therapist_eva)
    page = client.get(reverse("care_staff:patient", args=[made.public_id])).content.decode()
    assert PRIVATE in page


def test_a_scope_without_check_ins_shows_no_pain(client, patient_anna, therapist_eva, eva):
    _check_in_with_note(patient_anna)
    made = share(patient_anna, eva, check_ins=False, notes=False)
    client.force_login(therapist_eva)
    page = client.get(reverse("care_staff:patient", args=[made.public_id])).content.decode()
    assert 'id="trends-title"' not in page
    assert "<polyline" not in page


def test_every_therapist_view_of_a_patient_writes_an_allowed_entry(
    client, patient_anna, therapist_eva, eva
):
    made = share(patient_anna, eva)
    client.force_login(therapist_eva)
    calls = [
        ("get", "care_staff:patient", {}, "detail"),
        ("get", "care_staff:summary", {}, "summary"),
        ("post", "care_staff:note", {"text": "Gesprek gehad"}, "note"),
        ("post", "care_staff:message", {"text": "Tot donderdag"}, "message"),
        ("post", "care_staff:homework", {"item": "exercise:breathing"}, "homework"),
    ]
    for method, name, data, action in calls:
        before = AccessLogEntry.objects.filter(action=action, outcome=Outcome.ALLOWED).count()
        response = getattr(client, method)(reverse(name, args=[made.public_id]), data)
        assert response.status_code in (200, 302), name
        after = AccessLogEntry.objects.filter(
            action=action, outcome=Outcome.ALLOWED, patient_id=patient_anna.pk
        ).count()
        assert after == before + 1, name
