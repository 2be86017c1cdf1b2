"""Another user gets the same 404 as an id that does not exist, on every object URL
(issue 12, point 3).

The test DISCOVERS its routes: every URL pattern with a uuid parameter in the bookings
and practices namespaces, and every operation of the appointments API with one. Each is
requested with GET and POST by three strangers (another patient, a therapist of another
practice, the manager of another practice), once with the real ids of practice A's
objects and once with random ids: the answers must have the same status, one of them a
404, and nothing may change. A new object URL is covered on its own; a new parameter
name fails until it is given a real object below, and a page meant for everyone goes on
PUBLIC_ROUTES.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from uuid import uuid4

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import UUIDConverter

from accounts.models import Role, User
from bookings import actions
from bookings.models import Appointment, AppointmentType, BlockedTime, WorkingHours
from bookings.tests.conftest import at
from practices.models import OpeningHours, Practice, Therapist
from practices.tests.factories import make_practice

NAMESPACES = ("bookings", "practices")
# Pages about an object that everyone may see: the practice and therapist pages and the
# booking pages of a listed practice.
PUBLIC_ROUTES = frozenset(
    {"practices:practice", "practices:therapist", "bookings:slots", "bookings:book"}
)
API_PREFIX = "/api/v1"
API_MODULES = ("api.appointments",)
STRANGERS = ("patient_bram", "therapist_joost", "manager_of_b")


def _walk(
    patterns: Sequence[URLPattern | URLResolver], namespace: str | None = None
) -> Iterator[tuple[str | None, URLPattern]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, entry.namespace or namespace)
        else:
            yield namespace, entry


def _html_routes() -> list[tuple[str, str]]:
    """(name, path template with {param}) of every uuid route in NAMESPACES."""
    from django.urls import reverse

    routes = []
    for namespace, pattern in _walk(get_resolver().url_patterns):
        if namespace not in NAMESPACES or not pattern.name:
            continue
        converters = getattr(pattern.pattern, "converters", {})
        uuids = [name for name, c in converters.items() if isinstance(c, UUIDConverter)]
        name = f"{namespace}:{pattern.name}"
        if not uuids or name in PUBLIC_ROUTES:
            continue
        marks = {param: f"00000000-0000-4000-8000-00000000000{i}" for i, param in enumerate(uuids)}
        path = reverse(name, kwargs=marks)
        for param, mark in marks.items():
            path = path.replace(mark, "{" + param + "}")
        routes.append((name, path))
    return routes


def _api_routes() -> list[tuple[str, str]]:
    from api.main import api

    routes = []
    for prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            modules = {op.view_func.__module__ for op in path_view.operations}
            if "{" not in path or not modules & set(API_MODULES):
                continue
            full = f"{API_PREFIX}/{prefix.strip('/')}/{path.lstrip('/')}".replace("//", "/")
            full = "/".join(
                "{" + part[1:-1].split(":")[-1] + "}" if part.startswith("{") else part
                for part in full.split("/")
            )
            routes.append((full, full))
    return routes


ROUTES = _html_routes() + _api_routes()


@pytest.fixture
def manager_of_b(db):
    manager = User.objects.create_user(
        email="nina@example.nl", password="x" * 20, role=Role.PRACTICE_MANAGER
    )
    make_practice("Fysio Oost", place="Enschede", postcode="7511 AA", managers=(manager,))
    return manager


@pytest.fixture
def world(now, practice_a, eva, follow_up, patient_anna, joost, manager_of_b):
    appointment = actions.book_slot(
        practice=practice_a, therapist=eva, appointment_type=follow_up, kind="in_person",
        start=at(4, 10), now=now, patient=patient_anna,
    )  # fmt: skip
    block = BlockedTime.objects.create(
        therapist=eva, start=at(6, 9), end=at(6, 12), reason="cursus"
    )
    return {
        "practice_id": practice_a.public_id,
        "therapist_id": eva.public_id,
        "block_id": block.public_id,
        "appointment_id": appointment.public_id,
    }


def _snapshot() -> tuple[object, ...]:
    return (
        list(Appointment.objects.values_list("status", "start", "sequence", "cancelled_as")),
        list(BlockedTime.objects.values_list("start", "end")),
        list(WorkingHours.objects.values_list("weekday", "start", "end")),
        list(OpeningHours.objects.values_list("practice", "weekday", "opens", "closes")),
        list(Practice.objects.values_list("name", "phone")),
        list(Therapist.objects.values_list("name", "is_active")),
        list(AppointmentType.objects.values_list("duration_minutes", "is_active")),
    )


def _send(client, method: str, path: str, is_api: bool):  # type: ignore[no-untyped-def]
    if method == "get":
        return client.get(path)
    if is_api:
        body = {"start": "2026-03-05T10:00:00Z", "kind": "in_person"}
        return client.post(path, body, content_type="application/json")
    return client.post(path, {"status": "no_show", "name": "Overgenomen", "reason": "x"})


def test_routes_are_found():
    """The discovery itself: the known object URLs are among them."""
    names = {name for name, _path in ROUTES}
    assert {"bookings:cancel", "bookings:outcome", "practices:edit", "bookings:unblock"} <= names
    assert f"{API_PREFIX}/appointments/{{appointment_id}}/cancel" in names


@pytest.mark.parametrize("stranger", STRANGERS)
@pytest.mark.parametrize(("name", "path"), ROUTES, ids=[name for name, _ in ROUTES])
def test_a_stranger_gets_the_same_404_as_a_random_id(client, request, world, name, path, stranger):
    client.force_login(request.getfixturevalue(stranger))
    params = [part[1:-1] for part in path.split("/") if part.startswith("{")]
    unknown = set(params) - set(world)
    assert not unknown, f"{name}: give the test a real object for {unknown}"
    real = path.format(**{param: world[param] for param in params})
    random = path.format(**{param: uuid4() for param in params})
    before = _snapshot()
    answers = {}
    for method in ("get", "post"):
        is_api = path.startswith(API_PREFIX)
        real_status = _send(client, method, real, is_api).status_code
        random_status = _send(client, method, random, is_api).status_code
        assert real_status == random_status, (name, method, real_status, random_status)
        answers[method] = real_status
    assert 404 in answers.values(), (name, answers)
    assert _snapshot() == before, name


def test_the_practice_itself_is_not_a_stranger(client, world, eva, manager_mila):
    """The same URLs do answer the practice's own staff (the 404 above is not a typo)."""
    client.force_login(manager_mila)
    for name, path in ROUTES:
        params = [part[1:-1] for part in path.split("/") if part.startswith("{")]
        real = path.format(**{param: world[param] for param in params})
        is_api = real.startswith(API_PREFIX)
        statuses = {_send(client, method, real, is_api).status_code for method in ("get", "post")}
        assert statuses - {404}, (name, statuses)
