"""The fixed catalogue of guided exercises: keys, evidence labels, durations.

The texts a patient reads (title, introduction, cues, steps, prompts) come from
the exercise scripts in content/<lang>/exercises/ (see exercises/content.py);
what is fixed by the product lives here: which exercises exist, how strong the
evidence is for each (docs/clinical.md section 5), and which lengths one can choose.
The titles here are the fallback when the scripts are not loaded yet, and the
titles the Today page uses (no query needed).
"""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from exercises.scripts import EVIDENCE


class ExerciseKey(models.TextChoices):
    BREATHING = "breathing", _("Calm breathing")
    PMR = "pmr", _("Tensing and relaxing muscles")
    BODY_SCAN = "body_scan", _("Body scan")
    MOVEMENT = "movement", _("Moving without pressure")
    GRATITUDE = "gratitude", _("Gratitude")
    SOCIAL = "social", _("Contact with others")
    EMOTION = "emotion", _("Emotions and stress")


# The timed exercises, which have sessions with a start and an end.
TIMED = (ExerciseKey.BREATHING, ExerciseKey.PMR, ExerciseKey.BODY_SCAN)

EVIDENCE_WORDS: dict[str, Promise] = {
    "A": _("strong evidence"),
    "B": _("moderate evidence"),
    "C": _("limited evidence"),
    "D": _("plausible, but little direct evidence"),
}


@dataclass(frozen=True)
class Version:
    """A length one can choose for a guided exercise with fixed steps."""

    key: str  # as in the script: pmr "short"/"long", body_scan "5"/"10"
    minutes: int
    label: Promise


@dataclass(frozen=True)
class Exercise:
    key: str
    evidence: str
    basis: Promise  # one plain sentence on where the label comes from
    extra_note: Promise | None = None
    versions: tuple[Version, ...] = ()
    duration: Promise | None = None  # shown in the catalogue (the Practise tab)

    @property
    def title(self) -> str:
        return str(ExerciseKey(self.key).label)

    @property
    def evidence_words(self) -> str:
        return str(EVIDENCE_WORDS[self.evidence])

    @property
    def is_timed(self) -> bool:
        return self.key in TIMED

    def version(self, key: str) -> Version | None:
        return next((v for v in self.versions if v.key == key), None)


CATALOGUE: dict[str, Exercise] = {
    e.key: e
    for e in (
        Exercise(
            ExerciseKey.BREATHING,
            EVIDENCE[ExerciseKey.BREATHING],
            _("Small studies; it plausibly works through the calming part of the nervous system."),
            duration=_("1 to 10 minutes, you choose (usually 5)"),
        ),
        Exercise(
            ExerciseKey.PMR,
            EVIDENCE[ExerciseKey.PMR],
            _("Small studies."),
            versions=(
                Version("short", 5, _("Short (about 5 minutes)")),
                Version("long", 15, _("Long (about 15 minutes)")),
            ),
            duration=_("5 or 15 minutes"),
        ),
        Exercise(
            ExerciseKey.BODY_SCAN,
            EVIDENCE[ExerciseKey.BODY_SCAN],
            _("Mindfulness-based practice: European guidelines (EULAR 2016) give a weak “for”."),
            versions=(
                Version("5", 5, _("5 minutes")),
                Version("10", 10, _("10 minutes")),
            ),
            duration=_("5 or 10 minutes"),
        ),
        Exercise(
            ExerciseKey.MOVEMENT,
            EVIDENCE[ExerciseKey.MOVEMENT],
            _(
                "Gentle, gradual exercise is the only strong “for” in the European "
                "guidelines (EULAR 2016)."
            ),
            extra_note=_("Meditative movement such as yoga or tai chi: B, moderate evidence."),
            duration=_("A few minutes or more, at your own pace"),
        ),
        Exercise(
            ExerciseKey.GRATITUDE,
            EVIDENCE[ExerciseKey.GRATITUDE],
            _("Studies on general well-being; little research in fibromyalgia."),
            duration=_("About 2 minutes of writing"),
        ),
        Exercise(
            ExerciseKey.SOCIAL,
            EVIDENCE[ExerciseKey.SOCIAL],
            _("Observational studies; little research on this as a practice."),
            duration=_("About 2 minutes to choose an intention for the week"),
        ),
        Exercise(
            ExerciseKey.EMOTION,
            EVIDENCE[ExerciseKey.EMOTION],
            _(
                "Part of acceptance (ACT) and cognitive behavioural approaches, which the "
                "European guidelines (EULAR 2016) give a weak “for”."
            ),
            duration=_("About 5 minutes of writing"),
        ),
    )
}

# The breathing pacer: defaults and the ranges a user may choose (issue 4).
BREATH_DEFAULTS = {"breath_in": 4, "breath_hold": 4, "breath_out": 6}
BREATH_PHASE_RANGE = (2, 10)
# The hold is optional (docs/clinical.md 6): 0 s means no hold. Suggested after dizziness, and
# for people with lung disease or panic.
BREATH_HOLD_RANGE = (0, 10)
NO_HOLD = {"breath_in": 4, "breath_hold": 0, "breath_out": 6}
BREATHING_MINUTES_RANGE = (1, 10)
BREATHING_DEFAULT_MINUTES = 5
FLARE_BREATHING_MINUTES = 3
