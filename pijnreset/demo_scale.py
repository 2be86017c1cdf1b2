"""`manage.py demo --scale N`: N synthetic patients with a year of data, for benchmarks.

Each patient gets a year of daily check-ins (a slow random walk around their own
level, slowly easing, with the odd flare), two or three exercise sessions a week,
PHQ-4 at intake and weeks 4, 8 and 12, and a handful of appointments with a therapist
of a generated practice (one practice of three therapists per 1,000 patients, so
agendas stay realistic). Rows go in with COPY on PostgreSQL and executemany on
SQLite, one transaction per chunk of patients: 100,000 patients (36.5 million
check-ins) in minutes. Patients are `scale-000001@scale.pijnreset.nl` and on; a
second run continues after the last one. Not for production data.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db import connection, models, transaction
from django.utils import timezone

from accounts.consent_texts import TEXTS
from accounts.models import Consent, Role, User
from assessments.engine import score_answers
from assessments.models import Instrument, Response
from bookings.management.commands.generate_network import generate as generate_practices
from bookings.models import Appointment, AppointmentType, Status
from diary.models import CheckIn
from exercises.models import ExerciseSession, SessionStatus
from practices.models import Practice, Therapist
from programme.models import Enrolment

DOMAIN = "scale.pijnreset.nl"
DAYS = 365
CHUNK = 500  # patients per transaction
PATIENTS_PER_PRACTICE = 1000
THERAPISTS_PER_PRACTICE = 3
APPOINTMENTS_PER_PATIENT = 5
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PHQ4_OCCASIONS = (("intake", -1), ("week_4", 27), ("week_8", 55), ("week_12", 83))


# Standard normal noise from a fixed table: random.gauss per value was the generator's
# largest cost, and benchmark data needs spread, not statistical purity.
_NOISE = [random.Random(0).gauss(0, 1) for _ in range(4096)]


def _noise(rng: random.Random, sigma: float) -> float:
    return _NOISE[rng.getrandbits(12)] * sigma


def gives_research_consent(number: int) -> bool:
    """Most generated patients (nine in ten) let their figures count for research, so the
    network outcomes (research consent only) are measured over a realistic population."""
    return number % 10 != 9


def email_of(number: int) -> str:
    return f"scale-{number:06d}@{DOMAIN}"


def existing_count() -> int:
    return User.objects.filter(email__endswith=f"@{DOMAIN}").count()


def generate(count: int, *, seed: int = 1, progress: Callable[[int], None] = lambda n: None) -> int:
    """Add `count` patients after the ones already generated. Returns how many exist."""
    start = existing_count()
    today = timezone.localdate()
    practices_needed = -(-(start + count) // PATIENTS_PER_PRACTICE)
    _ensure_practices(practices_needed, seed=seed)
    therapists = _generated_therapists()
    phq4 = Instrument.objects.current().get(key="phq4")
    calendar = Calendar(today - timedelta(days=DAYS - 1), today)
    for first in range(start, start + count, CHUNK):
        numbers = range(first, min(first + CHUNK, start + count))
        with transaction.atomic():
            patients = _create_patients(numbers, today=today)
            copy_rows(CheckIn, CHECK_IN_COLUMNS, _check_ins(patients, calendar, seed=seed))
            copy_rows(ExerciseSession, SESSION_COLUMNS, _sessions(patients, calendar, seed=seed))
            copy_rows(Response, RESPONSE_COLUMNS, _phq4(patients, calendar, phq4))
            copy_rows(
                Appointment, APPOINTMENT_COLUMNS, _appointments(patients, therapists, today=today)
            )
        progress(len(numbers))
    return start + count


# --- people ---------------------------------------------------------------------------


def _create_patients(numbers: range, *, today: date) -> list[tuple[int, int, date]]:
    """Users, their consent and enrolment; (number, user id, enrolment start) each."""
    joined = timezone.now() - timedelta(days=DAYS + 1)
    users = User.objects.bulk_create(
        [
            User(
                email=email_of(n),
                display_name=f"Patiënt {n}",
                role=Role.PATIENT,
                password="!",  # noqa: S106  (unusable: nobody logs in as a generated patient)
                date_joined=joined,
            )
            for n in numbers
        ]
    )
    health = TEXTS[Consent.Purpose.HEALTH_DATA].version
    research = TEXTS[Consent.Purpose.RESEARCH].version
    Consent.objects.bulk_create(
        [
            Consent(user=u, purpose=Consent.Purpose.HEALTH_DATA, text_version=health,
                    given_at=joined)
            for u in users
        ]
        + [
            Consent(user=u, purpose=Consent.Purpose.RESEARCH, text_version=research,
                    given_at=joined)
            for n, u in zip(numbers, users, strict=True)
            if gives_research_consent(n)
        ]
    )  # fmt: skip
    started = today - timedelta(days=DAYS - 1)  # the first day of the calendar
    Enrolment.objects.bulk_create(Enrolment(user=u, started_on=started) for u in users)
    return [(n, u.pk, started) for n, u in zip(numbers, users, strict=True)]


def _ensure_practices(needed: int, *, seed: int) -> None:
    have = Practice.objects.filter(slug__startswith="net-").count()
    if have < needed:
        generate_practices(
            random.Random(seed), count=needed - have, therapists=THERAPISTS_PER_PRACTICE,
            start=have,
        )  # fmt: skip


def _generated_therapists() -> list[tuple[int, int, int]]:
    """(therapist id, practice id, follow-up type id) of every generated practice's therapist."""
    types = AppointmentType.objects.filter(practice__slug__startswith="net-")
    follow_up = {  # the network's default types; which one a booking asks for is the resolver's
        practice: pk
        for practice, pk, key in types.values_list("practice_id", "pk", "slug")
        if key == "follow_up"
    }
    links = Therapist.practices.through.objects.filter(practice__slug__startswith="net-").order_by(
        "practice_id", "therapist_id"
    )
    return [(t, p, follow_up[p]) for t, p in links.values_list("therapist_id", "practice_id")]


