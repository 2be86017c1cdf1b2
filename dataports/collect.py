"""Everything a patient entered, read once, as plain entries for every export format.

Each KIND names one table that holds rows of the patient, the field that says when the
entry was made (an instant, written ISO 8601 with the patient's UTC offset) and the field
with its local date. Every other field is exported as stored (current values), except the
few in HIDDEN_FIELDS (secrets and derived blobs). Check-ins carry their edit history
(CheckInRevision) in `history`.

`dataports/tests/test_collect.py` discovers every model with a foreign key to the user:
each is a KIND or listed in NOT_EXPORTED with the reason, so a new table cannot be
forgotten.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils import timezone

from accounts.access import require_patient
from accounts.models import Consent, User

# Fields never exported: the hash of an API key, the report PDF and an uploaded file's text
# (the PDF and the file are copies of what is exported anyway).
HIDDEN_FIELDS = frozenset({"id", "token_hash", "pdf", "content"})


@dataclass(frozen=True)
class Kind:
    name: str  # the key in JSON, the CSV file name
    label: str  # "app_label.ModelName"
    owner: str  # the foreign key to the patient
    instant: str  # when the entry was made
    local_date: str | None = None  # the patient's local date; None: the instant's local date
    submitted_only: bool = False


KINDS: tuple[Kind, ...] = (
    Kind("checkins", "diary.CheckIn", "patient", "created_at", "date"),
    Kind("flares", "diary.Flare", "user", "started_at", "started_on"),
    Kind("checkin_reminder", "diary.ReminderPreference", "user", ""),
    Kind(
        "questionnaires",
        "assessments.Response",
        "patient",
        "submitted_at",
        submitted_only=True,
    ),
    Kind("red_flag_checks", "assessments.RedFlagCheck", "patient", "submitted_at"),
    Kind("safety_flags", "assessments.SafetyFlag", "patient", "created_at"),
    Kind("exercise_sessions", "exercises.ExerciseSession", "patient", "started_at", "local_date"),
    Kind("movement", "exercises.MovementLog", "patient", "created_at", "local_date"),
    Kind("movement_quota", "exercises.MovementQuota", "patient", "created_at", "started_on"),
    Kind("movement_settings", "exercises.MovementSettings", "patient", "updated_at"),
    Kind("gratitude", "exercises.GratitudeEntry", "patient", "updated_at", "local_date"),
    Kind("social_intentions", "exercises.SocialIntention", "patient", "", "set_on"),
    Kind("emotions", "exercises.EmotionEntry", "patient", "created_at", "local_date"),
    Kind("programme", "programme.Enrolment", "user", "created_at", "started_on"),
    Kind("lessons", "programme.LessonProgress", "user", "completed_at", "completed_on"),
    Kind("appointments", "bookings.Appointment", "patient", "created_at"),
    Kind("consents", "accounts.Consent", "user", "given_at"),
    Kind("api_keys", "api.PersonalAccessToken", "user", "created_at"),
    Kind("exports", "dataports.ExportRecord", "patient", "created_at"),
    Kind("reports", "dataports.Report", "patient", "created_at"),
    Kind("imports", "dataports.ImportUpload", "patient", "created_at"),
    Kind("own_factors", "insights.PersonalFactor", "patient", "created_at"),
    Kind("experiments", "insights.Experiment", "patient", "created_at", "started_on"),
    Kind("weekly_summary", "insights.SummaryPreference", "patient", ""),
    Kind("shares", "care.Share", "patient", "given_at", "starts_on"),
    Kind("homework", "care.Homework", "patient", "created_at"),
    Kind("therapist_messages", "care.CareMessage", "patient", "created_at"),
    Kind("reviews", "reviews.Review", "author", "created_at"),
    Kind("stories", "stories.Story", "author", "created_at"),
)

# Tables with a foreign key to a user that are not the patient's own entries.
NOT_EXPORTED = {
    ("admin.LogEntry", "user"): "the admin's log of staff actions",
    ("account.EmailAddress", "user"): "the e-mail address is in `account`",
    ("practices.Practice", "managers"): "staff: practice managers",
    ("practices.Therapist", "user"): "staff: a therapist's own profile",
    ("bookings.Appointment", "cancelled_by"): "the appointment is exported through `patient`",
    ("care.AccessLogEntry", "patient"): "who looked at the data: its own page and "
    "GET /api/v1/me/access-log",
    ("care.AccessLogEntry", "actor"): "staff: the reader in the access log",
    ("care.ClinicalNote", "patient"): "the practice's own record (WGBO), not the patient's entry",
    ("care.ClinicalNote", "author"): "staff: the therapist who wrote the note",
    ("reviews.ReviewReport", "reporter"): "staff: a practice's report of a review",
    ("reviews.Reply", "author"): "staff: a practice's reply",
    ("reviews.ModerationDecision", "moderator"): "staff: the moderator",
    ("stories.StoryDecision", "moderator"): "staff: the moderator",
    ("shop.Order", "user"): "a shop order holds no health data; it is on its own order page",
    ("mfa.Authenticator", "user"): "second-factor secrets are never exported",
    ("push.PushSubscription", "user"): "a device's push address and keys, no health data; "
    "the devices are listed on the reminder page",
}


def _model(kind: Kind) -> type[models.Model]:
    from django.apps import apps

    return apps.get_model(kind.label)


def plain(value: Any, zone: dt.tzinfo) -> Any:
    """A stored value as JSON: instants with the patient's offset, dates ISO, ids as text."""
    if isinstance(value, dt.datetime):
        return timezone.localtime(value, zone).isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (bytes, memoryview)):
        return None
    return value


