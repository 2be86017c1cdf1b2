from pathlib import Path

from django.contrib.auth.password_validation import (
    CommonPasswordValidator,
    MinimumLengthValidator,
)
from django.utils.translation import ngettext

DUTCH_LIST = Path(__file__).resolve().parent / "data" / "common_passwords_nl.txt"


class LengthValidator(MinimumLengthValidator):
    """Django's minimum length, with a message we translate ourselves.

    Django 5.2 changed this message's msgid and its Dutch catalogue has not
    caught up, so Dutch users would read English.
    """

    def get_error_message(self) -> str:
        return ngettext(
            "This password is too short. Use at least %(min_length)d character; "
            "a short sentence works well.",
            "This password is too short. Use at least %(min_length)d characters; "
            "a short sentence works well.",
            self.min_length,
        ) % {"min_length": self.min_length}


class DutchCommonPasswordValidator(CommonPasswordValidator):
    """Refuse passwords from a short list of common Dutch ones ("welkom01", "wachtwoord1")."""

    def __init__(self, password_list_path: Path = DUTCH_LIST) -> None:
        lines = Path(password_list_path).read_text(encoding="utf-8").splitlines()
        self.passwords = {
            line.strip().lower() for line in lines if line.strip() and not line.startswith("#")
        }
