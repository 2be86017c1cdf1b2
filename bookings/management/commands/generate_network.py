"""Generate a large synthetic network for benchmarks: `manage.py generate_network --practices 5000`.

Practices are spread over real Dutch places (more in larger places), each
with opening hours, therapists, working hours and the default appointment
types. Generated practices have slugs starting with "net-"; --replace removes
earlier ones first. Not for production data.
"""

from __future__ import annotations

import random
import uuid
from datetime import time

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from bookings.models import Appointment, WorkingHours
from practices.actions import OpeningBlock, create_practices
from practices.models import Practice, Province, Therapist
from practices.places import all_places

PREFIX = "net-"
PROVINCE_CODES = {name: code for code, name in Province.choices}
BATCH = 2000


class Command(BaseCommand):
    help = "Create a synthetic network of practices for benchmarks."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--practices", type=int, default=5000)
        parser.add_argument("--therapists", type=int, default=2, help="per practice")
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument(
            "--replace", action="store_true", help="remove earlier generated practices"
        )

    def handle(self, *args: object, **options: int) -> None:
        rng = random.Random(options["seed"])
        with transaction.atomic():
            if options["replace"]:
                remove_generated()
            start = Practice.objects.filter(slug__startswith=PREFIX).count()
            made = generate(
                rng, count=options["practices"], therapists=options["therapists"], start=start
            )
        self.stdout.write(f"{made} practices generated ({start + made} in total).")


def remove_generated() -> None:
    generated = Practice.objects.filter(slug__startswith=PREFIX)
    Appointment.objects.filter(practice__in=generated).delete()
    Therapist.objects.filter(practices__in=generated).delete()
    generated.delete()


def generate(rng: random.Random, *, count: int, therapists: int, start: int = 0) -> int:
    places = [p for p in all_places() if p.province]
    weights = [max(p.population, 1000) ** 0.5 for p in places]
    practices = []
    for number in range(start, start + count):
        place = rng.choices(places, weights)[0]
        practices.append(
            Practice(
                public_id=uuid.uuid4(),
                slug=f"{PREFIX}{number}",
                name=f"Netwerkpraktijk {number}",
                street=f"Teststraat {number % 200 + 1}",
                postcode=f"{rng.randint(1000, 9999)} {''.join(rng.choices('ABCDEFGHJKLM', k=2))}",
                place=place.name,
                province=PROVINCE_CODES.get(place.province, "UT"),
                latitude=round(place.latitude + rng.uniform(-0.03, 0.03), 5),
                longitude=round(place.longitude + rng.uniform(-0.04, 0.04), 5),
                phone="010 000 00 00",
                services=rng.choice(
                    [
                        ["in_person", "phone", "video"],
                        ["in_person"],
                        ["in_person", "at_home", "video"],
                    ]
                ),
                languages=["nl", "en"],
                wheelchair_accessible=rng.random() < 0.7,
                quality_label=rng.random() < 0.8,
            )
        )
    saved = create_practices(
        practices=practices,
        opening_hours=[OpeningBlock(day, time(8), time(17, 30)) for day in range(5)],
    )
    people = [
        Therapist(
            public_id=uuid.uuid4(),
            name=f"Therapeut {p.slug}-{n}",
            kinds=["in_person", "phone", "video"],
            languages=["nl"],
            specialisations=["chronic_pain", "fibromyalgia"] if n % 2 else ["chronic_pain"],
        )
        for p in saved
        for n in range(therapists)
    ]
    Therapist.objects.bulk_create(people, batch_size=BATCH)
    links = []
    hours = []
    for index, p in enumerate(saved):
        for n in range(therapists):
            therapist_id = people[index * therapists + n].pk
            links.append(Therapist.practices.through(therapist_id=therapist_id, practice_id=p.pk))
            hours += [
                WorkingHours(
                    therapist_id=therapist_id, practice=p, weekday=day, start=time(9), end=time(17)
                )
                for day in range(5)
            ]
    Therapist.practices.through.objects.bulk_create(links, batch_size=BATCH)
    WorkingHours.objects.bulk_create(hours, batch_size=BATCH)
    return len(saved)
