"""Practice actions take the acting user and cleaned values (issue 12, point 2)."""

from datetime import time

import pytest

from practices import actions
from practices.errors import NotManager
from practices.models import OpeningHours

pytestmark = pytest.mark.django_db


def test_a_manager_replaces_the_opening_hours_through_the_page(client, practice_a, manager_mila):
    url = f"/praktijken/{practice_a.public_id}/openingstijden/"
    client.force_login(manager_mila)
    assert client.get(url).context["grid"].initial["closed_5"] is True
    data = {f"closed_{day}": "on" for day in (1, 2, 3, 4, 6)} | {
        "opens_0": "09:00", "closes_0": "12:00", "opens_5": "10:00", "closes_5": "11:00",
    }  # fmt: skip
    assert client.post(url, data).status_code == 302
    assert set(practice_a.opening_hours.values_list("weekday", "opens", "closes")) == {
        (0, time(9), time(12)),
        (5, time(10), time(11)),
    }


def test_the_actions_refuse_whoever_does_not_manage_the_practice(
    practice_a, joost, therapist_eva, manager_mila
):
    before = list(OpeningHours.objects.filter(practice=practice_a).values_list("pk", flat=True))
    block = actions.OpeningBlock(weekday=1, opens=time(8), closes=time(9))
    for stranger in (therapist_eva, joost.user):
        with pytest.raises(NotManager):
            actions.save_opening_hours(actor=stranger, practice=practice_a, blocks=[block])
    assert list(practice_a.opening_hours.values_list("pk", flat=True)) == before
    with pytest.raises(NotManager):  # a therapist of another practice, even for its manager
        actions.save_therapist(
            actor=manager_mila, practice=practice_a, therapist=joost, values={"name": "X"}
        )
    joost.refresh_from_db()
    assert joost.name == "Joost Bakker"
