from django.contrib import admin

from bookings.models import Appointment, AppointmentType, BlockedTime, WorkingHours


@admin.register(AppointmentType)
class AppointmentTypeAdmin(admin.ModelAdmin):
    list_display = ["name_nl", "practice", "duration_minutes", "buffer_minutes", "is_active"]
    list_filter = ["slug", "is_active"]
    search_fields = ["practice__name"]
    raw_id_fields = ["practice"]


@admin.register(WorkingHours)
class WorkingHoursAdmin(admin.ModelAdmin):
    list_display = ["therapist", "practice", "weekday", "start", "end"]
    raw_id_fields = ["therapist", "practice"]


@admin.register(BlockedTime)
class BlockedTimeAdmin(admin.ModelAdmin):
    list_display = ["therapist", "start", "end", "reason"]
    raw_id_fields = ["therapist"]


@admin.register(Appointment)
class AppointmentAdmin(admin.ModelAdmin):
    """Read-only: changes go through the actions (cancel, move) so e-mails and invites follow."""

    list_display = ["start", "therapist", "practice", "kind", "status"]
    list_filter = ["status", "kind"]
    search_fields = ["practice__name", "therapist__name"]
    date_hierarchy = "start"

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
