"""Text that fpdf2's built-in fonts can show (they know Latin-1 only).

The invoice and the report for the doctor both pass every string through here: accents are
kept where Latin-1 has them, other letters become their base letter (Ł -> L, Ő -> O), a few
signs their nearest ASCII, anything else "?". A name in any script never stops a PDF.
"""

import unicodedata

_NEAREST = {"Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Ø": "O", "ø": "o", "€": "EUR", "–": "-",
            "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"'}  # fmt: skip


def latin1(text: str) -> str:
    out = []
    for char in text:
        try:
            char.encode("latin-1")
            out.append(char)
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", char).encode("latin-1", "ignore").decode()
            out.append(base or _NEAREST.get(char, "?"))
    return "".join(out)
