"""Shared test fixtures: the named personas of ARCHITECTURE.md.

Each persona is a real user row with a verified e-mail address, so tests can
log in through the real forms as well as with `client.force_login`.
"""

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone

from accounts import actions
from accounts.models import Consent, Role, User

PASSWORD = "een-lange-zin-om-te-testen"  # noqa: S105


def make_user(
    email: str, *, role: str = Role.PATIENT, name: str = "", language: str = "nl", **extra
):
    user = User.objects.create_user(
        email=email,
        password=PASSWORD,
        display_name=name,
        role=role,
        preferred_language=language,
        **extra,
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    now = timezone.now()
    actions.give_consent(user=user, purpose=Consent.Purpose.TERMS, now=now)
    if role == Role.PATIENT:
        actions.give_consent(user=user, purpose=Consent.Purpose.HEALTH_DATA, now=now)
    return user


@pytest.fixture
def password() -> str:
    return PASSWORD


@pytest.fixture
def patient_anna(db):
    return make_user("anna@example.nl", name="Anna")


@pytest.fixture
def patient_bram(db):
    """A second patient: the one who must be denied Anna's data."""
    return make_user("bram@example.nl", name="Bram", language="en")


@pytest.fixture
def therapist_eva(db):
    return make_user("eva@example.nl", role=Role.THERAPIST, name="Eva")


@pytest.fixture
def therapist_joost(db):
    return make_user("joost@example.nl", role=Role.THERAPIST, name="Joost")


@pytest.fixture
def manager_mila(db):
    return make_user("mila@example.nl", role=Role.PRACTICE_MANAGER, name="Mila")


@pytest.fixture
def operator_olaf(db):
    return make_user(
        "olaf@example.nl", role=Role.NETWORK_OPERATOR, name="Olaf", is_staff=True, is_superuser=True
    )


@pytest.fixture
def admin_olaf(operator_olaf):
    """Olaf with an authenticator app set up: the admin asks every operator for a second
    factor (ADMIN_REQUIRES_SECOND_FACTOR, care/apps.py)."""
    from care.tests.helpers import give_second_factor

    give_second_factor(operator_olaf)
    return operator_olaf


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in the cache: every test starts with none; and with no
    rendered fragment kept from a test that changed the settings a fragment shows."""
    from django.core.cache import cache, caches

    cache.clear()
    caches["fragments"].clear()
    yield
    cache.clear()
    caches["fragments"].clear()


@pytest.fixture(autouse=True)
def _site_language():
    """Every test starts in the site's language, as a new request does: a page asked in
    English by an earlier test leaves English active in this thread (LocaleMiddleware does
    not switch back), and threads a test starts would still speak Dutch."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
