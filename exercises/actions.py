"""Writes of the exercises app, shared by every entry point (views, demo, API).

Each function takes the moment `now` from its caller (timezone.now() in
views), works out the patient's local date from it, and says its transaction
contract in its docstring.
"""

from datetime import date, datetime, timedelta
from uuid import UUID

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.access import require_patient
from accounts.models import User
from assessments.safety import exercises_paused
from exercises import pacing
from exercises.catalogue import (
    BREATH_HOLD_RANGE,
    BREATH_PHASE_RANGE,
    BREATHING_MINUTES_RANGE,
    CATALOGUE,
    TIMED,
    ExerciseKey,
)
from exercises.errors import (
    DateOutOfRange,
    ExercisesPaused,
    IntentionAlreadyChecked,
    QuotaMinutesOutOfRange,
    QuotaNotOffered,
    SessionInvalid,
)
from exercises.models import (
    MAX_SESSION_SECONDS,
    EmotionEntry,
    ExerciseSession,
    GratitudeEntry,
    MovementLog,
    MovementQuota,
    MovementSettings,
    QuotaReason,
    SessionStatus,
    SocialIntention,
    week_start,
)
from pijnreset import versions

BACKDATE_DAYS = 7


def _check_not_paused(patient: User) -> None:
    if exercises_paused(patient):
        raise ExercisesPaused()


def check_recent(*, patient: User, day: date, now: datetime) -> None:
    """A log may be for today or up to 7 days back, never for the future."""
    today = patient.local_date(now)
    if not today - timedelta(days=BACKDATE_DAYS) <= day <= today:
        raise DateOutOfRange()


def start_session(
    *,
    patient: User,
    exercise: str,
    planned_seconds: int,
    now: datetime,
    version: str = "",
    breath: tuple[int, int, int] | None = None,
    spoken_cues: bool = False,
    sound: bool = False,
    feeling_before: int | None = None,
) -> ExerciseSession:
    """Start a timed session on the patient's local date.

    Transaction: a single INSERT; the database's check constraints refuse
    out-of-range phases, lengths and ratings. Raises ExercisesPaused while a
    red flag waits for a doctor's visit (docs/clinical.md 6).
    """
    require_patient(patient)
    _check_not_paused(patient)
    breath_in, breath_hold, breath_out = breath or (None, None, None)
    return ExerciseSession.objects.create(
        patient=patient,
        exercise=exercise,
        version=version,
        local_date=patient.local_date(now),
        started_at=now,
        planned_seconds=planned_seconds,
        breath_in=breath_in,
        breath_hold=breath_hold,
        breath_out=breath_out,
        spoken_cues=spoken_cues,
        sound=sound,
        feeling_before=feeling_before,
    )


# A phone's clock may run a little ahead of the server's.
CLOCK_SLACK = timedelta(minutes=10)


def record_done_session(
    *,
    patient: User,
    client_id: UUID,
    exercise: str,
    local_date: date,
    started_at: datetime,
    ended_at: datetime,
    planned_seconds: int,
    duration_seconds: int,
    finished: bool,
    now: datetime,
    version: str = "",
    breath: tuple[int, int, int] | None = None,
    spoken_cues: bool = False,
    sound: bool = False,
    feeling_before: int | None = None,
    feeling_after: int | None = None,
    felt_dizzy: bool = False,
) -> tuple[ExerciseSession, bool]:
    """Record a session the patient did on the device while offline (docs/offline.md).

    Returns the session and whether it is new. Idempotent by `client_id` (made on
    the device): a retry with the same id returns the stored session unchanged,
    whatever it carries, so a queue sent twice never adds a row.

    The windows are the pages' (SessionInvalid names each field): the local date
    today or up to 7 days back, the breathing rhythm and length of the breathing
    form, a length offered for the guided exercises, times not in the future. A
    pause after a red flag does not refuse it, unlike `start_session`: the pause
    is about starting a session, and this one already happened; refusing it would
    lose it.

    Transaction: one INSERT in a savepoint; the unique constraint (patient,
    client_id) decides between two requests at the same moment, and the loser
    returns the winner's row.
    """
    require_patient(patient)
    stored = ExerciseSession.objects.of(patient).filter(client_id=client_id).first()
    if stored is not None:
        return stored, False
    errors = _done_session_errors(
        patient=patient,
        exercise=exercise,
        local_date=local_date,
        started_at=started_at,
        ended_at=ended_at,
        planned_seconds=planned_seconds,
        duration_seconds=duration_seconds,
        version=version,
        breath=breath,
        now=now,
    )
    if errors:
        raise SessionInvalid(errors)
    breath_in, breath_hold, breath_out = breath or (None, None, None)
    try:
        with transaction.atomic():
            session = ExerciseSession.objects.create(
                patient=patient,
                client_id=client_id,
                exercise=exercise,
                version=version,
                local_date=local_date,
                started_at=started_at,
                ended_at=ended_at,
                status=SessionStatus.FINISHED if finished else SessionStatus.STOPPED,
                planned_seconds=planned_seconds,
                duration_seconds=duration_seconds,
                breath_in=breath_in,
                breath_hold=breath_hold,
                breath_out=breath_out,
                spoken_cues=spoken_cues,
                sound=sound,
                feeling_before=feeling_before,
                feeling_after=feeling_after,
                felt_dizzy=felt_dizzy,
            )
    except IntegrityError:
        stored = ExerciseSession.objects.of(patient).filter(client_id=client_id).first()
        if stored is None:
            raise
        return stored, False
    return session, True


