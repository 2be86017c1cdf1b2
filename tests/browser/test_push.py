"""The reminder page's "Meldingen op dit apparaat" in Chromium (issue 19 point 4, docs/push.md).

Headless Chromium has no push service to subscribe with, so these test what a real
browser does with our code: the worker loads its push handlers (importScripts, under the
strict CSP), the switch appears only once the worker is ready, a failed subscription is
said plainly and stores nothing, and the page has no axe violations. Sending is tested on
the server against a fake push service (push/tests, diary and bookings).
"""

import pytest

from push.management.commands.generate_vapid_keys import new_key_pair
from push.models import PushSubscription
from tests.browser.conftest import (
    assert_accessible,
    assert_no_problems,
    logged_in_context,
    watched_page,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
READY = "() => navigator.serviceWorker.ready.then(() => true)"
INCOGNITO = "Chrome currently does not support the Push API in incognito mode"


@pytest.fixture
def phone(browser, live_server, patient_anna):
    """Anna's phone (390x844, Dutch), logged in by cookie, notifications allowed."""
    context = logged_in_context(browser, live_server, patient_anna)
    context.grant_permissions(["notifications"], origin=live_server.url)
    page, problems = watched_page(context, live_server)
    yield page
    context.close()
    # Playwright's contexts are incognito, where Chromium refuses push and says so in the
    # console itself: that refusal is what the second test is about, not a page error.
    assert_no_problems(problems, allowed=(INCOGNITO,))


def test_without_keys_the_page_says_e_mail_and_offers_no_switch(phone, live_server):
    phone.goto(f"{live_server.url}/dagboek/herinnering/")
    section = phone.locator("section.push-settings")
    assert "Je herinneringen komen per e-mail." in section.inner_text()
    assert phone.get_by_role("switch").count() == 0
    assert_accessible(phone)


def test_with_keys_the_switch_appears_and_a_failed_subscription_stores_nothing(
    phone, live_server, settings
):
    public, private = new_key_pair()
    settings.VAPID_PUBLIC_KEY, settings.VAPID_PRIVATE_KEY = public, private
    settings.VAPID_SUBJECT = "mailto:beheer@example.nl"
    phone.goto(f"{live_server.url}/dagboek/herinnering/")
    assert phone.evaluate(READY)  # the worker, with sw-push.js imported, is running
    switch = phone.get_by_role("switch", name="Meldingen op dit apparaat")
    switch.wait_for(state="visible")
    assert not switch.is_checked()
    assert not phone.locator("[data-push-fallback]").is_visible()
    assert_accessible(phone)

    switch.focus()
    phone.keyboard.press("Space")
    status = phone.locator("#push-status")
    status.filter(has_text="Dat lukte niet").wait_for()
    assert not switch.is_checked() and not switch.is_disabled()
    assert not PushSubscription.objects.exists()
