"""Send the daily check-in reminders that are due: run every few minutes (cron or a loop).

Idempotent: each user's day is claimed with a conditional UPDATE, so running
the command twice (or twice at once) sends one reminder.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from diary import actions


class Command(BaseCommand):
    help = "Enqueue the daily check-in reminders that are due now."

    def handle(self, *args: object, **options: object) -> None:
        sent = actions.send_due_reminders(now=timezone.now())
        self.stdout.write(f"{sent} reminder(s) enqueued.")
