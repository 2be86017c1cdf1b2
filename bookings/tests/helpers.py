"""Helpers for booking tests: links from e-mails, calendar parts, booking URLs."""

from __future__ import annotations

import re
import time
from datetime import datetime
from email import message_from_bytes

import time_machine
from django.core.mail import EmailMessage

from bookings.availability import OfferedSlot
from pijnreset.formproof import issue_form_proof


def link_in(message: EmailMessage, kind: str) -> str:
    """The path of the first link to /afspraken/<kind>/ in an e-mail ("bevestigen" or "link")."""
    match = re.search(rf"https?://[^/\s]+(/(?:en/)?afspraken/{kind}/[^\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def calendar_parts(message: EmailMessage) -> list[tuple[str, str]]:
    """(method= parameter, calendar text) of every text/calendar part of the sent message."""
    parsed = message_from_bytes(message.message().as_bytes())
    parts = []
    for part in parsed.walk():
        if part.get_content_type() == "text/calendar":
            payload = part.get_payload(decode=True)
            parts.append((part.get_param("method"), payload.decode("utf-8")))
    return parts


def book_url(practice, therapist, start: datetime, type_slug: str, kind: str) -> str:
    slot = OfferedSlot(therapist, start, start)
    return (
        f"/afspraken/boeken/{practice.public_id}/tijd/?therapist={therapist.public_id}"
        f"&start={slot.start_param}&type={type_slug}&kind={kind}"
    )


def unfold(ics: str) -> str:
    return ics.replace("\r\n ", "").replace("\r\n", "\n")


def with_proof(fields: dict[str, str], *, shown_seconds_ago: int = 60) -> dict[str, str]:
    """A guest form's fields with the proof of a form shown `shown_seconds_ago` seconds ago."""
    with time_machine.travel(time.time() - shown_seconds_ago, tick=False):
        return {**fields, "proof": issue_form_proof()}
