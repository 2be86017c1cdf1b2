from django.apps import AppConfig


class DataportsConfig(AppConfig):
    """The patient's data going out and coming in: report, exports, import (issue 14)."""

    name = "dataports"
    default_auto_field = "django.db.models.BigAutoField"
