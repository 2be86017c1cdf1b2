"""Shared helpers for the assessments tests: fill in questionnaires through the URLs."""

import io
from pathlib import Path

from django.core.management import call_command

from assessments.models import Response

# Case A of docs/clinical.md 3.1 as form posts, one per question (WPI 8, SSS 6, FS 14, severe).
CASE_A_STEPS = [
    {
        "pain_areas": [
            "shoulder_girdle_left", "shoulder_girdle_right", "upper_arm_left", "hip_left",
            "hip_right", "upper_leg_right", "neck", "lower_back",
        ]
    },
    {"fatigue": "2"},
    {"waking_unrefreshed": "2"},
    {"cognitive": "1"},
    {"headaches": "yes"},
    {"lower_abdominal": "no"},
    {"depression": "no"},
    {"symptoms_3_months": "yes"},
]  # fmt: skip


def start(client, key: str, occasion: str = "self", mode: str = "steps") -> Response:
    response = client.post(f"/vragenlijsten/begin/{key}/{occasion}/", {"mode": mode})
    assert response.status_code == 302, response.status_code
    return Response.objects.drafts().get(instrument_key=key)


def question_url(response: Response, number: int) -> str:
    return f"/vragenlijsten/{response.public_id}/vraag/{number}/"


def answer_steps(client, response: Response, steps: list[dict]) -> None:
    for number, data in enumerate(steps, start=1):
        answer = client.post(question_url(response, number), {"go": "next", **data})
        assert answer.status_code == 302, (number, answer.status_code)


def submit(client, response: Response):
    return client.post(f"/vragenlijsten/{response.public_id}/controleren/")


def fill_in(client, key: str, steps: list[dict], occasion: str = "self") -> Response:
    """Start, answer every question, submit; returns the submitted response."""
    response = start(client, key, occasion)
    answer_steps(client, response, steps)
    sent = submit(client, response)
    assert sent.status_code == 302, sent.status_code
    response.refresh_from_db()
    assert response.is_submitted
    return response


def items(*values: int) -> list[dict]:
    return [{f"item{n}": str(v)} for n, v in enumerate(values, start=1)]


FIQR_FIXTURE = Path(__file__).parent / "fixtures" / "fiqr_test_wording.yaml"


def install_fixture():
    """Install the fake FIQR wording of the fixtures folder, with the real command."""
    call_command("install_instrument", str(FIQR_FIXTURE), stdout=io.StringIO())
