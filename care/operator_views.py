"""The network operator's pages: the access log for an audit, and network outcomes."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from datetime import date

from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from care.access import operator_required
from care.models import AccessLogEntry
from care.outcomes import network_outcomes, outcome_rows
from pijnreset.db_routing import heavy_reads
from pijnreset.http import AuthenticatedRequest

AUDIT_COLUMNS = (
    "at",
    "actor_id",
    "actor_name",
    "actor_role",
    "responsible",
    "patient_id",
    "action",
    "scope",
    "outcome",
    "share_public_id",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A cell a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(_FORMULA_START) else text


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(header: Iterable[str], rows: Iterable[Iterable[object]]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(list(header))
    for row in rows:
        yield writer.writerow([csv_cell(v) for v in row])


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


@operator_required
@require_GET
def audit_export(request: AuthenticatedRequest) -> StreamingHttpResponse:
    """The access log as CSV (?van=YYYY-MM-DD&tot=YYYY-MM-DD), oldest first."""
    entries = AccessLogEntry.objects.order_by("at", "id")
    first, last = _day(request.GET.get("van", "")), _day(request.GET.get("tot", ""))
    if first is not None:
        entries = entries.filter(at__date__gte=first)
    if last is not None:
        entries = entries.filter(at__date__lte=last)
    rows = (
        [getattr(entry, column) for column in AUDIT_COLUMNS]
        for entry in entries.iterator(chunk_size=2000)
    )
    response = StreamingHttpResponse(csv_lines(AUDIT_COLUMNS, rows), content_type="text/csv")
    stamp = timezone.now().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="access-log-{stamp}.csv"'
    return response


@operator_required
@require_GET
def outcomes(request: AuthenticatedRequest) -> HttpResponse:
    """Anonymised figures across the network and per practice; no group under 10."""
    with heavy_reads():  # every patient of the network: on a replica when there is one
        figures = network_outcomes(now=timezone.now())
    if request.GET.get("formaat") == "csv":
        header, rows = outcome_rows(figures)
        response = HttpResponse(
            "".join(csv_lines(header, rows)), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="network-outcomes.csv"'
        return response
    return render(request, "care/outcomes.html", {"figures": figures})
