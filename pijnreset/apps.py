from django.apps import AppConfig


class PijnresetConfig(AppConfig):
    name = "pijnreset"
    verbose_name = "pijnreset"

    def ready(self) -> None:
        from django.core import checks

        from pijnreset.ratelimit import check_rate_limits

        checks.register(check_rate_limits)
