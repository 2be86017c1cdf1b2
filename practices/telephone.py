"""Phone numbers as `tel:` addresses (pure: no Django)."""


def tel_uri(number: str) -> str:
    """`tel:` plus the number's digits, with a leading + kept ("+31 30-123 45 67" ->
    "tel:+31301234567"); "" when there are no digits. A (0) trunk prefix after the
    country code is dropped, as dialling from abroad needs ("+31 (0)30" -> "+3130")."""
    text = number.strip()
    text = text.replace("(0)", "") if text.startswith("+") else text
    digits = "".join(character for character in text if character.isascii() and character.isdigit())
    if not digits:
        return ""
    return f"tel:+{digits}" if text.startswith("+") else f"tel:{digits}"
