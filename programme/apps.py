from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "programme"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from programme.day_state import connect_signals

        connect_signals()
