"""On PostgreSQL, a trigger makes the access log append-only (NEN 7513).

UPDATE is always refused. DELETE is refused unless the transaction set
`pijnreset.access_log_retention` to 'on' (care/retention.py, the retention command)
and the row is older than five years by the database clock. TRUNCATE is not covered
(it is a table owner's maintenance statement, not an application path; the test
database is emptied with it). SQLite has no such trigger: there the model and its
queryset refuse updates and deletes.
"""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION care_access_log_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE'
       AND current_setting('pijnreset.access_log_retention', true) = 'on'
       AND OLD.at < now() - interval '5 years' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'the access log is append-only (NEN 7513): % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""
TRIGGER = """
CREATE TRIGGER care_access_log_append_only
BEFORE UPDATE OR DELETE ON care_accesslogentry
FOR EACH ROW EXECUTE FUNCTION care_access_log_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS care_access_log_append_only ON care_accesslogentry;
DROP FUNCTION IF EXISTS care_access_log_append_only();
"""


def create_trigger(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTION, params=None)
        schema_editor.execute(TRIGGER, params=None)


def drop_trigger(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("care", "0001_initial")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
