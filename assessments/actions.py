"""Writes of the assessments app, shared by the HTML views, the commands and the demo.

Every function is keyword-only and states its transaction contract. Responses are only
ever changed while they are drafts: each write locks the draft row and updates it with a
condition on `submitted_at IS NULL`, so a submitted response cannot be changed, not even
by a request that raced the submission.
"""

import functools
import re
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any
from uuid import UUID

import yaml
from django.db import IntegrityError, transaction

from accounts.access import require_patient
from accounts.models import User
from assessments import redflags
from assessments.definitions import (
    DefinitionError,
    Item,
    apply_wording,
    is_wording_file,
    parse_definition,
)
from assessments.engine import SCORERS, score_answers
from assessments.errors import (
    AnswersIncomplete,
    InstrumentUnavailable,
    NotAwaitingDoctor,
    ResponseLocked,
)
from assessments.models import Instrument, Occasion, RedFlagCheck, Response, SafetyFlag
from assessments.scoring import AREAS, IncompleteResponse, InvalidAnswers
from pijnreset import versions

SHIPPED_DIR = Path(__file__).resolve().parent / "instruments"


# --- Definitions ---


def read_definition_file(path: Path) -> Mapping[str, Any]:
    """Decode a YAML (or JSON) definition or wording file; DefinitionError when unreadable."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DefinitionError("", f"cannot read {path.name}: {exc}") from exc
    if not isinstance(raw, Mapping):
        raise DefinitionError("", f"{path.name} does not hold a definition")
    return raw


@functools.cache
def shipped_definitions() -> dict[str, Mapping[str, Any]]:
    """The raw definitions that ship with pijnreset, by key (checked; read once)."""
    found: dict[str, Mapping[str, Any]] = {}
    for path in sorted(SHIPPED_DIR.glob("*.yaml")):
        raw = read_definition_file(path)
        definition = parse_definition(raw, scorers=list(SCORERS))
        found[definition.key] = raw
    return found


def _store(*, raw: Mapping[str, Any], source: str, make_current: bool, now: datetime) -> Instrument:
    definition = parse_definition(raw, scorers=list(SCORERS))
    instrument = Instrument.objects.filter(key=definition.key, version=definition.version).first()
    if instrument is not None and instrument.source != source:
        raise DefinitionError(
            "version",
            f"version {definition.version} of {definition.key} is already {instrument.source}",
        )
    if make_current:
        Instrument.objects.filter(key=definition.key, is_current=True).exclude(
            version=definition.version
        ).update(is_current=False)
    if instrument is None:
        return Instrument.objects.create(
            key=definition.key,
            version=definition.version,
            source=source,
            definition=dict(raw),
            has_wording=definition.has_wording,
            is_current=make_current,
            loaded_at=now,
        )
    changed = instrument.definition != dict(raw) or (make_current and not instrument.is_current)
    if changed:
        Instrument.objects.filter(pk=instrument.pk).update(
            definition=dict(raw),
            has_wording=definition.has_wording,
            is_current=make_current or instrument.is_current,
            loaded_at=now,
        )
        instrument.refresh_from_db()
    return instrument


def load_instruments(*, now: datetime) -> list[Instrument]:
    """Load (or refresh) the shipped definitions. Idempotent.

    Transaction: one atomic block. A shipped version becomes current unless an operator
    installed a version of that instrument (an official wording stays in use).
    """
    loaded = []
    with transaction.atomic():
        for key, raw in shipped_definitions().items():
            installed_current = Instrument.objects.filter(
                key=key, is_current=True, source=Instrument.Source.INSTALLED
            ).exists()
            loaded.append(
                _store(
                    raw=raw,
                    source=Instrument.Source.SHIPPED,
                    make_current=not installed_current,
                    now=now,
                )
            )
    versions.content_changed()
    return loaded


def install_instrument(*, raw: Mapping[str, Any], now: datetime) -> Instrument:
    """Install a licensed wording (laid over the shipped structure) or a whole definition.

    A wording file (``items`` as a mapping of item texts, see definitions.apply_wording)
    needs the shipped structure of the same key; a whole definition needs an existing
    scoring function. The installed version becomes current. Idempotent per version.
    Transaction: one atomic block; an invalid file changes nothing (DefinitionError).
    """
    with transaction.atomic():
        if is_wording_file(raw):
            structure = shipped_definitions().get(str(raw.get("key")))
            if structure is None:
                raise DefinitionError("key", f"no shipped structure for {raw.get('key')!r}")
            raw = apply_wording(structure, raw)
        return _store(raw=raw, source=Instrument.Source.INSTALLED, make_current=True, now=now)


def current_instrument(*, key: str) -> Instrument:
    """The current version of an instrument. A read: it writes nothing (the definitions
    load at deploy, `manage.py load_instruments`).

    Raises InstrumentUnavailable for an unknown key, one not loaded, or one without item text.
    """
    instrument = Instrument.objects.current().filter(key=key).first()
    if instrument is None or not instrument.has_wording:
        raise InstrumentUnavailable()
    return instrument


# --- Responses ---


def start_response(
    *,
    patient: User,
    instrument: Instrument,
    occasion: str,
    language: str,
    now: datetime,
    part: str = "",
    corrects: Response | None = None,
) -> Response:
    """Open a draft, or return the patient's open draft of this instrument (resume).

    Transaction: one atomic block; the partial unique constraint allows one draft per
    patient and instrument, so a double click returns the same draft.
    """
    require_patient(patient)
    if occasion not in Occasion.values:
        raise ValueError(f"unknown occasion {occasion!r}")
    definition = instrument.parsed()
    if part and part not in definition.parts:
        raise ValueError(f"unknown part {part!r}")
    existing = Response.objects.drafts().filter(patient=patient, instrument_key=instrument.key)
    try:
        with transaction.atomic():
            draft = existing.first()
            if draft is not None:
                return draft
            return Response.objects.create(
                patient=patient,
                instrument=instrument,
                instrument_key=instrument.key,
                instrument_version=instrument.version,
                part=part,
                occasion=occasion,
                language=definition.language_for(language),
                answers={},
                started_at=now,
                updated_at=now,
                corrects=corrects,
            )
    except IntegrityError:
        draft = existing.first()
        if draft is None:
            raise
        return draft


def _check_value(item: Item, value: object) -> object:
    """The stored form of one answer; ValueError when it does not fit the item."""
    if value is None:
        if item.required:
            raise ValueError(f"{item.key} is required")
        return None
    if item.type == "areas":
        if not isinstance(value, (list, tuple)) or any(a not in AREAS for a in value):
            raise ValueError(f"{item.key} must be a list of area keys")
        if len(set(value)) != len(value):
            raise ValueError(f"{item.key} names an area twice")
        return [area for area in AREAS if area in value]
    if item.type == "yes_no":
        if type(value) is not bool:
            raise ValueError(f"{item.key} must be yes or no")
        return value
    if type(value) is not int or value not in item.values():
        raise ValueError(f"{item.key} has no answer {value!r}")
    return value


def save_answers(
    *, response: Response, answers: Mapping[str, object], step: int, now: datetime
) -> Response:
    """Merge answers into a draft and remember the question the patient is on.

    ``answers`` maps item keys of the response's part to stored values (validated against
    the item). Transaction: one atomic block that locks the draft row; a submitted
    response raises ResponseLocked and is left as it was.
    """
    require_patient(response.patient)
    items = {item.key: item for item in response.instrument.parsed().items_for(response.part)}
    checked = {}
    for key, value in answers.items():
        if key not in items:
            raise ValueError(f"{key} is not a question of this questionnaire")
        checked[key] = _check_value(items[key], value)
    with transaction.atomic():
        draft = Response.objects.select_for_update().drafts().filter(pk=response.pk).first()
        if draft is None:
            raise ResponseLocked()
        merged = {**draft.answers, **checked}
        step = max(1, min(step, len(items) + 1))
        updated = (
            Response.objects.drafts()
            .filter(pk=response.pk)
            .update(answers=merged, step=step, updated_at=now)
        )
        if not updated:  # pragma: no cover  (the row lock makes this unreachable)
            raise ResponseLocked()
    response.refresh_from_db()
    return response


def _item_of_error(exc: InvalidAnswers, keys: list[str]) -> str:
    if isinstance(exc, IncompleteResponse) and exc.missing_items:
        return keys[exc.missing_items[0] - 1]
    match = re.fullmatch(r"items\[(\d+)\]", exc.field)
    if match and int(match.group(1)) < len(keys):
        return keys[int(match.group(1))]
    return exc.field if exc.field in keys else keys[0]


def submit_response(*, response: Response, now: datetime) -> Response:
    """Score a complete draft and submit it: from now on it is immutable.

    Stores the scores, bands and flags of the instrument's pure scoring function. When
    the instrument's crisis rule fires (PHQ-9 item 9 > 0) a SafetyFlag row is recorded for
    a therapist the patient shares data with; nothing is sent by e-mail.
    Transaction: one atomic block that locks the draft row. Raises AnswersIncomplete
    (naming the first unanswered question) or ResponseLocked; nothing changes then.
    """
    require_patient(response.patient)
    definition = response.instrument.parsed()
    items = definition.items_for(response.part)
    keys = [item.key for item in items]
    with transaction.atomic():
        draft = Response.objects.select_for_update().drafts().filter(pk=response.pk).first()
        if draft is None:
            raise ResponseLocked()
        for item in items:
            if item.required and draft.answers.get(item.key) is None:
                raise AnswersIncomplete(item.key)
        answers = {key: draft.answers[key] for key in keys if key in draft.answers}
        if definition.scoring_for(response.part) in ("acr2016", "acr2016_symptoms"):
            given = answers
        else:
            given = {key: answers.get(key) for key in keys}
        try:
            scored = score_answers(definition.scoring_for(response.part), given, keys)
        except InvalidAnswers as exc:
            raise AnswersIncomplete(_item_of_error(exc, keys)) from exc
        Response.objects.drafts().filter(pk=response.pk).update(
            scores=scored.scores,
            bands=scored.bands,
            flags=scored.flags,
            submitted_at=now,
            updated_at=now,
        )
        if definition.crisis_flag and scored.flags.get(definition.crisis_flag):
            SafetyFlag.objects.create(
                patient=draft.patient,
                kind=SafetyFlag.Kind.CRISIS,
                response=draft,
                created_at=now,
            )
    versions.patient_changed(response.patient_id)
    return Response.objects.select_related("instrument").get(pk=response.pk)


def discard_draft(*, response: Response) -> None:
    """Throw away a draft (the patient chose to start again). Submitted ones stay."""
    require_patient(response.patient)
    if not Response.objects.drafts().filter(pk=response.pk).delete()[0]:
        raise ResponseLocked()


# --- Red flags ---


def record_red_flag_check(
    *, patient: User, answers: Mapping[str, object], submission_key: UUID, now: datetime
) -> RedFlagCheck:
    """Store one round of red-flag answers with its tier (docs/clinical.md, "Red flags").

    The first round is the intake, every later one "something new". Any red flag pauses
    the exercise part until the patient resumes it (:func:`resume_exercises`), and records
    a SafetyFlag for a therapist the patient shares data with (no e-mail).
    Idempotent per ``submission_key`` (the form's one-time key): the same form arriving
    twice, even at the same moment, returns the first check and changes nothing.
    Transaction: one atomic block; the unique constraint on (patient, submission_key)
    decides a race, and the loser reads the winner's row. InvalidAnswers (from the pure
    routing) and ClinicalAccessDenied (not a consenting patient) change nothing.
    """
    require_patient(patient)
    tier = redflags.route(answers)
    mine = RedFlagCheck.objects.filter(patient=patient, submission_key=submission_key)
    try:
        with transaction.atomic():
            existing = mine.first()
            if existing is not None:
                return existing
            context = (
                RedFlagCheck.Context.SOMETHING_NEW
                if RedFlagCheck.objects.filter(patient=patient).exists()
                else RedFlagCheck.Context.INTAKE
            )
            check = RedFlagCheck.objects.create(
                patient=patient,
                submission_key=submission_key,
                context=context,
                answers=dict(answers),
                routing=tier,
                submitted_at=now,
            )
            if redflags.pauses_exercises(tier):
                SafetyFlag.objects.create(
                    patient=patient,
                    kind=SafetyFlag.Kind.RED_FLAG,
                    red_flag_check=check,
                    created_at=now,
                )
    except IntegrityError:
        existing = mine.first()
        if existing is None:
            raise
        return existing
    return check


def resume_exercises(*, patient: User, check: RedFlagCheck, because: str, now: datetime) -> int:
    """The patient has seen a doctor, or a doctor already knows: the exercises open again.

    Ends the pause of ``check`` and of the patient's earlier checks that still wait (what
    the doctor saw or knows covers what was reported before), never of a later one.
    Returns how many checks were resumed. Transaction: one atomic block of conditional
    UPDATEs on checks still waiting, so resuming twice keeps the first time and reason;
    nothing to resume (already resumed, or no red flag) raises NotAwaitingDoctor.
    """
    require_patient(patient)
    if because not in RedFlagCheck.ResumedBecause.values:
        raise ValueError(f"unknown reason {because!r}")
    waiting = RedFlagCheck.objects.awaiting_doctor().filter(patient=patient)
    with transaction.atomic():
        if not waiting.filter(pk=check.pk).update(resumed_at=now, resumed_because=because):
            raise NotAwaitingDoctor()
        earlier = waiting.filter(submitted_at__lte=check.submitted_at).update(
            resumed_at=now, resumed_because=because
        )
    versions.patient_changed(patient.pk)
    check.refresh_from_db()
    return 1 + earlier
