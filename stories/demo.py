"""Six demo recovery stories in our own words: published with consent, two featured.

Idempotent: keyed by title. Written by the demo patients (Anna, Bram).
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from accounts.models import Role, User
from stories.models import Story, StoryStatus

STORIES = (
    (
        "Van alles of niets naar elke dag een beetje",
        "Jarenlang deed ik op goede dagen alles tegelijk: boodschappen, de was, een lange "
        "wandeling. "
        "De dagen erna lag ik op de bank. Mijn fysiotherapeut liet me een week lang opschrijven "
        "wat "
        "ik deed en hoe ik me voelde. Daarna spraken we een vaste hoeveelheid af, ook op goede "
        "dagen. Dat voelde eerst als stilstand. Na een paar maanden merkte ik dat de slechte dagen "
        "minder diep waren. Ik heb nog steeds pijn, maar ik plan nu mijn week in plaats van dat de "
        "pijn mijn week plant.",
        "Een vaste hoeveelheid bewegen, ook op goede dagen. Rust nemen voordat ik moe ben.",
        ("movement", "breathing"),
        "Marieke",
        "40s",
        "5-10",
        True,
    ),
    (
        "Ademen toen niets anders lukte",
        "Op de slechtste avonden kon ik niet slapen van de onrust in mijn lijf. De ademoefening "
        "zonder vasthouden was het eerste dat ik kon doen zonder dat het pijn deed. Vier tellen "
        "in, "
        "zes uit. Het haalt de pijn niet weg, maar ik lig minder te malen. Soms val ik er zelfs "
        "bij "
        "in slaap. Het was voor mij de eerste stap om weer iets zelf te kunnen doen.",
        "De korte ademoefening voor het slapengaan.",
        ("breathing",),
        "",
        "50s",
        "10p",
        True,
    ),
    (
        "Leren dat mijn zenuwstelsel overgevoelig is",
        "Niemand had me ooit uitgelegd waarom alles zo'n pijn deed terwijl er op de foto's niets "
        "te "
        "zien was. De uitleg over een overgevoelig zenuwstelsel was voor mij een opluchting: ik "
        "verbeeldde het me dus niet. Met die kennis durfde ik weer voorzichtig te bewegen. Het "
        "gaat "
        "met ups en downs, en dat mag.",
        "Uitleg over pijn, en een therapeut die de tijd nam.",
        ("body_scan", "movement"),
        "Ahmed",
        "30s",
        "1-5",
        False,
    ),
    (
        "Contact met anderen hielp mij het meest",
        "Ik had me helemaal teruggetrokken. Afspraken zegde ik af omdat ik niet wist hoe ik me zou "
        "voelen. Kleine stapjes hielpen: één kop koffie met een vriendin, een kwartier, en het "
        "mocht kort. Nu zie ik elke week iemand. Dat geeft me meer energie dan het kost, meestal.",
        "Korte afspraken met vrienden, zonder druk.",
        ("social", "gratitude"),
        "Els",
        "60p",
        "10p",
        False,
    ),
    (
        "Back at work, part-time",
        "After two years on sick leave I am working three mornings a week again. It did not happen "
        "quickly. My therapist and I built up the hours slowly and planned rest after every "
        "working morning. Some weeks I still cancel a morning, and that is part of the plan now, "
        "not a failure.",
        "Planning rest as seriously as work.",
        ("movement", "pmr"),
        "Tom",
        "40s",
        "1-5",
        False,
    ),
    (
        "Spanning leren loslaten",
        "Ik wist niet hoe gespannen mijn schouders altijd waren tot ik de oefening met aanspannen "
        "en ontspannen leerde. Nu merk ik het eerder en laat ik vaker los, ook midden op de dag. "
        "Het is geen wondermiddel, maar het helpt me door lastige momenten heen.",
        "Aanspannen en ontspannen, twee keer per dag.",
        ("pmr", "emotion"),
        "",
        "u30",
        "u1",
        False,
    ),
)


def create_stories() -> None:
    authors = list(User.objects.filter(role=Role.PATIENT, email__endswith="@demo.pijnreset.nl"))
    if not authors:
        return
    now = timezone.now()
    for number, row in enumerate(STORIES):
        title, text, helped, exercises, first_name, age, duration, featured = row
        when = now - timedelta(days=20 * (number + 1))
        Story.objects.update_or_create(
            title=title,
            defaults={
                "author": authors[number % len(authors)],
                "text": text,
                "what_helped": helped,
                "exercises": list(exercises),
                "first_name": first_name,
                "age_band": age,
                "duration": duration,
                "language": "en" if title.startswith("Back") else "nl",
                "status": StoryStatus.PUBLISHED,
                "featured": featured,
                "consent_given_at": when,
                "created_at": when,
                "updated_at": when,
                "published_at": when + timedelta(days=2),
            },
        )


STEPS = [("stories", create_stories)]
