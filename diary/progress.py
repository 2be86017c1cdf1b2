"""The Progress tab: the diary as a month of check-ins, and the latest questionnaire results.

A day of the last 7 links to the check-in form (it can still be filled in or changed, the
rule of diary/rules.py); an older day with a check-in links to a read-only view of it.
"""

from __future__ import annotations

from datetime import date

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from accounts.access import patient_required
from assessments.areas import AREA_LABELS
from assessments.models import Response
from diary import month, rules
from diary.models import CheckIn
from pijnreset.http import AuthenticatedRequest

LATEST_RESULTS = 3


@patient_required
def month_view(request: AuthenticatedRequest) -> HttpResponse:
    today = request.user.local_date(timezone.now())
    first = month.parse_month(request.GET.get("maand"), today=today)
    by_date = {
        c.date: c for c in CheckIn.objects.of(request.user).between(first, month.last_day(first))
    }
    weeks = [
        [_cell(day, by_date.get(day), today=today) if day else None for day in week.days]
        for week in month.weeks(first)
    ]
    earlier, later = month.previous_month(first), month.next_month(first, today=today)
    results = (
        Response.objects.of(request.user)
        .submitted()
        .select_related("instrument")
        .order_by("-submitted_at")[:LATEST_RESULTS]
    )
    context = {
        "first": first,
        "weeks": weeks,
        "filled": len(by_date),
        "previous": month.month_key(earlier) if earlier else None,
        "previous_first": earlier,
        "next": month.month_key(later) if later else None,
        "next_first": later,
        "results": results,
    }
    return render(request, "diary/progress.html", context)


def _cell(day: date, check_in: CheckIn | None, *, today: date) -> dict[str, object]:
    editable = rules.date_problem(day, today=today) is None
    if editable:
        url = reverse("diary:checkin") if day == today else reverse("diary:checkin_on", args=[day])
    elif check_in is not None:
        url = reverse("progress:day", args=[day])
    else:
        url = None
    return {"date": day, "check_in": check_in, "url": url, "today": day == today}


@patient_required
def day_view(request: AuthenticatedRequest, day: date) -> HttpResponse:
    """One past check-in, read-only (the last 7 days open in the check-in form instead)."""
    check_in = CheckIn.objects.of(request.user).filter(date=day).first()
    if check_in is None:
        raise Http404
    today = request.user.local_date(timezone.now())
    context = {
        "check_in": check_in,
        "editable": rules.date_problem(day, today=today) is None,
        "areas": [AREA_LABELS[key] for key in check_in.pain_areas if key in AREA_LABELS],
        "month": month.month_key(day.replace(day=1)),
    }
    return render(request, "diary/day.html", context)
