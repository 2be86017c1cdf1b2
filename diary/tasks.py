"""Background work of the diary (django-tasks)."""

from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from accounts.models import User
from diary.actions import REMINDER_WINDOW
from diary.models import CheckIn
from push import actions as push_actions
from push.delivery import Notification


@task()
def send_checkin_reminder(user_id: int, local_day: str) -> None:
    """One kind, short check-in reminder (claimed by send_due_reminders): a notification
    on each device the patient switched on, else (none, or none took it) an e-mail.

    Sends nothing when the check-in was made in the meantime.
    """
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return
    if CheckIn.objects.filter(patient=user, date=date.fromisoformat(local_day)).exists():
        return
    with translation.override(user.preferred_language):
        notification = Notification(
            title=_("Time for your check-in"),
            url=reverse("diary:checkin"),
            tag=f"checkin-{local_day}",
            ttl=int(REMINDER_WINDOW.total_seconds()),
        )
    if push_actions.notify(user=user, notification=notification, now=timezone.now()):
        return
    with translation.override(user.preferred_language):
        context = {
            "name": user.get_short_name() if user.display_name else "",
            "checkin_url": settings.SITE_URL.rstrip("/") + reverse("diary:checkin"),
            "settings_url": settings.SITE_URL.rstrip("/") + reverse("diary:reminder"),
        }
        subject = _("A moment for yourself: your check-in")
        body = render_to_string("diary/email/reminder.txt", context)
    send_mail(subject, body, None, [user.email])
