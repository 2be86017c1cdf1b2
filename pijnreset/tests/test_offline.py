"""The service worker and the offline page (issue 19, docs/offline.md).

The installability checks Lighthouse made: a manifest with a name, icons (192 and 512 px),
a start URL and a standalone display, and a worker with a fetch handler controlling "/".
"""

import json
import re

import pytest
from django.contrib.staticfiles import finders


def _config(source: str) -> dict:
    pattern = r"^const CONFIG = (.*); // set by pijnreset.views.service_worker$"
    line = re.search(pattern, source, re.MULTILINE)
    assert line, "the view must put the real CONFIG in the worker"
    return json.loads(line.group(1))


@pytest.mark.django_db
def test_worker_is_served_from_the_root_as_javascript_without_http_caching(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    source = response.content.decode()
    assert 'addEventListener("fetch"' in source  # installable: the worker answers requests
    assert client.post("/sw.js").status_code == 405


@pytest.mark.django_db
def test_worker_config_names_the_pages_and_files_it_keeps(client):
    config = _config(client.get("/sw.js").content.decode())
    assert re.fullmatch(r"[0-9a-f]{12}", config["version"])
    assert {"/hulp/", "/en/hulp/", "/offline/", "/en/offline/"} <= set(config["public"])
    assert config["offline"] == {"nl": "/offline/", "en": "/en/offline/"}
    assert {"/vandaag/", "/dagboek/", "/en/vandaag/", "/en/dagboek/"} <= set(config["pages"])
    assert config["warm"]["nl"] == [
        "/vandaag/", "/dagboek/", "/oefeningen/", "/oefeningen/breathing/", "/oefeningen/pmr/",
        "/oefeningen/body_scan/",
    ]  # fmt: skip
    assert config["kept"] == ["/lessen/", "/uitleg/", "/en/lessen/", "/en/uitleg/"]
    # The timer's modules import each other by their plain names: kept under those too.
    assert "/static/exercises/timing.js" in config["static"]
    assert {"/static/css/site.css", "/static/js/offline.js"} <= set(config["static"])
    for url in config["static"]:
        assert finders.find(url.removeprefix("/static/")), url
    assert not any(url.startswith("/api/") for url in config["public"] + config["pages"])


def test_a_new_worker_waits_for_the_patient():
    """No skipWaiting at install: only the page's "New version" button activates it."""
    source = open(finders.find("js/sw.js"), encoding="utf-8").read()  # noqa: PTH123
    install = source.split('addEventListener("install"')[1].split('addEventListener("activate"')[0]
    assert "skipWaiting(" not in install
    assert 'data.type === "skip-waiting"' in source
    assert 'url.pathname.startsWith("/api/")' in source  # API answers are never cached


@pytest.mark.django_db
def test_manifest_makes_the_app_installable(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    manifest = json.loads(response.content)
    assert manifest["name"] and manifest["short_name"]
    assert manifest["start_url"] == "/vandaag/"
    assert manifest["display"] in {"standalone", "fullscreen", "minimal-ui"}
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        assert client.get(icon["src"]).status_code == 200, icon["src"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "words"),
    [("/offline/", "Je bent offline"), ("/en/offline/", "You are offline")],
)
def test_offline_page_is_kind_and_points_to_help(client, path, words):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert words in html
    assert 'href="' + path.removesuffix("offline/") + 'hulp/"' in html


@pytest.mark.django_db
def test_every_page_loads_the_offline_script_with_its_texts(client, patient_anna):
    html = client.get("/").content.decode()
    assert 'src="/static/js/offline.js"' in html and 'data-sw="/sw.js"' in html
    assert "data-user=" not in html  # logged out: no queue, no csrf token
    client.force_login(patient_anna)
    html = client.get("/dagboek/").content.decode()
    assert f'data-user="{patient_anna.pk}"' in html and "data-csrf=" in html
    assert "Nieuwe versie: vernieuwen" in html
    assert "data-offline-checkin" in html and "data-offline-today" in html


@pytest.mark.django_db
def test_log_out_switches_off_a_patients_notifications_on_that_device(
    client, patient_anna, therapist_eva
):
    # offline.js removes this browser's push subscription (js/push.js) before logging out.
    client.force_login(patient_anna)
    assert (
        'data-push-remove="/api/v1/push/subscriptions/remove"' in client.get("/").content.decode()
    )
    client.force_login(therapist_eva)
    assert "data-push-remove" not in client.get("/").content.decode()
    source = finders.find("js/offline.js")
    assert source is not None
    with open(source, encoding="utf-8") as script:
        text = script.read()
    assert "await forgetPushHere(form)" in text and "subscription.unsubscribe()" in text


@pytest.mark.django_db
def test_privacy_statement_says_what_stays_on_the_device(client):
    html = client.get("/privacy/").content.decode()
    assert "Op je apparaat" in html
    assert "blijft op dit apparaat tot hij is verstuurd" in html
    assert "Een oefening die je zonder verbinding doet" in html
    assert "de lessen van deze week en vorige week" in html
