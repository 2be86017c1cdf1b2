"""Actions take the acting party and ask the model what it may do (issue 12, point 2).

Through the URLs first, then the same action called directly: the refusal lives in the
action, so no entry point can forget it.
"""

from datetime import timedelta

import pytest
import time_machine
from django.db import transaction

from bookings import actions, links, staff_actions
from bookings.errors import ChangeTooLate, NotYours
from bookings.models import Appointment, CancelledAs, LinkHolder, LinkPurpose, Status
from bookings.tests.conftest import at

pytestmark = pytest.mark.django_db


def book(practice, therapist, appointment_type, patient, start, now):
    return actions.book_slot(
        practice=practice, therapist=therapist, appointment_type=appointment_type,
        kind="in_person", start=start, now=now, patient=patient,
    )  # fmt: skip


@pytest.fixture
def annas(now, practice_a, eva, follow_up, patient_anna):
    return book(practice_a, eva, follow_up, patient_anna, at(4, 10), now)


@pytest.fixture
def brams(now, practice_a, eva, follow_up, patient_bram):
    return book(practice_a, eva, follow_up, patient_bram, at(4, 14), now)


def manage_link(appointment, now) -> str:
    token = links.mint_link(
        appointment=appointment, purpose=LinkPurpose.MANAGE, now=now,
        expires_at=now + timedelta(days=30),
    )  # fmt: skip
    return f"/afspraken/link/{token}/"


# -- who cancelled is recorded ---------------------------------------------------


def test_the_patient_who_cancels_is_recorded(client, annas, patient_anna):
    client.force_login(patient_anna)
    page = client.get(f"/afspraken/{annas.public_id}/annuleren/")
    assert "Ja, zeg deze afspraak af" in page.content.decode()  # outside the notice: offered
    assert client.post(f"/afspraken/{annas.public_id}/annuleren/").status_code == 200
    annas.refresh_from_db()
    assert (annas.status, annas.cancelled_by, annas.cancelled_as) == (
        Status.CANCELLED,
        patient_anna,
        CancelledAs.PATIENT,
    )
    assert not annas.cancelled_by_practice


def test_the_therapist_who_cancels_is_recorded_as_the_practice(client, annas, eva):
    client.force_login(eva.user)
    assert client.post(f"/afspraken/{annas.public_id}/annuleren/").status_code == 200
    annas.refresh_from_db()
    assert (annas.cancelled_by, annas.cancelled_as) == (eva.user, CancelledAs.PRACTICE)
    assert annas.cancelled_by_practice


def test_a_cancellation_by_link_is_recorded_without_an_account(client, now, annas):
    path = manage_link(annas, now)
    assert client.post(path + "annuleren/").status_code == 200
    annas.refresh_from_db()
    assert (annas.status, annas.cancelled_by, annas.cancelled_as) == (
        Status.CANCELLED,
        None,
        CancelledAs.LINK_HOLDER,
    )


# -- the patient's notice period -------------------------------------------------


def test_inside_the_notice_the_model_the_page_and_the_action_all_refuse(
    client, now, practice_a, eva, follow_up, patient_anna
):
    soon = book(practice_a, eva, follow_up, patient_anna, at(2, 16), now)  # 8 hours ahead
    assert not soon.can_cancel(patient_anna, now)
    assert soon.can_cancel(eva.user, now)  # the practice may, at any time

    client.force_login(patient_anna)
    page = client.get(f"/afspraken/{soon.public_id}/annuleren/")
    assert page.status_code == 200 and page.context["may_change"] is False
    assert "Ja, zeg deze afspraak af" not in page.content.decode()
    assert client.post(f"/afspraken/{soon.public_id}/annuleren/").status_code == 409

    with pytest.raises(ChangeTooLate):
        actions.cancel_appointment(appointment=soon, actor=patient_anna, now=now)
    with pytest.raises(ChangeTooLate):
        actions.cancel_appointment(appointment=soon, actor=LinkHolder(soon.pk), now=now)
    soon.refresh_from_db()
    assert (soon.status, soon.cancelled_as, soon.sequence) == (Status.CONFIRMED, "", 0)


# -- outcomes: only the practice's own staff ---------------------------------------


def test_staff_of_another_practice_cannot_mark_an_outcome(client, annas, eva, joost):
    with time_machine.travel(at(4, 11), tick=False):
        moment = at(4, 11)
        client.force_login(joost.user)
        url = f"/afspraken/{annas.public_id}/uitkomst/"
        assert client.post(url, {"status": "no_show"}).status_code == 404
        assert not annas.can_mark_outcome(joost.user, moment)
        with pytest.raises(NotYours):
            actions.mark_outcome(
                appointment=annas, actor=joost.user, status=Status.NO_SHOW, now=moment
            )
        with pytest.raises(NotYours):  # nor the patient, nor a link
            actions.mark_outcome(
                appointment=annas, actor=annas.patient, status=Status.NO_SHOW, now=moment
            )
        assert Appointment.objects.get(pk=annas.pk).status == Status.CONFIRMED

        assert annas.can_mark_outcome(eva.user, moment)
        actions.mark_outcome(appointment=annas, actor=eva.user, status=Status.NO_SHOW, now=moment)
    assert Appointment.objects.get(pk=annas.pk).status == Status.NO_SHOW


