"""Cheap guard tests that catch whole classes of mistakes."""

import ast
import re
from io import StringIO
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver

ROOT = Path(__file__).resolve().parent.parent
OWN_DIRS = [p for p in ROOT.iterdir() if (p / "apps.py").exists()]
NL_POS = sorted(ROOT.glob("*/locale/nl/LC_MESSAGES/django.po"))

# Pages anyone may open; every other page without URL arguments must send a
# logged-out visitor to the log-in page.
PUBLIC = {
    "home",
    "help",
    "about",
    "privacy",
    "healthz",
    "service_worker",  # /sw.js: code, no data (issue 19)
    "offline",  # what the worker shows without a connection
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
    "account_reset_password_from_key_done",
    "account_email_verification_sent",
    "account_logout",
    "account_inactive",
    "account_confirm_email",
    "account_login_code_confirm",
    "account_request_login_code",  # log-in by e-mailed code (issue 13): public like log-in
    "account_reset_password_from_key",
    "account_signup_by_passkey",
    "programme:pages",  # pain education, public by design (issue 5)
    "programme:manifest",  # the web app manifest
    "practices:finder",  # the practice finder, public by design (issue 7)
    "practices:therapists",
    "practices:remote",
    "practices:suggestions",
    "bookings:held",  # "check your e-mail" after a guest booking
    "sitemap",  # public pages and published stories, for search engines (issue 16)
    "reviews:network",  # published reviews, public by design (issue 16)
    "reviews:how",  # how we check reviews (EU consumer rules)
    "reviews:network_badge",  # an SVG for other sites
    "stories:index",  # published recovery stories
    "shop:list",  # the shop (issue 17): buying needs no account
    "shop:cart",
    "shop:checkout",  # an empty cart goes back to the list
}


@pytest.mark.django_db
def test_no_missing_migrations():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)


def _named_patterns(resolver=None, prefix=""):
    """Every named URL without arguments (an argument in an include's prefix counts)."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            # The admin guards itself; the API answers 401 itself (its own tests).
            if pattern.namespace in ("admin", "api") or pattern.pattern.regex.groups:
                continue
            namespace = f"{pattern.namespace}:" if pattern.namespace else ""
            yield from _named_patterns(pattern, prefix + namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield prefix + pattern.name, pattern


@pytest.mark.django_db
def test_every_non_public_page_redirects_to_login_when_logged_out(client):
    from django.urls import reverse

    checked = 0
    for name, pattern in _named_patterns():
        if pattern.pattern.regex.groups or name in PUBLIC:
            continue
        url = reverse(name)
        response = client.get(url)
        assert response.status_code in (302, 405), (name, response.status_code)
        if response.status_code == 302:
            assert "/account/login/" in response["Location"], (name, response["Location"])
        checked += 1
    assert checked >= 3  # profile, delete, e-mail, password change, ...


@pytest.mark.django_db
def test_locale_smoke_dutch_by_default_english_under_en(client):
    assert "Hulp nodig?" in client.get("/").content.decode()
    assert "Need help?" in client.get("/en/").content.decode()


def _own_msgids() -> set[str]:
    """Every string our own templates and Python code mark for translation."""
    ids: set[str] = set()
    template_re = re.compile(r"{%\s*(?:translate|trans)\s+[\"'](.+?)[\"']\s*(?:as \w+\s*)?%}")
    for folder in OWN_DIRS:
        for path in folder.rglob("*.html"):
            ids.update(template_re.findall(path.read_text(encoding="utf-8")))
        for path in folder.rglob("*.py"):
            if "tests" in path.parts or "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and getattr(node.func, "id", getattr(node.func, "attr", ""))
                    in ("_", "gettext", "gettext_lazy")
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                ):
                    ids.add(node.args[0].value)
    return ids


def _dutch_catalog() -> list:
    messages = []
    for path in NL_POS:
        with path.open("rb") as f:
            messages.extend(read_po(f, locale="nl"))
    return messages


def test_every_own_string_has_a_dutch_translation():
    translated = {m.id for m in _dutch_catalog() if m.id and m.string and "fuzzy" not in m.flags}
    missing = sorted(msgid for msgid in _own_msgids() if msgid not in translated)
    assert not missing, "Run `make messages` and translate: " + "; ".join(missing[:10])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/", "/hulp/", "/over/", "/privacy/", "/account/signup/", "/account/login/", "/bestaat-niet/"],
)
def test_dutch_pages_show_no_untranslated_english_from_our_templates(client, path):
    english = {
        m.id
        for m in _dutch_catalog()
        if isinstance(m.id, str) and m.id and m.string != m.id and len(m.id) > 12
    }
    html = client.get(path).content.decode()
    leaked = sorted(text for text in english if text in html)
    assert not leaked, leaked