# --- a year of data ---------------------------------------------------------------------
# Rows are tuples of text in the form both databases take (UUIDs as 32 hex digits, UTC
# times without offset, booleans as 1/0): built once per value, no per-row conversion.
# Generated values never hold tabs, newlines or backslashes, so COPY needs no escaping.

Text = str | None


UTC_TEXT = "%Y-%m-%d %H:%M:%S"


def _utc(day: date, at: time) -> str:
    return datetime.combine(day, at, AMSTERDAM).astimezone(UTC).strftime(UTC_TEXT)


class Calendar:
    """The year's days as text, computed once for every patient."""

    def __init__(self, first: date, today: date) -> None:
        self.days = [first + timedelta(days=n) for n in range((today - first).days + 1)]
        self.dates = [d.isoformat() for d in self.days]
        self.evenings = [_utc(d, time(20, 30)) for d in self.days]
        self.quarters = [
            [
                datetime.combine(d, time(h, m), AMSTERDAM).astimezone(UTC)
                for h in range(24)
                for m in (0, 15, 30, 45)
            ]
            for d in self.days
        ]


def _uuid(rng: random.Random) -> str:
    return f"{rng.getrandbits(128):032x}"


CHECK_IN_COLUMNS = (
    "public_id", "patient_id", "date", "pain", "fatigue", "sleep_quality", "stress", "mood",
    "gut", "flare", "note", "pain_areas", "created_at", "updated_at",
)  # fmt: skip


def _check_ins(patients: list[tuple[int, int, date]], calendar: Calendar, *, seed: int
               ) -> Iterator[tuple[Text, ...]]:  # fmt: skip
    scores = [str(n) for n in range(11)]

    def score(rng: random.Random, around: float) -> str:
        return scores[max(0, min(10, round(around + _noise(rng, 1.2))))]

    for number, user_id, _started in patients:
        rng = random.Random(seed * 1_000_003 + number)
        patient = str(user_id)
        level = rng.uniform(4.5, 7.5)
        ease = rng.uniform(0, 2.0) / DAYS  # some get better, slowly
        for day, evening in zip(calendar.dates, calendar.evenings, strict=True):
            level = min(9.0, max(1.0, level + _noise(rng, 0.35) - ease))
            flare = rng.random() < 0.03
            yield (
                _uuid(rng), patient, day,
                scores[max(0, min(10, round(level + (2.5 if flare else 0) + _noise(rng, 0.8))))],
                score(rng, level + 0.5), score(rng, 10 - level), score(rng, level - 1),
                score(rng, 10 - level), score(rng, level - 2),
                "1" if flare else "0", "", "[]", evening, evening,
            )  # fmt: skip


SESSION_COLUMNS = (
    "public_id", "patient_id", "exercise", "version", "local_date", "started_at", "ended_at",
    "status", "planned_seconds", "duration_seconds", "spoken_cues", "sound", "felt_dizzy",
)  # fmt: skip
EXERCISES = (("breathing", 300), ("pmr", 900), ("body_scan", 600))


def _sessions(patients: list[tuple[int, int, date]], calendar: Calendar, *, seed: int
              ) -> Iterator[tuple[Text, ...]]:  # fmt: skip
    """Two or three a week, at a quarter hour between 8:00 and 22:00."""
    for number, user_id, _started in patients:
        rng = random.Random(seed * 7_000_003 + number)
        patient = str(user_id)
        for index, day in enumerate(calendar.dates):
            if rng.random() > 0.35:
                continue
            exercise, planned = EXERCISES[rng.randrange(3)]
            quarter = rng.randrange(32, 88)
            began = calendar.quarters[index][quarter]
            ended = (began + timedelta(seconds=planned)).strftime(UTC_TEXT)
            yield (
                _uuid(rng), patient, exercise, "", day, began.strftime(UTC_TEXT), ended,
                SessionStatus.FINISHED, str(planned), str(planned), "0", "0", "0",
            )  # fmt: skip