def _done_session_errors(
    *,
    patient: User,
    exercise: str,
    local_date: date,
    started_at: datetime,
    ended_at: datetime,
    planned_seconds: int,
    duration_seconds: int,
    version: str,
    breath: tuple[int, int, int] | None,
    now: datetime,
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if exercise not in TIMED:
        return {"exercise": _("This is not a timed exercise.")}
    try:
        check_recent(patient=patient, day=local_date, now=now)
    except DateOutOfRange as exc:
        errors["local_date"] = str(exc.message)
    earliest = now - timedelta(days=BACKDATE_DAYS + 1)
    if not earliest <= started_at <= now + CLOCK_SLACK:
        errors["started_at"] = _("Give a time of today or one of the 7 days before.")
    if not started_at <= ended_at <= now + CLOCK_SLACK:
        errors["ended_at"] = _("The end must come after the start, and not in the future.")
    if exercise == ExerciseKey.BREATHING:
        low, high = BREATHING_MINUTES_RANGE
        if planned_seconds % 60 or not low * 60 <= planned_seconds <= high * 60:
            errors["planned_seconds"] = _("A breathing session lasts 1 to 10 whole minutes.")
        if breath is None or not _rhythm_in_range(breath):
            errors["breath_in"] = _(
                "Breathing in and out take 2 to 10 seconds each; holding 0 to 10."
            )
        if version:
            errors["version"] = _("Breathing has no versions.")
    else:
        if CATALOGUE[exercise].version(version) is None:
            errors["version"] = _("Choose one of the lengths offered.")
        if breath is not None:
            errors["breath_in"] = _("Only the breathing exercise has a rhythm.")
        if not 1 <= planned_seconds <= MAX_SESSION_SECONDS:
            errors["planned_seconds"] = _("A session lasts at most an hour.")
    if not 0 <= duration_seconds <= planned_seconds:
        errors["duration_seconds"] = _("The time practised cannot be longer than planned.")
    return errors


def _rhythm_in_range(breath: tuple[int, int, int]) -> bool:
    breath_in, breath_hold, breath_out = breath
    low, high = BREATH_PHASE_RANGE
    hold_low, hold_high = BREATH_HOLD_RANGE
    phases_ok = low <= breath_in <= high and low <= breath_out <= high
    return phases_ok and hold_low <= breath_hold <= hold_high


def end_session(
    *,
    session: ExerciseSession,
    finished: bool,
    seconds: int | None,
    feeling_after: int | None,
    now: datetime,
    felt_dizzy: bool = False,
) -> ExerciseSession:
    """End a running session as finished or stopped early, or rate an ended one.

    `felt_dizzy` (a report of dizziness) is kept, so the breathing page suggests the
    rhythm without a hold next time (docs/clinical.md 6); it is only ever switched on here.

    Duration: `seconds` is the time the pacer showed (the browser's clock,
    which keeps running in a background tab); without JavaScript it is None
    and the time since the start counts. Either way at most the planned
    length. Transaction: one conditional UPDATE (`WHERE status = 'started'`),
    so a double submit or a second tab ends the session once; a later call
    only adds the "how do you feel now" rating when one is given.
    """
    require_patient(session.patient)
    if seconds is None:
        seconds = int((now - session.started_at).total_seconds())
    duration = min(max(seconds, 0), session.planned_seconds)
    values: dict[str, object] = {
        "status": SessionStatus.FINISHED if finished else SessionStatus.STOPPED,
        "ended_at": max(now, session.started_at),
        "duration_seconds": duration,
    }
    later: dict[str, object] = {}
    if feeling_after is not None:
        later["feeling_after"] = feeling_after
    if felt_dizzy:
        later["felt_dizzy"] = True
    rows = ExerciseSession.objects.filter(pk=session.pk, status=SessionStatus.STARTED).update(
        **values, **later
    )
    if rows == 0 and later:
        ExerciseSession.objects.filter(pk=session.pk).update(**later)
    versions.patient_changed(session.patient_id)
    session.refresh_from_db()
    return session


def log_movement(
    *,
    patient: User,
    local_date: date,
    activity: str,
    minutes: int,
    felt: str,
    symptoms_after: str,
    now: datetime,
    note: str = "",
) -> MovementLog:
    """Log one movement session, for today or up to 7 days back.

    Transaction: a single INSERT; ranges are checked by the database too.
    """
    require_patient(patient)
    _check_not_paused(patient)
    check_recent(patient=patient, day=local_date, now=now)
    return MovementLog.objects.create(
        patient=patient,
        local_date=local_date,
        activity=activity,
        minutes=minutes,
        felt=felt,
        symptoms_after=symptoms_after,
        note=note,
        created_at=now,
    )


def save_gratitude(
    *, patient: User, local_date: date, things: list[str], now: datetime
) -> GratitudeEntry:
    """Create or replace the day's gratitude entry (one per local date, up to three things).

    Earlier days may be changed; a future day is refused (DateOutOfRange).
    Transaction: update_or_create in one atomic block; the unique constraint on
    (patient, local_date) keeps one row even when two requests race (the loser
    updates the winner's row).
    """
    require_patient(patient)
    if local_date > patient.local_date(now):
        raise DateOutOfRange()
    cleaned = [t.strip() for t in things if t.strip()][:3]
    first, second, third = [*cleaned, "", "", ""][:3]
    entry, _created = GratitudeEntry.objects.update_or_create(
        patient=patient,
        local_date=local_date,
        defaults={"first": first, "second": second, "third": third, "updated_at": now},
    )
    return entry


def set_intention(*, patient: User, intention: str, now: datetime) -> SocialIntention:
    """Set or change this week's small intention for contact with others.

    Transaction: one atomic block holding the week's row; an intention that
    has been looked back on stays as it was (IntentionAlreadyChecked).
    """
    require_patient(patient)
    today = patient.local_date(now)
    with transaction.atomic():
        row, created = SocialIntention.objects.select_for_update().get_or_create(
            patient=patient,
            week_start=week_start(today),
            defaults={"intention": intention, "set_on": today},
        )
        if created:
            return row
        if row.is_checked:
            raise IntentionAlreadyChecked()
        row.intention, row.set_on = intention, today
        row.save(update_fields=["intention", "set_on"])
        return row


def check_intention(
    *, intention: SocialIntention, outcome: str, reflection: str, now: datetime
) -> SocialIntention:
    """Look back on an intention: did it happen? May be changed later the same way.

    Transaction: a single UPDATE of the row.
    """
    require_patient(intention.patient)
    intention.outcome = outcome
    intention.reflection = reflection
    intention.checked_on = intention.patient.local_date(now)
    intention.save(update_fields=["outcome", "reflection", "checked_on"])
    return intention


def record_emotion(
    *,
    patient: User,
    now: datetime,
    what_happened: str = "",
    feeling: str = "",
    body: str = "",
    what_i_did: str = "",
    stress: int | None = None,
) -> EmotionEntry:
    """Write down a moment of emotion or stress, on today's local date.

    Transaction: a single INSERT; the database refuses an entry with neither
    what happened nor what was felt.
    """
    require_patient(patient)
    return EmotionEntry.objects.create(
        patient=patient,
        local_date=patient.local_date(now),
        created_at=now,
        what_happened=what_happened,
        feeling=feeling,
        body=body,
        what_i_did=what_i_did,
        stress=stress,
    )


# --- The movement quota (docs/clinical.md 6; rules in exercises/pacing.py) -----------------
#
# Every quota decision runs in one transaction that first locks the patient's user row
# (SELECT ... FOR UPDATE; SQLite's IMMEDIATE transactions serialise writers anyway), then
# reads the quota history and the logs and decides again whether the choice is offered.
# So two decisions (a double click, two tabs) never both apply, and a decision racing a
# movement log sees the log or not, but is judged on one consistent state: one result.


def _lock_advice(patient: User, today: date) -> tuple[pacing.Advice, list[pacing.QuotaChange]]:
    from exercises.movement import has_malaise, movement_data, quota_history

    User.objects.select_for_update().filter(pk=patient.pk).first()
    history = quota_history(patient)
    data = movement_data(patient=patient, today=today)
    advice = pacing.advise(data, history, today=today, malaise=has_malaise(patient))
    return advice, history


def _record(
    patient: User, minutes: int, reason: str, history: list[pacing.QuotaChange], now: datetime
) -> MovementQuota:
    before = pacing.current(history)
    return MovementQuota.objects.create(
        patient=patient,
        minutes=minutes,
        started_on=patient.local_date(now),
        reason=reason,
        previous=before.minutes if before else None,
        created_at=now,
    )


def _chosen(minutes: int | None, *, low: int, high: int) -> int:
    if minutes is None:
        return high
    if not low <= minutes <= high:
        raise QuotaMinutesOutOfRange()
    return minutes


def set_start_quota(*, patient: User, now: datetime, minutes: int | None = None) -> MovementQuota:
    """Set the first quota: the offered start (mean x 0.8 of >= 3 non-flare days), or less.

    Transaction: one atomic block holding the patient's lock; QuotaNotOffered when a quota
    exists already or there is no start offer (the unique constraint on the start row
    backs this up).
    """
    require_patient(patient)
    _check_not_paused(patient)
    with transaction.atomic():
        advice, history = _lock_advice(patient, patient.local_date(now))
        if history or advice.start_offer is None:
            raise QuotaNotOffered()
        chosen = _chosen(minutes, low=1, high=advice.start_offer)
        return _record(patient, chosen, QuotaReason.START, history, now)


def accept_step_up(*, patient: User, now: datetime, minutes: int | None = None) -> MovementQuota:
    """Accept the step up offered today, or choose less (at least one minute more).

    Transaction: one atomic block holding the patient's lock; the offer is decided again
    inside it, so a second click finds the quota just stepped up and no offer
    (QuotaNotOffered). Never called without the patient's choice: step ups are not
    automatic.
    """
    require_patient(patient)
    _check_not_paused(patient)
    with transaction.atomic():
        advice, history = _lock_advice(patient, patient.local_date(now))
        if advice.step_up_offer is None or advice.quota is None:
            raise QuotaNotOffered()
        chosen = _chosen(minutes, low=advice.quota + 1, high=advice.step_up_offer)
        return _record(patient, chosen, QuotaReason.STEP_UP, history, now)


def step_back(*, patient: User, now: datetime) -> MovementQuota:
    """Go back to the previous quota, as offered (after a boom-bust, two "much worse" logs,
    or a quota rarely reached), or one step lower after a long flare.

    Transaction: as accept_step_up.
    """
    require_patient(patient)
    with transaction.atomic():
        advice, history = _lock_advice(patient, patient.local_date(now))
        if advice.after_flare_offer is not None:
            return _record(patient, advice.after_flare_offer, QuotaReason.AFTER_FLARE, history, now)
        if advice.step_back_offer is None:
            raise QuotaNotOffered()
        return _record(patient, advice.step_back_offer, QuotaReason.STEP_BACK, history, now)


def keep_quota(*, patient: User, now: datetime) -> MovementQuota:
    """Say "no thanks" to today's offer: the quota stays and a new hold of 7 days starts
    (so the offer does not come back every day; after a flare: resume the old quota).

    Transaction: as accept_step_up; QuotaNotOffered when nothing is offered.
    """
    require_patient(patient)
    with transaction.atomic():
        advice, history = _lock_advice(patient, patient.local_date(now))
        offered = advice.step_up_offer or advice.step_back_offer or advice.after_flare_offer
        if advice.quota is None or offered is None:
            raise QuotaNotOffered()
        reason = QuotaReason.AFTER_FLARE if advice.after_flare_offer else QuotaReason.KEPT
        return _record(patient, advice.quota, reason, history, now)


def lower_quota(*, patient: User, minutes: int, now: datetime) -> MovementQuota:
    """The user lowers their quota, any time, to 1 minute or more below the current one.

    Transaction: as accept_step_up; QuotaNotOffered without a quota.
    """
    require_patient(patient)
    with transaction.atomic():
        _advice, history = _lock_advice(patient, patient.local_date(now))
        now_quota = pacing.current(history)
        if now_quota is None:
            raise QuotaNotOffered()
        chosen = _chosen(minutes, low=1, high=now_quota.minutes - 1)
        return _record(patient, chosen, QuotaReason.LOWERED, history, now)


def set_post_exertional_malaise(*, patient: User, marked: bool, now: datetime) -> MovementSettings:
    """Mark (or unmark) post-exertional malaise: while marked, no step up is offered.

    Transaction: update_or_create on the one-per-patient row.
    """
    require_patient(patient)
    row, _created = MovementSettings.objects.update_or_create(
        patient=patient, defaults={"post_exertional_malaise": marked, "updated_at": now}
    )
    return row
