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
    version="2026-12-06",
    text=_(
        "I give explicit permission to pijnreset to store and use my health data "
        "(such as pain scores, sleep, mood, notes and questionnaire answers) so that "
        "I can use the programme. Only I can see this data in the app. Sharing it "
        "with a therapist is not possible yet; if that becomes possible, I will be "
        "asked for separate permission first. I can withdraw this permission at any "
        "time on my account page, and I can delete my account with all my data."
    ),
)

TERMS = ConsentText(
    purpose=Consent.Purpose.TERMS,
    version="2026-11-29",
    text=_("I have read the privacy statement and agree to the terms of use."),
)

TEXTS = {text.purpose: text for text in (HEALTH_DATA, TERMS)}
