"""The guard of the clinical gate (issue 10, point 1): nobody but the patient touches health data.

The test DISCOVERS every URL pattern (the project's URL resolver) and every API operation
(the ninja routers) and classifies each by where it lives: the URL namespaces of the apps
that hold health data, and the API modules over them. Nothing is listed by hand except the
few public pages inside those apps (`PUBLIC_ROUTES`) and the classification of namespaces
and API modules; a namespace or API module nobody classified fails the test, and so does a
clinical route whose arguments the test cannot build from Anna's real rows.

Each clinical route is requested with real arguments (a real object of Anna for every
uuid, found by asking as Anna herself) with GET and POST (and PUT, PATCH and DELETE for the
API) as:
  (a) Anna after she withdrew her health-data consent,
  (b) therapist Eva,
  (c) an anonymous visitor,
  (d) patient Bram, for routes naming one of Anna's objects.
None of them may get a 5xx or a 2xx, none may see Anna's words, and no row of the clinical
tables may be created or changed.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from uuid import uuid4

import pytest
from django.apps import apps
from django.db import models, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter, UUIDConverter
from django.utils import timezone

from accounts import actions as account_actions
from accounts.models import Consent, User
from programme.tests.helpers import lessons  # noqa: F401  (fixture)

# The apps whose rows are a patient's health data (and their API tokens). A URL in one of
# these namespaces is clinical unless it is in PUBLIC_ROUTES.
CLINICAL_NAMESPACES = frozenset(
    {"diary", "progress", "programme", "exercises", "assessments", "dataports", "insights", "care"}
)
CLINICAL_TABLE_APPS = (
    "diary", "programme", "exercises", "assessments", "insights", "api", "dataports", "care",
    "push",
)  # fmt: skip
# Pages inside those namespaces that hold nobody's health data: open to everyone.
PUBLIC_ROUTES = frozenset({"programme:manifest", "programme:pages", "programme:page"})
# Namespaces that hold no patient health data (accounts, practices, bookings, admin; None is
# the project's own pages and allauth). "api" is walked through its routers below.
# Reviews are about the care a practice gives, and stories are published by their writer with
# an explicit consent per story (GDPR art. 9(2)(e): made public by the person); neither is
# the programme's health data, so neither needs the health-data consent. Both are written
# only by the person themselves (a completed appointment / their own account) and moderated.
NOT_CLINICAL_NAMESPACES = frozenset(
    {None, "accounts", "practices", "bookings", "admin", "api", "reviews", "stories", "shop"}
)

# The documented exception: a therapist reads a patient's data, but only through an active
# share and only its scope (care/access.py). These routes are guarded by
# tests/test_clinical_gate_care.py instead: without a share 404 (logged as denied), with a
# share only the shared scope; patients, managers and anonymous visitors never.
SHARED_CARE_NAMESPACES = frozenset({"care_staff"})

# API modules: the health-data ones, and the rest (the open scoring API stores nothing and
# is public on purpose; practices and appointments are bookings, not health data).
CLINICAL_API_MODULES = frozenset(
    {
        "api.checkins",
        "api.exports",
        "api.insights",
        "api.access_log",
        "api.exercise_sessions",
        "api.push",
    }
)
NOT_CLINICAL_API_MODULES = frozenset(
    {"api.scoring", "api.practices", "api.appointments", "api.reviews", "api.shop"}
)

API_PREFIX = "/api/v1"
HTML_METHODS = ("get", "post")
API_METHODS = ("get", "post", "put", "patch", "delete")
SECRET = "GEHEIM-ANNA-7731"  # in Anna's own words: must never appear in another answer

# Everything a form of these apps may ask for, valid where possible: if a gate were missing,
# the write would go through and the snapshot would catch it.
FORM_DATA = {
    "pain": "6",
    "fatigue": "5",
    "sleep_quality": "4",
    "stress": "3",
    "mood": "5",
    "gut": "2",
    "note": SECRET,
    "flare": "on",
    "reflection": SECRET,
    "name": "sleutel",
    "source": "suggestion",
    "activity": "walk",
    "minutes": "12",
    "felt": "fine",
    "symptoms_after": "same",
    "first": SECRET,
    "intention": SECRET,
    "outcome": "done",
    "what_happened": SECRET,
    "feeling_after": "5",
    "finished": "1",
    "confirm": "on",
}
API_BODY = {"pain": 6, "fatigue": 5, "note": SECRET}


class Unclassified(AssertionError):
    """A URL or API operation the guard does not know: classify it."""


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:url_name", or "METHOD /api/path" for the API
    params: dict[str, Any]  # parameter name -> converter (HTML) or None (API)
    api_path: str = ""


# --- discovery ---


def walk_urls(
    patterns: Sequence[URLPattern | URLResolver], namespace: str | None = None
) -> Iterator[tuple[str | None, URLPattern]]:
    """Every URL pattern with the namespace it is reversed in."""
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = entry.namespace or namespace
            if entry.namespace and namespace:
                inner = f"{namespace}:{entry.namespace}"
            yield from walk_urls(entry.url_patterns, inner)
        else:
            yield namespace, entry


def clinical_html_routes(patterns: Sequence[URLPattern | URLResolver]) -> list[Route]:
    routes: list[Route] = []
    for namespace, pattern in walk_urls(patterns):
        if namespace in NOT_CLINICAL_NAMESPACES or (namespace or "").startswith("api"):
            continue
        if namespace in SHARED_CARE_NAMESPACES:
            continue
        if namespace not in CLINICAL_NAMESPACES:
            raise Unclassified(
                f"URL namespace {namespace!r} ({pattern.pattern}) is not classified: add it to "
                "CLINICAL_NAMESPACES or NOT_CLINICAL_NAMESPACES in tests/test_clinical_gate.py."
            )
        if not pattern.name:
            raise Unclassified(f"A clinical URL without a name cannot be guarded: {pattern}")
        name = f"{namespace}:{pattern.name}"
        if name in PUBLIC_ROUTES:
            continue
        converters = getattr(pattern.pattern, "converters", None)
        if converters is None:
            raise Unclassified(f"{name}: use path() (a route), not a regular expression.")
        routes.append(Route(name=name, params=dict(converters)))
    return routes


def clinical_api_routes() -> list[Route]:
    from api.main import api

    routes: list[Route] = []
    for prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                module = operation.view_func.__module__
                if module in NOT_CLINICAL_API_MODULES:
                    continue
                if module not in CLINICAL_API_MODULES:
                    raise Unclassified(
                        f"API module {module!r} ({path}) is not classified: add it to "
                        "CLINICAL_API_MODULES or NOT_CLINICAL_API_MODULES."
                    )
                full = f"{API_PREFIX}/{prefix.strip('/')}/{path.lstrip('/')}".replace("//", "/")
                params = dict.fromkeys(_braced(full))
                routes.append(Route(name=full, params=params, api_path=full))
    unique = {route.api_path: route for route in routes}  # one path, several methods
    return list(unique.values())


def _braced(path: str) -> list[str]:
    return [part[1:-1].split(":")[-1] for part in path.split("/") if part.startswith("{")]


# --- Anna's real data ---


@dataclass
class AnnaData:
    user: User
    uuids: list[str]
    dates: list[str]
    slugs: dict[str, list[str]]


def build_anna(anna: User) -> AnnaData:
    """Anna, enrolled for a while, with one row of every kind of health data."""
    from api.actions import create_access_token
    from assessments import actions as assessment_actions
    from assessments import redflags
    from assessments.models import Occasion
    from diary import actions as diary_actions
    from diary.models import CheckInRevision
    from diary.values import CheckInValues
    from exercises import actions as exercise_actions
    from insights import actions as insight_actions
    from programme import actions as programme_actions
    from programme.models import Lesson, Page

    now = timezone.now()
    today = anna.local_date(now)
    programme_actions.enrol(user=anna, started_on=today, now=now)
    for day in (today - timedelta(days=1), today):
        diary_actions.record_check_in(
            patient=anna,
            day=day,
            values=CheckInValues(pain=5, fatigue=6, note=SECRET),
            now=now,
            source=CheckInRevision.Source.FORM,
        )
    diary_actions.start_flare(user=anna, now=now)
    diary_actions.set_checkin_reminder(
        user=anna, enabled=True, at=now.time().replace(microsecond=0), during_flare=False
    )
    lesson = Lesson.objects.order_by("week", "order").first()
    assert lesson is not None
    programme_actions.complete_lesson(user=anna, lesson=lesson, reflection=SECRET, now=now)
    exercise_actions.start_session(patient=anna, exercise="breathing", planned_seconds=300, now=now)
    exercise_actions.log_movement(
        patient=anna,
        local_date=today,
        activity="walk",
        minutes=15,
        felt="fine",
        symptoms_after="same",
        note=SECRET,
        now=now,
    )
    exercise_actions.save_gratitude(patient=anna, local_date=today, things=[SECRET], now=now)
    exercise_actions.set_intention(patient=anna, intention=SECRET, now=now)
    exercise_actions.record_emotion(patient=anna, now=now, what_happened=SECRET)
    instruments = {i.key: i for i in assessment_actions.load_instruments(now=now)}
    phq4 = instruments["phq4"]
    submitted = assessment_actions.start_response(
        patient=anna, instrument=phq4, occasion=Occasion.INTAKE, language="nl", now=now
    )
    keys = [item.key for item in phq4.parsed().items_for(submitted.part)]
    assessment_actions.save_answers(
        response=submitted, answers=dict.fromkeys(keys, 1), step=len(keys), now=now
    )
    assessment_actions.submit_response(response=submitted, now=now)
    assessment_actions.start_response(
        patient=anna, instrument=phq4, occasion=Occasion.SELF, language="nl", now=now
    )
    answers = dict.fromkeys(redflags.QUESTIONS, False)
    answers[next(iter(redflags.QUESTIONS))] = True  # pauses the exercises: do it last
    assessment_actions.record_red_flag_check(
        patient=anna, answers=answers, submission_key=uuid4(), now=now
    )
    create_access_token(user=anna, name="telefoon", now=now)
    _anna_switches_notifications_on(anna, now)
    _anna_takes_data_out(anna, now)
    insight_actions.add_factor(patient=anna, name=SECRET, kind="yes_no", now=now)
    insight_actions.plan_experiment(
        patient=anna, practice=SECRET, outcome="pain", started_on=today, weeks=8, now=now
    )
    _share_with_a_therapist(anna, now)

    return AnnaData(
        user=anna,
        uuids=[str(u) for u in _public_ids_of(anna)],
        dates=[(today - timedelta(days=1)).isoformat(), today.isoformat()],
        slugs={
            "key": [*instruments, *Lesson.objects.values_list("key", flat=True)],
            "occasion": list(Occasion.values),
            "slug": list(Page.objects.values_list("slug", flat=True)),
            "client_id": [str(uuid4())],  # a session sent from the device (not stored yet)
        },
    )


def _anna_takes_data_out(anna: User, now: Any) -> None:
    """A report (with her notes) and an upload waiting for its columns (dataports)."""
    from dataports import actions as data_actions

    today = anna.local_date(now)
    data_actions.request_report(
        patient=anna, first=today - timedelta(days=6), last=today, full_name=SECRET,
        birth_date=None, include_notes=True, language="nl", now=now,
    )  # fmt: skip
    data_actions.upload_scores(
        patient=anna, filename="s.csv", raw=f"date,pain,{SECRET}\n2026-01-01,4,x\n".encode(),
        now=now,
    )  # fmt: skip


def _anna_switches_notifications_on(anna: User, now: Any) -> None:
    """A device of hers with reminders as notifications (push), stored as the API stores it."""
    from push.models import PushSubscription

    PushSubscription.objects.create(
        user=anna, endpoint=f"https://fcm.googleapis.com/fcm/send/{uuid4()}",
        p256dh="B" + "A" * 86, auth="A" * 22, label="Firefox · Android", created_at=now,
    )  # fmt: skip


def _share_with_a_therapist(anna: User, now: Any) -> None:
    """Anna shares with a therapist (not Eva), so the sharing routes have her rows."""
    from care import actions as care_actions
    from practices.tests.factories import make_practice, make_therapist

    # One colleague for every patient built here (Anna and Bram both share with them).
    colleague = User.objects.filter(email="collega@example.nl").first() or (
        User.objects.create_user(email="collega@example.nl", role="therapist")
    )
    from practices.models import Therapist

    therapist = Therapist.objects.filter(user=colleague).first() or make_therapist(
        "Collega", practices=(make_practice("Praktijk Gate"),), user=colleague
    )
    care_actions.share_with_therapist(
        patient=anna, therapist=therapist, scope=care_actions.Scope(), ends_on=None, now=now
    )


def _public_ids_of(user: User) -> list[Any]:
    """The public ids of every row of the clinical apps that belongs to `user`."""
    found: list[Any] = []
    for model in _clinical_models():
        if not any(f.name == "public_id" for f in model._meta.fields):
            continue
        owners = [
            f.name
            for f in model._meta.fields
            if isinstance(f, models.ForeignKey) and f.related_model is User
        ]
        for owner in owners:
            found += model._default_manager.filter(**{owner: user}).values_list(
                "public_id", flat=True
            )
    return found


def _clinical_models() -> list[type[models.Model]]:
    return [m for label in CLINICAL_TABLE_APPS for m in apps.get_app_config(label).get_models()]


def snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every clinical table, in primary-key order."""
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values_list())
        for model in _clinical_models()
    }


