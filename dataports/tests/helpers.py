"""Test data for dataports: days of check-ins written as the import writes them."""

from datetime import date, timedelta

from django.utils import timezone

from diary.models import CheckIn


def fill_days(patient, last: date, pains: list[int], **other) -> list[CheckIn]:
    """One check-in per day ending on `last`, with these pain scores (and fixed others)."""
    now = timezone.now()
    first = last - timedelta(days=len(pains) - 1)
    rows = [
        CheckIn(
            patient=patient,
            date=first + timedelta(days=offset),
            pain=pain,
            created_at=now,
            updated_at=now,
            **other,
        )
        for offset, pain in enumerate(pains)
    ]
    return CheckIn.objects.bulk_create(rows)


def submit(patient, key: str, answer=1, now=None, **answers):
    """A submitted response to questionnaire `key` with every item answered `answer`."""
    from assessments import actions
    from assessments.models import Instrument, Occasion

    now = now or timezone.now()
    if not Instrument.objects.filter(key=key).exists():
        actions.load_instruments(now=now)
    instrument = Instrument.objects.get(key=key, is_current=True)
    response = actions.start_response(
        patient=patient, instrument=instrument, occasion=Occasion.SELF, language="nl", now=now
    )
    keys = [item.key for item in instrument.parsed().items_for(response.part)]
    given = {**dict.fromkeys(keys, answer), **answers}
    actions.save_answers(response=response, answers=given, step=len(keys), now=now)
    return actions.submit_response(response=response, now=now)
