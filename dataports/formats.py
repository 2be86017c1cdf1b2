"""The export formats: JSON, a ZIP with one CSV file per kind, and a FHIR R4 bundle."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils import timezone

from dataports import fhir
from dataports.collect import KINDS, as_cell
from dataports.texts import NOT_SENT_YET

FORMAT_VERSION = 1


@dataclass(frozen=True)
class ExportFile:
    filename: str
    content_type: str
    body: bytes


def _stamp(now: datetime, zone: Any) -> str:
    return timezone.localtime(now, zone).isoformat()


def as_json(data: dict[str, Any], *, now: datetime, zone: Any) -> ExportFile:
    document = {
        "format": "pijnreset-export",
        "version": FORMAT_VERSION,
        "exported_at": _stamp(now, zone),
        "not_included": str(NOT_SENT_YET),
    }
    document.update(data)
    body = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False).encode()
    day = timezone.localtime(now, zone).date().isoformat()
    return ExportFile(f"pijnreset-{day}.json", "application/json", body)


def csv_text(rows: list[dict[str, Any]]) -> str:
    """One kind as CSV: a header of every key seen (first-seen order), one row per entry."""
    columns: list[str] = []
    for row in rows:
        columns += [key for key in row if key not in columns and key != "history"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns or ["recorded_at", "local_date"])
    for row in rows:
        writer.writerow([as_cell(row.get(column)) for column in columns])
    return out.getvalue()


def as_csv_zip(data: dict[str, Any], *, now: datetime, zone: Any) -> ExportFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("account.csv", csv_text([data["account"]]))
        for kind in KINDS:
            archive.writestr(f"{kind.name}.csv", csv_text(data[kind.name]))
    day = timezone.localtime(now, zone).date().isoformat()
    return ExportFile(f"pijnreset-{day}-csv.zip", "application/zip", buffer.getvalue())


def as_fhir(data: dict[str, Any], *, now: datetime, zone: Any, patient_key: str) -> ExportFile:
    document = fhir.bundle(data, patient_key=patient_key, timestamp=_stamp(now, zone))
    body = json.dumps(document, ensure_ascii=False, indent=2).encode()
    day = timezone.localtime(now, zone).date().isoformat()
    return ExportFile(f"pijnreset-{day}-fhir.json", "application/fhir+json", body)
