"""The export as a FHIR R4 Bundle (type "collection"), standard library only.

Made from the plain entries of `dataports.collect.everything`:

- one Patient (name only; we store no date of birth);
- per check-in one Observation per score given: pain with LOINC 72514-3 (pain severity
  0-10, reported) and our code; the other scores and the flare answer with our code
  system only (DAILY_SYSTEM);
- per submitted questionnaire one QuestionnaireResponse with every answer, and one
  Observation per total derived from it: LOINC 44261-6 (PHQ-9 total), 70274-6 (GAD-7
  total), 70272-0 (PHQ-4 total); the other scores (ACR 2016 WPI, SSS and FS, FIQR, PGIC)
  with our code system QUESTIONNAIRE_SYSTEM.

Entries are "urn:uuid:" full URLs made from our public ids, so the bundle is the same
every time for the same data.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any, Final

LOINC: Final = "http://loinc.org"
DAILY_SYSTEM: Final = "https://pijnreset.nl/fhir/CodeSystem/daily-scores"
QUESTIONNAIRE_SYSTEM: Final = "https://pijnreset.nl/fhir/CodeSystem/questionnaire-scores"
QUESTIONNAIRE_BASE: Final = "https://pijnreset.nl/fhir/Questionnaire/"
OBSERVATION_CATEGORY: Final = "http://terminology.hl7.org/CodeSystem/observation-category"

DAILY_SCORES: Final[Mapping[str, str]] = {
    "pain": "Pain, 0-10",
    "fatigue": "Tiredness, 0-10",
    "sleep_quality": "Sleep quality, 0-10 (10 slept very well)",
    "stress": "Stress and tension, 0-10",
    "mood": "Mood, 0-10 (10 very good)",
    "gut": "Gut complaints, 0-10",
}
PAIN_LOINC: Final = ("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported")

# (instrument key, score key) -> (system, code, display) for the totals we export.
QUESTIONNAIRE_CODES: Final[Mapping[tuple[str, str], tuple[str, str, str]]] = {
    ("phq9", "total"): (
        LOINC,
        "44261-6",
        "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]",
    ),
    ("gad7", "total"): (
        LOINC,
        "70274-6",
        "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]",
    ),
    ("phq4", "total"): (
        LOINC,
        "70272-0",
        "Patient Health Questionnaire 4 item (PHQ-4) total score [Reported]",
    ),
    ("acr2016", "wpi"): (
        QUESTIONNAIRE_SYSTEM,
        "acr2016-wpi",
        "ACR 2016 widespread pain index, 0-19",
    ),
    ("acr2016", "sss"): (
        QUESTIONNAIRE_SYSTEM,
        "acr2016-sss",
        "ACR 2016 symptom severity scale, 0-12",
    ),
    ("acr2016", "fs"): (
        QUESTIONNAIRE_SYSTEM,
        "acr2016-fs",
        "Fibromyalgia severity (WPI + SSS), 0-31",
    ),
    ("fiqr", "total_display"): (QUESTIONNAIRE_SYSTEM, "fiqr-total", "FIQR total, 0-100"),
    ("pgic", "answer"): (QUESTIONNAIRE_SYSTEM, "pgic", "Patient global impression of change, 1-7"),
}


def _urn(*parts: str) -> str:
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "pijnreset:" + ":".join(parts)))


def _category(code: str) -> list[dict[str, Any]]:
    return [{"coding": [{"system": OBSERVATION_CATEGORY, "code": code}]}]


def _value(value: object) -> dict[str, Any]:
    if isinstance(value, bool):
        return {"valueBoolean": value}
    if isinstance(value, int):
        return {"valueInteger": value}
    if isinstance(value, str) and _is_decimal(value):
        return {"valueQuantity": {"value": float(value) if "." in value else int(value)}}
    return {"valueString": str(value)}


def _is_decimal(text: str) -> bool:
    head, _dot, tail = text.lstrip("-").partition(".")
    return head.isdigit() and (tail == "" or tail.isdigit())


def bundle(data: Mapping[str, Any], *, patient_key: str, timestamp: str) -> dict[str, Any]:
    """The FHIR R4 collection bundle of the export `data` (see the module's docstring)."""
    patient_url = _urn("patient", patient_key)
    account = data.get("account", {})
    patient: dict[str, Any] = {"resourceType": "Patient", "active": True}
    if account.get("display_name"):
        patient["name"] = [{"text": account["display_name"]}]
    resources: list[tuple[str, dict[str, Any]]] = [(patient_url, patient)]
    for check_in in data.get("checkins", []):
        resources += _check_in(check_in, patient_url)
    for response in data.get("questionnaires", []):
        resources += _questionnaire(response, patient_url)
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": timestamp,
        "entry": [{"fullUrl": url, "resource": resource} for url, resource in resources],
    }


def _check_in(check_in: Mapping[str, Any], patient_url: str) -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    status = "amended" if check_in.get("history") else "final"
    answers: list[tuple[str, object, str]] = [
        (name, check_in.get(name), label) for name, label in DAILY_SCORES.items()
    ]
    answers.append(("flare", bool(check_in.get("flare")), "Flare reported"))
    for name, value, label in answers:
        if value is None:
            continue
        coding = [{"system": DAILY_SYSTEM, "code": name, "display": label}]
        if name == "pain":
            coding.insert(0, {"system": LOINC, "code": PAIN_LOINC[0], "display": PAIN_LOINC[1]})
        observation = {
            "resourceType": "Observation",
            "status": status,
            "category": _category("survey"),
            "code": {"coding": coding, "text": label},
            "subject": {"reference": patient_url},
            "effectiveDateTime": check_in["local_date"],
            "issued": check_in["updated_at"],
            **_value(value),
        }
        found.append((_urn("checkin", check_in["public_id"], name), observation))
    return found


def _answers(answers: Mapping[str, Any]) -> list[dict[str, Any]]:
    items = []
    for key, value in answers.items():
        values: Sequence[object] = value if isinstance(value, list) else [value]
        answer = [_value(v) for v in values if v is not None]
        item: dict[str, Any] = {"linkId": str(key)}
        if answer:
            item["answer"] = answer
        items.append(item)
    return items


def _questionnaire(
    response: Mapping[str, Any], patient_url: str
) -> list[tuple[str, dict[str, Any]]]:
    key = response["instrument_key"]
    response_url = _urn("response", response["public_id"])
    questionnaire = {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": f"{QUESTIONNAIRE_BASE}{key}|{response['instrument_version']}",
        "status": "completed",
        "subject": {"reference": patient_url},
        "authored": response["recorded_at"],
        "item": _answers(response.get("answers") or {}),
    }
    found = [(response_url, questionnaire)]
    scores = response.get("scores") or {}
    bands = response.get("bands") or {}
    for (instrument, score), (system, code, display) in QUESTIONNAIRE_CODES.items():
        if instrument != key or scores.get(score) is None:
            continue
        observation: dict[str, Any] = {
            "resourceType": "Observation",
            "status": "final",
            "category": _category("survey"),
            "code": {"coding": [{"system": system, "code": code, "display": display}]},
            "subject": {"reference": patient_url},
            "effectiveDateTime": response["recorded_at"],
            "derivedFrom": [{"reference": response_url}],
            **_value(scores[score]),
        }
        band = bands.get("severity") if score in ("total", "fs", "total_display") else None
        if band:
            observation["interpretation"] = [{"text": str(band)}]
        found.append((_urn("response", response["public_id"], score), observation))
    return found
