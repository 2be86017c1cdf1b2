"""Public review pages: the network list, how we check reviews, the badges."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_GET

from practices.models import Practice
from reviews import showing, summary
from reviews.forms import ListFilterForm


@require_GET
def network_page(request: HttpRequest) -> HttpResponse:
    """All published reviews of the counted window, newest first; filter by practice, score."""
    now = timezone.now()
    form = ListFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    practice = data.get("practice")
    rows = showing.public_reviews(now=now, practice=practice, star=data.get("score"))
    page = Paginator(rows, showing.PER_PAGE).get_page(data.get("page") or 1)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "practice": practice,
        "summary": summary.summary_for(now=now, practice=practice),
        "page": page,
        "query": query.urlencode(),
        "counted_years": settings.REVIEWS_COUNTED_YEARS,
    }
    status = 422 if form.is_bound and form.errors else 200
    return render(request, "reviews/network.html", context, status=status)


@require_GET
def how_we_check(request: HttpRequest) -> HttpResponse:
    return render(
        request, "reviews/how_we_check.html", {"counted_years": settings.REVIEWS_COUNTED_YEARS}
    )


def _badge(request: HttpRequest, name: str, found: object) -> HttpResponse:
    response = render(
        request,
        "reviews/badge.svg",
        {"name": name, "summary": found},
        content_type="image/svg+xml; charset=utf-8",
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
@cache_page(60 * 60)
def practice_badge(request: HttpRequest, slug: str) -> HttpResponse:
    """An SVG a practice may put on its own site: its score and count (cached for an hour)."""
    practice = get_object_or_404(Practice.objects.listed(), slug=slug)
    return _badge(
        request, practice.name, summary.summary_for(now=timezone.now(), practice=practice)
    )


@require_GET
@cache_page(60 * 60)
def network_badge(request: HttpRequest) -> HttpResponse:
    return _badge(request, _("pijnreset network"), summary.summary_for(now=timezone.now()))
