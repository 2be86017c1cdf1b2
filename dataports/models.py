"""Reports, exports and imports of a patient's own data (GDPR art. 15 and 20)."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ExportFormat(models.TextChoices):
    JSON = "json", _("JSON")
    CSV = "csv", _("CSV files (ZIP)")
    FHIR = "fhir", _("FHIR R4 bundle")
    REPORT = "report", _("PDF report")


class ExportRecord(models.Model):
    """That the patient took a copy of their data out (which format, when, how many entries).

    The patient's own export log; at merge it feeds the NEN 7513 access log of `care`.
    """

    class Channel(models.TextChoices):
        WEB = "web", _("website")
        API = "api", _("API")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="export_records"
    )
    format = models.CharField(_("format"), max_length=8, choices=ExportFormat.choices)
    channel = models.CharField(_("via"), max_length=4, choices=Channel.choices)
    entries = models.PositiveIntegerField(_("entries"))
    created_at = models.DateTimeField(_("made at"))

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("export")
        verbose_name_plural = _("exports")

    def __str__(self) -> str:
        return f"{self.patient} {self.format} at {self.created_at}"


class Report(models.Model):
    """A PDF report for a doctor or therapist over a period, made at once or in the background."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting")
        WORKING = "working", _("being made")
        DONE = "done", _("ready")
        FAILED = "failed", _("failed")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reports"
    )
    first_day = models.DateField(_("from"))
    last_day = models.DateField(_("to"))
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    full_name = models.CharField(_("name on the report"), max_length=120, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    include_notes = models.BooleanField(_("with my notes"), default=False)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    pdf = models.BinaryField(null=True, blank=True)
    pages = models.PositiveSmallIntegerField(null=True, blank=True)
    created_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(last_day__gte=models.F("first_day")), name="report_period_forward"
            ),
            models.CheckConstraint(
                condition=Q(progress__gte=0, progress__lte=100), name="report_progress_0_100"
            ),
            models.CheckConstraint(
                condition=Q(language__in=["nl", "en"]), name="report_language_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.patient} report {self.first_day}..{self.last_day}"


class ImportUpload(models.Model):
    """An uploaded CSV of daily scores, kept between upload, column choice, preview and import."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_uploads"
    )
    filename = models.CharField(max_length=200)
    content = models.TextField()
    sha256 = models.CharField(max_length=64)
    mapping = models.JSONField(default=dict, blank=True)
    outcome = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField()
    imported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.patient} {self.filename}"
