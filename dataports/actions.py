"""Writes of dataports, shared by the pages and the API: exports, reports and imports.

Every action checks the clinical gate first (`require_patient`): only a patient with an
active health-data consent takes data out or brings it in.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial

from django.db import transaction
from django.utils import timezone

from accounts.access import require_patient
from accounts.models import User
from dataports import collect, csvimport, formats
from dataports.models import ExportFormat, ExportRecord, ImportUpload, Report
from diary.models import CheckIn
from pijnreset import bounds
from pijnreset.db_routing import heavy_reads

logger = logging.getLogger(__name__)

# A period up to this long is made at once, during the request; longer ones in the background.
AT_ONCE_DAYS = 92
MAX_PERIOD_DAYS = 3 * 366
IMPORT_YEARS_BACK = 10
UPLOADS_KEPT = 5  # unfinished uploads per patient; older ones are removed
REPORTS_KEPT = 10  # reports per patient (each holds a PDF); older ones are removed


class PeriodError(ValueError):
    """A report period that cannot be made; `problem` is "order", "future" or "too_long"."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def export_data(*, patient: User, fmt: str, channel: str, now: datetime) -> formats.ExportFile:
    """Everything the patient entered in one format, and a line in their export log."""
    require_patient(patient)
    with heavy_reads():  # every row of the account: on a replica when there is one
        data = collect.everything(patient)
    zone = patient.zone
    if fmt == ExportFormat.JSON:
        file = formats.as_json(data, now=now, zone=zone)
    elif fmt == ExportFormat.CSV:
        file = formats.as_csv_zip(data, now=now, zone=zone)
    elif fmt == ExportFormat.FHIR:
        file = formats.as_fhir(data, now=now, zone=zone, patient_key=str(patient.pk))
    else:
        raise ValueError(fmt)
    ExportRecord.objects.create(
        patient=patient, format=fmt, channel=channel, entries=collect.count(data), created_at=now
    )
    return file


def period_problem(first: date, last: date, *, today: date) -> str | None:
    if first > last:
        return "order"
    if last > today:
        return "future"
    if (last - first).days + 1 > MAX_PERIOD_DAYS:
        return "too_long"
    return None


def request_report(
    *,
    patient: User,
    first: date,
    last: date,
    full_name: str,
    birth_date: date | None,
    include_notes: bool,
    language: str,
    now: datetime,
) -> Report:
    """Ask for a report: a short period is made at once, a long one in the background.

    Transaction: the row is committed before the background task is enqueued.
    """
    require_patient(patient)
    problem = period_problem(first, last, today=patient.local_date(now))
    if problem is not None:
        raise PeriodError(problem)
    report = Report.objects.create(
        patient=patient,
        first_day=first,
        last_day=last,
        full_name=full_name,
        birth_date=birth_date,
        include_notes=include_notes,
        language=language,
        created_at=now,
    )
    older = Report.objects.filter(patient=patient).order_by("-created_at", "-id")
    Report.objects.filter(pk__in=list(older.values_list("pk", flat=True)[REPORTS_KEPT:])).delete()
    if (last - first).days + 1 <= AT_ONCE_DAYS:
        make_report(report.pk)
        report.refresh_from_db()
        return report
    from dataports.tasks import make_report as task

    transaction.on_commit(partial(task.enqueue, report.pk))
    return report


def make_report(report_id: int) -> None:
    """Draw the PDF of a queued report, updating its progress; a failure is kept as such."""
    from django.utils import translation

    from dataports import pdf, report

    found = Report.objects.select_related("patient").filter(pk=report_id).first()
    if found is None or found.status == Report.Status.DONE:
        return
    Report.objects.filter(pk=report_id).update(status=Report.Status.WORKING, progress=10)
    try:
        with translation.override(found.language):
            with heavy_reads():
                content = report.gather(found)
            Report.objects.filter(pk=report_id).update(progress=60)
            body, pages = pdf.render(content)
    except Exception:
        logger.exception("report %s could not be made", found.public_id)
        Report.objects.filter(pk=report_id).update(status=Report.Status.FAILED, progress=100)
        return
    now = timezone.now()
    with transaction.atomic():
        Report.objects.filter(pk=report_id).update(
            status=Report.Status.DONE, progress=100, pdf=body, pages=pages, finished_at=now
        )
        ExportRecord.objects.create(
            patient=found.patient,
            format=ExportFormat.REPORT,
            channel=ExportRecord.Channel.WEB,
            entries=len(content.days),
            created_at=now,
        )


