"""Benchmark the trends page and the personal-insights computation (issue 14), in-process.

    .venv/bin/python bench/bench_insights.py [--days 730] [--runs 20] [--database-url URL]

Prepares a patient with two years of daily data (check-ins with all six scores, breathing
sessions, movement, gratitude, two personal factors) in a temporary SQLite database
(or the database of --database-url, which it migrates), then times:

- the trends page /inzicht/ (4 weeks, the default) and /inzicht/?periode=alles, through
  Django's test client (the whole view: queries, statistics, template);
- the insights computation `insights.found.insights_for` (queries and the bootstrap of
  every factor against next-day pain and tiredness);
- the insights page /inzicht/ontdekken/;
- for scale, the small help page /hulp/ (on a busy machine every number is higher).

Prints p50/p95 of the wall clock and of the process's CPU time per operation, against
the target of 50 ms (judged on CPU time, see `measure`). It never touches your
development database.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TARGET_MS = 50.0


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def configure(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 50)
    os.environ["DEBUG"] = "false"  # no query log in memory
    os.environ["EMAIL_URL"] = "dummymail://"
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ["ALLOWED_HOSTS"] = "testserver"  # the test client's host
    os.environ["PIJNRESET_TESTING"] = "1"  # plain static files: no collectstatic needed
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pijnreset.settings")
    import django

    django.setup()


def measure(name: str, operation: Callable[[], object], runs: int) -> None:
    """Wall-clock and CPU time of `operation`. On a shared, busy machine the wall clock
    mostly measures waiting for a core; the CPU time of this process (SQLite runs in it)
    is what the code costs."""
    operation()  # warm caches (templates, translations, prepared statements)
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        operation()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    p50, p95 = _percentiles(wall)
    cpu50, cpu95 = _percentiles(cpu)
    verdict = "ok" if cpu95 < TARGET_MS else "OVER TARGET"
    say(
        f"{name:<40} wall p50 {p50:6.1f} p95 {p95:6.1f} ms | "
        f"cpu p50 {cpu50:6.1f} p95 {cpu95:6.1f} ms ({verdict}, target {TARGET_MS:.0f} ms)"
    )


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def prepare(days: int):  # type: ignore[no-untyped-def]
    from django.core.management import call_command
    from django.utils import timezone

    from accounts import actions
    from accounts.models import Consent, Role, User
    from insights import actions as insight_actions
    from insights.models import FactorEntry
    from insights.tests.helpers import fill_days

    call_command("migrate", verbosity=0)
    email = f"bench-{days}@example.nl"
    user = User.objects.filter(email=email).first()
    if user is None:
        now = timezone.now()
        user = User.objects.create_user(email=email, password="x" * 20, role=Role.PATIENT)
        actions.give_consent(user=user, purpose=Consent.Purpose.TERMS, now=now)
        actions.give_consent(user=user, purpose=Consent.Purpose.HEALTH_DATA, now=now)
        today = user.local_date(now)
        fill_days(user, today=today, days=days, breathing_effect=1)
        work = insight_actions.add_factor(patient=user, name="werkdag", kind="yes_no", now=now)
        weather = insight_actions.add_factor(patient=user, name="weer", kind="scale", now=now)
        FactorEntry.objects.bulk_create(
            FactorEntry(factor=f, date=today - timedelta(days=n), value=(n * 7) % v, updated_at=now)
            for n in range(days)
            for f, v in ((work, 2), (weather, 11))
        )
    return user


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--days", type=int, default=730)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        configure(args.database_url or f"sqlite:///{folder}/bench.sqlite3")
        from django.test import Client
        from django.utils import timezone

        from insights.found import insights_for

        user = prepare(args.days)
        client = Client()
        client.force_login(user)
        today = user.local_date(timezone.now())
        say(f"{args.days} days of daily data, {args.runs} runs each")

        def page(url: str) -> Callable[[], object]:
            def get() -> object:
                response = client.get(url, secure=True)  # HTTPS: DEBUG is off
                assert response.status_code == 200, response.status_code
                return response

            return get

        # A small page of the same site, for scale: on a busy machine everything is slower.
        measure("reference: the help page (/hulp/)", page("/hulp/"), args.runs)
        measure("trends page, 4 weeks (/inzicht/)", page("/inzicht/"), args.runs)
        measure("trends page, everything", page("/inzicht/?periode=alles"), args.runs)
        measure("insights computation (insights_for)", lambda: insights_for(user, today), args.runs)
        measure("insights page (/inzicht/ontdekken/)", page("/inzicht/ontdekken/"), args.runs)


if __name__ == "__main__":
    main()
