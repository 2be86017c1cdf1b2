"""Writes about check-ins, flares and reminders, shared by every entry point."""

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from accounts.access import require_patient
from accounts.models import Consent, Role, User
from assessments.scoring import AREAS
from diary import rules
from diary.crisis import mentions_crisis
from diary.errors import CheckInDateError, InvalidCheckIn, NothingToCopy
from diary.models import CheckIn, CheckInRevision, Flare, ReminderPreference
from diary.values import CheckInValues

ATTEMPTS = 3
# A reminder goes out from the chosen local time until this much later (same day).
REMINDER_WINDOW = timedelta(hours=3)


@dataclass(frozen=True)
class RecordedCheckIn:
    check_in: CheckIn
    created: bool
    changed: bool
    offer_help: bool  # the note mentions wanting to die: offer the help page now


def record_check_in(
    *, patient: User, day: date, values: CheckInValues, now: datetime, source: str
) -> RecordedCheckIn:
    """Create or replace the patient's check-in for `day` (their local date).

    Checks the date window (today and 7 days back) and every value first, so a
    refused check-in leaves nothing behind. Transaction: one atomic block that
    locks the day's row (select_for_update) and writes the old values to
    CheckInRevision when they change; the same values again change nothing.
    Two requests racing to create the same day meet the unique constraint
    (patient, date): the loser's IntegrityError rolls its block back and it
    retries as an update, so there is never a second row. A flare reported for
    today does not switch flare mode on: the Today page offers the gentle plan
    and the patient chooses (docs/clinical.md 6.3).
    """
    require_patient(patient)
    today = patient.local_date(now)
    problem = rules.date_problem(day, today=today)
    if problem is not None:
        raise CheckInDateError(problem)
    problems = values.problems(known_areas=AREAS)
    if problems:
        raise InvalidCheckIn(problems)
    wanted = values.as_dict(area_order=AREAS)
    for attempt in range(ATTEMPTS):
        try:
            with transaction.atomic():
                return _upsert(patient=patient, day=day, wanted=wanted, now=now, source=source)
        except IntegrityError:
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def _upsert(
    *, patient: User, day: date, wanted: dict[str, object], now: datetime, source: str
) -> RecordedCheckIn:
    offer_help = mentions_crisis(str(wanted["note"]))
    existing = CheckIn.objects.select_for_update().filter(patient=patient, date=day).first()
    if existing is None:
        check_in = CheckIn.objects.create(
            patient=patient, date=day, created_at=now, updated_at=now, **wanted
        )
        return RecordedCheckIn(
            check_in,
            created=True,
            changed=True,
            offer_help=offer_help,
        )
    previous = existing.values()
    if previous == wanted:
        return RecordedCheckIn(existing, created=False, changed=False, offer_help=offer_help)
    CheckInRevision.objects.create(
        check_in=existing, changed_at=now, source=source, previous=previous
    )
    for name, value in wanted.items():
        setattr(existing, name, value)
    existing.updated_at = now
    existing.save()
    return RecordedCheckIn(
        existing,
        created=False,
        changed=True,
        offer_help=offer_help,
    )


def copy_yesterday(*, patient: User, day: date, now: datetime) -> RecordedCheckIn:
    """Record for `day` the scores and places of the day before ("same as yesterday").

    The note and the flare answer are not copied: they are about one day.
    Transaction: as record_check_in. Raises NothingToCopy without a check-in
    the day before; CheckInDateError outside the 8 days that may be filled in.
    """
    require_patient(patient)
    problem = rules.date_problem(day, today=patient.local_date(now))
    if problem is not None:
        raise CheckInDateError(problem)
    before = CheckIn.objects.filter(patient=patient, date=day - timedelta(days=1)).first()
    if before is None:
        raise NothingToCopy()
    kept = CheckIn.objects.filter(patient=patient, date=day).first()
    values = CheckInValues(
        pain=before.pain,
        fatigue=before.fatigue,
        sleep_quality=before.sleep_quality,
        stress=before.stress,
        mood=before.mood,
        gut=before.gut,
        pain_areas=tuple(before.pain_areas),
    )
    if kept is not None:  # keep what today's entry already says that is not a score
        values = replace(values, note=kept.note, flare=kept.flare)
    return record_check_in(
        patient=patient,
        day=day,
        values=values,
        now=now,
        source=CheckInRevision.Source.SAME_AS_YESTERDAY,
    )


