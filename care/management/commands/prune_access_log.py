"""Remove access-log entries older than five years (run daily, e.g. from cron)."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from care.retention import prune_access_log


class Command(BaseCommand):
    help = "Delete access-log entries older than five years (NEN 7513 retention)."

    def handle(self, *args: Any, **options: Any) -> None:
        removed = prune_access_log(now=timezone.now())
        self.stdout.write(f"Removed {removed} access-log entries older than five years.")
