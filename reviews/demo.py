"""Demo reviews: a few hundred across the demo practices, in our own words, some critical.

Each review belongs to its own completed appointment in the past (a guest of
the demo, one to forty months ago), so the rule "one review per completed
appointment" holds for demo data too. Most are published; a few wait in the
moderator's queue, one was rejected. Idempotent: a practice that already has
demo reviews is left alone. Also gives the demo practices their insurers and
direct access.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from accounts.models import Role, User
from bookings.models import Appointment, Kind, Status
from practices.models import Insurer, Practice
from reviews import screening
from reviews.models import ModerationDecision, Reply, Review, ReviewStatus

DEMO_EMAIL = "review-demo-{slug}-{number}@demo.pijnreset.nl"

OPENINGS = {
    "high": [
        "Ik voelde me vanaf het eerste gesprek serieus genomen.",
        "Eindelijk iemand die begreep dat mijn energie elke dag anders is.",
        "De therapeut luisterde echt en had geen haast.",
        "Ik kwam met weinig hoop en ging naar huis met een plan dat bij mij past.",
        "Fijne praktijk, rustige sfeer en een warme ontvangst.",
        "I felt heard from the very first appointment.",
    ],
    "mid": [
        "Over het algemeen tevreden, al had ik soms meer uitleg willen hebben.",
        "Goede zorg, maar het duurde even voordat we de juiste aanpak vonden.",
        "De oefeningen helpen, alleen was het lastig om telefonisch iemand te spreken.",
        "Vriendelijke mensen, maar de wachtkamer is druk en soms rumoerig.",
        "Decent care, though appointments sometimes started late.",
    ],
    "low": [
        "Helaas voelde ik me niet echt gehoord.",
        "De afspraak werd twee keer op het laatste moment verzet.",
        "Ik kreeg een standaard oefenschema dat niet bij mijn klachten paste.",
        "Het contact was zakelijk en ik had weinig ruimte voor vragen.",
        "Unfortunately the plan did not take my bad days into account.",
    ],
}
MIDDLES = [
    "We bouwden heel langzaam op, zodat ik niet na elke sessie dagen plat lag.",
    "De uitleg over het zenuwstelsel gaf me rust: ik snap nu beter wat er gebeurt.",
    "Er was ruimte om een afspraak om te zetten naar beeldbellen op slechte dagen.",
    "De ademhalingsoefening gebruik ik nu elke avond.",
    "Ik had graag wat vaker een korte terugkoppeling gehad tussen de afspraken door.",
    "Parkeren bij de praktijk is lastig, kom op tijd.",
    "Afspraken maken via de site ging makkelijk.",
    "",
    "",
]
ENDINGS = {
    "high": [
        "Ik raad deze praktijk zeker aan.",
        "Dank voor het geduld!",
        "Voor het eerst in jaren heb ik weer een beetje grip.",
        "Would recommend to anyone with long-lasting pain.",
    ],
    "mid": [
        "Al met al een redelijke ervaring.",
        "Ik ga voorlopig door en kijk hoe het verder gaat.",
        "Prima, met ruimte voor verbetering.",
    ],
    "low": [
        "Ik ben daarom naar een andere praktijk gegaan.",
        "Jammer, want de praktijk zelf ziet er goed uit.",
        "Ik hoop dat ze hier iets mee doen.",
    ],
}
NAMES = ["Anouk", "Ruud", "Fatima", "Kees", "Iris", "Mehmet", "Sanne", "Johan", "Lotte", "Priya"]
INITIALS = "BDHJKMPSTV"
REPLIES = [
    "Dank u wel voor het delen van uw ervaring. Wij waarderen het dat u de tijd nam.",
    "Bedankt voor uw bericht. Wilt u ons bellen? Dan denken we graag met u mee.",
    "Dank voor uw eerlijke woorden. We nemen ze mee in ons teamoverleg.",
]
SCORES = [
    Decimal(s) for s in ("5", "5", "4.5", "4.5", "4.5", "4", "4", "4", "3.5", "3", "2.5", "2", "1")
]


def _band(score: Decimal) -> str:
    return "high" if score >= 4 else "mid" if score >= Decimal("2.5") else "low"


def _text(rng: random.Random, score: Decimal) -> str:
    band = _band(score)
    parts = [rng.choice(OPENINGS[band]), rng.choice(MIDDLES), rng.choice(ENDINGS[band])]
    text = " ".join(part for part in parts if part)
    if rng.random() < 0.15:  # some long ones, for the read-more
        text += " " + " ".join(rng.sample([m for m in MIDDLES if m], 4))
    return text


def _demo_practices() -> list[Practice]:
    from practices.demo import PRACTICES

    return list(Practice.objects.filter(name__in=[row[3] for row in PRACTICES]).order_by("slug"))


def set_trust_facts() -> None:
    insurers = list(Insurer.values)
    for index, practice in enumerate(_demo_practices()):
        chosen = [code for number, code in enumerate(insurers) if (index + number) % 3 != 0]
        Practice.objects.filter(pk=practice.pk).update(
            insurers=f",{','.join(chosen)}," if chosen else "",
            direct_access=index % 7 != 3,
        )


def create_reviews() -> None:
    operator = User.objects.filter(role=Role.NETWORK_OPERATOR).order_by("pk").first()
    now = timezone.now()
    for index, practice in enumerate(_demo_practices()):
        if (
            Review.objects.filter(appointment__guest_email__startswith="review-demo-")
            .filter(practice=practice)
            .exists()
        ):
            continue
        rng = random.Random(f"reviews-{practice.slug}")  # noqa: S311  (demo texts, not secrets)
        count = 25 if index % 9 == 0 else rng.randint(0, 9)
        with transaction.atomic():
            _for_practice(practice, count, rng=rng, now=now, operator=operator)


def _for_practice(
    practice: Practice, count: int, *, rng: random.Random, now: datetime, operator: User | None
) -> None:
    therapists = list(practice.therapists.order_by("name"))
    types = {kind.slug: kind for kind in practice.appointment_types.all()}
    appointment_type = types.get("follow_up")
    if not therapists or appointment_type is None:
        return
    for number in range(count):
        therapist = therapists[number % len(therapists)]
        day = (now - timedelta(days=30 + number * 41 + rng.randint(0, 20))).astimezone(
            practice.zone
        )
        start = datetime.combine(day.date(), time(7, 0), tzinfo=practice.zone)
        name = f"{rng.choice(NAMES)} {rng.choice(INITIALS)}."
        appointment = Appointment.objects.create(
            practice=practice,
            therapist=therapist,
            appointment_type=appointment_type,
            kind=Kind.IN_PERSON,
            start=start,
            end=start + appointment_type.duration,
            busy_until=start + appointment_type.duration,
            status=Status.COMPLETED,
            guest_name=name,
            guest_email=DEMO_EMAIL.format(slug=practice.slug, number=number),
            created_at=start - timedelta(days=7),
            scheduled_at=start - timedelta(days=7),
        )
        score = rng.choice(SCORES)
        text = _text(rng, score)
        written = start + timedelta(days=1)
        status = ReviewStatus.PUBLISHED
        if number == 0 and operator is not None and count > 5:
            status = ReviewStatus.PENDING
        review = Review.objects.create(
            appointment=appointment,
            practice=practice,
            therapist=therapist,
            overall=score,
            expertise=rng.choice([None, 3, 4, 5]),
            explanation=rng.choice([None, 2, 4, 5]),
            reachability=rng.choice([None, 3, 4]),
            punctuality=rng.choice([None, 4, 5]),
            recommends=score >= 3,
            text=text,
            shown_name=name if rng.random() < 0.3 else "",
            status=status,
            flags=screening.review_flags(text),
            created_at=written,
            updated_at=written,
            published_at=written + timedelta(days=1) if status == ReviewStatus.PUBLISHED else None,
        )
        if status == ReviewStatus.PUBLISHED and operator is not None:
            ModerationDecision.objects.create(
                review=review,
                moderator=operator,
                decision=ModerationDecision.Decision.PUBLISH,
                decided_at=written + timedelta(days=1),
            )
        if status == ReviewStatus.PUBLISHED and rng.random() < 0.25:
            Reply.objects.create(
                review=review,
                text=rng.choice(REPLIES),
                created_at=written + timedelta(days=3),
                updated_at=written + timedelta(days=3),
            )


STEPS = [("trust facts", set_trust_facts), ("reviews", create_reviews)]
