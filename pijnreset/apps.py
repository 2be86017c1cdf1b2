from django.apps import AppConfig


class PijnresetConfig(AppConfig):
    name = "pijnreset"
    verbose_name = "pijnreset"
