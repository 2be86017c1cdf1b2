"""Give back the time of guests' holds that were not confirmed within 30 minutes.

Run every few minutes (cron). Idempotent. Booking also releases an expired
hold that is in its way, so a late run never blocks anyone.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from bookings import actions


class Command(BaseCommand):
    help = "Release held times whose confirmation link has expired."

    def handle(self, *args: object, **options: object) -> None:
        released = actions.expire_holds(now=timezone.now())
        self.stdout.write(f"{released} holds released.")
