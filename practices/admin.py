from django.contrib import admin
from django.db import models
from django.forms import ModelForm
from django.http import HttpRequest

from practices import actions
from practices.models import Closure, OpeningHours, Practice, Therapist


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


class ClosureInline(admin.TabularInline):
    model = Closure
    extra = 0


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    list_display = ["name", "place", "province", "quality_label", "is_active"]
    list_filter = ["province", "quality_label", "is_active", "wheelchair_accessible"]
    search_fields = ["name", "place", "postcode", "slug"]
    readonly_fields = ["public_id"]
    filter_horizontal = ["managers"]
    inlines = [OpeningHoursInline, ClosureInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(
        self,
        request: HttpRequest,
        obj: Practice,
        form: ModelForm,  # type: ignore[type-arg]
        change: bool,
    ) -> None:
        """A new practice comes through the one action, so it can be booked at once
        (the admin adds the managers and the inlines' hours after this)."""
        if change:
            super().save_model(request, obj, form, change)
        else:
            actions.create_practice(practice=obj)


@admin.register(Therapist)
class TherapistAdmin(admin.ModelAdmin):
    list_display = ["name", "profession", "is_active"]
    list_filter = ["profession", "is_active"]
    search_fields = ["name", "big_number", "email"]
    readonly_fields = ["public_id"]
    filter_horizontal = ["practices"]
    raw_id_fields = ["user"]