# -- link holders act on their own appointment only ---------------------------------


def test_a_link_holder_acts_only_on_the_own_appointment(client, now, annas, brams):
    path = manage_link(annas, now)
    assert client.post(path + "annuleren/").status_code == 200
    annas.refresh_from_db()
    brams.refresh_from_db()
    assert (annas.status, brams.status) == (Status.CANCELLED, Status.CONFIRMED)

    holder_of_annas = LinkHolder(annas.pk)
    assert not brams.can_cancel(holder_of_annas, now)
    assert not brams.can_reschedule(holder_of_annas, now)
    with pytest.raises(NotYours):
        actions.cancel_appointment(appointment=brams, actor=holder_of_annas, now=now)
    with pytest.raises(NotYours):
        actions.reschedule_appointment(
            appointment=brams, actor=holder_of_annas, start=at(5, 10), now=now
        )
    brams.refresh_from_db()
    assert (brams.status, brams.start, brams.sequence) == (Status.CONFIRMED, at(4, 14), 0)


def test_another_patient_cannot_act_even_by_calling_the_action(now, annas, patient_bram, joost):
    for stranger in (patient_bram, joost.user):
        assert not annas.can_cancel(stranger, now)
        with pytest.raises(NotYours):
            actions.cancel_appointment(appointment=annas, actor=stranger, now=now)
        with pytest.raises(NotYours):
            actions.reschedule_appointment(
                appointment=annas, actor=stranger, start=at(5, 10), now=now
            )
    annas.refresh_from_db()
    assert (annas.status, annas.sequence) == (Status.CONFIRMED, 0)


def test_blocking_time_needs_the_therapist_or_their_manager(now, eva, joost, manager_mila):
    with pytest.raises(NotYours):
        actions.block_time(
            actor=joost.user, therapist=eva, start=at(5, 9), end=at(5, 12), reason=""
        )
    block, _inside = actions.block_time(
        actor=manager_mila, therapist=eva, start=at(5, 9), end=at(5, 12), reason=""
    )
    with pytest.raises(NotYours):
        actions.unblock_time(actor=joost.user, block=block)
    actions.unblock_time(actor=eva.user, block=block)
    assert not eva.blocked_times.exists()


# -- transactions ------------------------------------------------------------------


def test_an_action_refuses_to_run_inside_someone_elses_transaction(now, annas, patient_anna):
    """The actions own their transaction (durable): nested, they fail before writing."""
    with pytest.raises(RuntimeError, match="durable"), transaction.atomic():
        actions.cancel_appointment(appointment=annas, actor=patient_anna, now=now)
    annas.refresh_from_db()
    assert annas.status == Status.CONFIRMED


# -- the admin goes through the same action ------------------------------------------


def test_the_admin_cancels_through_the_action_and_records_who(
    client, now, annas, admin_olaf, django_capture_on_commit_callbacks, mailoutbox
):
    client.force_login(admin_olaf)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/beheer/bookings/appointment/",
            {"action": "cancel_by_the_practice", "_selected_action": [annas.pk]},
        )
    assert response.status_code == 302
    annas.refresh_from_db()
    assert (annas.status, annas.cancelled_by, annas.cancelled_as) == (
        Status.CANCELLED,
        admin_olaf,
        CancelledAs.PRACTICE,
    )
    assert any(m.to == [annas.patient.email] for m in mailoutbox)


def test_a_manager_saves_appointment_types_through_the_action(
    client, practice_a, manager_mila, therapist_joost
):
    url = f"/afspraken/praktijk/{practice_a.public_id}/afspraaktypen/"
    client.force_login(manager_mila)
    formset = client.get(url).context["formset"]
    data = {
        "appointment_types-TOTAL_FORMS": str(len(formset.forms)),
        "appointment_types-INITIAL_FORMS": str(len(formset.forms)),
    }
    for index, form in enumerate(formset.forms):
        kind = form.instance
        data |= {
            f"appointment_types-{index}-id": str(kind.pk),
            f"appointment_types-{index}-name_nl": kind.name_nl,
            f"appointment_types-{index}-name_en": kind.name_en,
            f"appointment_types-{index}-duration_minutes": "45"
            if kind.slug == "follow_up"
            else str(kind.duration_minutes),
            f"appointment_types-{index}-buffer_minutes": str(kind.buffer_minutes),
            f"appointment_types-{index}-kinds": list(kind.kinds),
            f"appointment_types-{index}-is_active": "on",
        }
    assert client.post(url, data).status_code == 302
    follow_up = practice_a.appointment_types.get(slug="follow_up")
    assert follow_up.duration_minutes == 45
    with pytest.raises(NotYours):  # another practice's manager, calling the action itself
        staff_actions.save_appointment_types(
            actor=therapist_joost, practice=practice_a, changes=[(follow_up, {"is_active": False})]
        )
    follow_up.refresh_from_db()
    assert follow_up.is_active
