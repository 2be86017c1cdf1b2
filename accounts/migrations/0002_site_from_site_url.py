"""The Sites record (SITE_ID) gets the product's name and the domain of SITE_URL.

Django creates it as "example.com", and allauth reads it for its e-mails; our own
e-mail templates no longer use it, but nothing should ever show "example.com".
Run again (a new migration, or `manage.py migrate accounts 0001` and back) when
SITE_URL changes.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.color import no_style
from django.db import migrations

PRODUCT_NAME = "pijnreset"


def site_domain(site_url: str) -> str:
    """The host (and port, if any) of an address: "https://a.nl/x" gives "a.nl"."""
    return urlsplit(site_url).netloc or site_url


def set_site(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    Site.objects.update_or_create(
        pk=settings.SITE_ID,
        defaults={"domain": site_domain(settings.SITE_URL), "name": PRODUCT_NAME},
    )
    # A row made with an explicit id leaves PostgreSQL's sequence behind (as
    # django.contrib.sites does for its own default row, set it forward).
    connection = schema_editor.connection
    for sql in connection.ops.sequence_reset_sql(no_style(), [Site]):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("sites", "0002_alter_domain_unique"),
    ]

    operations = [migrations.RunPython(set_site, migrations.RunPython.noop)]
