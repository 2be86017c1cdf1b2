"""The consent texts a user agrees to, each with a version.

When a text changes, raise its version: stored consents keep the version the
person actually saw.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from accounts.models import Consent

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


@dataclass(frozen=True)
class ConsentText:
    purpose: str
    version: str
    text: "StrPromise"


HEALTH_DATA = ConsentText(
    purpose=Consent.Purpose.HEALTH_DATA,
    version="2026-12-07",
    text=_(
        "I give explicit permission to pijnreset to store and use my health data "
        "(such as pain scores, sleep, mood, notes and questionnaire answers) so that "
        "I can use the programme. Only I can see this data in the app, unless I "
        "choose to share it with a named therapist: that asks for my separate "
        "permission first, for what and how long I choose. I can withdraw this "
        "permission at any time on my account page, and I can delete my account "
        "with all my data."
    ),
)

TERMS = ConsentText(
    purpose=Consent.Purpose.TERMS,
    version="2026-11-29",
    text=_("I have read the privacy statement and agree to the terms of use."),
)

THERAPIST_SHARING = ConsentText(
    purpose=Consent.Purpose.THERAPIST_SHARING,
    version="2026-12-07",
    text=_(
        "I give explicit permission to share the data I chose with the therapist (or "
        "practice) I named, for the period I chose. They see only that data. While "
        "I share my questionnaires, they also see when an answer of mine means I may "
        "need help right away. Every time they look, it is written down, and I can "
        "see who looked and when. I can stop sharing at any time, with immediate "
        "effect."
    ),
)

RESEARCH = ConsentText(
    purpose=Consent.Purpose.RESEARCH,
    version="2026-12-07",
    text=_(
        "I give permission to count my scores, without my name or anything else that "
        "shows who I am, in the figures pijnreset makes about how the programme helps "
        "(such as how many people have less pain after 12 weeks). Only groups of at "
        "least 10 people are shown. Saying no changes nothing in the app for me. I can "
        "withdraw this permission at any time on my account page; from then on I am "
        "no longer counted."
    ),
)

TEXTS = {text.purpose: text for text in (HEALTH_DATA, TERMS, THERAPIST_SHARING, RESEARCH)}
