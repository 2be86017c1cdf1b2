"""The app shell's tabs (issue 13): which tabs a signed-in user sees, and which one is current.

Patients get their daily places (Today, Check-in, Practise, Progress, More); staff get their
work (Agenda, Patients, Practice, More). Anonymous visitors get no tabs: base.html shows them a
simple menu. A tab is current when the page's view is one of its views, or else when the page's URL
namespace is one of its namespaces; the template marks it with aria-current="page".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import Role

if TYPE_CHECKING:
    from django.urls import ResolverMatch
    from django.utils.functional import Promise


@dataclass(frozen=True)
class Tab:
    key: str  # also the icon's name (pijnreset/templates/includes/tab_icon.html)
    label: Promise
    url_name: str
    views: frozenset[str] = frozenset()
    namespaces: frozenset[str] = frozenset()


TODAY = Tab("today", _("Today"), "programme:today", views=frozenset({"programme:today"}))
CHECK_IN = Tab("checkin", _("Check-in"), "diary:checkin", namespaces=frozenset({"diary"}))
PRACTISE = Tab("practise", _("Practise"), "exercises:list", namespaces=frozenset({"exercises"}))
PROGRESS = Tab(
    "progress",
    _("Progress"),
    "progress:month",
    namespaces=frozenset({"progress", "assessments"}),
)
MORE = Tab(
    "more",
    _("More"),
    "more",
    views=frozenset({"more"}),
    namespaces=frozenset({"accounts", "programme", "bookings", "practices"}),
)
STAFF_MORE = Tab(
    "more", _("More"), "more", views=frozenset({"more"}), namespaces=frozenset({"accounts"})
)
AGENDA = Tab("agenda", _("Agenda"), "bookings:agenda_home", namespaces=frozenset({"bookings"}))
PRACTICE = Tab(
    "practice",
    _("Practice"),
    "practices:manage",
    # Working hours and appointment types live in bookings but are the practice's settings.
    views=frozenset({"bookings:working_hours", "bookings:types"}),
    namespaces=frozenset({"practices"}),
)
# The caseload of patients who share with the therapist (care app, /zorg/).
PATIENTS = Tab(
    "patients", _("Patients"), "care_staff:dashboard", namespaces=frozenset({"care_staff"})
)

TABS_BY_ROLE: dict[str, tuple[Tab, ...]] = {
    Role.PATIENT: (TODAY, CHECK_IN, PRACTISE, PROGRESS, MORE),
    Role.THERAPIST: (AGENDA, PATIENTS, STAFF_MORE),
    Role.PRACTICE_MANAGER: (AGENDA, PRACTICE, STAFF_MORE),
    Role.NETWORK_OPERATOR: (PRACTICE, STAFF_MORE),
}


def current_tab(tabs: tuple[Tab, ...], view_name: str, namespace: str) -> Tab | None:
    """The tab of a page: the first naming its view, else the first naming its namespace."""
    for tab in tabs:
        if view_name in tab.views:
            return tab
    for tab in tabs:
        if namespace and namespace in tab.namespaces:
            return tab
    return None


def tabs_for(user: Any, match: ResolverMatch | None) -> list[dict[str, object]]:
    """The tabs to show `user` on the page `match` resolved to (none for anonymous visitors)."""
    if not getattr(user, "is_authenticated", False):
        return []
    tabs = TABS_BY_ROLE.get(user.role, ())
    current = current_tab(tabs, match.view_name, match.namespace) if match else None
    shown: list[dict[str, object]] = []
    for tab in tabs:
        try:
            url = reverse(tab.url_name)
        except NoReverseMatch:  # an app switched off in this deployment
            continue
        shown.append({"key": tab.key, "label": tab.label, "url": url, "current": tab is current})
    return shown
