"""My data: export, the report for a doctor or therapist, and importing daily scores."""

from __future__ import annotations

from uuid import UUID

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import patient_required
from dataports import actions, csvimport
from dataports.access import report_of, upload_of
from dataports.forms import ExportForm, MappingForm, ReportForm, UploadForm, target_labels
from dataports.models import ExportRecord, Report
from dataports.texts import FILE_MESSAGES, ROW_MESSAGES
from pijnreset.http import AuthenticatedRequest

PREVIEW_ROWS = 200  # rows listed on the preview; the counts cover all of them


@patient_required
def overview(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    context = {
        "export_form": ExportForm(),
        "reports": Report.objects.filter(patient=user).defer("pdf")[:5],
        "exports": ExportRecord.objects.filter(patient=user)[:10],
    }
    return render(request, "dataports/overview.html", context)


@patient_required
@require_POST
def export(request: AuthenticatedRequest) -> HttpResponse:
    form = ExportForm(request.POST)
    if not form.is_valid():
        context = {"export_form": form, "reports": [], "exports": []}
        return render(request, "dataports/overview.html", context, status=422)
    file = actions.export_data(
        patient=request.user,
        fmt=form.cleaned_data["format"],
        channel=ExportRecord.Channel.WEB,
        now=timezone.now(),
    )
    response = HttpResponse(file.body, content_type=file.content_type)
    response["Content-Disposition"] = f'attachment; filename="{file.filename}"'
    return response


@patient_required
def report_new(request: AuthenticatedRequest) -> HttpResponse:
    today = request.user.local_date(timezone.now())
    form = ReportForm(request.POST or None, today=today)
    if request.method != "POST":
        return render(request, "dataports/report_new.html", {"form": form})
    if not form.is_valid():
        return render(request, "dataports/report_new.html", {"form": form}, status=422)
    data = form.cleaned_data
    language = get_language() if get_language() in ("nl", "en") else "nl"
    report = actions.request_report(
        patient=request.user,
        first=data["first"],
        last=data["last"],
        full_name=data["full_name"],
        birth_date=data["birth_date"],
        include_notes=data["include_notes"],
        language=language,
        now=timezone.now(),
    )
    return redirect("dataports:report", report_id=report.public_id)


@patient_required
def report_status(request: AuthenticatedRequest, report_id: UUID) -> HttpResponse:
    """The report's progress and, when ready, its download link; htmx asks again until then."""
    report = report_of(request.user, report_id)
    template = (
        "dataports/includes/report_progress.html"
        if request.headers.get("HX-Request")
        else "dataports/report_status.html"
    )
    return render(request, template, {"report": report})


@patient_required
def report_download(request: AuthenticatedRequest, report_id: UUID) -> HttpResponse:
    report = report_of(request.user, report_id)
    if report.status != Report.Status.DONE or not report.pdf:
        return redirect("dataports:report", report_id=report.public_id)
    response = HttpResponse(bytes(report.pdf), content_type="application/pdf")
    name = f"pijnreset-{report.first_day.isoformat()}-{report.last_day.isoformat()}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@patient_required
def import_upload(request: AuthenticatedRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method != "POST":
        return render(request, "dataports/import_upload.html", {"form": form})
    if not form.is_valid():
        return render(request, "dataports/import_upload.html", {"form": form}, status=422)
    uploaded = form.cleaned_data["file"]
    if uploaded.size > csvimport.MAX_BYTES:
        form.add_error("file", FILE_MESSAGES["too_big"])
        return render(request, "dataports/import_upload.html", {"form": form}, status=422)
    try:
        upload = actions.upload_scores(
            patient=request.user,
            filename=uploaded.name or "",
            raw=uploaded.read(csvimport.MAX_BYTES + 1),
            now=timezone.now(),
        )
    except csvimport.UnreadableFile as exc:
        form.add_error("file", FILE_MESSAGES[exc.problem])
        return render(request, "dataports/import_upload.html", {"form": form}, status=422)
    return redirect("dataports:import_columns", upload_id=upload.public_id)


@patient_required
def import_columns(request: AuthenticatedRequest, upload_id: UUID) -> HttpResponse:
    """Choose the columns, see what would happen row by row, then import."""
    upload = upload_of(request.user, upload_id)
    table = actions.table_of(upload)
    initial = {name: str(index) for name, index in upload.mapping.items()}
    form = MappingForm(request.POST or None, headers=table.headers, initial=initial)
    context: dict[str, object] = {"form": form, "upload": upload, "table": table}
    if request.method == "POST" and not form.is_valid():
        return render(request, "dataports/import_columns.html", context, status=422)
    mapping = form.mapping() if request.method == "POST" else _usable(upload.mapping)
    if mapping is None:
        return render(request, "dataports/import_columns.html", context)
    now = timezone.now()
    if request.method == "POST" and request.POST.get("action") == "import":
        plan = actions.import_scores(patient=request.user, upload=upload, mapping=mapping, now=now)
        context.update(_described(plan))
        return render(request, "dataports/import_done.html", context)
    plan = actions.plan_import(patient=request.user, upload=upload, mapping=mapping, now=now)
    context.update(_described(plan), preview=True)
    return render(request, "dataports/import_columns.html", context)


def _usable(mapping: dict[str, int]) -> dict[str, int] | None:
    """A guessed mapping good enough to preview at once: it has a date and a pain column."""
    return mapping if {csvimport.DATE, "pain"} <= set(mapping) else None


def _described(plan: actions.ImportPlan) -> dict[str, object]:
    labels = target_labels()
    rows = [
        {
            "line": outcome.line,
            "day": outcome.day,
            "values": outcome.values,
            "imported": outcome.imported,
            "why": ROW_MESSAGES[outcome.reason] if outcome.reason else _("new"),
            "column": labels.get(outcome.column, "") if outcome.reason else "",
        }
        for outcome in plan.outcomes[:PREVIEW_ROWS]
    ]
    counts = plan.counts
    skipped = [
        (ROW_MESSAGES[reason], number) for reason, number in counts.items() if reason != "imported"
    ]
    return {
        "rows": rows,
        "imported_count": counts["imported"],
        "skipped": skipped,
        "more_rows": max(0, len(plan.outcomes) - PREVIEW_ROWS),
    }
