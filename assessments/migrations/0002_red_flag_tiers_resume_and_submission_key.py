"""Red flags in three tiers: resume for a reason, and one check per submission.

`doctor_visit_confirmed_at` becomes `resumed_at` (kept, with reason "seen_doctor"), a
check can also be resumed because a doctor already knows, and every check gets its own
submission key (existing rows each a fresh one) so a form sent twice makes one check.
"""

import uuid

from django.conf import settings
from django.db import migrations, models


def mark_earlier_confirmations(apps, schema_editor):
    RedFlagCheck = apps.get_model("assessments", "RedFlagCheck")
    RedFlagCheck.objects.filter(resumed_at__isnull=False).update(resumed_because="seen_doctor")


def give_each_check_its_own_key(apps, schema_editor):
    RedFlagCheck = apps.get_model("assessments", "RedFlagCheck")
    for check in RedFlagCheck.objects.only("pk").iterator():
        RedFlagCheck.objects.filter(pk=check.pk).update(submission_key=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="redflagcheck",
            name="red_flag_confirmed_after_submitted",
        ),
        migrations.RenameField(
            model_name="redflagcheck",
            old_name="doctor_visit_confirmed_at",
            new_name="resumed_at",
        ),
        migrations.AlterField(
            model_name="redflagcheck",
            name="resumed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="exercises resumed at"),
        ),
        migrations.AddField(
            model_name="redflagcheck",
            name="resumed_because",
            field=models.CharField(
                blank=True,
                choices=[
                    ("seen_doctor", "Has seen a doctor"),
                    ("doctor_knows", "A doctor already knows"),
                ],
                default="",
                max_length=12,
                verbose_name="exercises resumed because",
            ),
        ),
        migrations.RunPython(mark_earlier_confirmations, migrations.RunPython.noop),
        migrations.AddField(
            model_name="redflagcheck",
            name="submission_key",
            field=models.UUIDField(editable=False, null=True, verbose_name="submission key"),
        ),
        migrations.RunPython(give_each_check_its_own_key, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="redflagcheck",
            name="submission_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False, verbose_name="submission key"),
        ),
        migrations.AlterField(
            model_name="redflagcheck",
            name="routing",
            field=models.CharField(
                choices=[
                    ("none", "No red flag"),
                    ("gp", "See your GP soon"),
                    ("same_day", "See your GP today"),
                    ("emergency", "Call 112 now"),
                ],
                max_length=12,
                verbose_name="routing",
            ),
        ),
        migrations.AddConstraint(
            model_name="redflagcheck",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("resumed_at__isnull", True), ("resumed_because", "")),
                    models.Q(
                        models.Q(("routing", "none"), _negated=True),
                        ("resumed_at__gte", models.F("submitted_at")),
                        ("resumed_because__in", ["seen_doctor", "doctor_knows"]),
                    ),
                    _connector="OR",
                ),
                name="red_flag_resumed_after_submitted_with_reason",
            ),
        ),
        migrations.AddConstraint(
            model_name="redflagcheck",
            constraint=models.UniqueConstraint(
                fields=("patient", "submission_key"), name="one_red_flag_check_per_submission"
            ),
        ),
    ]
