"""Does a note mention wanting to die? (docs/clinical.md section 6, crisis rule.)

Pure: standard library only. Deliberately simple: a short list of phrases in
Dutch and English, matched on whole words after lower-casing and removing
accents. A match only *offers* the help page; it never blocks, stores a flag
or sends anything. False alarms are acceptable; the wording of the offer is
kind either way.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

PHRASES: Final[tuple[str, ...]] = (
    # Dutch
    "zelfmoord",
    "zelfdoding",
    "suicide",
    "suicidaal",
    "dood willen",
    "wil dood",
    "wil ik dood",
    "dood wil",
    "niet meer leven",
    "niet meer willen leven",
    "wil niet meer",
    "een eind aan maken",
    "een einde aan maken",
    "eind aan mijn leven",
    "einde aan mijn leven",
    "uit het leven stappen",
    "van kant maken",
    "mezelf iets aandoen",
    "mijzelf iets aandoen",
    "levensmoe",
    # English
    "suicidal",
    "kill myself",
    "killing myself",
    "want to die",
    "wanna die",
    "wish i was dead",
    "wish i were dead",
    "end my life",
    "ending my life",
    "end it all",
    "take my own life",
    "better off dead",
    "don't want to live",
    "dont want to live",
    "do not want to live",
    "no reason to live",
    "hurt myself",
)


def _normalise(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("\u2019", "'")
    return " ".join(re.findall(r"[\w']+", plain))


_PATTERN: Final = re.compile(
    r"(?<![\w'])(?:" + "|".join(re.escape(_normalise(p)) for p in PHRASES) + r")(?![\w'])"
)


def mentions_crisis(text: str) -> bool:
    """True when the text contains one of the crisis phrases."""
    return bool(text) and _PATTERN.search(_normalise(text)) is not None
