"""What a patient's result page shows, in plain words (docs/clinical.md sections 1 and 3).

The patient sees each score with its range, the band in words and the change since the
previous response of the same questionnaire. Never a diagnosis and never the 2016
criteria thresholds: those are for the therapist view, labelled as screening.
"""

from dataclasses import dataclass
from fractions import Fraction

from django.utils.translation import gettext as _

from assessments.areas import AREA_LABELS
from assessments.definitions import Item, pick
from assessments.models import Response
from assessments.rounding import round_half_up


@dataclass(frozen=True)
class Change:
    previous: str
    difference: str  # always positive, rounded half-up for decimals
    direction: str  # "lower", "higher" or "same"
    previous_at: object


@dataclass(frozen=True)
class Line:
    label: str
    value: str
    maximum: str
    band_label: str = ""
    band_meaning: str = ""
    change: Change | None = None


@dataclass(frozen=True)
class Notice:
    text: str
    offer: str  # instrument key offered, or ""


@dataclass(frozen=True)
class Answer:
    number: int
    question: str
    answer: str


def _exact(scores: dict[str, object], key: str) -> Fraction | None:
    """The exact value behind a result line: "total_display" is shown, "total" is exact."""
    source = scores.get(key.removesuffix("_display"), scores.get(key))
    if isinstance(source, bool) or source is None:
        return None
    if isinstance(source, int):
        return Fraction(source)
    try:
        return Fraction(str(source))
    except (ValueError, ZeroDivisionError):
        return None


def _show(value: Fraction, decimals: bool) -> str:
    return str(round_half_up(value)) if decimals else str(value.numerator)


def _change(key: str, scores: dict[str, object], previous: Response | None) -> Change | None:
    if previous is None or previous.scores is None:
        return None
    now, before = _exact(scores, key), _exact(previous.scores, key)
    if now is None or before is None:
        return None
    decimals = key.endswith("_display")
    difference = now - before
    direction = "same" if difference == 0 else "lower" if difference < 0 else "higher"
    return Change(
        previous=str(previous.scores.get(key)) if decimals else _show(before, False),
        difference=_show(abs(difference), decimals),
        direction=direction,
        previous_at=previous.submitted_at,
    )


def result_lines(response: Response, previous: Response | None, language: str) -> list[Line]:
    definition = response.instrument.parsed()
    scores = response.scores or {}
    lines = []
    for result in definition.results:
        if result.score not in scores:
            continue
        band = None
        if result.band:
            band = definition.band_by_key((response.bands or {}).get("severity", ""))
        lines.append(
            Line(
                label=pick(result.label, language),
                value=str(scores[result.score]),
                maximum=result.maximum,
                band_label=pick(band.label, language) if band else "",
                band_meaning=pick(band.meaning, language) if band else "",
                change=_change(result.score, scores, previous),
            )
        )
    return lines


def notices(response: Response, language: str) -> list[Notice]:
    definition = response.instrument.parsed()
    flags = response.flags or {}
    return [
        Notice(text=pick(n.text, language), offer=n.offer)
        for n in definition.notices
        if flags.get(n.flag)
    ]


def clinician_note(response: Response, language: str) -> str:
    """The note "for your therapist or doctor" of the instrument (PHQ-9: symptom overlap)."""
    return pick(response.instrument.parsed().clinician_note, language)


def answer_text(item: Item, value: object, language: str) -> str:
    if value is None:
        return _("Not answered")
    if item.type == "areas":
        areas = [str(AREA_LABELS[key]) for key in value if key in AREA_LABELS]  # type: ignore[attr-defined]
        return ", ".join(areas) if areas else _("No pain in any of these areas")
    if item.type == "yes_no":
        return _("Yes") if value else _("No")
    for option in item.options:
        if option.value == value:
            return pick(option.label, language)
    return str(value)


def answers_list(response: Response, language: str) -> list[Answer]:
    items = response.instrument.parsed().items_for(response.part)
    return [
        Answer(
            number=number,
            question=pick(item.text, language),
            answer=answer_text(item, response.answers.get(item.key), language)
            if item.key in response.answers
            else _("Not answered yet"),
        )
        for number, item in enumerate(items, start=1)
    ]
