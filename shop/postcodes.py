"""Postal codes of the countries we ship to, checked and written the one right way.
Pure: no Django."""

import re

# Dutch: four digits (no leading 0), two letters; SA, SD and SS are never issued.
_DUTCH = re.compile(r"^([1-9][0-9]{3})\s*([A-Z]{2})$")
_BELGIAN = re.compile(r"^[1-9][0-9]{3}$")
_NEVER_ISSUED = {"SA", "SD", "SS"}


def normalise(postcode: str, country: str) -> str | None:
    """ "3511ab" -> "3511 AB" (NL), "1000" (BE); None when it cannot be a postcode."""
    text = " ".join(postcode.upper().split())
    if country == "NL":
        match = _DUTCH.match(text)
        if match is None or match.group(2) in _NEVER_ISSUED:
            return None
        return f"{match.group(1)} {match.group(2)}"
    if country == "BE":
        return text if _BELGIAN.match(text) else None
    return None
