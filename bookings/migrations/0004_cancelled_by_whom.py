"""Who cancelled: an account reference and a capacity instead of a boolean.

The old `cancelled_by_practice` maps to `cancelled_as`: True is "practice"; False on a
cancelled appointment is "patient" when it has an account, else "link" (a guest can only
cancel by the e-mailed link). Which account cancelled was never stored: it stays empty.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def forwards(apps, schema_editor):
    Appointment = apps.get_model("bookings", "Appointment")
    cancelled = Appointment.objects.filter(status="cancelled")
    cancelled.filter(cancelled_by_practice=True).update(cancelled_as="practice")
    by_patient = cancelled.filter(cancelled_by_practice=False)
    by_patient.filter(patient__isnull=False).update(cancelled_as="patient")
    by_patient.filter(patient__isnull=True).update(cancelled_as="link")


def backwards(apps, schema_editor):
    Appointment = apps.get_model("bookings", "Appointment")
    Appointment.objects.filter(cancelled_as="practice").update(cancelled_by_practice=True)


class Migration(migrations.Migration):
    dependencies = [
        ("bookings", "0003_appointment_hold_extended_at"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="appointment",
            name="cancelled_as",
            field=models.CharField(
                blank=True,
                choices=[
                    ("patient", "By the patient"),
                    ("link", "By e-mailed link"),
                    ("practice", "By the practice"),
                ],
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="appointment",
            name="cancelled_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="appointment", name="cancelled_by_practice"),
    ]
