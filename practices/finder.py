"""The finder: where is the visitor, and which practices are nearest?

Shared by the HTML finder and the JSON API. The database narrows the search
with a bounding box on (latitude, longitude) (an index); `practices.geo`
measures the exact distance. A search costs a fixed number of queries.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from statistics import fmean

from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from practices import places, postcodes
from practices.geo import Point, bounding_box, nearest, normalise_place
from practices.models import Practice, PracticeQuerySet, Therapist

DEFAULT_RADIUS_KM = 25.0
MAX_RADIUS_KM = 300.0
DEFAULT_LIMIT = 20
FIRST_REACH_KM = 5.0
# What a result card shows: the finder reads only these columns.
CARD_FIELDS = (
    "public_id", "name", "street", "postcode", "place", "services",
    "quality_label", "wheelchair_accessible", "time_zone", "direct_access", "insurers",
)  # fmt: skip


class UnknownPlace(Exception):
    """The text is neither a place we know nor a postcode area we know.

    `message` says so in the user's language and, for a postcode, suggests what
    to type instead (nearby areas we do know)."""

    def __init__(self, message: str | None = None) -> None:
        self.message = message or str(
            _(
                "We do not know this place. Check the spelling, try a larger town nearby, "
                "or type your postcode (4 digits, such as 3511)."
            )
        )
        super().__init__(self.message)


@dataclass(frozen=True)
class Origin:
    point: Point
    label: str


@dataclass(frozen=True)
class Filters:
    service: str = ""
    specialisation: str = ""
    language: str = ""
    wheelchair: bool = False
    parking: bool = False
    evening: bool = False
    remote: bool = False

    def apply(self, practices: PracticeQuerySet) -> PracticeQuerySet:
        if self.service:
            practices = practices.offering(self.service)
        if self.specialisation:
            practices = practices.with_specialisation(self.specialisation)
        if self.language:
            practices = practices.speaking(self.language)
        if self.wheelchair:
            practices = practices.filter(wheelchair_accessible=True)
        if self.parking:
            practices = practices.filter(parking=True)
        if self.evening:
            practices = practices.open_evenings()
        if self.remote:
            practices = practices.offering_remote()
        return practices


@dataclass(frozen=True)
class Found:
    practice: Practice
    distance_km: float | None


@dataclass
class Result:
    origin: Origin | None
    radius_km: float
    found: list[Found] = field(default_factory=list)


@dataclass(frozen=True)
class Search:
    """One finder search, built by `search_from` from the finder page's or the API's
    query parameters, so both find the same practices for the same parameters."""

    origin: Origin | None
    filters: Filters
    radius_km: float = DEFAULT_RADIUS_KM
    limit: int = DEFAULT_LIMIT

    def run(self) -> Result:
        return search(
            origin=self.origin, filters=self.filters, radius_km=self.radius_km, limit=self.limit
        )


def search_from(
    *,
    q: str = "",
    lat: float | None = None,
    lon: float | None = None,
    radius_km: float | None = None,
    service: str = "",
    specialisation: str = "",
    language: str = "",
    wheelchair: bool = False,
    parking: bool = False,
    evening: bool = False,
    remote: bool = False,
    limit: int = DEFAULT_LIMIT,
) -> Search:
    """The search these parameters mean. A typed place or postcode (`q`) wins over `lat`
    and `lon` (a typed place is the visitor's latest choice; the browser's location may
    be stale). Neither gives no origin. UnknownPlace when `q` is no place we know."""
    q = (q or "").strip()
    if q:
        origin: Origin | None = origin_from_text(q)
    elif lat is not None and lon is not None:
        origin = origin_from_coordinates(lat, lon)
    else:
        origin = None
    filters = Filters(
        service=service or "",
        specialisation=specialisation or "",
        language=language or "",
        wheelchair=wheelchair,
        parking=parking,
        evening=evening,
        remote=remote,
    )
    return Search(origin, filters, float(radius_km or DEFAULT_RADIUS_KM), limit)


def origin_from_text(text: str) -> Origin:
    """A postcode ("3511 AB", "3511ab", "3584") or a place name (any case, with or
    without diacritics). UnknownPlace, with a helpful message, for anything else."""
    lookup = postcodes.look_up(text)
    if lookup is not None:
        return _origin_from_postcode(lookup)
    place = places.find_place(text)
    if place is not None:
        return Origin(place.point, places.display_name(place))
    # A village below GeoNames' threshold that has a practice: use the practice.
    key = normalise_place(text)
    for practice_place, latitude, longitude in (
        Practice.objects.listed()
        .values_list("place", "latitude", "longitude")
        .filter(place__iexact=text.strip())[:1]
    ):
        if normalise_place(practice_place) == key:
            return Origin(Point(latitude, longitude), practice_place)
    raise UnknownPlace()


def _origin_from_postcode(lookup: postcodes.Lookup) -> Origin:
    """The point of the postcode's area; for a full postcode that a listed practice
    has, the practices' own point (closer still). A code the data does not know
    but a practice has (a brand-new area) is found through the practice."""
    digits = lookup.typed[:4]
    if lookup.area is not None:
        label = f"{lookup.typed} {lookup.area.place}"
        if " " in lookup.typed:
            exact = _practices_centre(Practice.objects.listed().filter(postcode=lookup.typed))
            if exact is not None:
                return Origin(exact, label)
        return Origin(lookup.area.point, label)
    if lookup.problem == "unknown":
        known = _practices_centre(Practice.objects.listed().filter(postcode__startswith=digits))
        if known is not None:
            return Origin(known, lookup.typed)
    raise UnknownPlace(postcode_problem(lookup))


def _practices_centre(rows: PracticeQuerySet) -> Point | None:
    points = list(rows.values_list("latitude", "longitude")[:50])
    if not points:
        return None
    return Point(fmean(p[0] for p in points), fmean(p[1] for p in points))


def _listed(areas: tuple[postcodes.Area, ...]) -> str:
    """ "1011, 1012 (Amsterdam); 1101 (Amsterdam-Zuidoost)": codes grouped by place."""
    by_place: dict[str, list[str]] = {}
    for area in areas:
        by_place.setdefault(area.place, []).append(area.postcode)
    return "; ".join(f"{', '.join(codes)} ({place})" for place, codes in by_place.items())


def postcode_problem(lookup: postcodes.Lookup) -> str:
    """Why this postcode finds nothing, and what to type instead, in the user's language."""
    areas = _listed(lookup.suggestions)
    if lookup.problem == "partial":
        text = gettext(
            "A postcode has 4 digits, for example 3511 or 3511 AB. Type all 4 digits, "
            "or the name of your place."
        )
        if areas:
            text += " " + gettext("Postcodes that start with %(digits)s: %(areas)s.") % {
                "digits": lookup.typed,
                "areas": areas,
            }
        return text
    if lookup.problem == "leading_zero":
        return gettext(
            "Dutch postcodes do not start with 0. Check the digits, for example 3511 AB."
        )
    if lookup.problem == "letters":
        return gettext(
            "The letters of this postcode are not right. Type the 4 digits alone, "
            "for example %(digits)s."
        ) % {"digits": lookup.typed[:4]}
    return ngettext(
        "We do not know postcode area %(digits)s. A nearby area we know: %(areas)s. "
        "Or type the name of your place.",
        "We do not know postcode area %(digits)s. Nearby areas we know: %(areas)s. "
        "Or type the name of your place.",
        len(lookup.suggestions),
    ) % {"digits": lookup.typed[:4], "areas": areas}


