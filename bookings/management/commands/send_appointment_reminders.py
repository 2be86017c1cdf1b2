"""Claim due 24-hour reminders and enqueue their e-mails. Run every few minutes (cron).

Idempotent and safe to run twice at the same moment: each reminder is claimed
by one conditional UPDATE (see bookings.actions.send_due_reminders).
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from bookings import actions


class Command(BaseCommand):
    help = "Send the reminder e-mail 24 hours before each booked appointment, exactly once."

    def handle(self, *args: object, **options: object) -> None:
        claimed = actions.send_due_reminders(now=timezone.now())
        self.stdout.write(f"{claimed} reminders enqueued.")