# --- arguments ---


def candidate_values(name: str, converter: Any, anna: AnnaData) -> list[Any]:
    if isinstance(converter, UUIDConverter):
        return anna.uuids
    if isinstance(converter, IntConverter):
        return [1]
    if type(converter).__name__ == "IsoDateConverter" or name in {"date", "day"}:
        return anna.dates
    if name in anna.slugs:
        return anna.slugs[name]
    return []


def _in_rollback(request: Callable[[], Any]) -> Any:
    """Make a request whose writes are rolled back (probing must change nothing)."""
    with transaction.atomic():
        response = request()
        transaction.set_rollback(True)
    return response


def find_arguments(route: Route, anna: AnnaData, anna_client: Client) -> dict[str, Any] | None:
    """Real arguments: the first combination for which Anna herself does not get 404."""
    if not route.params:
        return {}
    names = list(route.params)
    choices = [candidate_values(n, route.params[n], anna) for n in names]
    if not all(choices):
        return None
    for combination in itertools.product(*choices):
        kwargs = dict(zip(names, combination, strict=True))
        url = reverse(route.name, kwargs=kwargs)
        for method in HTML_METHODS:
            response = _in_rollback(lambda: _request(anna_client, method, url))  # noqa: B023
            if response.status_code not in (404, 405):
                return kwargs
    return None


