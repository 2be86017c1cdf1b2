"""Cancel orders not paid in time and give their stock back: `manage.py expire_orders`.

Run every few minutes or hourly; idempotent (an order is cancelled once)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from shop.actions import expire_unpaid


class Command(BaseCommand):
    help = "Cancel shop orders whose time to pay has passed (stock goes back)."

    def handle(self, *args: object, **options: object) -> None:
        count = expire_unpaid(now=timezone.now())
        self.stdout.write(f"{count} unpaid orders cancelled.")
