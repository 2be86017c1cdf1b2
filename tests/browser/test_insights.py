"""The Insight pages in a real browser: no axe violations on a phone and a desktop, in light
and dark mode, with two months of data (charts, tables, an insight) and an experiment."""

import pytest
from django.test import Client
from django.utils import timezone

from insights import actions
from insights.tests.helpers import fill_days
from tests.browser.conftest import DESKTOP, PHONE, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


@pytest.fixture
def anna_with_data(patient_anna):
    now = timezone.now()
    fill_days(patient_anna, today=patient_anna.local_date(now), days=60, breathing_effect=2)
    actions.add_factor(patient=patient_anna, name="werkdag", kind="yes_no", now=now)
    actions.plan_experiment(
        patient=patient_anna, practice="bodyscan", outcome="pain",
        started_on=patient_anna.local_date(now), weeks=8, now=now,
    )  # fmt: skip
    return patient_anna


@pytest.mark.parametrize(
    "path",
    ["/inzicht/", "/inzicht/?periode=alles", "/inzicht/ontdekken/", "/inzicht/factoren/",
     "/inzicht/factoren/dag/", "/inzicht/experiment/"],
)  # fmt: skip
def test_the_insight_pages_have_no_axe_violations(page, live_server, anna_with_data, path):
    log_in(page, live_server, anna_with_data)
    page.goto(live_server.url + path)
    for details in page.locator("details").all():
        details.evaluate("element => { element.open = true; }")  # the tables too
    assert_accessible(page, viewports=(PHONE, DESKTOP))


def test_the_charts_fit_a_phone_and_the_numbers_are_in_a_table(page, live_server, anna_with_data):
    log_in(page, live_server, anna_with_data)
    page.goto(live_server.url + "/inzicht/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    assert page.locator("svg.trend__chart").count() == 6
    page.get_by_text("Toon de getallen").first.click()
    assert page.locator("table").first.locator("tbody tr").count() == 28
