"""Automatic checks on review, reply and story texts: pure, no Django.

Nothing here decides; a hit is a flag that a moderator looks at (reviews and
stories), or a reason to ask the practice to rewrite its reply. The lists are
short and plain on purpose: a moderator reads every text anyway, the flags only
point at what to look at first. Matching is on whole words, case-insensitive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", re.UNICODE)
# Dutch and international numbers: 06-12345678, 020 123 4567, +31 6 1234 5678, 0031...
PHONE = re.compile(r"(?<!\d)(\+|00)?\d(?:[\s.-]?\d){8,12}(?!\d)")
URL = re.compile(r"(https?://|www\.)\S+|\b[\w-]+\.(nl|com|org|net|eu|be|info|io)\b", re.I)

ABUSIVE_WORDS = frozenset(
    {
        # Dutch
        "kut", "klote", "kanker", "tering", "tyfus", "klootzak", "lul", "eikel",
        "idioot", "debiel", "achterlijk", "hoer", "trut", "oplichter", "oplichters",
        "sukkel", "mongool", "godverdomme", "kutwijf", "flikker",
        # English
        "fuck", "fucking", "shit", "bitch", "asshole", "idiot", "moron", "retard",
        "bastard", "crap", "scammer", "scammers", "dick", "cunt",
    }
)  # fmt: skip

# A reply may not reveal anything about the reviewer's health or care (Dutch
# disciplinary rulings): words that name a complaint, a diagnosis, a treatment
# or what was said in the room.
HEALTH_WORDS = frozenset(
    {
        # Dutch
        "diagnose", "klacht", "klachten", "pijn", "fibromyalgie", "behandeling",
        "behandeld", "behandelplan", "dossier", "medicatie", "medicijnen", "verwijzing",
        "huisarts", "depressie", "angst", "trauma", "operatie", "rug", "nek", "knie",
        "schouder", "heup", "hernia", "zwanger", "zwangerschap", "slaap", "vermoeidheid",
        "therapie", "oefeningen", "sessie", "sessies", "consult", "intake", "onderzoek",
        "psycholoog", "psychisch", "burn-out", "burnout",
        # English
        "diagnosis", "complaint", "complaints", "pain", "fibromyalgia", "treatment",
        "treated", "record", "medication", "referral", "depression", "anxiety",
        "surgery", "back", "neck", "knee", "shoulder", "hip", "pregnant", "pregnancy",
        "sleep", "fatigue", "therapy", "exercises", "session", "sessions", "examination",
        "psychologist",
    }
)  # fmt: skip

# Stories: a promise of cure, and advice about medicines.
CURE_PHRASES = (
    "genezen", "genezing", "geneest", "pijnvrij", "helemaal over", "voorgoed weg",
    "klachtenvrij", "100%", "gegarandeerd", "wondermiddel", "cured", "cure",
    "healed", "pain-free", "pain free", "completely gone", "guaranteed", "miracle",
)  # fmt: skip
MEDICATION_PHRASES = (
    "stop met je medicijnen", "stoppen met medicijnen", "stop je medicatie",
    "afbouwen", "dosis", "milligram", "mg", "pregabaline", "lyrica", "amitriptyline",
    "duloxetine", "tramadol", "oxycodon", "paracetamol", "ibuprofen", "naproxen",
    "cbd", "supplement", "supplementen", "stop your medication", "stop taking",
    "dose", "dosage", "taper", "pregabalin", "oxycodone",
)  # fmt: skip

_WORD = re.compile(r"[\w-]+", re.UNICODE)


def words(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text)]


def _phrases_in(text: str, phrases: Iterable[str]) -> list[str]:
    lowered = f" {' '.join(words(text))} " if text else " "
    raw = text.lower()
    found = []
    for phrase in phrases:
        if phrase.isalnum() or " " in phrase or "-" in phrase:
            if f" {phrase} " in lowered:
                found.append(phrase)
        elif phrase in raw:
            found.append(phrase)
    return found


def review_flags(text: str) -> list[str]:
    """Why a moderator should look closely: "email", "phone", "url", "abuse" (in this order)."""
    flags = []
    if EMAIL.search(text):
        flags.append("email")
    if PHONE.search(text):
        flags.append("phone")
    if URL.search(EMAIL.sub(" ", text)):
        flags.append("url")
    if ABUSIVE_WORDS.intersection(words(text)):
        flags.append("abuse")
    return flags


def story_flags(text: str) -> list[str]:
    """A review's flags plus "cure" (a promise of cure) and "medication" (advice on medicines)."""
    flags = review_flags(text)
    if _phrases_in(text, CURE_PHRASES):
        flags.append("cure")
    if _phrases_in(text, MEDICATION_PHRASES):
        flags.append("medication")
    return flags


def health_words_in(text: str) -> list[str]:
    """The words of a practice's reply that may reveal something about health or care."""
    return sorted(HEALTH_WORDS.intersection(words(text)))