def api_url(route: Route, anna: AnnaData) -> str | None:
    url = route.api_path
    for name in route.params:
        values = candidate_values(name, None, anna)
        if not values:
            return None
        url = url.replace("{" + name + "}", str(values[0])).replace(
            "{" + f"date:{name}" + "}", str(values[0])
        )
    return url


# --- the guard ---


def _request(client: Client, method: str, url: str) -> Any:
    """GET without a query (a page may echo its own URL), POST with every form field."""
    if method == "get":
        return client.get(url)
    return client.post(url, FORM_DATA)


def _client(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _allowed_html(who: str, response: Any) -> bool:
    status = response.status_code
    if who == "anonymous":
        return (status == 302 and "/account/login/" in response["Location"]) or status == 405
    if who == "bram":
        return status in (403, 404, 405)
    return status in (403, 405)


def _allowed_api(who: str, status: int) -> bool:
    if who == "anonymous":
        return status in (401, 405)
    return status in (403, 405)


@pytest.mark.django_db
def test_nobody_but_the_patient_reads_or_writes_clinical_data(
    patient_anna,
    patient_bram,
    therapist_eva,
    lessons,  # noqa: F811
):
    anna = build_anna(patient_anna)
    anna_client = _client(patient_anna)
    html_routes = clinical_html_routes(get_resolver().url_patterns)
    api_routes = clinical_api_routes()
    # A walk that finds (almost) nothing proves nothing.
    assert len(html_routes) >= 30, [r.name for r in html_routes]
    assert api_routes, "no clinical API operation found"

    problems: list[str] = []
    html: list[tuple[Route, str, bool]] = []
    for route in html_routes:
        kwargs = find_arguments(route, anna, anna_client)
        if kwargs is None:
            problems.append(
                f"{route.name}: cannot build arguments {sorted(route.params)} from Anna's rows; "
                "give Anna such a row in build_anna() (or a candidate in candidate_values)."
            )
            continue
        names_anna_object = any(isinstance(c, UUIDConverter) for c in route.params.values())
        html.append((route, reverse(route.name, kwargs=kwargs), names_anna_object))
    api: list[str] = []
    for route in api_routes:
        url = api_url(route, anna)
        if url is None:
            problems.append(f"{route.api_path}: cannot build the path parameters {route.params}.")
        else:
            api.append(url)

    def run(who: str, client: Client) -> None:
        before = snapshot()
        for route, url, names_anna_object in html:
            if who == "bram" and not names_anna_object:
                continue  # Bram's own check-in page is his: only Anna's objects matter here
            for method in HTML_METHODS:
                response = _request(client, method, url)
                check(who, f"{method.upper()} {url} ({route.name})", response, html=True)
        if who != "bram":
            for url in api:
                for method in API_METHODS:
                    body = "" if method == "get" else json.dumps(API_BODY)
                    response = client.generic(
                        method.upper(), url, body, content_type="application/json"
                    )
                    check(who, f"{method.upper()} {url}", response, html=False)
        after = snapshot()
        for table, rows in before.items():
            if after[table] != rows:
                problems.append(f"{who}: rows of {table} changed: {rows} -> {after[table]}")

    def check(who: str, what: str, response: Any, *, html: bool) -> None:
        status = response.status_code
        body = response.content.decode(errors="replace")
        if status >= 500:
            problems.append(f"{who} {what}: server error {status}")
        elif html and not _allowed_html(who, response):
            problems.append(f"{who} {what}: {status} {response.get('Location', '')}")
        elif not html and not _allowed_api(who, status):
            problems.append(f"{who} {what}: {status} {body[:200]}")
        if SECRET in body:
            problems.append(f"{who} {what}: shows Anna's own words")

    run("eva", _client(therapist_eva))
    run("anonymous", _client(None))
    run("bram", _client(patient_bram))
    account_actions.withdraw_consent(
        user=patient_anna, purpose=Consent.Purpose.HEALTH_DATA, now=timezone.now()
    )
    run("anna without consent", _client(patient_anna))

    assert not problems, "\n".join(problems)


def test_an_unclassified_namespace_fails_the_guard():
    from django.urls import include, path

    from pijnreset.views import home

    extra = [path("rapporten/", include(([path("", home, name="index")], "unheard_of")))]
    with pytest.raises(Unclassified, match="unheard_of"):
        clinical_html_routes([*get_resolver().url_patterns, *extra])


def test_a_new_view_in_a_clinical_app_is_guarded_without_listing_it():
    from django.urls import include, path

    from pijnreset.views import home

    extra = [path("dagboek2/", include(([path("nieuw/", home, name="new")], "diary")))]
    names = {route.name for route in clinical_html_routes(extra)}
    assert names == {"diary:new"}
