"""Every interactive target on the patient pages is at least 24x24 px on a phone (issue 13).

WCAG 2.2, 2.5.8 (Target Size, Minimum). The walk covers the patient's pages on a 390x844
phone in Dutch, in light and dark mode: Today, the check-in, the tabs' pages (Practise,
Progress, More), every exercise start page, the lessons, the questionnaires and the account.
Each visible a, button, input, select, textarea, summary, [role=button] and label wrapping
a checkbox or radio is measured with getBoundingClientRect. WCAG's inline exception is kept:
a link inside running text (a p, li, dd or td with more text than the link) is sized by the
line, not by us. The new pages are also checked with axe, on a phone and on a desktop.
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from assessments import actions as assessment_actions
from diary import actions as diary_actions
from diary.actions import start_flare
from diary.models import CheckInRevision
from diary.values import CheckInValues
from programme.actions import load_content
from programme.models import Enrolment, Lesson
from tests.browser.conftest import DESKTOP, PHONE, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MINIMUM = 24
# Nothing is excluded: the body map's toggles are measured like every other target.
EXCLUDED = ""

EXERCISES = ["breathing", "pmr", "body_scan", "movement", "gratitude", "social", "emotion"]

MEASURE = """
({minimum, excluded}) => {
  const targets = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
    + '[role=button], label';
  const inRunningText = (el) => {
    if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
    const block = el.closest('p, li, dd, td');
    if (!block) return false;
    const around = block.textContent.replace(/\\s+/g, ' ').trim();
    return around.length > el.textContent.replace(/\\s+/g, ' ').trim().length;
  };
  const small = [];
  for (const el of document.querySelectorAll(targets)) {
    if (excluded && el.closest(excluded)) continue;
    const choice = 'input[type=checkbox], input[type=radio]';
    if (el.tagName === 'LABEL' && !el.querySelector(choice)) continue;
    if (el.closest('.visually-hidden')) continue;  // screen-reader text, never a pointer target
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;  // not rendered (a closed <details>)
    if (inRunningText(el)) continue;
    if (box.width < minimum || box.height < minimum) {
      const name = (el.getAttribute('aria-label') || el.textContent || el.name || el.id || '')
        .replace(/\\s+/g, ' ').trim().slice(0, 50);
      const size = `${Math.round(box.width)}x${Math.round(box.height)}`;
      small.push(`${el.tagName.toLowerCase()} "${name}" ${size}`);
    }
  }
  return small;
}
"""


@pytest.fixture
def anna_with_a_history(transactional_db, patient_anna):
    now = timezone.now()
    load_content(content_dir=settings.BASE_DIR / "content", now=now)
    assessment_actions.load_instruments(now=now)
    today = patient_anna.local_date(now)
    Enrolment.objects.create(user=patient_anna, started_on=today - timedelta(days=3))
    for days_ago, pain in ((3, 6), (2, 5), (1, 4)):
        diary_actions.record_check_in(
            patient=patient_anna,
            day=today - timedelta(days=days_ago),
            values=CheckInValues(pain=pain, fatigue=5, note="rustige dag"),
            now=now,
            source=CheckInRevision.Source.FORM,
        )
    return patient_anna


def log_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )


def patient_pages() -> list[str]:
    lesson = Lesson.objects.order_by("week", "order").first()
    assert lesson is not None, "the lessons did not load"
    return [
        "/vandaag/",
        "/dagboek/",
        "/oefeningen/",
        "/voortgang/",
        "/meer/",
        *[f"/oefeningen/{key}/" for key in EXERCISES],
        "/programma/",
        f"/lessen/{lesson.key}/",
        "/vragenlijsten/",
        "/account/profiel/",
    ]


def test_every_target_on_the_patient_pages_is_at_least_24_px(
    page, live_server, anna_with_a_history
):
    assert page.viewport_size == PHONE
    log_in(page, live_server, anna_with_a_history)
    too_small: dict[str, list[str]] = {}
    for path in patient_pages():
        response = page.goto(live_server.url + path)
        assert response is not None and response.status == 200, path
        page.get_by_role("heading", level=1).first.wait_for()
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            found = page.evaluate(MEASURE, {"minimum": MINIMUM, "excluded": EXCLUDED})
            if found:
                too_small[f"{path} ({scheme})"] = found
        page.emulate_media(color_scheme="light")
    report = [f"{where}: {sorted(set(found))}" for where, found in too_small.items()]
    assert not too_small, "\n".join(report)


def test_the_measure_finds_a_small_target_and_spares_a_link_in_a_sentence(
    page, live_server, anna_with_a_history
):
    """The check itself can fail: a 16 px button is reported, a link in running text is not."""
    log_in(page, live_server, anna_with_a_history)
    page.goto(live_server.url + "/meer/")
    page.evaluate(
        """() => {
          const tiny = document.createElement('button');
          tiny.type = 'button'; tiny.className = 'link-button'; tiny.textContent = 'x';
          tiny.style.cssText = 'font-size: 10px; min-height: 0; width: 16px; height: 16px;';
          const sentence = document.createElement('p');
          sentence.innerHTML = 'Lees ook <a href="/hulp/">dit</a> eens rustig door.';
          document.querySelector('main').append(tiny, sentence);
        }"""
    )
    found = page.evaluate(MEASURE, {"minimum": MINIMUM, "excluded": EXCLUDED})
    assert found == ['button "x" 16x16']


def test_the_tab_bar_sits_at_the_bottom_marks_the_current_tab_and_covers_nothing(
    page, live_server, anna_with_a_history
):
    log_in(page, live_server, anna_with_a_history)
    page.goto(live_server.url + "/meer/")
    bar = page.get_by_role("navigation", name="Hoofdmenu")
    box = bar.bounding_box()
    assert box is not None and box["y"] + box["height"] == pytest.approx(PHONE["height"], abs=1)
    tabs = bar.get_by_role("link")
    assert tabs.all_inner_texts() == ["Vandaag", "Check-in", "Oefenen", "Voortgang", "Meer"]
    for tab in tabs.all():
        tab_box = tab.bounding_box()
        assert tab_box is not None and tab_box["height"] >= 44
    assert bar.locator('[aria-current="page"]').inner_text() == "Meer"
    # Scrolled to the end, the last of the page is above the bar, not under it.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    footer_box = page.locator(".site-footer").bounding_box()
    bar_box = bar.bounding_box()
    assert footer_box is not None and bar_box is not None
    assert footer_box["y"] + footer_box["height"] <= bar_box["y"] + 1


def test_the_h1_does_not_touch_the_header(page, live_server, anna_with_a_history):
    log_in(page, live_server, anna_with_a_history)
    page.goto(live_server.url + "/vandaag/")
    header = page.locator(".site-header").bounding_box()
    heading = page.get_by_role("heading", level=1).bounding_box()
    assert header is not None and heading is not None
    assert heading["y"] - (header["y"] + header["height"]) >= 16


@pytest.mark.parametrize(
    "path", ["/oefeningen/", "/voortgang/", "/meer/", "/voortgang/?maand=2020-01"]
)
def test_the_new_pages_have_no_axe_violations(page, live_server, anna_with_a_history, path):
    log_in(page, live_server, anna_with_a_history)
    page.goto(live_server.url + path)
    assert_accessible(page, viewports=(PHONE, DESKTOP))


def test_progress_leads_to_the_questionnaires_and_keeps_its_tab_marked(
    page, live_server, anna_with_a_history
):
    log_in(page, live_server, anna_with_a_history)
    page.goto(live_server.url + "/voortgang/")
    page.get_by_role("heading", name="Voortgang", level=1).wait_for()
    page.get_by_role("link", name="Alle vragenlijsten en uitslagen").click()
    page.get_by_role("heading", name="Vragenlijsten", level=1).wait_for()
    assert (
        page.get_by_role("navigation", name="Hoofdmenu")
        .locator('[aria-current="page"]')
        .inner_text()
        == "Voortgang"
    )


BACKGROUND = "el => getComputedStyle(el).backgroundColor"


def test_the_button_classes_win_danger_and_quiet_never_look_like_save(
    page, live_server, anna_with_a_history
):
    log_in(page, live_server, anna_with_a_history)
    page.goto(live_server.url + "/account/profiel/")
    primary = page.get_by_role("button", name="Opslaan").evaluate(BACKGROUND)
    page.goto(live_server.url + "/account/verwijderen/")
    danger = page.get_by_role("button", name="Mijn account verwijderen").evaluate(BACKGROUND)
    assert danger != primary

    start_flare(user=anna_with_a_history, now=timezone.now())
    page.goto(live_server.url + "/vandaag/")
    gentle = page.get_by_role("link", name="Een paar minuten rustig ademen")
    assert gentle.evaluate(BACKGROUND) == primary
    over = page.get_by_role("button", name="Mijn opvlamming is voorbij")
    assert over.evaluate(BACKGROUND) == "rgba(0, 0, 0, 0)"  # quiet: no fill
    assert_accessible(page)
