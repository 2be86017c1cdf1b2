"""The admin: the access log read-only (nobody edits or deletes it), and a mixin that
logs every patient record an admin user opens (NEN 7513)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from care.log import record_access
from care.models import AccessLogEntry, Action


class LogsPatientReads(admin.ModelAdmin):  # type: ignore[type-arg]
    """Opening one record of a model with a `patient` writes an access-log entry."""

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        record = self.get_object(request, unquote(object_id))
        if record is not None and getattr(record, "patient_id", None) is not None:
            record_access(
                actor=request.user,
                action=Action.ADMIN,
                now=timezone.now(),
                patient=record.patient,
            )
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("at", "actor_name", "actor_role", "responsible", "action", "outcome")
    list_filter = ("action", "outcome", "actor_role")
    date_hierarchy = "at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
