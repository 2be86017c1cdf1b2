"""Reading a CSV of daily scores and planning its import, row by row (standard library only).

The patient uploads a file, maps its columns to our scores, sees a preview and imports.
This module decides, without touching the database, what each row would do: become a new
check-in, or be skipped with a reason code (the view words the codes in the patient's
language). Importing never changes an existing check-in: a day that already has one is
skipped, so importing the same file twice adds nothing.

Bounds, so no file can hurt: at most MAX_BYTES, MAX_ROWS data rows and MAX_COLUMNS
columns; a file with NUL bytes, control characters or no readable text is refused whole.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Final

MAX_BYTES: Final = 1_000_000
MAX_ROWS: Final = 5000
MAX_COLUMNS: Final = 40
MAX_HEADER: Final = 80

# The check-in's 0-10 scores (diary.models.SCORES; a test keeps them equal). Pain is required.
SCORES: Final[tuple[str, ...]] = ("pain", "fatigue", "sleep_quality", "stress", "mood", "gut")
DATE: Final = "date"
TARGETS: Final[tuple[str, ...]] = (DATE, *SCORES)

# Column names we recognise for each target (lower case, as exported by us or typed by people).
KNOWN_HEADERS: Final[Mapping[str, tuple[str, ...]]] = {
    DATE: ("local_date", "date", "datum", "dag", "day"),
    "pain": ("pain", "pijn"),
    "fatigue": ("fatigue", "tiredness", "vermoeidheid", "moeheid"),
    "sleep_quality": ("sleep_quality", "sleep", "slaap", "slaapkwaliteit"),
    "stress": ("stress", "spanning"),
    "mood": ("mood", "stemming"),
    "gut": ("gut", "darmen", "buik"),
}

# Why a whole file is refused.
FILE_PROBLEMS: Final[tuple[str, ...]] = (
    "empty",
    "too_big",
    "not_text",
    "malformed",
    "no_rows",
    "too_many_rows",
    "too_many_columns",
)
# Why one row is skipped.
ROW_REASONS: Final[tuple[str, ...]] = (
    "no_date",
    "bad_date",
    "future",
    "too_old",
    "bad_score",
    "out_of_range",
    "no_pain",
    "twice_in_file",
    "already_there",
    "exists_different",
)

_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_WHOLE = re.compile(r"[+-]?\d{1,6}")


class UnreadableFile(Exception):
    """The file as a whole cannot be read; `problem` is one of FILE_PROBLEMS."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (line number in the file, cells)


@dataclass(frozen=True)
class RowOutcome:
    line: int
    day: date | None
    values: dict[str, int | None] = field(default_factory=dict)
    reason: str | None = None  # None: imported (or to be imported)
    column: str = ""  # the column the reason is about, when there is one

    @property
    def imported(self) -> bool:
        return self.reason is None


ZIP_MEMBER: Final = "checkins.csv"  # in our own CSV export


def unpack(raw: bytes) -> bytes:
    """The check-ins file from a ZIP of our CSV export; any other file as it came."""
    if not raw.startswith(b"PK\x03\x04"):
        return raw
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            member = next((m for m in archive.infolist() if m.filename == ZIP_MEMBER), None)
            if member is None:
                raise UnreadableFile("no_rows")
            if member.file_size > MAX_BYTES:
                raise UnreadableFile("too_big")
            with archive.open(member) as opened:
                content = opened.read(MAX_BYTES + 1)  # the header's size may lie
    except UnreadableFile:
        raise
    # A broken, encrypted or oddly compressed archive: refused whole, never a crash.
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError, zlib.error) as exc:
        raise UnreadableFile("malformed") from exc
    if len(content) > MAX_BYTES:
        raise UnreadableFile("too_big")
    return content


def read_table(raw: bytes) -> Table:
    """The header and data rows of a CSV file; raises UnreadableFile with the problem."""
    if not raw.strip():
        raise UnreadableFile("empty")
    if len(raw) > MAX_BYTES:
        raise UnreadableFile("too_big")
    text = _decode(raw)
    delimiter = _delimiter(text.split("\n", 1)[0])
    rows: list[tuple[int, tuple[str, ...]]] = []
    headers: tuple[str, ...] | None = None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            if headers is None:
                if len(cells) > MAX_COLUMNS:
                    raise UnreadableFile("too_many_columns")
                headers = tuple(cell.strip()[:MAX_HEADER] for cell in cells)
                continue
            if len(rows) >= MAX_ROWS:
                raise UnreadableFile("too_many_rows")
            width = len(headers)
            cells = [*cells[:width], *[""] * (width - len(cells))]
            rows.append((reader.line_num, tuple(cell.strip() for cell in cells)))
    except csv.Error as exc:
        raise UnreadableFile("malformed") from exc
    if headers is None or not rows:
        raise UnreadableFile("no_rows")
    return Table(headers=headers, rows=tuple(rows))


