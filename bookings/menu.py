"""The booking page's two choices, kind first: how the appointment takes place, then
which appointment type (only the types that can take place that way).

Pure: no Django imports. The view hands over what the practice offers; what comes
back can never be an impossible pair (a type that cannot take place in the chosen
way), so the page cannot send one. When the address asks for a pair that does not
fit (an old link, or a browser without JavaScript whose visitor changed only the
kind), the kind wins: it was asked first, and the type falls back to the first one
that fits, with `type_changed` set so the page can say so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class TypeOption:
    """One bookable appointment type: its code and the ways it can take place."""

    slug: str
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class Menu:
    kinds: tuple[str, ...]  # the ways that have at least one type, in the order offered
    kind: str | None  # None: nothing can be booked online
    types: tuple[str, ...]  # the codes of the types that fit `kind`, in the practice's order
    type: str | None
    type_changed: bool  # the type asked for did not fit the kind and was replaced


def choose(
    *,
    offered_kinds: Sequence[str],
    types: Sequence[TypeOption],
    asked_kind: str | None,
    asked_type: str | None,
) -> Menu:
    """The kind and type to show: the ones asked for when they fit, else the first that do.

    No kind asked but a known type: the first way that type lists (as bookings/requests.py
    picks it for the API).
    """
    kinds = tuple(kind for kind in offered_kinds if any(kind in t.kinds for t in types))
    if not kinds:
        return Menu((), None, (), None, type_changed=False)
    known = {t.slug: t for t in types}
    if asked_kind in kinds:
        kind = asked_kind
    elif asked_type in known:
        kind = next((k for k in known[asked_type].kinds if k in kinds), kinds[0])
    else:
        kind = kinds[0]
    fitting = tuple(t.slug for t in types if kind in t.kinds)
    chosen = asked_type if asked_type in fitting else fitting[0]
    return Menu(
        kinds, kind, fitting, chosen, type_changed=bool(asked_type) and chosen != asked_type
    )
