"""The hot pages stay fast as data grows (issue 18, point 5).

With a year of data for a few hundred patients (made by `demo --scale`), every query
of the pages a patient opens daily (Today, the check-in, their appointments, the
check-in API) and of the booking pages (slots of a busy practice) must find its rows
through an index: the database's own plan (EXPLAIN on PostgreSQL, EXPLAIN QUERY PLAN
on SQLite) may not read a large table from start to end. And the number of queries a
page runs does not grow with the data.
"""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from api.actions import create_access_token
from assessments import actions as assessments
from diary.models import CheckIn
from pijnreset import demo_scale
from practices.models import Practice

pytestmark = pytest.mark.django_db

# The tables that grow with patients x days; reading one whole is what must not happen.
LARGE_TABLES = (
    "diary_checkin",
    "exercises_exercisesession",
    "assessments_response",
    "bookings_appointment",
    "accounts_user",
    "programme_enrolment",
    "accounts_consent",
)
PATIENTS = 120


@pytest.fixture
def grown():
    """Enough rows for the planner to prefer an index wherever one serves (inside the
    test's transaction: ANALYZE sees them, and they are gone after the test)."""
    assessments.load_instruments(now=timezone.now())
    demo_scale.generate(PATIENTS)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def full_scans(sql: str) -> list[str]:
    """The large tables this query reads from start to end, by the database's plan."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A test table is small, and on a small table a full read is the cheaper plan;
            # with that plan priced out, the planner still reads a table in full only
            # when no index can serve the query, which is what this test looks for.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
            return [t for t in LARGE_TABLES if re.search(rf"Seq Scan on {t}\b", plan)]
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        details = [row[-1] for row in cursor.fetchall()]
        return [t for t in LARGE_TABLES for d in details if re.fullmatch(rf"SCAN {t}( AS \w+)?", d)]


def page_queries(client: Client, method: str, url: str, **extra: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url, **extra)
    assert response.status_code == 200, (url, response.status_code)
    return [q["sql"] for q in queries.captured_queries if q["sql"].lstrip().startswith("SELECT")]


def patient(number: int) -> User:
    return User.objects.get(email=demo_scale.email_of(number))


def hot_pages(number: int) -> dict[str, list[str]]:
    cache.clear()  # each page's queries when nothing is cached yet (first free times)
    person = patient(number)
    client = Client()
    client.force_login(person)
    token = create_access_token(user=person, name="hot", now=timezone.now()).secret
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    busy = Practice.objects.filter(slug__startswith="net-").order_by("pk").first()
    assert busy is not None
    return {
        "today": page_queries(client, "get", "/vandaag/"),
        "check-in": page_queries(client, "get", "/dagboek/"),
        "appointments": page_queries(client, "get", "/afspraken/"),
        "api check-ins": page_queries(client, "get", "/api/v1/checkins", **auth),
        "slots": page_queries(Client(), "get", f"/api/v1/practices/{busy.public_id}/slots"),
        "practice page": page_queries(Client(), "get", f"/praktijken/{busy.public_id}/"),
    }


def test_every_query_of_the_hot_pages_uses_an_index(grown):
    scans = {
        (page, table, sql[:160])
        for page, queries in hot_pages(PATIENTS // 2).items()
        for sql in queries
        for table in full_scans(sql)
    }
    assert not scans, "\n".join(f"{p}: full scan of {t}: {s}" for p, t, s in sorted(scans))


def test_the_number_of_queries_per_page_does_not_grow_with_the_data(grown):
    before = {page: len(queries) for page, queries in hot_pages(3).items()}
    demo_scale.generate(30)
    after = {page: len(queries) for page, queries in hot_pages(PATIENTS + 10).items()}
    assert after == before


def test_a_query_no_index_serves_is_seen_as_a_full_scan(grown):
    unindexed = str(CheckIn.objects.filter(note="moe").values("pk").query)
    indexed = str(CheckIn.objects.filter(pk=1).values("pk").query)
    assert full_scans(indexed) == []
    assert full_scans(unindexed.replace("= moe", "= 'moe'")) == ["diary_checkin"]
