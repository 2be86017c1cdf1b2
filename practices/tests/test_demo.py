"""Demo data: at least 40 practices in all twelve provinces; the network generator."""

import pytest
from django.core.management import call_command

from bookings.models import Appointment, WorkingHours
from practices.models import Practice, Province, Therapist

pytestmark = pytest.mark.django_db


def test_demo_network_covers_every_province_with_eva_and_mila(settings):
    settings.DEBUG = True
    call_command("demo")
    assert Practice.objects.count() >= 40
    assert set(Practice.objects.values_list("province", flat=True)) == set(Province.values)
    rustpunt = Practice.objects.get(slug="rustpunt-utrecht")
    assert rustpunt.therapists.filter(user__email="eva@demo.pijnreset.nl").exists()
    assert rustpunt.managers.filter(email="mila@demo.pijnreset.nl").exists()
    assert rustpunt.appointments.count() > 20
    assert WorkingHours.objects.filter(practice=rustpunt).exists()
    counts = (Practice.objects.count(), Therapist.objects.count(), Appointment.objects.count())
    call_command("demo")
    assert (
        Practice.objects.count(),
        Therapist.objects.count(),
        Appointment.objects.count(),
    ) == counts


def test_generate_network_adds_practices_for_benchmarks():
    call_command("generate_network", "--practices", "30", "--therapists", "2")
    generated = Practice.objects.filter(slug__startswith="net-")
    assert generated.count() == 30
    assert Therapist.objects.filter(practices__in=generated).count() == 60
    call_command("generate_network", "--practices", "10", "--replace")
    assert Practice.objects.filter(slug__startswith="net-").count() == 10
