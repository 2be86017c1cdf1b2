"""The Today page's body, kept rendered with the day state (issue 18).

Unpickling the day state's objects and rendering the body from them was most of
Today's time on every visit. The body shows nothing of the request but the CSRF
token of its forms, so it is rendered once per day state (the same versions and key
parts as `programme.day_state`) and kept with a stand-in for the token, which each
request writes in (pijnreset/kept_html.py).
"""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest

from accounts.models import User
from pijnreset import kept_html
from programme.day_state import DayState, compute, kept_for_the_day
from programme.forms import EnrolForm

TEMPLATE = "programme/includes/today_body.html"


def _as_format(state: DayState) -> str:
    plan = state.plan
    return kept_html.as_format(
        TEMPLATE,
        {
            "plan": plan,
            "enrol_form": EnrolForm(initial={"started_on": plan.local_date})
            if plan.enrolment is None
            else None,
            "insights": state.insights,  # weekly summary, experiment week
            "care_today": state.from_therapist,
            "kept": state.kept_offline,  # this week's and last week's lessons, the flare plan
        },
    )


def today_body(request: HttpRequest, user: User, now: datetime, language: str) -> str:
    """The body for this request: kept per day state, with this request's CSRF token."""
    kept = kept_for_the_day(
        "today-body", user, now, language, lambda: _as_format(compute(user, now, language))
    )
    return kept_html.with_token(kept, request)
