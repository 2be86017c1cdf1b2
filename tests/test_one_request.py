"""Guard: a booking request is worked out in one module (bookings/requests.py).

Fails when another module looks an appointment type up by its key (the slug
a request names) or checks by itself whether an instant has a time zone:
that is a second place deciding what a request means, and the two drift.
Build a request with `resolve_booking_request` / `resolve_slot_request`
instead, and check instants with `aware_utc` / `checked_instant`.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ("accounts", "api", "assessments", "bookings", "care", "diary", "exercises")
APPS += ("insights", "pijnreset", "practices", "programme", "reviews", "shop")
RESOLVER = "bookings/requests.py"
# Pure modules import nothing from Django, so they cannot call the resolver; they guard
# their own inputs (slot generation, calendar files).
PURE_WITH_OWN_GUARD = {"bookings/slots.py", "bookings/invites.py"}
LOOKUPS = {"filter", "get", "exclude"}


def _modules() -> list[tuple[str, str]]:
    found = []
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")) if (ROOT / app).is_dir() else []:
            relative = path.relative_to(ROOT).as_posix()
            if "/tests/" in relative or "/migrations/" in relative:
                continue
            found.append((relative, path.read_text(encoding="utf-8")))
    return found


def type_lookups_by_key(source: str) -> list[int]:
    """Lines that look a row up by slug in a module that deals with appointment types.

    Any `.filter/.get/.exclude(slug=...)` counts once the module names AppointmentType
    or `appointment_types`, whatever variable the queryset went through first; only
    another model's manager (`Practice.objects.filter(slug=...)`) is left out.
    """
    if "AppointmentType" not in source and "appointment_types" not in source:
        return []
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare) and _compares_slug(node):
            lines.append(node.lineno)
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        by_key = any(
            keyword.arg and keyword.arg.split("__")[0] == "slug" for keyword in node.keywords
        )
        if by_key and node.func.attr in LOOKUPS and _may_be_types(node.func.value):
            lines.append(node.lineno)
    return sorted(lines)


def _compares_slug(node: ast.Compare) -> bool:
    """`t.slug == wanted` while picking from a list of types already read."""
    sides = [node.left, *node.comparators]
    has_eq = any(isinstance(op, ast.Eq | ast.In) for op in node.ops)
    return has_eq and any(
        isinstance(side, ast.Attribute)
        and side.attr == "slug"
        and "practice" not in ast.unparse(side.value)  # a practice's own slug is no type
        for side in sides
    )


def _may_be_types(receiver: ast.expr) -> bool:
    """False only for another model's manager (`Practice.objects...`)."""
    root = receiver
    while isinstance(root, ast.Attribute | ast.Call | ast.Subscript):
        root = root.func if isinstance(root, ast.Call) else root.value
    name = root.id if isinstance(root, ast.Name) else ""
    return not (name[:1].isupper() and name != "AppointmentType")


def aware_checks(source: str) -> list[int]:
    """Lines that compare `x.tzinfo` or `x.utcoffset()` with None."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Compare) or not all(
            isinstance(op, ast.Is | ast.IsNot) for op in node.ops
        ):
            continue
        if not any(isinstance(c, ast.Constant) and c.value is None for c in node.comparators):
            continue
        left = node.left
        if isinstance(left, ast.Call):
            left = left.func
        if isinstance(left, ast.Attribute) and left.attr in ("tzinfo", "utcoffset"):
            lines.append(node.lineno)
    return sorted(lines)


def test_the_guards_see_what_they_look_for():
    source = (
        "t = practice.appointment_types.filter(slug=data['type'], is_active=True).first()\n"
        "u = AppointmentType.objects.get(practice=p, slug__iexact=s)\n"
        "v = AppointmentType.objects.get_or_create(practice=p, slug='intake')\n"
        "w = types.filter(slug=s)  # any queryset, once the module deals with types\n"
        "x = next(t for t in types if t.slug == wanted)\n"
        "if start.tzinfo is None or start.utcoffset() is None:\n"
        "    pass\n"
    )
    assert type_lookups_by_key(source) == [1, 2, 4, 5]
    assert aware_checks(source) == [6, 6]
    assert type_lookups_by_key("page = Page.objects.get(slug=s)\n") == []
    other_model = "AppointmentType\nn = Practice.objects.filter(slug__startswith='net-')\n"
    assert type_lookups_by_key(other_model) == []
    assert type_lookups_by_key("AppointmentType\nbusy = practice.slug == DEMO\n") == []


def test_appointment_types_are_looked_up_by_key_only_in_the_resolver():
    offenders = {
        name: lines
        for name, source in _modules()
        if name != RESOLVER and (lines := type_lookups_by_key(source))
    }
    assert offenders == {}, "use bookings.requests.resolve_booking_request or resolve_slot_request"
    resolver = (ROOT / RESOLVER).read_text(encoding="utf-8")
    assert type_lookups_by_key(resolver), "the resolver itself must be where types are found"


def test_instants_are_checked_for_a_time_zone_only_in_the_resolver():
    allowed = {RESOLVER, *PURE_WITH_OWN_GUARD}
    offenders = {
        name: lines
        for name, source in _modules()
        if name not in allowed and (lines := aware_checks(source))
    }
    assert offenders == {}, "use bookings.requests.aware_utc or checked_instant"
    assert aware_checks((ROOT / RESOLVER).read_text(encoding="utf-8"))
