"""PostgreSQL only: btree_gist and the exclusion constraint against overlap.

On SQLite both operations do nothing (see docs/locking.md for its guard).
"""

from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations

from bookings.db import AddConstraintOnPostgreSQL, overlap_constraint


class Migration(migrations.Migration):
    dependencies = [("bookings", "0001_initial")]

    operations = [
        # CreateExtension itself skips every database but PostgreSQL.
        BtreeGistExtension(),
        AddConstraintOnPostgreSQL(model_name="appointment", constraint=overlap_constraint()),
    ]
