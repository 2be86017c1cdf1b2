"""Staying logged in (issue 13, point 3): a patient who closes the browser and opens
it again the next day is still logged in, unless she unticked "Ingelogd blijven"."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, live_server, password: str, *, stay: bool) -> None:
    page.goto(live_server.url + "/account/login/")
    remember = page.get_by_label("Ingelogd blijven")
    assert remember.is_checked()  # ticked by default
    if not stay:
        remember.uncheck()
    page.get_by_label("E-mailadres").fill("anna@example.nl")
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_role("heading", name="Vandaag", level=1).wait_for()


def _reopen(browser, page):
    """A new browser context from the old one's state, without the cookies a real
    browser forgets when it closes (those without an expiry date)."""
    state = page.context.storage_state()
    state["cookies"] = [c for c in state["cookies"] if c["expires"] > 0]
    return browser.new_context(storage_state=state, locale="nl-NL")


def test_a_patient_is_still_logged_in_after_closing_the_browser(
    browser, page, live_server, patient_anna, password
):
    _log_in(page, live_server, password, stay=True)
    context = _reopen(browser, page)
    try:
        reopened = context.new_page()
        reopened.goto(live_server.url + "/vandaag/")
        reopened.get_by_role("heading", name="Vandaag", level=1).wait_for()
        assert "/vandaag/" in reopened.url
    finally:
        context.close()


def test_without_stay_logged_in_closing_the_browser_logs_out(
    browser, page, live_server, patient_anna, password
):
    _log_in(page, live_server, password, stay=False)
    context = _reopen(browser, page)
    try:
        reopened = context.new_page()
        reopened.goto(live_server.url + "/vandaag/")
        assert "/account/login/" in reopened.url
    finally:
        context.close()
