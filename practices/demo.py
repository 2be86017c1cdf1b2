"""Demo practices: 53 practices in real Dutch places in all twelve provinces.

Idempotent: practices are keyed by slug, therapists by (name, practice).
Eva (eva@demo.pijnreset.nl) works at Praktijk Rustpunt in Utrecht, which
Mila (mila@demo.pijnreset.nl) manages. No accounts are created here.
"""

from __future__ import annotations

from datetime import time
from typing import Any

from django.utils.text import slugify

from accounts.models import User
from practices.actions import create_practice
from practices.models import OpeningHours, Practice, Province, Therapist
from practices.places import find_place

DEMO_PRACTICE_SLUG = "rustpunt-utrecht"

# place, province, postcode, practice name
PRACTICES: tuple[tuple[str, str, str, str], ...] = (
    ("Groningen", "GR", "9711 HV", "Fysiotherapie Stad en Ommeland"),
    ("Delfzijl", "GR", "9934 AB", "Fysio Eemsmond"),
    ("Veendam", "GR", "9641 AK", "Praktijk De Veenkoloniën"),
    ("Winschoten", "GR", "9671 BE", "Fysiotherapie Oldambt"),
    ("Leeuwarden", "FR", "8911 BD", "Fysio Oldehove"),
    ("Sneek", "FR", "8601 CS", "Praktijk Waterpoort"),
    ("Heerenveen", "FR", "8441 ER", "Fysiotherapie It Hearrenfean"),
    ("Drachten", "FR", "9201 GA", "Fysio De Lawei"),
    ("Assen", "DR", "9401 HR", "Fysiotherapie Assen Centrum"),
    ("Emmen", "DR", "7811 AB", "Praktijk Hondsrug"),
    ("Hoogeveen", "DR", "7901 AC", "Fysio De Wolden"),
    ("Meppel", "DR", "7941 KA", "Fysiotherapie Reestdal"),
    ("Zwolle", "OV", "8011 CW", "Fysio Sassenpoort"),
    ("Enschede", "OV", "7511 JA", "Fysiotherapie Twente"),
    ("Deventer", "OV", "7411 GR", "Praktijk IJsselkade"),
    ("Almelo", "OV", "7607 AZ", "Fysio Het Egbert"),
    ("Lelystad", "FL", "8232 AB", "Fysiotherapie Lelystad"),
    ("Almere", "FL", "1315 HP", "Fysio Almere Stad"),
    ("Emmeloord", "FL", "8301 CN", "Praktijk Noordoostpolder"),
    ("Arnhem", "GE", "6811 AA", "Fysiotherapie Sonsbeek"),
    ("Nijmegen", "GE", "6511 JK", "Praktijk Valkhof"),
    ("Apeldoorn", "GE", "7311 KZ", "Fysio De Veluwe"),
    ("Ede", "GE", "6711 AB", "Fysiotherapie Ede Centrum"),
    ("Doetinchem", "GE", "7001 BA", "Praktijk Achterhoek"),
    ("Utrecht", "UT", "3511 LK", "Praktijk Rustpunt"),
    ("Utrecht", "UT", "3581 GM", "Fysio Wilhelminapark"),
    ("Amersfoort", "UT", "3811 HA", "Fysiotherapie Koppelpoort"),
    ("Zeist", "UT", "3701 AA", "Praktijk Heuvelrug"),
    ("Veenendaal", "UT", "3901 CE", "Fysio Veenendaal"),
    ("Amsterdam", "NH", "1012 JS", "Fysiotherapie Grachtengordel"),
    ("Amsterdam", "NH", "1091 GH", "Praktijk Oosterpark"),
    ("Haarlem", "NH", "2011 HV", "Fysio Spaarne"),
    ("Alkmaar", "NH", "1811 KH", "Fysiotherapie Alkmaar"),
    ("Hilversum", "NH", "1211 AB", "Praktijk Het Gooi"),
    ("Den Helder", "NH", "1781 AA", "Fysio Kop van Noord-Holland"),
    ("Den Haag", "ZH", "2511 CV", "Fysiotherapie Hofvijver"),
    ("Rotterdam", "ZH", "3011 AD", "Praktijk Maasoever"),
    ("Leiden", "ZH", "2311 EZ", "Fysio Sleutelstad"),
    ("Delft", "ZH", "2611 GW", "Fysiotherapie Delft"),
    ("Dordrecht", "ZH", "3311 JR", "Praktijk Drechtsteden"),
    ("Gouda", "ZH", "2801 JK", "Fysio Goudse Waarden"),
    ("Middelburg", "ZE", "4331 BK", "Fysiotherapie Walcheren"),
    ("Vlissingen", "ZE", "4381 AA", "Praktijk Boulevard"),
    ("Goes", "ZE", "4461 AB", "Fysio De Bevelanden"),
    ("Terneuzen", "ZE", "4531 EA", "Fysiotherapie Zeeuws-Vlaanderen"),
    ("'s-Hertogenbosch", "NB", "5211 HX", "Praktijk De Binnendieze"),
    ("Eindhoven", "NB", "5611 AB", "Fysiotherapie Lichtstad"),
    ("Tilburg", "NB", "5038 AA", "Fysio Piushaven"),
    ("Breda", "NB", "4811 XH", "Praktijk Valkenberg"),
    ("Maastricht", "LI", "6211 CK", "Fysiotherapie Vrijthof"),
    ("Venlo", "LI", "5911 AB", "Praktijk Maasboulevard"),
    ("Heerlen", "LI", "6411 AA", "Fysio Parkstad"),
    ("Roermond", "LI", "6041 AB", "Fysiotherapie Roerstreek"),
)

