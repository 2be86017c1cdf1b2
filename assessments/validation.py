"""Answer validation shared by the pure scoring modules: errors that name the field.

Standard library only: no Django. Nothing is ever coerced, defaulted to 0 or
silently de-duplicated.
"""

from __future__ import annotations

from collections.abc import Sequence

# --- Errors ---


class InvalidAnswers(ValueError):
    """The answers cannot be scored; ``field`` names the offending field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class IncompleteResponse(InvalidAnswers):
    """Required items are missing, so the response gets no score.

    ``missing_items`` holds the 1-based clinical item numbers that are missing.
    """

    def __init__(self, field: str, message: str, missing_items: tuple[int, ...] = ()) -> None:
        super().__init__(field, message)
        self.missing_items = missing_items


# --- Validation helpers ---


def require_int(value: object, name: str, low: int, high: int) -> int:
    if value is None:
        raise InvalidAnswers(name, "is missing")
    # bool is a subclass of int; it is not accepted where a number is wanted.
    if type(value) is not int:
        raise InvalidAnswers(name, f"must be a whole number from {low} to {high}")
    if not low <= value <= high:
        raise InvalidAnswers(name, f"must be from {low} to {high}, got {value}")
    return value


def require_bool(value: object, name: str) -> bool:
    if value is None:
        raise InvalidAnswers(name, "is missing")
    if type(value) is not bool:
        raise InvalidAnswers(name, "must be true or false")
    return value


def require_sequence(items: object, name: str, count: int | None) -> Sequence[object]:
    if items is None:
        raise InvalidAnswers(name, "is missing")
    if isinstance(items, (str, bytes, bytearray)) or not isinstance(items, Sequence):
        raise InvalidAnswers(name, "must be a list of answers")
    if count is not None and len(items) != count:
        raise InvalidAnswers(name, f"must have exactly {count} items, got {len(items)}")
    return items


def complete_items(items: object, count: int, instrument: str) -> tuple[int, ...]:
    """All ``count`` items required, each an int 0-3 (PHQ-4, PHQ-9, GAD-7)."""
    seq = require_sequence(items, "items", count)
    missing = tuple(i + 1 for i, item in enumerate(seq) if item is None)
    if missing:
        numbers = ", ".join(str(n) for n in missing)
        raise IncompleteResponse(
            f"items[{missing[0] - 1}]" if len(missing) == 1 else "items",
            f"{instrument}: all items are required; missing item(s) {numbers}",
            missing,
        )
    return tuple(require_int(item, f"items[{i}]", 0, 3) for i, item in enumerate(seq))