def _open_flare(*, user: User, today: date, now: datetime, source: str) -> Flare:
    current = Flare.objects.open().filter(user=user).first()
    if current is not None:
        return current
    try:
        with transaction.atomic():
            return Flare.objects.create(user=user, started_at=now, started_on=today, source=source)
    except IntegrityError:  # opened at the same moment by another request
        return Flare.objects.open().get(user=user)


def start_flare(*, user: User, now: datetime, source: str = Flare.Source.PATIENT) -> Flare:
    """Switch flare mode on (idempotent: an open flare is kept).

    Transaction: one atomic block; the partial unique constraint allows one
    open flare per user, a lost race returns the winner's row.
    """
    require_patient(user)
    with transaction.atomic():
        return _open_flare(user=user, today=user.local_date(now), now=now, source=source)


def end_flare(*, user: User, now: datetime) -> int:
    """Switch flare mode off (the patient says the flare is over). Returns rows changed."""
    require_patient(user)
    return (
        Flare.objects.open().filter(user=user).update(ended_at=now, ended_on=user.local_date(now))
    )


def set_checkin_reminder(
    *, user: User, enabled: bool, at: time, during_flare: bool
) -> ReminderPreference:
    """Save if and when (local time) the user gets the daily reminder. One row per user."""
    require_patient(user)
    preference, _created = ReminderPreference.objects.update_or_create(
        user=user, defaults={"enabled": enabled, "at": at, "during_flare": during_flare}
    )
    return preference


def claim_reminder(*, preference: ReminderPreference, local_day: date) -> bool:
    """Claim today's reminder for one user: True for exactly one caller per local day.

    A conditional UPDATE (last_sent_on is not yet `local_day`): two runs of the
    command at the same moment cannot both win.
    """
    return bool(
        ReminderPreference.objects.filter(pk=preference.pk)
        .filter(Q(last_sent_on__isnull=True) | Q(last_sent_on__lt=local_day))
        .update(last_sent_on=local_day)
    )


def send_due_reminders(*, now: datetime) -> int:
    """Enqueue today's check-in reminder for everyone whose chosen local time has come.

    Due: reminders switched on, the user's local time between the chosen time
    and three hours later (the same local day), no reminder yet today, no
    check-in yet today, and no open flare unless the user asked for reminders
    during a flare, and only for patients with an active health-data consent
    (withdrawing it stops the reminders too). Each day is claimed by claim_reminder (a conditional
    UPDATE), so running this twice, even at once, sends one reminder.
    Transaction: each claim commits on its own; the e-mail task is enqueued
    after the claim commits. Returns the number of reminders enqueued.
    """
    from diary.tasks import send_checkin_reminder

    candidates = (
        ReminderPreference.objects.filter(
            enabled=True,
            user__is_active=True,
            user__role=Role.PATIENT,
            user__consents__purpose=Consent.Purpose.HEALTH_DATA,
            user__consents__withdrawn_at__isnull=True,
        )
        .select_related("user")
        .annotate(in_flare=Exists(Flare.objects.open().filter(user=OuterRef("user"))))
    )
    sent = 0
    for preference in candidates:
        local = timezone.localtime(now, preference.user.zone)
        if not _in_window(local, preference.at):
            continue
        if preference.last_sent_on == local.date():
            continue
        if preference.in_flare and not preference.during_flare:  # type: ignore[attr-defined]
            continue
        if CheckIn.objects.filter(patient=preference.user, date=local.date()).exists():
            continue
        with transaction.atomic():
            if claim_reminder(preference=preference, local_day=local.date()):
                transaction.on_commit(
                    partial(
                        send_checkin_reminder.enqueue, preference.user_id, local.date().isoformat()
                    )
                )
                sent += 1
    return sent


def _in_window(local: datetime, at: time) -> bool:
    start = local.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)
    return start <= local < start + REMINDER_WINDOW
