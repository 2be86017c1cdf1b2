"""Which appointment (or blocked time) a user or link holder may reach: one helper per
object, used by the HTML views, the API and the admin alike. Anything else raises
Http404, exactly as an id that does not exist. What the person may then DO with it is
the model's rule (`Appointment.can_cancel` and friends), checked inside the actions."""

from __future__ import annotations

from uuid import UUID

from django.db.models import Q
from django.shortcuts import get_object_or_404

from accounts.models import User
from bookings.models import Appointment, AppointmentLink, BlockedTime, LinkHolder
from practices.models import Practice, Therapist

_RELATED = ("practice", "therapist", "appointment_type", "patient")


def appointment_for(user: User, appointment_id: UUID | str) -> Appointment:
    """The user's own appointment, or one at a practice where they work or that they
    manage; Http404 for any other."""
    return get_object_or_404(
        Appointment.objects.visible_to(user).select_related(*_RELATED), public_id=appointment_id
    )


def appointment_for_staff(user: User, appointment_id: UUID | str) -> Appointment:
    """An appointment at a practice where `user` works or that they manage; Http404 else."""
    return get_object_or_404(
        Appointment.objects.at_practices_of(user).select_related(*_RELATED),
        public_id=appointment_id,
    )


def link_holder(link: AppointmentLink) -> LinkHolder:
    """The holder of a working e-mailed link (found by `bookings.links.find_link`)."""
    return LinkHolder(appointment_id=link.appointment_id)


def blockable_therapists(user: User, practice: Practice):  # type: ignore[no-untyped-def]
    """Whose time `user` may block at `practice`: a manager anyone's, a therapist their own."""
    therapists = Therapist.objects.filter(practices=practice).order_by("name")
    if practice.is_managed_by(user):
        return therapists
    return therapists.filter(user=user)


def may_block_time_of(user: User, therapist: Therapist) -> bool:
    """The therapist themselves, or a manager of a practice where they work."""
    if not user.is_authenticated:
        return False
    managed = Practice.objects.managed_by(user).values("pk")
    return (
        Therapist.objects.filter(pk=therapist.pk)
        .filter(Q(user=user) | Q(practices__in=managed))
        .exists()
    )


def block_for(user: User, practice: Practice, block_id: UUID | str) -> BlockedTime:
    """Blocked time at `practice` that `user` may remove; Http404 for any other."""
    return get_object_or_404(
        BlockedTime.objects.filter(therapist__in=blockable_therapists(user, practice)),
        public_id=block_id,
    )


def own_therapist_at(user: User, practice: Practice) -> Therapist | None:
    """The user's own therapist row when they work at `practice` (their agenda opens on it)."""
    return Therapist.objects.filter(user=user, practices=practice).first()
