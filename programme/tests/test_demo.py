import pytest
from django.core.management import call_command

from diary.models import CheckIn
from programme.models import Enrolment, LessonProgress


@pytest.mark.django_db
def test_demo_enrols_anna_thirty_days_in_with_check_ins_and_lessons_and_runs_twice(settings):
    settings.DEBUG = True
    from diary import demo as diary_demo
    from pijnreset.management.commands.demo import create_accounts
    from programme import demo as programme_demo

    create_accounts()
    for _ in range(2):  # idempotent
        for _name, step in programme_demo.STEPS + diary_demo.STEPS:
            step()
    anna = Enrolment.objects.get(user__email="anna@demo.pijnreset.nl")
    day = anna.day(anna.user.local_date())
    assert (day.day, day.week) == (31, 5)
    assert 15 <= CheckIn.objects.filter(patient=anna.user).count() <= 20
    assert not CheckIn.objects.filter(patient=anna.user, date=anna.user.local_date()).exists()
    assert (
        LessonProgress.objects.filter(user=anna.user).count() == 12
    )  # 14 lessons so far: 1 skipped, today's left
    pains = list(
        CheckIn.objects.filter(patient=anna.user).order_by("date").values_list("pain", flat=True)
    )
    assert all(0 <= pain <= 10 for pain in pains)
    call_command("check")
