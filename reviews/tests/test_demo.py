"""Demo data: a few hundred reviews that pass our own rules, six stories; idempotent."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from bookings.models import Status
from reviews import summary
from reviews.models import Review
from stories.models import Story

pytestmark = pytest.mark.django_db


def test_demo_reviews_and_stories(settings):
    settings.DEBUG = True
    call_command("demo")
    count = Review.objects.count()
    assert 150 <= count <= 600
    assert not Review.objects.exclude(appointment__status=Status.COMPLETED).exists()
    network = summary.summary_for(now=timezone.now())
    assert network.count > 100
    assert network.distribution[1] + network.distribution[2] > 0  # some critical ones
    assert Story.objects.public().count() == 6
    assert Story.objects.public().filter(featured=True).count() == 2
    call_command("demo")
    assert Review.objects.count() == count
    assert Story.objects.count() == 6