def origin_from_coordinates(latitude: float, longitude: float) -> Origin:
    return Origin(Point(latitude, longitude), str(_("your location")))


def search(
    *,
    origin: Origin | None,
    filters: Filters = Filters(),  # noqa: B008  (frozen, so a shared default is safe)
    radius_km: float = DEFAULT_RADIUS_KM,
    limit: int = DEFAULT_LIMIT,
) -> Result:
    """Practices within `radius_km` of `origin`, nearest first, at most `limit`.

    Without an origin (only possible with the remote filter): by name.
    """
    radius_km = min(max(radius_km, 1.0), MAX_RADIUS_KM)
    practices = filters.apply(Practice.objects.listed())
    if origin is None:
        rows = list(practices.order_by("name")[:limit])
        return Result(None, radius_km, [Found(practice, None) for practice in rows])
    ranked = _nearest_within(practices, origin.point, radius_km=radius_km, limit=limit)
    by_pk = practices.only(*CARD_FIELDS).in_bulk([pk for pk, _distance in ranked])
    found = [Found(by_pk[pk], round(distance, 1)) for pk, distance in ranked if pk in by_pk]
    return Result(origin, radius_km, found)


def _nearest_within(
    practices: PracticeQuerySet, point: Point, *, radius_km: float, limit: int
) -> list[tuple[int, float]]:
    """(pk, km) of the `limit` nearest practices within `radius_km`, nearest first.

    Starts with a small box. When it holds fewer than `limit` practices within
    its own radius, the distance of the `limit`-th nearest practice seen so far
    bounds the answer, so the next box is exactly that wide; with fewer than
    `limit` practices in sight the box grows with the density seen (at least
    doubling), so even 300 km takes at most five reads. In a city the first
    small box is enough.
    """
    reach = min(FIRST_REACH_KM, radius_km)
    while True:
        candidates = practices.within(bounding_box(point, reach)).values_list(
            "pk", "latitude", "longitude"
        )
        ranked = nearest(point, candidates)
        inside = [pair for pair in ranked if pair[1] <= reach]
        if len(inside) >= limit or reach >= radius_km:
            return [pair for pair in inside if pair[1] <= radius_km][:limit]
        if len(ranked) >= limit:
            reach = min(ranked[limit - 1][1], radius_km)
        else:
            spread = math.sqrt(limit / max(len(ranked), 1)) * 1.2
            reach = min(radius_km, reach * max(2.0, spread))


def nearest_practices(point: Point, *, limit: int = 10) -> list[Found]:
    """The `limit` nearest listed practices, however far (up to MAX_RADIUS_KM)."""
    return search(origin=Origin(point, ""), radius_km=MAX_RADIUS_KM, limit=limit).found


def therapists_near(
    result: Result, *, specialisation: str = "", language: str = ""
) -> list[tuple[Therapist, Found]]:
    """Therapists working at the found practices, in the practices' order."""
    order = {found.practice.pk: index for index, found in enumerate(result.found)}
    found_by_pk = {found.practice.pk: found for found in result.found}
    therapists = Therapist.objects.listed().filter(practices__in=list(order)).distinct()
    if specialisation:
        therapists = therapists.filter(specialisations__contains=f",{specialisation},")
    if language:
        therapists = therapists.filter(languages__contains=f",{language},")
    pairs = []
    for therapist in therapists.prefetch_related("practices"):
        here = [p.pk for p in therapist.practices.all() if p.pk in order]
        first = min(here, key=order.__getitem__)
        pairs.append((therapist, found_by_pk[first]))
    pairs.sort(key=lambda pair: (order[pair[1].practice.pk], pair[0].name))
    return pairs
