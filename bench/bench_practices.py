"""Benchmarks for the practice network (issue 7), in-process.

    .venv/bin/python bench/bench_practices.py [--practices 5000] [--database-url URL]

Measures, on a network of 5,000 practices (generated once, kept in
/tmp/pijnreset-bench.sqlite3 unless --database-url says otherwise):

- place search: a Dutch place name to the 20 nearest practices within 25 km;
- nearest 10 practices to random coordinates in the Netherlands;
- free slots of a practice with 10 therapists over 14 days;
- booking throughput: sequential `book_slot` calls, and 4 threads at once.

Prints p50/p95 per operation (target for both searches: p95 under 5 ms). It
never touches your development database.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def configure(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 50)
    os.environ["DEBUG"] = "false"  # no query log in memory
    os.environ["EMAIL_URL"] = "dummymail://"
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pijnreset.settings")
    import django

    django.setup()


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return p50 * 1000, p95 * 1000


def measure(
    name: str, operation: Callable[[int], object], runs: int, *, target_ms: float | None = None
) -> None:
    """Wall-clock and CPU-time percentiles. On a busy machine the wall clock also
    counts time spent waiting for a core; the CPU time shows the work itself."""
    for warm in range(min(20, runs)):
        operation(warm)
    wall, cpu = [], []
    for index in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        operation(index)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    p50, p95 = percentiles(wall)
    cpu50, cpu95 = percentiles(cpu)
    verdict = ""
    if target_ms is not None:
        verdict = (
            f"  target p95 < {target_ms:g} ms: {'met' if p95 < target_ms else 'NOT met'} (wall)"
        )
        verdict += f", {'met' if cpu95 < target_ms else 'NOT met'} (cpu)"
    say(
        f"{name:<44} n={runs:<5} p50={p50:7.2f} ms  p95={p95:7.2f} ms"
        f"  | cpu p50={cpu50:6.2f} p95={cpu95:6.2f} ms{verdict}"
    )


def ensure_network(size: int) -> None:
    from django.core.management import call_command

    from practices.models import Practice

    call_command("migrate", verbosity=0)
    have = Practice.objects.filter(slug__startswith="net-").count()
    if have < size:
        say(f"Generating {size - have} practices (once)...")
        call_command("generate_network", "--practices", str(size - have), verbosity=0)


def ensure_big_practice():  # type: ignore[no-untyped-def]
    """A practice with 10 therapists, each working weekdays 08:00-18:00."""
    from datetime import time as clock

    from bookings.models import WorkingHours
    from practices.actions import create_practice
    from practices.models import Practice, Therapist

    practice = Practice.objects.filter(slug="bench-ten-therapists").first()
    if practice is None:
        practice = create_practice(
            practice=Practice(
                slug="bench-ten-therapists",
                name="Benchpraktijk", street="Benchstraat 1", postcode="3511 AB",
                place="Utrecht", province="UT", latitude=52.09, longitude=5.12,
                phone="030 000 00 00", languages=["nl"],
                services=["in_person", "phone", "video"],
            )
        )  # fmt: skip
        for number in range(10):
            therapist = Therapist.objects.create(
                name=f"Benchtherapeut {number}",
                kinds=["in_person", "phone", "video"],
                languages=["nl"],
            )
            therapist.practices.add(practice)
            WorkingHours.objects.bulk_create(
                WorkingHours(
                    therapist=therapist,
                    practice=practice,
                    weekday=day,
                    start=clock(8),
                    end=clock(18),
                )
                for day in range(5)
            )
    return practice


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--practices", type=int, default=5000)
    parser.add_argument("--database-url", default="sqlite:////tmp/pijnreset-bench.sqlite3")
    parser.add_argument("--runs", type=int, default=500)
    options = parser.parse_args()
    configure(options.database_url)

    from django.conf import settings
    from django.db import connections
    from django.utils import timezone

    from bookings import actions, availability
    from bookings.errors import SlotTaken
    from bookings.models import Appointment
    from practices import finder, places
    from practices.geo import Point

    ensure_network(options.practices)
    rng = random.Random(42)
    towns = [place.name for place in places.all_places() if place.population > 20000]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    say(
        f"Network: {options.practices} generated practices; "
        f"database {connections['default'].vendor}; "
        f"load average {load:.1f} on {os.cpu_count()} cores"
    )

    def place_search(index: int) -> object:
        origin = finder.origin_from_text(towns[index % len(towns)])
        return finder.search(origin=origin, radius_km=25, limit=20).found

    points = [Point(rng.uniform(51.3, 53.3), rng.uniform(4.0, 6.9)) for _ in range(options.runs)]

    def nearest_ten(index: int) -> object:
        return finder.nearest_practices(points[index % len(points)], limit=10)

    measure("place search (name -> 20 nearest in 25 km)", place_search, options.runs, target_ms=5)
    measure("nearest 10 by coordinates", nearest_ten, options.runs, target_ms=5)

    practice = ensure_big_practice()
    follow_up = practice.appointment_types.get(slug="follow_up")
    now = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    window_start = now + timedelta(days=1)

    def slot_listing(index: int) -> list[availability.OfferedSlot]:
        return availability.free_slots(
            practice=practice, appointment_type=follow_up, kind="in_person",
            window_start=window_start, window_end=window_start + timedelta(days=14), now=now,
        )  # fmt: skip

    offered = slot_listing(0)
    say(f"(slot listing: {len(offered)} free slots for 10 therapists over 14 days)")
    measure("free slots, 10 therapists, 14 days", slot_listing, 50)

    Appointment.objects.filter(practice=practice).delete()
    patient = _bench_patient()
    # One bench patient books every slot: lift the cap on upcoming appointments per practice.
    settings.BOOKINGS_MAX_FUTURE_PER_PRACTICE = 10_000
    slots = availability.free_slots(
        practice=practice, appointment_type=follow_up, kind="in_person",
        window_start=window_start, window_end=window_start + timedelta(days=14), now=now,
    )  # fmt: skip
    # One slot per start time: one patient cannot be in two places at once (the booking
    # refuses that since the patient-overlap rule), so the bench books distinct times.
    slots = sorted({slot.start: slot for slot in reversed(slots)}.values(), key=lambda s: s.start)
    count = min(300, len(slots))
    started = time.perf_counter()
    for slot in slots[:count]:
        actions.book_slot(
            practice=practice, therapist=slot.therapist, appointment_type=follow_up,
            kind="in_person", start=slot.start, now=now, patient=patient,
        )  # fmt: skip
    elapsed = time.perf_counter() - started
    say(
        f"{'booking, sequential':<44} n={count:<5} {count / elapsed:7.1f} bookings/s"
        f" ({elapsed / count * 1000:.2f} ms each)"
    )

    Appointment.objects.filter(practice=practice).delete()
    results: list[str] = []
    lock = threading.Lock()
    todo = list(slots[:count])

    def worker() -> None:
        while True:
            with lock:
                if not todo:
                    break
                slot = todo.pop()
            try:
                actions.book_slot(
                    practice=practice, therapist=slot.therapist, appointment_type=follow_up,
                    kind="in_person", start=slot.start, now=now, patient=patient,
                )  # fmt: skip
                outcome = "booked"
            except SlotTaken:
                outcome = "taken"
            with lock:
                results.append(outcome)
        connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    say(
        f"{'booking, 4 threads':<44} n={count:<5} {count / elapsed:7.1f} bookings/s"
        f" ({results.count('booked')} booked)"
    )
    Appointment.objects.filter(practice=practice).delete()


def _bench_patient():  # type: ignore[no-untyped-def]
    from accounts.models import User

    user, _created = User.objects.get_or_create(
        email="bench@example.nl", defaults={"display_name": "Bench"}
    )
    return user


if __name__ == "__main__":
    main()
