"""Benchmark the caseload overview and the network outcomes, in-process.

    .venv/bin/python bench/bench_care.py [--patients 200] [--days 365]
        [--outcome-patients 2000] [--database-url postgres://...] [--existing]

Makes a fresh database (a temporary SQLite file unless --database-url names a
PostgreSQL database it may migrate and fill), then:
- `--patients` patients each with `--days` days of check-ins, all sharing with one
  therapist; times `care.dashboard.caseload` (the overview's work, log rows
  included) and prints the median of 10 runs (target: under 100 ms for 200 x 365);
- `--outcome-patients` enrolled patients with baseline and week-12 check-ins;
  times `care.outcomes.network_outcomes` (target on PostgreSQL: under 2 s for
  100,000).
Everything is created with bulk inserts, then ANALYZE (as autovacuum would) before timing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _setup(database_url: str | None) -> None:
    if database_url is None:
        database_url = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DEBUG", "true")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pijnreset.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _patients(count: int, prefix: str, days: int, *, pain_of, research: bool = False) -> list:  # type: ignore[no-untyped-def]
    from django.utils import timezone

    from accounts.models import Consent, User
    from diary.models import CheckIn

    now = timezone.now()
    users = User.objects.bulk_create(
        User(email=f"{prefix}{i}@bench.example", role="patient") for i in range(count)
    )
    purposes = [Consent.Purpose.HEALTH_DATA] + ([Consent.Purpose.RESEARCH] if research else [])
    Consent.objects.bulk_create(
        Consent(user=u, purpose=purpose, text_version="b", given_at=now)
        for u in users
        for purpose in purposes
    )
    today = timezone.localdate()
    batch = []
    for i, user in enumerate(users):
        for d in range(days):
            batch.append(
                CheckIn(
                    patient=user,
                    date=today - timedelta(days=d),
                    pain=pain_of(i, d),
                    created_at=now,
                    updated_at=now,
                )
            )
        if len(batch) > 50_000:
            CheckIn.objects.bulk_create(batch, batch_size=5000)
            batch = []
    CheckIn.objects.bulk_create(batch, batch_size=5000)
    return users


def _analyze() -> None:
    """Refresh the planner's statistics, as autovacuum (PostgreSQL) does after a bulk load
    in production: without them the planner guesses 1 row per table and may start the
    caseload query from every consent in the network instead of the therapist's shares."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def bench_caseload(patients: int, days: int) -> None:
    from allauth.mfa.models import Authenticator
    from django.utils import timezone

    from accounts.models import Consent, User
    from care.dashboard import caseload
    from care.models import Share
    from practices.models import Practice, Therapist

    users = _patients(patients, "c", days, pain_of=lambda i, d: (i + d) % 11)
    now = timezone.now()
    staff = User.objects.create_user(email="eva@bench.example", role="therapist")
    Authenticator.objects.create(user=staff, type=Authenticator.Type.TOTP, data={})
    practice = Practice.objects.create(
        slug="bench",
        name="Bench",
        street="Straat 1",
        postcode="3511AB",
        place="Utrecht",
        province="UT",
        latitude=52.09,
        longitude=5.12,
        phone="030 1234567",
    )
    therapist = Therapist.objects.create(name="Eva", user=staff)
    therapist.practices.add(practice)
    consents = Consent.objects.bulk_create(
        Consent(user=u, purpose=Consent.Purpose.THERAPIST_SHARING, text_version="b", given_at=now)
        for u in users
    )
    Share.objects.bulk_create(
        Share(
            patient=u,
            therapist=therapist,
            practice=practice,
            via=Share.Via.THERAPIST,
            starts_on=timezone.localdate() - timedelta(days=1),
            consent=c,
            text_version="b",
            given_at=now,
        )
        for u, c in zip(users, consents, strict=True)
    )
    _analyze()
    timings = []
    for _ in range(10):
        started = time.perf_counter()
        rows = caseload(user=staff, now=timezone.now())
        timings.append((time.perf_counter() - started) * 1000)
    print(  # noqa: T201  (a benchmark prints its figures)
        f"caseload overview: {len(rows)} patients x {days} days: "
        f"median {statistics.median(timings):.1f} ms (target < 100 ms)"
    )


def bench_outcomes(count: int) -> None:
    from django.utils import timezone

    from care.outcomes import network_outcomes
    from programme.models import Enrolment

    # Outcomes count only patients who agreed to research use (CLINICAL.md §8).
    users = _patients(count, "o", 0, pain_of=lambda i, d: 0, research=True)
    start = timezone.localdate() - timedelta(days=90)
    Enrolment.objects.bulk_create(Enrolment(user=u, started_on=start) for u in users)
    from diary.models import CheckIn

    now = timezone.now()
    rows = [
        CheckIn(
            patient=u,
            date=start + timedelta(days=d),
            pain=6 if d < 14 else 3 + i % 3,
            created_at=now,
            updated_at=now,
        )
        for i, u in enumerate(users)
        for d in [*range(0, 7), *range(77, 84)]
    ]
    CheckIn.objects.bulk_create(rows, batch_size=5000)
    _analyze()
    started = time.perf_counter()
    figures = network_outcomes(now=timezone.now())
    elapsed = time.perf_counter() - started
    print(  # noqa: T201  (a benchmark prints its figures)
        f"network outcomes: {figures[0].enrolled} enrolled patients: {elapsed:.2f} s "
        "(target on PostgreSQL: < 2 s for 100,000)"
    )


def time_existing_outcomes(runs: int = 3) -> None:
    """Time network_outcomes on a database filled before (`demo --scale N`), adding nothing."""
    from django.utils import timezone

    from care.outcomes import network_outcomes
    from pijnreset.db_routing import heavy_reads

    for run in range(1, runs + 1):
        started = time.perf_counter()
        with heavy_reads():  # as the outcomes page runs it
            figures = network_outcomes(now=timezone.now())
        elapsed = time.perf_counter() - started
        print(  # noqa: T201  (a benchmark prints its figures)
            f"network outcomes, run {run}: {figures[0].enrolled} enrolled patients: "
            f"{elapsed:.2f} s (target on PostgreSQL: < 2 s for 100,000)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=200)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--outcome-patients", type=int, default=2000)
    parser.add_argument("--database-url", default=None)
    parser.add_argument(
        "--existing", action="store_true",
        help="only time the network outcomes on --database-url as it is (filled before)",
    )  # fmt: skip
    args = parser.parse_args()
    _setup(args.database_url)
    if args.existing:
        time_existing_outcomes()
        return
    bench_caseload(args.patients, args.days)
    bench_outcomes(args.outcome_patients)


if __name__ == "__main__":
    main()
