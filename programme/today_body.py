"""The Today page's body, kept rendered with the day state (issue 18).

Unpickling the day state's objects and rendering the body from them was most of
Today's time on every visit. The body shows nothing of the request but the CSRF
token of its forms, so it is rendered once per day state (the same versions and key
parts as `programme.day_state`) with a stand-in for the token, and kept as a format
string: braces doubled, the stand-in `{token}`. Each request writes its own token
in with `format_html`, which escapes it. Escaped text cannot close an attribute, so
nothing a user wrote can pass for the stand-in.
"""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.html import format_html

from accounts.models import User
from programme.day_state import DayState, kept_for_the_day
from programme.forms import EnrolForm

TEMPLATE = "programme/includes/today_body.html"
STAND_IN = "csrf-token-written-per-request"


def _as_format(state: DayState) -> str:
    plan = state.plan
    context = {
        "plan": plan,
        "enrol_form": EnrolForm(initial={"started_on": plan.local_date})
        if plan.enrolment is None
        else None,
        "insights": state.insights,  # weekly summary, experiment week
        "care_today": state.from_therapist,
        "kept": state.kept_offline,  # this week's and last week's lessons, the flare plan
        "csrf_token": STAND_IN,
    }
    doubled = render_to_string(TEMPLATE, context).replace("{", "{{").replace("}", "}}")
    return doubled.replace(f'value="{STAND_IN}"', 'value="{token}"')


def today_body(request: HttpRequest, user: User, now: datetime, language: str) -> str:
    """The body for this request: kept per day state, with this request's CSRF token."""
    kept = kept_for_the_day("today-body", user, now, language, _as_format)
    return format_html(kept, token=get_token(request))
