from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import Consent, User


class ConsentInline(admin.TabularInline):
    model = Consent
    extra = 0
    readonly_fields = ["purpose", "text_version", "given_at", "withdrawn_at"]
    can_delete = False

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "role", "preferred_language", "is_active", "is_staff"]
    list_filter = ["role", "preferred_language", "is_active", "is_staff"]
    search_fields = ["email", "display_name"]
    readonly_fields = ["last_login", "date_joined"]
    inlines = [ConsentInline]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Profile"), {"fields": ("display_name", "preferred_language", "time_zone", "role")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "role", "password1", "password2")}),
    )


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    list_display = ["user", "purpose", "text_version", "given_at", "withdrawn_at"]
    list_filter = ["purpose", "text_version"]
    search_fields = ["user__email"]
    readonly_fields = ["user", "purpose", "text_version", "given_at", "withdrawn_at"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        # Consent is given by the person, never entered for them.
        return False