RESPONSE_COLUMNS = (
    "public_id", "patient_id", "instrument_id", "instrument_key", "instrument_version", "part",
    "occasion", "language", "answers", "step", "scores", "bands", "flags", "started_at",
    "updated_at", "submitted_at",
)  # fmt: skip


def _phq4(patients: list[tuple[int, int, date]], calendar: Calendar, instrument: Instrument
          ) -> Iterator[tuple[Text, ...]]:  # fmt: skip
    """PHQ-4 at intake and weeks 4, 8 and 12, scored by the real scoring function."""
    keys = ["item1", "item2", "item3", "item4"]
    for number, user_id, _started in patients:
        rng = random.Random(number)
        for occasion, offset in PHQ4_OCCASIONS:
            index = max(0, offset)
            if index >= len(calendar.days):
                continue
            answers = {key: rng.randint(0, 3) for key in keys}
            scored = score_answers("phq4", answers, keys)
            at = calendar.evenings[index]
            yield (
                _uuid(rng), str(user_id), str(instrument.pk), instrument.key, instrument.version,
                "", occasion, "nl", json.dumps(answers), str(len(keys) + 1),
                json.dumps(scored.scores), json.dumps(scored.bands), json.dumps(scored.flags),
                at, at, at,
            )  # fmt: skip


APPOINTMENT_COLUMNS = (
    "public_id", "practice_id", "therapist_id", "appointment_type_id", "kind", "start", "end",
    "busy_until", "status", "patient_id", "created_at", "scheduled_at",
)  # fmt: skip


def _appointments(patients: list[tuple[int, int, date]], therapists: list[tuple[int, int, int]],
                  *, today: date) -> Iterator[tuple[Text, ...]]:  # fmt: skip
    """Each patient sees one therapist. A therapist's hours are numbered (Monday to Friday,
    9:00 to 17:00, from 39 weeks ago) and each of their patients' visits takes its own
    hour, spread over the months, so no therapist and no patient is ever in two places at
    once (the database checks both). The last few weeks' visits are still to come."""
    per_therapist = PATIENTS_PER_PRACTICE // THERAPISTS_PER_PRACTICE + 1
    first_monday = today - timedelta(days=today.weekday(), weeks=39)
    for number, user_id, _started in patients:
        therapist_id, practice_id, type_id = therapists[number // per_therapist % len(therapists)]
        seat = number % per_therapist
        rng = random.Random(number)
        for visit in range(APPOINTMENTS_PER_PATIENT):
            hour = visit * per_therapist + seat  # a number no other visit of theirs has
            day = first_monday + timedelta(weeks=hour // 40, days=hour % 40 // 8)
            begin = _utc(day, time(9 + hour % 8))
            end = _utc(day, time(9 + hour % 8, 30))  # a follow-up: 30 minutes, no buffer
            booked = _utc(day - timedelta(days=14), time(12))
            status = Status.COMPLETED if day < today else Status.CONFIRMED
            yield (
                _uuid(rng), str(practice_id), str(therapist_id), str(type_id), "in_person",
                begin, end, end, status, str(user_id), booked, booked,
            )  # fmt: skip


# --- bulk writing ---------------------------------------------------------------------


def copy_rows(model: type[models.Model], columns: tuple[str, ...],
              rows: Iterable[tuple[Text, ...]]) -> int:  # fmt: skip
    """Insert rows of text (in `columns` order, attribute names; every other column takes
    its field's default) fast: COPY on PostgreSQL, executemany in batches elsewhere."""
    fields = {f.attname: f for f in model._meta.concrete_fields if not f.primary_key}
    rest = [f for name, f in fields.items() if name not in columns]
    tail = tuple(_default_text(f) for f in rest)
    names = [str(fields[c].column) for c in columns] + [str(f.column) for f in rest]
    table = connection.ops.quote_name(model._meta.db_table)
    column_list = ", ".join(connection.ops.quote_name(n) for n in names)
    written = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            suffix = "".join("\t" + ("\\N" if v is None else v) for v in tail)
            with cursor.cursor.copy(f"COPY {table} ({column_list}) FROM STDIN") as copy:
                lines: list[str] = []
                for row in rows:
                    lines.append("\t".join(["\\N" if v is None else v for v in row]) + suffix)
                    if len(lines) == 10_000:
                        copy.write("\n".join(lines) + "\n")
                        written, lines = written + len(lines), []
                if lines:
                    copy.write("\n".join(lines) + "\n")
                    written += len(lines)
            return written
        placeholders = ", ".join(["%s"] * len(names))
        sql = f"INSERT INTO {table} ({column_list}) VALUES ({placeholders})"  # noqa: S608
        batch: list[tuple[Text, ...]] = []
        for row in rows:
            batch.append(row + tail)
            if len(batch) == 10_000:
                cursor.executemany(sql, batch)
                written, batch = written + len(batch), []
        if batch:
            cursor.executemany(sql, batch)
            written += len(batch)
    return written


def _default_text(field: models.Field[Any, Any]) -> Text:
    value = field.get_default()
    if value is None:
        return None
    if isinstance(field, models.JSONField):
        return json.dumps(value)
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)
