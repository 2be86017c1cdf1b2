"""`manage.py demo --scale N` (issue 18): synthetic patients with a year of data."""

from datetime import time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from accounts.models import Consent, User
from assessments import actions as assessments
from assessments.engine import score_answers
from assessments.models import Response
from bookings.models import Appointment
from diary.models import CheckIn
from exercises.models import ExerciseSession
from pijnreset import demo_scale
from programme.models import Enrolment

pytestmark = pytest.mark.django_db


@pytest.fixture
def generated():
    assessments.load_instruments(now=timezone.now())
    demo_scale.generate(3)
    return list(User.objects.filter(email__endswith=f"@{demo_scale.DOMAIN}").order_by("email"))


def test_each_patient_gets_a_year_of_daily_check_ins_read_back_as_written(generated):
    today = timezone.localdate()
    assert [u.email for u in generated] == [demo_scale.email_of(n) for n in range(3)]
    for patient in generated:
        days = list(CheckIn.objects.filter(patient=patient).values_list("date", flat=True))
        assert len(days) == demo_scale.DAYS == len(set(days))
        assert min(days) == today - timedelta(days=demo_scale.DAYS - 1) and max(days) == today
        assert Enrolment.objects.get(user=patient).started_on == min(days)
        assert Consent.objects.active().filter(user=patient, purpose="health_data").exists()
    last = CheckIn.objects.filter(patient=generated[0]).latest("date")
    assert 0 <= last.pain <= 10 and last.pain_areas == [] and last.note == ""
    local = last.created_at.astimezone(ZoneInfo("Europe/Amsterdam"))
    assert (local.date(), local.time()) == (last.date, time(20, 30))


def test_sessions_questionnaires_and_appointments_come_in_proportion(generated):
    patient = generated[1]
    sessions = ExerciseSession.objects.filter(patient=patient)
    assert 80 < sessions.count() < 180  # two or three a week
    assert all(s.ended_at > s.started_at for s in sessions)
    phq4 = Response.objects.filter(patient=patient, instrument_key="phq4").order_by("started_at")
    assert [r.occasion for r in phq4] == ["intake", "week_4", "week_8", "week_12"]
    keys = ["item1", "item2", "item3", "item4"]
    assert all(r.scores == score_answers("phq4", r.answers, keys).scores for r in phq4)
    visits = list(Appointment.objects.filter(patient=patient).order_by("start"))
    assert len(visits) == demo_scale.APPOINTMENTS_PER_PATIENT
    assert len({v.therapist_id for v in visits}) == 1
    assert all(a.end <= b.start for a, b in zip(visits, visits[1:], strict=False))


def test_a_second_run_continues_after_the_last_patient(generated):
    assert demo_scale.generate(2) == 5
    assert User.objects.filter(email=demo_scale.email_of(4)).exists()
    assert CheckIn.objects.filter(patient__email__endswith=demo_scale.DOMAIN).count() == 5 * 365


def test_nine_in_ten_patients_give_research_consent(generated):
    demo_scale.generate(7)  # ten in all: numbers 0 to 9
    research = Consent.objects.active().filter(
        purpose=Consent.Purpose.RESEARCH, user__email__endswith=f"@{demo_scale.DOMAIN}"
    )
    assert sorted(c.user.email for c in research) == [demo_scale.email_of(n) for n in range(9)]