def _decode(raw: bytes) -> str:
    if b"\x00" in raw:
        raise UnreadableFile("not_text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")  # Excel on Windows saves CSV this way
        except UnicodeDecodeError as exc:
            raise UnreadableFile("not_text") from exc
    if any(ord(ch) < 32 and ch not in "\t\r\n" for ch in text) or "\x7f" in text:
        raise UnreadableFile("not_text")
    return text


def _delimiter(first_line: str) -> str:
    """Comma, semicolon (Dutch spreadsheets) or tab: whichever the header line uses most."""
    counts = {mark: first_line.count(mark) for mark in (",", ";", "\t")}
    best = max(counts, key=lambda mark: counts[mark])
    return best if counts[best] > 0 else ","


def guess_mapping(headers: Sequence[str]) -> dict[str, int]:
    """Target -> column index for the columns whose names we recognise (first match wins)."""
    found: dict[str, int] = {}
    lowered = [header.strip().lower() for header in headers]
    for target in TARGETS:
        for name in KNOWN_HEADERS[target]:
            if name in lowered and lowered.index(name) not in found.values():
                found[target] = lowered.index(name)
                break
    return found


def parse_day(text: str) -> date | None:
    """A date as 2026-03-01, 01-03-2026, 1/3/2026 or 01.03.2026 (day first), else None."""
    text = text.strip()
    iso = _ISO.fullmatch(text)
    day_first = _DAY_FIRST.fullmatch(text)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        if day_first:
            return date(int(day_first[3]), int(day_first[2]), int(day_first[1]))
    except ValueError:
        return None
    return None


def _score(text: str) -> tuple[int | None, str | None]:
    """(value, None), (None, None) for an empty cell, or (None, reason)."""
    if text == "":
        return None, None
    if not text.isascii() or not _WHOLE.fullmatch(text):
        return None, "bad_score"
    number = int(text)
    if not 0 <= number <= 10:
        return None, "out_of_range"
    return number, None


def plan(
    table: Table,
    mapping: Mapping[str, int],
    *,
    today: date,
    first_allowed: date,
    existing: Mapping[date, Mapping[str, int | None]],
) -> list[RowOutcome]:
    """What each row does. `mapping` needs "date" and "pain"; `existing` holds the scores of
    the patient's check-ins on the days in the file (or more)."""
    outcomes: list[RowOutcome] = []
    seen: set[date] = set()
    for line, cells in table.rows:
        outcomes.append(_row(line, cells, mapping, today, first_allowed, existing, seen))
    return outcomes


def _row(
    line: int,
    cells: tuple[str, ...],
    mapping: Mapping[str, int],
    today: date,
    first_allowed: date,
    existing: Mapping[date, Mapping[str, int | None]],
    seen: set[date],
) -> RowOutcome:
    raw_day = cells[mapping[DATE]]
    if raw_day == "":
        return RowOutcome(line, None, reason="no_date", column=DATE)
    day = parse_day(raw_day)
    if day is None:
        return RowOutcome(line, None, reason="bad_date", column=DATE)
    if day > today:
        return RowOutcome(line, day, reason="future", column=DATE)
    if day < first_allowed:
        return RowOutcome(line, day, reason="too_old", column=DATE)
    values: dict[str, int | None] = {}
    for name in SCORES:
        if name not in mapping:
            continue
        value, problem = _score(cells[mapping[name]])
        if problem is not None:
            return RowOutcome(line, day, reason=problem, column=name)
        values[name] = value
    if values.get("pain") is None:
        return RowOutcome(line, day, values, reason="no_pain", column="pain")
    if day in seen:
        return RowOutcome(line, day, values, reason="twice_in_file", column=DATE)
    seen.add(day)
    if day in existing:
        same = all(existing[day].get(name) == value for name, value in values.items())
        return RowOutcome(line, day, values, reason="already_there" if same else "exists_different")
    return RowOutcome(line, day, values)


def summary(outcomes: Sequence[RowOutcome]) -> dict[str, int]:
    """How many rows would be imported and how many were skipped for each reason."""
    counts = {"imported": sum(1 for o in outcomes if o.imported)}
    for outcome in outcomes:
        if outcome.reason is not None:
            counts[outcome.reason] = counts.get(outcome.reason, 0) + 1
    return counts