STREETS = (
    "Stationsstraat", "Kerkstraat", "Molenweg", "Parklaan", "Julianalaan",
    "Nieuwstraat", "Wilhelminastraat", "Beatrixplein", "Dorpsstraat", "Marktstraat",
)  # fmt: skip
FIRST_NAMES = (
    "Sanne", "Daan", "Fleur", "Thijs", "Noor", "Bas", "Lotte", "Ruben", "Iris", "Jeroen",
    "Femke", "Koen", "Esther", "Mark", "Anouk", "Pieter", "Yara", "Sem", "Mirjam", "Tom",
)  # fmt: skip
LAST_NAMES = (
    "Jansen", "de Boer", "Visser", "Smit", "Meijer", "de Groot", "Mulder", "Bos", "Vos",
    "Peters", "Hendriks", "van Dijk", "Dekker", "Brouwer", "de Wit", "Kok", "Postma", "Kuipers",
)  # fmt: skip
SPECIALISATIONS = (
    ["fibromyalgia", "chronic_pain", "pain_education"],
    ["chronic_pain", "stress_breathing", "graded_activity"],
    ["psychosomatic", "stress_breathing", "sleep"],
    ["fibromyalgia", "graded_activity", "manual_therapy"],
)
PROFESSIONS = ("physiotherapist", "psychosomatic", "pain_specialist", "manual", "exercise")


def _services(index: int) -> list[str]:
    if index % 7 == 3:
        return ["in_person", "at_home"]
    if index % 5 == 1:
        return ["in_person", "phone"]
    return (
        ["in_person", "at_home", "phone", "video"] if index % 2 else ["in_person", "phone", "video"]
    )


def _languages(province: str, index: int) -> list[str]:
    languages = ["nl", "en"]
    if province == Province.FRIESLAND:
        languages.append("fy")
    if province in (Province.LIMBURG, Province.OVERIJSSEL, Province.GELDERLAND):
        languages.append("de")
    if index % 6 == 0:
        languages.append("tr")
    if index % 9 == 4:
        languages.append("ar")
    return languages