def _fields(model: type[models.Model], owner: str) -> list[models.Field[Any, Any]]:
    return [
        f
        for f in model._meta.concrete_fields
        if f.name not in HIDDEN_FIELDS and f.name != owner and not f.is_relation
    ]


def _relations(model: type[models.Model], owner: str) -> list[models.Field[Any, Any]]:
    """Foreign keys other than the owner: exported as the related row's name or public id."""
    return [f for f in model._meta.concrete_fields if f.is_relation and f.name != owner]


def _related(value: Any, patient: User) -> Any:
    if value is None:
        return None
    if isinstance(value, User):
        return "you" if value.pk == patient.pk else "staff"
    public_id = getattr(value, "public_id", None)
    return str(public_id) if public_id is not None else str(value)


def entries(kind: Kind, patient: User) -> Iterator[dict[str, Any]]:
    """The patient's rows of one kind, oldest first, as plain dictionaries."""
    model = _model(kind)
    zone = patient.zone
    rows = model._default_manager.filter(**{kind.owner: patient})
    if kind.submitted_only:
        rows = rows.filter(submitted_at__isnull=False)
    relations = _relations(model, kind.owner)
    rows = rows.select_related(*[f.name for f in relations]).order_by("pk")
    if kind.name == "checkins":
        rows = rows.prefetch_related("revisions")
    for row in rows:
        instant = getattr(row, kind.instant, None) if kind.instant else None
        if kind.local_date:
            local_date = getattr(row, kind.local_date)
        else:
            local_date = timezone.localtime(instant, zone).date() if instant else None
        entry: dict[str, Any] = {
            "recorded_at": plain(instant, zone),
            "local_date": plain(local_date, zone),
        }
        for f in _fields(model, kind.owner):
            if f.name not in (kind.instant, kind.local_date):
                entry[f.name] = plain(getattr(row, f.attname), zone)
        for f in relations:
            entry[f.name] = _related(getattr(row, f.name), patient)
        if kind.name == "checkins":
            entry["history"] = [
                {
                    "changed_at": plain(revision.changed_at, zone),
                    "source": revision.source,
                    "edited_at": plain(revision.edited_at, zone),
                    "previous": revision.previous,
                }
                for revision in row.revisions.all()  # type: ignore[attr-defined]
            ]
        yield entry


def everything(patient: User) -> dict[str, Any]:
    """All the patient's entries by kind, with who they are: the JSON export's content."""
    require_patient(patient)
    data: dict[str, Any] = {
        "account": {
            "email": patient.email,
            "display_name": patient.display_name,
            "preferred_language": patient.preferred_language,
            "time_zone": patient.time_zone,
            "joined": plain(patient.date_joined, patient.zone),
            "active_consents": sorted(
                Consent.objects.active().filter(user=patient).values_list("purpose", flat=True)
            ),
        }
    }
    for kind in KINDS:
        data[kind.name] = list(entries(kind, patient))
    return data


def count(data: dict[str, Any]) -> int:
    """How many entries an export holds (for the export log)."""
    return sum(len(value) for key, value in data.items() if key != "account")


def as_cell(value: Any) -> str:
    """A value in one CSV cell: lists and dictionaries as JSON, None as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)
