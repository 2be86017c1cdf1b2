"""Load demo data for local work: `manage.py demo` (only when DEBUG is on).

Idempotent: running it again updates the same rows, never duplicates them.
Each app may add steps: a module `<app>/demo.py` with a list
`STEPS = [("name", function), ...]`, run in INSTALLED_APPS order after the
accounts step. Every step must itself be idempotent.
"""

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from accounts import actions
from accounts.models import Consent, Role, User

DEMO_PASSWORD = "rustig-ademen-2026"  # noqa: S105  (documented demo password, DEBUG only)


@dataclass(frozen=True)
class DemoAccount:
    email: str
    display_name: str
    role: str
    language: str = "nl"
    staff: bool = False


DEMO_ACCOUNTS = (
    DemoAccount("anna@demo.pijnreset.nl", "Anna", Role.PATIENT),
    DemoAccount("bram@demo.pijnreset.nl", "Bram", Role.PATIENT, language="en"),
    DemoAccount("eva@demo.pijnreset.nl", "Eva de Vries", Role.THERAPIST),
    DemoAccount("mila@demo.pijnreset.nl", "Mila Jansen", Role.PRACTICE_MANAGER),
    DemoAccount("olaf@demo.pijnreset.nl", "Olaf Operator", Role.NETWORK_OPERATOR, staff=True),
)


def create_accounts() -> None:
    now = timezone.now()
    for account in DEMO_ACCOUNTS:
        user, _created = User.objects.update_or_create(
            email=account.email,
            defaults={
                "display_name": account.display_name,
                "role": account.role,
                "preferred_language": account.language,
                "is_staff": account.staff,
                "is_superuser": account.staff,
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=account.email, defaults={"verified": True, "primary": True}
        )
        if account.role == Role.PATIENT:
            actions.give_consent(user=user, purpose=Consent.Purpose.HEALTH_DATA, now=now)
            actions.give_consent(user=user, purpose=Consent.Purpose.RESEARCH, now=now)
        actions.give_consent(user=user, purpose=Consent.Purpose.TERMS, now=now)


Step = tuple[str, Callable[[], None]]


def demo_steps() -> list[Step]:
    steps: list[Step] = [("accounts", create_accounts)]
    for config in apps.get_app_configs():
        if importlib.util.find_spec(f"{config.name}.demo") is None:
            continue
        steps += importlib.import_module(f"{config.name}.demo").STEPS
    return steps


class Command(BaseCommand):
    help = "Create or refresh the demo accounts and data (DEBUG only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already has users.",
        )
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            metavar="N",
            help="Also add N synthetic patients with a year of data (benchmarks; see "
            "pijnreset/demo_scale.py). Loads the demo first when the database is empty.",
        )

    def handle(self, *args: object, **options: object) -> None:
        if not settings.DEBUG:
            raise CommandError("Refusing to load demo data: DEBUG is off (is this production?).")
        scale = int(options["scale"])  # type: ignore[call-overload]
        if scale < 0:
            raise CommandError("--scale takes the number of patients to add (0 or more).")
        if scale:
            self.add_patients(scale, load_demo_first=not User.objects.exists())
        elif options["if_empty"] and User.objects.exists():
            self.stdout.write("The database already has data; demo data not loaded.")
        else:
            with transaction.atomic():
                progress = tqdm(demo_steps(), desc="Demo data", unit="step")
                for name, step in progress:
                    progress.set_postfix_str(name)
                    step()
        self.print_accounts()

    def add_patients(self, count: int, *, load_demo_first: bool) -> None:
        from pijnreset import demo_scale  # the generator imports every app's models

        if load_demo_first:
            with transaction.atomic():
                for _name, step in demo_steps():
                    step()
        with tqdm(total=count, desc="Patients", unit="patient") as progress:
            total = demo_scale.generate(count, progress=progress.update)
        self.stdout.write(f"{count} patients added ({total} generated in all).")

    def print_accounts(self) -> None:
        self.stdout.write(self.style.SUCCESS(f"Demo accounts (password for all: {DEMO_PASSWORD}):"))
        for account in DEMO_ACCOUNTS:
            self.stdout.write(f"  {account.role:<17} {account.email}")
