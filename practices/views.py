"""Public pages of the network: the finder, practices, therapists, remote help."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from bookings import offer
from bookings.first_free import first_free_by_kind, waits
from bookings.wait_texts import wait_texts
from practices import cards, finder, places
from practices.forms import FinderForm
from practices.models import Practice, Therapist


def _search(request: HttpRequest) -> tuple[FinderForm, finder.Result | None]:
    form = FinderForm(request.GET if request.GET else None)
    if not form.is_bound or not form.is_valid() or form.search is None:
        return form, None
    if form.search.origin is None:  # the page searches from a place; the API also by remote
        return form, None
    return form, form.search.run()


@require_GET
def finder_page(request: HttpRequest) -> HttpResponse:
    form, result = _search(request)
    status = 422 if form.is_bound and form.errors else 200
    context: dict[str, object] = {"form": form, "result": result, "cards": []}
    if result is not None:
        found = result.found
        now = timezone.now()
        first = first_free_by_kind([f.practice for f in found], now=now)
        context["cards"] = cards.cards(found, first, now=now)
    return render(request, "practices/finder.html", context, status=status)


@require_GET
def therapists_page(request: HttpRequest) -> HttpResponse:
    form, result = _search(request)
    pairs = []
    if result is not None:
        pairs = finder.therapists_near(
            result,
            specialisation=form.cleaned_data.get("specialisation", ""),
            language=form.cleaned_data.get("language", ""),
        )
    status = 422 if form.is_bound and form.errors else 200
    context = {"form": form, "result": result, "pairs": pairs}
    return render(request, "practices/therapists.html", context, status=status)


@require_GET
def remote_page(request: HttpRequest) -> HttpResponse:
    """No practice near you? Therapists who help by phone or by video, wherever you live."""
    therapists = (
        Therapist.objects.listed()
        .remote()
        .filter(practices__in=Practice.objects.listed().offering_remote())
        .distinct()
        .prefetch_related(Prefetch("practices", queryset=Practice.objects.listed()))
        .order_by("name")[:30]
    )
    return render(request, "practices/remote.html", {"therapists": therapists})


@require_GET
def suggestions(request: HttpRequest) -> HttpResponse:
    """Place names for the search box while typing (htmx swaps the <datalist> options)."""
    found = places.suggest_places(request.GET.get("q", "")[:80])
    names = [places.display_name(place) for place in found]
    return render(request, "practices/includes/suggestions.html", {"names": names})


@require_GET
def practice_page(request: HttpRequest, practice_id: str) -> HttpResponse:
    practice = get_object_or_404(
        Practice.objects.listed().prefetch_related(
            "opening_hours",
            "closures",
            Prefetch("therapists", queryset=Therapist.objects.listed().order_by("name")),
        ),
        public_id=practice_id,
    )
    now = timezone.now()
    today = now.astimezone(practice.zone).date()
    # The first week of free times at once, for the first way and type (bookings/offer.py).
    context = offer.booking_context(practice, now=now)
    context["closures"] = [c for c in practice.closures.all() if c.last_day >= today][:5]
    first = first_free_by_kind([practice], now=now)[practice.pk]
    context["waits"] = wait_texts(waits(first, now=now, zone=practice.zone), practice.zone)
    return render(request, "practices/practice.html", context)


@require_GET
def therapist_page(request: HttpRequest, therapist_id: str) -> HttpResponse:
    therapist = get_object_or_404(
        Therapist.objects.listed().prefetch_related(
            Prefetch("practices", queryset=Practice.objects.listed())
        ),
        public_id=therapist_id,
    )
    return render(request, "practices/therapist.html", {"therapist": therapist})
