"""The same device switched on from two tabs at once: one row, no error."""

import pytest
from django.utils import timezone

from push import actions
from push.models import PushSubscription
from tests.race import race


@pytest.mark.django_db(transaction=True)
def test_ten_simultaneous_switch_ons_of_one_device_keep_one_row(patient_anna, vapid, phone):
    keys = phone.subscription()["keys"]

    def switch_on(_i: int) -> bool:
        _row, created = actions.subscribe_device(
            user=patient_anna, endpoint=phone.endpoint, p256dh=keys["p256dh"],
            auth=keys["auth"], user_agent="", now=timezone.now(),
        )  # fmt: skip
        return created

    results = race(switch_on, attempts=10)
    assert sorted(results, key=str) == [False] * 9 + [True], results
    assert PushSubscription.objects.count() == 1
