"""Network outcomes for the operator (filled in below)."""

from __future__ import annotations

from datetime import datetime
from typing import Any


def network_outcomes(*, now: datetime) -> list[Any]:
    return []


def outcome_rows(figures: list[Any]) -> tuple[list[str], list[list[object]]]:
    return [], []
