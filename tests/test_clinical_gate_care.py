"""The documented exception to the clinical gate (issue 15): a therapist's care pages.

`tests/test_clinical_gate.py` keeps every clinical route for the patient alone. The
therapist's pages (namespace `care_staff`, SHARED_CARE_NAMESPACES there) read a
patient's data, but only through an active share and only its scope. This test
DISCOVERS every route of that namespace and requests each, GET and POST, as:
  - a therapist of another practice (Joost), patient Bram, manager Mila: 404 (or 405);
  - an anonymous visitor: the log-in page (or 405);
  - therapist Eva before Anna shares and after she stopped: 404, logged as denied;
  - Eva while Anna shares check-ins only: the detail page, without Anna's own words
    or questionnaires.
Nobody but Eva-with-a-share may see Anna's words, and no 5xx ever.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import get_resolver, reverse
from django.utils import timezone

from care import actions as care_actions
from care.models import AccessLogEntry, Outcome
from care.tests.helpers import give_second_factor
from diary import actions as diary_actions
from diary.models import CheckInRevision
from diary.values import CheckInValues
from practices.tests.factories import make_practice, make_therapist
from tests.test_clinical_gate import SHARED_CARE_NAMESPACES, walk_urls

SECRET = "GEHEIM-ANNA-5521"
OPEN_TO_STAFF = frozenset({"care_staff:second_factor"})  # explains 2FA, holds no patient data
# The overview itself is every therapist's page: it must list only their own patients.
OWN_LIST = frozenset({"care_staff:dashboard"})
FORM = {"text": "Hallo", "item": "exercise:breathing"}


def care_routes() -> list[tuple[str, dict[str, Any]]]:
    routes = []
    for namespace, pattern in walk_urls(get_resolver().url_patterns):
        if namespace not in SHARED_CARE_NAMESPACES:
            continue
        name = f"{namespace}:{pattern.name}"
        if name not in OPEN_TO_STAFF:
            routes.append((name, dict(pattern.pattern.converters)))
    return routes


def _client(user: Any) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.django_db
def test_only_a_therapist_with_an_active_share_sees_the_shared_scope(
    patient_anna, patient_bram, therapist_eva, therapist_joost, manager_mila
):
    practice_a = make_practice("Praktijk A", managers=(manager_mila,))
    practice_b = make_practice("Praktijk B")
    eva = make_therapist("Eva", practices=(practice_a,), user=therapist_eva)
    make_therapist("Joost", practices=(practice_b,), user=therapist_joost)
    for staff in (therapist_eva, therapist_joost, manager_mila):
        give_second_factor(staff)
    now = timezone.now()
    diary_actions.record_check_in(
        patient=patient_anna,
        day=patient_anna.local_date(now) - timedelta(days=1),
        values=CheckInValues(pain=7, note=SECRET),
        now=now,
        source=CheckInRevision.Source.FORM,
    )
    share = care_actions.share_with_therapist(
        patient=patient_anna,
        therapist=eva,
        scope=care_actions.Scope(check_ins=True, questionnaires=False, practices=False),
        ends_on=None,
        now=now,
    )
    routes = care_routes()
    assert len(routes) >= 8, routes
    urls = [
        (name, reverse(name, kwargs={k: share.public_id for k in params}), bool(params))
        for name, params in routes
    ]
    problems: list[str] = []

    def probe(
        who: str, client: Client, allowed: set[int], *, login: bool = False, own: bool = False
    ) -> None:
        for name, url, _ in urls:
            for method in ("get", "post"):
                response = getattr(client, method)(url, FORM)
                status = response.status_code
                body = response.content.decode(errors="replace") if not response.streaming else ""
                if own and name in OWN_LIST and status == 200:
                    if "Anna" in body:
                        problems.append(f"{who} {name}: lists Anna")
                    continue
                to_login = status == 302 and "/account/login/" in response.get("Location", "")
                if status >= 500 or not (status in allowed or (login and to_login)):
                    problems.append(f"{who} {method.upper()} {name}: {status}")
                if SECRET in body:
                    problems.append(f"{who} {method.upper()} {name}: shows Anna's words")

    probe("joost", _client(therapist_joost), {404, 405}, own=True)
    probe("bram", _client(patient_bram), {404, 405})
    probe("mila", _client(manager_mila), {404, 405})
    probe("anonymous", _client(None), {405}, login=True)

    eva_client = _client(therapist_eva)
    detail = eva_client.get(reverse("care_staff:patient", args=[share.public_id]))
    assert detail.status_code == 200
    page = detail.content.decode()
    assert SECRET not in page  # notes are not in the scope
    assert 'id="trends-title"' in page  # check-ins are
    assert 'id="results-title"' not in page  # questionnaires are not

    care_actions.stop_share(patient=patient_anna, share=share, now=timezone.now())
    eva_denied = AccessLogEntry.objects.filter(
        outcome=Outcome.DENIED, actor=therapist_eva, patient_id=patient_anna.pk
    )
    assert not eva_denied.exists()
    probe("eva after the share stopped", eva_client, {404, 405}, own=True)
    share_routes = [name for name, _, named in urls if named]
    # Each route naming the share refuses Eva and logs it (a POST-only route once per POST).
    assert eva_denied.count() >= len(share_routes), list(eva_denied.values_list("action"))
    assert AccessLogEntry.objects.filter(outcome=Outcome.DENIED, actor=therapist_joost).exists()
    assert not problems, "\n".join(problems)