# --- import of daily scores from CSV ---


def upload_scores(*, patient: User, filename: str, raw: bytes, now: datetime) -> ImportUpload:
    """Keep an uploaded CSV (or our CSV export's ZIP) for mapping and preview.

    Raises csvimport.UnreadableFile when the file cannot be read as a table at all.
    """
    require_patient(patient)
    content = csvimport.unpack(raw)
    csvimport.read_table(content)  # refuse an unreadable file now, not at the preview
    text = content.decode("utf-8-sig") if _is_utf8(content) else content.decode("cp1252")
    with transaction.atomic():
        upload = ImportUpload.objects.create(
            patient=patient,
            filename=filename[:200],
            content=text,
            sha256=hashlib.sha256(content).hexdigest(),
            mapping=csvimport.guess_mapping(csvimport.read_table(content).headers),
            created_at=now,
        )
        kept = ImportUpload.objects.filter(patient=patient, imported_at__isnull=True)
        old = kept.order_by("-created_at", "-id").values_list("pk", flat=True)[UPLOADS_KEPT:]
        ImportUpload.objects.filter(pk__in=list(old)).delete()
    return upload


def _is_utf8(content: bytes) -> bool:
    try:
        content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True


def table_of(upload: ImportUpload) -> csvimport.Table:
    return csvimport.read_table(upload.content.encode())


def first_allowed(today: date) -> date:
    return max(bounds.PAST_FIRST, date(today.year - IMPORT_YEARS_BACK, 1, 1))


@dataclass(frozen=True)
class ImportPlan:
    outcomes: list[csvimport.RowOutcome]

    @property
    def counts(self) -> dict[str, int]:
        return csvimport.summary(self.outcomes)


def plan_import(
    *, patient: User, upload: ImportUpload, mapping: Mapping[str, int], now: datetime
) -> ImportPlan:
    """What importing the upload with this column mapping would do, row by row."""
    require_patient(patient)
    table = table_of(upload)
    existing = {
        c.date: {name: getattr(c, name) for name in csvimport.SCORES}
        for c in CheckIn.objects.of(patient).only("date", *csvimport.SCORES)
    }
    today = patient.local_date(now)
    outcomes = csvimport.plan(
        table, mapping, today=today, first_allowed=first_allowed(today), existing=existing
    )
    return ImportPlan(outcomes)


def import_scores(
    *, patient: User, upload: ImportUpload, mapping: Mapping[str, int], now: datetime
) -> ImportPlan:
    """Create a check-in for every new day of the upload; existing days are never changed.

    Transaction: one atomic block that locks the upload row, plans against the check-ins
    as they are and creates the new ones together; a day created meanwhile by another
    request is skipped by the unique constraint (ignore_conflicts), never overwritten.
    """
    require_patient(patient)
    with transaction.atomic():
        locked = ImportUpload.objects.select_for_update().get(pk=upload.pk)
        if locked.imported_at is not None:
            return ImportPlan([])
        plan = plan_import(patient=patient, upload=locked, mapping=mapping, now=now)
        new = [
            CheckIn(patient=patient, date=o.day, created_at=now, updated_at=now, **o.values)
            for o in plan.outcomes
            if o.imported and o.day is not None
        ]
        CheckIn.objects.bulk_create(new, ignore_conflicts=True, batch_size=500)
        locked.mapping = dict(mapping)
        locked.outcome = plan.counts
        locked.imported_at = now
        locked.content = ""  # the scores are in the check-ins now; the file is not kept
        locked.save(update_fields=["mapping", "outcome", "imported_at", "content"])
    return plan


def imported_days_until(today: date) -> tuple[date, date]:
    """The window of dates an import accepts (for the page's explanation)."""
    return first_allowed(today), today
