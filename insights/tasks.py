"""Background work of the insights app (django-tasks): the weekly summary e-mail."""

from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from accounts.access import patient_refusal
from accounts.models import User
from insights.today import weekly_summary_for


@task()
def send_weekly_summary(patient_id: int, week_start: str) -> None:
    """E-mail one week's summary (claimed by insights.actions.send_weekly_summaries).

    Sends nothing when the patient is gone or no longer may be read (consent withdrawn).
    """
    patient = User.objects.filter(pk=patient_id, is_active=True).first()
    if patient is None or patient_refusal(patient) is not None:
        return
    summary = weekly_summary_for(patient, date.fromisoformat(week_start))
    with translation.override(patient.preferred_language):
        context = {
            "name": patient.get_short_name() if patient.display_name else "",
            "summary": summary,
            "insights_url": settings.SITE_URL.rstrip("/") + reverse("insights:overview"),
        }
        subject = _("Your week in short")
        body = render_to_string("insights/email/weekly_summary.txt", context)
    send_mail(subject, body, None, [patient.email])
