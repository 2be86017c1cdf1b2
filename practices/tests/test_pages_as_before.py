"""The finder's cards, the waits and the free times read exactly as before they were
worked out in Python (practices/cards.py, bookings/wait_texts.py, bookings/times_shown.py;
issue 18): the old templates, kept in before/, render the same bytes."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.template import Context, Engine
from django.utils import translation

from bookings.first_free import first_free_by_kind, waits
from bookings.models import Appointment, Status
from bookings.tests.conftest import at
from practices.tests.factories import make_practice, make_therapist

pytestmark = pytest.mark.django_db

OLD_LIST = (
    '<ul class="card-list">\n        {% for found, waits in cards %}{% include '
    '"practices/includes/practice_card.html" with practice=found.practice '
    "distance_km=found.distance_km waits=waits %}{% endfor %}\n      </ul>"
)
OLD = Engine(
    dirs=[Path(__file__).parent / "before"],
    loaders=[
        ("django.template.loaders.locmem.Loader", {"list.html": OLD_LIST}),
        "django.template.loaders.filesystem.Loader",
    ],
    libraries={"i18n": "django.templatetags.i18n", "tz": "django.templatetags.tz"},
)


@pytest.fixture
def network(now, practice_a):
    rustpunt = practice_a
    intake = rustpunt.appointment_types.get(slug="intake")
    rustpunt.name = "Rust & <Punt> 'de' \"Vries\""
    rustpunt.quality_label = True
    rustpunt.insurers = ["cz", "vgz"]
    rustpunt.save()
    eva = make_therapist("Eva de Vries", practices=(rustpunt,))
    eva.kinds = ["in_person", "video"]  # by phone: Lotte, on Wednesdays only
    eva.save()
    make_therapist("Lotte Jansen", practices=(rustpunt,), kinds=("phone",), weekdays=(2,))
    Appointment.objects.create(
        practice=rustpunt, therapist=eva, appointment_type=intake, kind="in_person",
        start=at(2, 10), end=at(2, 11), busy_until=at(2, 11, 15), guest_name="Lotte",
        guest_email="lotte@example.nl", created_at=now, scheduled_at=now,
        status=Status.CONFIRMED,
    )  # fmt: skip
    nobody = make_practice("Fysio Nergens", at=(52.1, 5.13), wheelchair_accessible=True,
                           direct_access=False)  # fmt: skip
    tomorrow = make_practice("Fysio Morgen", at=(52.095, 5.125), wheelchair_accessible=True)
    make_therapist("Tom Morgen", practices=(tomorrow,), weekdays=(1,))
    far = make_practice("Fysio Verweg", at=(52.2, 5.3), quality_label=True)
    make_therapist("Vera Weg", practices=(far,), weekdays=(4,), hours=(12, 13))
    nothing_online = make_practice("Fysio Bel Ons", at=(52.09, 5.11))
    nothing_online.appointment_types.update(is_active=False)
    return [rustpunt, nobody, tomorrow, far, nothing_online]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_result_list_is_the_same_as_before(client, now, network, language):
    prefix = "" if language == "nl" else "/en"
    response = client.get(f"{prefix}/praktijken/", {"q": "Utrecht"})
    assert response.status_code == 200
    found = response.context["result"].found
    assert {item.practice.pk for item in found} == {practice.pk for practice in network}
    first = first_free_by_kind([item.practice for item in found], now=now)
    cards = [
        (item, waits(first[item.practice.pk], now=now, zone=item.practice.zone)) for item in found
    ]
    with translation.override(language):
        before = OLD.get_template("list.html").render(Context({"cards": cards}))
    after = response.content.decode()
    assert before.count('<li class="card practice-card">') == len(network)

    assert before in after


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_practice_page_shows_the_waits_as_before(client, now, network, language):
    prefix = "" if language == "nl" else "/en"
    for practice in network[:3]:
        response = client.get(f"{prefix}/praktijken/{practice.public_id}/")
        by_kind = first_free_by_kind([practice], now=now)[practice.pk]
        if not by_kind:
            continue  # nothing bookable online: the page shows no waits
        old = {"waits": waits(by_kind, now=now, zone=practice.zone), "zone": practice.time_zone}
        with translation.override(language):
            before = OLD.get_template("bookings/includes/first_free.html").render(Context(old))
        assert "<li>" in before
        assert before in response.content.decode()


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(("page", "level"), [("/praktijken/{}/", 3), ("/afspraken/boeken/{}/", 2)])
def test_the_free_times_are_shown_as_before(client, now, network, language, page, level):
    prefix = "" if language == "nl" else "/en"
    for practice in network:
        response = client.get(prefix + page.format(practice.public_id), {"kind": "phone"})
        context = {name: response.context[name] for name in ("times", "menu", "practice")}
        if not context["menu"].kinds and level == 3:
            continue  # nothing to book online: the practice page shows no free times
        with translation.override(language):
            before = OLD.get_template("bookings/includes/free_times.html").render(
                Context(context | {"level": level})
            )
        assert before in response.content.decode()
        if practice == network[0]:  # Lotte calls on Wednesdays: a week full of times
            assert before.count('<a class="slot"') > 10
