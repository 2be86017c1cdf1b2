"""Browser tests: Playwright for Python driving Debian's Chromium, with axe-core.

Chromium must be /usr/bin/chromium (`make test` installs it). A missing
browser fails the run: never a silent skip.
"""

import json
import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls the
# tests make (reading the outbox, checking rows) are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium).")
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make test` (it runs npm ci for axe-core).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class PageProblems:
    """Console errors (a CSP violation shows up here) and requests to other hosts."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.errors: list[str] = []
        self.foreign_requests: list[str] = []

    def on_console(self, message) -> None:
        # A form answered with 422 (or a 404 page) is logged by Chromium as a
        # failed resource; that is the server doing its job, not a page error.
        if message.type == "error" and not message.text.startswith(
            "Failed to load resource: the server responded with a status of 4"
        ):
            self.errors.append(message.text)

    def on_request(self, request) -> None:
        url = request.url
        if not url.startswith((self.base_url, "data:", "about:")):
            self.foreign_requests.append(url)


def logged_in_context(browser, live_server, user, **options):
    """A Dutch phone context (390x844 unless `options` say otherwise) in which `user` is
    logged in by session cookie, as after a log-in."""
    from django.conf import settings
    from django.test import Client

    context = browser.new_context(**{"viewport": PHONE, "locale": "nl-NL", **options})
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    return context


def watched_page(context, live_server):
    """A new page whose console errors and requests to other hosts are collected."""
    page = context.new_page()
    problems = PageProblems(live_server.url)
    page.on("console", problems.on_console)
    page.on("request", problems.on_request)
    page.set_default_timeout(15_000)
    return page, problems


def assert_no_problems(problems, *, allowed=()) -> None:
    errors = [e for e in problems.errors if not e.startswith(tuple(allowed))]
    assert not errors, errors
    assert not problems.foreign_requests, problems.foreign_requests


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport=PHONE, locale="nl-NL")
    page, problems = watched_page(context, live_server)
    yield page
    context.close()
    assert_no_problems(problems)


def axe_violations(page) -> list[dict]:
    # Evaluated through the DevTools protocol, so the page's strict CSP stays on.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]


def assert_accessible(page, *, viewports=(PHONE,)) -> None:
    """axe-core finds no WCAG 2.2 A/AA violation, in light and in dark mode."""
    found = {}
    original = page.viewport_size
    for viewport in viewports:
        page.set_viewport_size(viewport)
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            violations = axe_violations(page)
            if violations:
                # A frame sampled mid-switch of the colour scheme once gave a false
                # contrast report (about 1 run in 30): what is real is still there
                # a moment later, so only what persists counts.
                page.wait_for_timeout(250)
                violations = axe_violations(page)
            if violations:
                found[f"{scheme} {viewport['width']}px"] = violations
    page.emulate_media(color_scheme="light")
    page.set_viewport_size(original)
    assert not found, f"{page.url}: " + json.dumps(found, indent=1)
