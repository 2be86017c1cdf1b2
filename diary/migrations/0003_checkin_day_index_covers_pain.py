"""On PostgreSQL the one-check-in-per-day index also carries the pain score.

The network outcomes (care/outcomes.py) read each patient's pain in the baseline and
week-12 windows: with pain in the index these are index-only scans, which took the
outcomes for 100,000 patients from about 2.7 s to under 2 s (docs/performance.md). The
constraint keeps its name and meaning; SQLite has no covering indexes and is left as it is.
"""

from django.db import migrations

COVERING = (
    "ALTER TABLE diary_checkin DROP CONSTRAINT one_checkin_per_day, "
    "ADD CONSTRAINT one_checkin_per_day UNIQUE (patient_id, date) INCLUDE (pain)"
)
PLAIN = (
    "ALTER TABLE diary_checkin DROP CONSTRAINT one_checkin_per_day, "
    "ADD CONSTRAINT one_checkin_per_day UNIQUE (patient_id, date)"
)


def _on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("diary", "0002_checkin_edited_at")]

    operations = [migrations.RunPython(_on_postgresql(COVERING), _on_postgresql(PLAIN))]