def create_practices() -> None:
    """The demo practices with opening hours and their therapists."""
    eva = User.objects.filter(email="eva@demo.pijnreset.nl").first()
    mila = User.objects.filter(email="mila@demo.pijnreset.nl").first()
    for index, (place, province, postcode, name) in enumerate(PRACTICES):
        found = find_place(place)
        if found is None:
            raise ValueError(f"Unknown demo place: {place}")
        slug = DEMO_PRACTICE_SLUG if name == "Praktijk Rustpunt" else slugify(f"{name}-{place}")
        jitter = ((index * 37) % 11 - 5) / 1000
        evening = index % 4 == 0 or slug == DEMO_PRACTICE_SLUG
        practice = _create_or_update(
            slug,
            {
                "name": name,
                "street": f"{STREETS[index % len(STREETS)]} {3 + index * 7 % 90}",
                "postcode": postcode,
                "place": place,
                "province": province,
                "latitude": round(found.latitude + jitter, 5),
                "longitude": round(found.longitude - jitter, 5),
                "phone": f"0{30 + index % 60} {200 + index:03d} {10 + index % 89:02d} 00",
                "email": f"info@{slug}.example.nl",
                "services": ["in_person", "phone", "video"]
                if slug == DEMO_PRACTICE_SLUG
                else _services(index),
                "wheelchair_accessible": index % 3 != 2,
                "parking": index % 2 == 0,
                "languages": _languages(province, index),
                "about_nl": (
                    f"{name} in {place} helpt mensen met chronische pijn en fibromyalgie. "
                    "We werken rustig, in jouw tempo, en leggen uit wat er in je lichaam gebeurt."
                ),
                "about_en": (
                    f"{name} in {place} helps people with chronic pain and fibromyalgia. "
                    "We work calmly, at your pace, and explain what happens in your body."
                ),
                "quality_label": index % 10 != 7,
                "cancellation_policy_nl": (
                    "Kun je niet komen? Zeg je afspraak dan uiterlijk 24 uur van tevoren af. "
                    "Later afzeggen kan alleen telefonisch; we kunnen dan kosten rekenen."
                ),
                "cancellation_policy_en": (
                    "Cannot come? Please cancel at least 24 hours before. After that, please "
                    "call us; we may then charge for the appointment."
                ),
            },
        )
        if slug == DEMO_PRACTICE_SLUG and mila is not None:
            practice.managers.add(mila)
        _opening_hours(practice, evening=evening)
        _therapists(practice, index, eva=eva if slug == DEMO_PRACTICE_SLUG else None)


def _create_or_update(slug: str, values: dict[str, Any]) -> Practice:
    """A new demo practice comes through the one action; a known one gets the values again."""
    practice = Practice.objects.filter(slug=slug).first()
    if practice is None:
        return create_practice(practice=Practice(slug=slug, **values))
    Practice.objects.filter(pk=practice.pk).update(**values)
    practice.refresh_from_db()
    return practice


def _opening_hours(practice: Practice, *, evening: bool) -> None:
    if practice.opening_hours.exists():
        return
    rows = [
        OpeningHours(
            practice=practice,
            weekday=weekday,
            opens=time(8),
            closes=time(21 if evening and weekday in (1, 3) else 17, 30 if weekday != 4 else 0),
        )
        for weekday in range(5)
    ]
    OpeningHours.objects.bulk_create(rows)


def _therapists(practice: Practice, index: int, *, eva: User | None) -> None:
    people: list[tuple[str, User | None]] = []
    if eva is not None:
        people.append(("Eva de Vries", eva))
    for offset in range(2):
        first = FIRST_NAMES[(index * 3 + offset * 7) % len(FIRST_NAMES)]
        last = LAST_NAMES[(index * 5 + offset * 11) % len(LAST_NAMES)]
        people.append((f"{first} {last}", None))
    for number, (name, user) in enumerate(people):
        remote = "video" in practice.services or "phone" in practice.services
        kinds = ["in_person"] + [k for k in ("phone", "video") if remote and k in practice.services]
        therapist = Therapist.objects.filter(name=name, practices=practice).first()
        defaults = {
            "user": user,
            "profession": PROFESSIONS[(index + number) % len(PROFESSIONS)],
            "big_number": f"{(index * 97 + number * 13) % 10**11:011d}",
            "quality_register_number": f"KRF-{1000 + index * 10 + number}",
            "specialisations": SPECIALISATIONS[(index + number) % len(SPECIALISATIONS)],
            "languages": practice.languages,
            "kinds": kinds if number != 2 else ["in_person"],
            "about_nl": (
                "Ik help je om rust te vinden in je lijf, met kleine stappen die passen bij je dag."
            ),
            "about_en": "I help you find calm in your body, with small steps that fit your day.",
        }
        if therapist is None:
            therapist = Therapist.objects.create(name=name, **defaults)
            therapist.practices.add(practice)
        else:
            Therapist.objects.filter(pk=therapist.pk).update(**defaults)


STEPS = [("practices", create_practices)]
