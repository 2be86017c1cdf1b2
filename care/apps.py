from typing import Any

from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "care"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        require_second_factor_for_admin()


def require_second_factor_for_admin() -> None:
    """The admin shows patient data too: staff need a second factor there as well.

    Switched by ADMIN_REQUIRES_SECOND_FACTOR (always on in our settings; the switch
    exists for a deployment whose admin sits behind its own single sign-on).
    """
    from django.conf import settings
    from django.contrib import admin

    from care.access import has_second_factor

    allowed = admin.site.has_permission

    def has_permission(request: Any) -> bool:
        if not allowed(request):
            return False
        if not getattr(settings, "ADMIN_REQUIRES_SECOND_FACTOR", True):
            return True
        return has_second_factor(request.user)

    admin.site.has_permission = has_permission  # type: ignore[method-assign]
