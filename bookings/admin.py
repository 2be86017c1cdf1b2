from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from bookings import actions
from bookings.errors import BookingError
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
    actions = ["cancel_by_the_practice"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Appointment]:
        """The same rows as the agenda: the practices this person works at or manages."""
        return Appointment.objects.at_practices_of(request.user).select_related(  # type: ignore[arg-type]
            "practice", "therapist", "appointment_type", "patient"
        )

    @admin.action(description=_("Cancel the selected appointments (the practice cancels)"))
    def cancel_by_the_practice(self, request: HttpRequest, queryset: QuerySet[Appointment]) -> None:
        """Through the same action as the agenda: the rules, the record and the e-mails."""
        now, cancelled = timezone.now(), 0
        for appointment in queryset:
            try:
                actions.cancel_appointment(appointment=appointment, actor=request.user, now=now)  # type: ignore[arg-type]
            except BookingError as error:
                self.message_user(request, f"{appointment}: {error.message}", messages.WARNING)
            else:
                cancelled += 1
        message = ngettext(
            "%(count)d appointment cancelled.", "%(count)d appointments cancelled.", cancelled
        )
        self.message_user(request, message % {"count": cancelled}, messages.SUCCESS)

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
