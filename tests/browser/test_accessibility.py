import pytest

from tests.browser.conftest import DESKTOP, PHONE, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    "path", ["/", "/hulp/", "/account/signup/", "/account/login/", "/en/", "/en/hulp/"]
)
def test_public_pages_have_no_axe_violations_light_dark_phone_desktop(page, live_server, path):
    page.goto(live_server.url + path)
    assert_accessible(page, viewports=(PHONE, DESKTOP))


def test_signup_with_errors_has_no_axe_violations(page, live_server):
    page.goto(live_server.url + "/account/signup/")
    page.get_by_role("button", name="Maak mijn account").click()
    page.wait_for_selector(".errorlist")
    assert_accessible(page, viewports=(PHONE, DESKTOP))


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(page, live_server):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_help_page_works_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/hulp/")
    assert page.locator('a[href="tel:113"]').count() == 1
    assert page.locator('a[href="tel:112"]').count() == 1
    context.close()
