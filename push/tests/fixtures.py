"""Push fixtures: a fake push service on loopback, devices, and VAPID keys made per test.

Import them where needed: `from push.tests.fixtures import laptop, phone, push_service, vapid`.
"""

import pytest

from push.management.commands.generate_vapid_keys import new_key_pair
from push.tests.fake_push import FakeDevice, FakePushService


@pytest.fixture
def push_service():
    service = FakePushService().start()
    yield service
    service.stop()


@pytest.fixture
def vapid(settings, push_service):
    """Push switched on with a key pair made for this test, sending only to the fake."""
    public, private = new_key_pair()
    settings.VAPID_PUBLIC_KEY = public
    settings.VAPID_PRIVATE_KEY = private
    settings.VAPID_SUBJECT = "mailto:beheer@example.nl"
    settings.WEB_PUSH_SERVICES = [push_service.url]
    return public


@pytest.fixture
def phone(push_service):
    return FakeDevice(push_service, "phone")


@pytest.fixture
def laptop(push_service):
    return FakeDevice(push_service, "laptop")
