"""Writes about check-ins, flares and reminders, shared by every entry point."""

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from accounts.access import require_patient
from accounts.models import Consent, Role, User
from assessments.scoring import AREAS
from diary import rules
from diary.crisis import mentions_crisis
from diary.errors import CheckInDateError, InvalidCheckIn, NothingToCopy
from diary.models import CheckIn, CheckInRevision, Flare, ReminderPreference
from diary.values import CheckInValues
from pijnreset import versions

ATTEMPTS = 3
# A reminder goes out from the chosen local time until this much later (same day).
REMINDER_WINDOW = timedelta(hours=3)


@dataclass(frozen=True)
class RecordedCheckIn:
    check_in: CheckIn
    created: bool
    changed: bool
    offer_help: bool  # the note mentions wanting to die: offer the help page now
    # The values given were edited before the stored ones (another device, sent late):
    # the stored ones stay and the given ones went to the history.
    kept_newer: bool = False


def record_check_in(
    *,
    patient: User,
    day: date,
    values: CheckInValues,
    now: datetime,
    source: str,
    edited_at: datetime | None = None,
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

    `edited_at` is when the values were edited on the device (a check-in queued
    offline); without it they were edited `now`. Newest wins (docs/offline.md):
    values edited before the stored ones are kept only in the history, with
    source "offline", once however often they are sent. A time after `now` (a
    phone's clock running ahead) counts as `now`.
    """
    require_patient(patient)
    today = patient.local_date(now)
    problem = rules.date_problem(day, today=today)
    if problem is not None:
        raise CheckInDateError(problem)
    problems = values.problems(known_areas=AREAS)
    if problems:
        raise InvalidCheckIn(problems)
    edit = _Edit(
        values=values.as_dict(area_order=AREAS),
        at=now if edited_at is None else min(edited_at, now),
        from_device=edited_at is not None,
        clock_ahead=edited_at is not None and edited_at > now,
        source=CheckInRevision.Source.OFFLINE if edited_at is not None else source,
    )
    for attempt in range(ATTEMPTS):
        try:
            with transaction.atomic():
                return _upsert(patient=patient, day=day, edit=edit, now=now)
        except IntegrityError:
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


@dataclass(frozen=True)
class _Edit:
    values: dict[str, object]
    at: datetime  # when the values were edited (never after now)
    from_device: bool  # edited_at was given: the check-in was queued on a device
    clock_ahead: bool  # the device's time was after ours, `at` is our now
    source: str  # for the revision of the values this edit replaces


def _upsert(*, patient: User, day: date, edit: _Edit, now: datetime) -> RecordedCheckIn:
    wanted = edit.values
    offer_help = mentions_crisis(str(wanted["note"]))
    existing = CheckIn.objects.select_for_update().filter(patient=patient, date=day).first()
    if existing is None:
        check_in = CheckIn.objects.create(
            patient=patient, date=day, created_at=now, updated_at=now, edited_at=edit.at, **wanted
        )
        return RecordedCheckIn(check_in, created=True, changed=True, offer_help=offer_help)
    previous = existing.values()
    stored_at = existing.last_edited_at
    if previous == wanted:
        # The same values again change nothing; a device that made them later than the
        # stored time moves that time on, so an edit in between cannot win afterwards.
        if edit.from_device and not edit.clock_ahead and edit.at > stored_at:
            existing.edited_at = edit.at
            existing.save(update_fields=["edited_at"])
        return RecordedCheckIn(existing, created=False, changed=False, offer_help=offer_help)
    if edit.from_device and edit.at <= stored_at:
        _keep_older(existing, edit, now=now)
        return RecordedCheckIn(
            existing,
            created=False,
            changed=False,
            offer_help=offer_help or existing.note_mentions_crisis,
            kept_newer=True,
        )
    CheckInRevision.objects.create(
        check_in=existing,
        changed_at=now,
        source=edit.source,
        previous=previous,
        edited_at=existing.edited_at,
    )
    for name, value in wanted.items():
        setattr(existing, name, value)
    existing.updated_at = now
    existing.edited_at = edit.at
    existing.save()
    return RecordedCheckIn(existing, created=False, changed=True, offer_help=offer_help)


def _keep_older(check_in: CheckIn, edit: _Edit, *, now: datetime) -> None:
    """Values edited before the stored ones: into the history once (a retry adds nothing)."""
    recorded = check_in.revisions.filter(edited_at=edit.at).values_list("previous", flat=True)
    if any(previous == edit.values for previous in recorded):
        return
    CheckInRevision.objects.create(
        check_in=check_in,
        changed_at=now,
        source=CheckInRevision.Source.OFFLINE,
        previous=edit.values,
        edited_at=edit.at,
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
    ended = (
        Flare.objects.open().filter(user=user).update(ended_at=now, ended_on=user.local_date(now))
    )
    versions.patient_changed(user.pk)
    return ended


def set_checkin_reminder(
    *, user: User, enabled: bool, at: time, during_flare: bool
) -> ReminderPreference:
    """Save if and when (local time) the user gets the daily reminder. One row per user."""
    require_patient(user)
    preference, _created = ReminderPreference.objects.update_or_create(
        user=user, defaults={"enabled": enabled, "at": at, "during_flare": during_flare}
    )
    return preference


def send_due_reminders(*, now: datetime) -> int:
    """Enqueue today's check-in reminder for everyone whose chosen local time has come.

    Due: reminders switched on, the user's local time between the chosen time
    and three hours later (the same local day), no reminder yet today, no
    check-in yet today, and no open flare unless the user asked for reminders
    during a flare, and only for patients with an active health-data consent
    (withdrawing it stops the reminders too).

    A constant number of queries however many are due: one read of the
    candidates, one of their check-ins, then one transaction that locks the
    due rows, keeps those still unclaimed for their local day and claims them
    (one UPDATE per local day; the world spans at most three). Running this
    twice, even at once, sends one reminder: PostgreSQL re-reads a locked row
    after the other run commits, SQLite's IMMEDIATE transactions run one at a
    time. The e-mail tasks are enqueued after the claim commits. Returns the
    number of reminders enqueued.
    """
    due = _due_reminders(now)
    if not due:
        return 0
    return _claim_reminders(due)


def _due_reminders(now: datetime) -> dict[int, tuple[int, date]]:
    """Preference id -> (user id, local day) of the reminders due at `now`."""
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
    due: dict[int, tuple[int, date]] = {}
    for preference in candidates:
        local = timezone.localtime(now, preference.user.zone)
        if not _in_window(local, preference.at):
            continue
        if preference.last_sent_on == local.date():
            continue
        if preference.in_flare and not preference.during_flare:  # type: ignore[attr-defined]
            continue
        due[preference.pk] = (preference.user_id, local.date())
    if not due:
        return due
    checked_in = set(
        CheckIn.objects.filter(
            patient_id__in={user_id for user_id, _day in due.values()},
            date__in={day for _user_id, day in due.values()},
        ).values_list("patient_id", "date")
    )
    return {pk: pair for pk, pair in due.items() if pair not in checked_in}


def _claim_reminders(due: dict[int, tuple[int, date]]) -> int:
    """Claim each due day for its user once; enqueue the mails after the claims commit."""
    from diary.tasks import send_checkin_reminder

    with transaction.atomic():
        locked = ReminderPreference.objects.select_for_update().filter(pk__in=due)
        won: dict[date, list[int]] = {}
        for pk, last_sent_on in locked.values_list("pk", "last_sent_on"):
            day = due[pk][1]
            if last_sent_on is None or last_sent_on < day:
                won.setdefault(day, []).append(pk)
        for day, pks in won.items():
            ReminderPreference.objects.filter(pk__in=pks).update(last_sent_on=day)
            for pk in pks:
                transaction.on_commit(
                    partial(send_checkin_reminder.enqueue, due[pk][0], day.isoformat())
                )
    return sum(len(pks) for pks in won.values())


def _in_window(local: datetime, at: time) -> bool:
    start = local.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)
    return start <= local < start + REMINDER_WINDOW
