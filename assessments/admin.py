"""Read-only admin: responses are immutable, flags and checks are records; opening one is
written to the access log (care.admin.LogsPatientReads)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from assessments.models import Instrument, RedFlagCheck, Response, SafetyFlag
from care.admin import LogsPatientReads


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Instrument)
class InstrumentAdmin(ReadOnly):
    list_display = ("key", "version", "source", "has_wording", "is_current", "loaded_at")
    list_filter = ("key", "source", "is_current")


@admin.register(Response)
class ResponseAdmin(LogsPatientReads, ReadOnly):
    list_display = ("public_id", "instrument_key", "instrument_version", "occasion", "submitted_at")
    list_filter = ("instrument_key", "occasion")


@admin.register(SafetyFlag)
class SafetyFlagAdmin(LogsPatientReads, ReadOnly):
    list_display = ("public_id", "kind", "created_at", "acknowledged_at")


@admin.register(RedFlagCheck)
class RedFlagCheckAdmin(LogsPatientReads, ReadOnly):
    list_display = (
        "public_id",
        "routing",
        "context",
        "submitted_at",
        "resumed_at",
        "resumed_because",
    )
