"""Send the weekly summaries that are due: run every hour or so (cron or a loop).

Idempotent: each patient's week is claimed with a conditional UPDATE, so running the
command twice (or twice at once) sends one summary. Mondays in the patient's time zone.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from insights import actions


class Command(BaseCommand):
    help = "Enqueue the weekly summary e-mails that are due now."

    def handle(self, *args: object, **options: object) -> None:
        sent = actions.send_weekly_summaries(now=timezone.now())
        self.stdout.write(f"{sent} weekly summary e-mail(s) enqueued.")
