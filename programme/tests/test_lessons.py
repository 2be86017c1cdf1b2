import json

import pytest
from django.utils import timezone

from programme.actions import load_content
from programme.models import Lesson, LessonProgress, Page

pytestmark = pytest.mark.django_db
FIRST = "/lessen/w01-1-your-pain-is-real/"


@pytest.fixture
def anna(client, patient_anna, lessons):
    client.force_login(patient_anna)
    return patient_anna


def test_a_lesson_shows_reading_time_evidence_and_its_sanitised_text(client, anna):
    html = client.get(FIRST).content.decode()
    assert "Welkom: je pijn is echt" in html
    assert "Ongeveer 3 minuten lezen" in html
    assert "C: beperkt bewijs" in html
    assert "<h2>Probeer vandaag</h2>" in html
    assert "Wat zou je over twaalf weken graag" in html  # the reflection question


def test_next_and_previous_follow_the_programme_order(client, anna):
    first = client.get(FIRST).content.decode()
    assert 'rel="prev"' not in first and 'href="/lessen/w01-2-' in first
    key = Lesson.objects.get(week=2, order=1).key
    second = client.get(f"/lessen/{key}/").content.decode()
    assert 'href="/lessen/w01-3-' in second and 'href="/lessen/w02-2-' in second


def test_marking_read_with_a_private_reflection_and_seeing_it_done_on_today(client, anna):
    response = client.post(f"{FIRST}gelezen/", {"reflection": "Meer rust in mijn hoofd"})
    assert response.status_code == 302 and response["Location"] == "/vandaag/"
    progress = LessonProgress.objects.get(user=anna)
    assert progress.reflection == "Meer rust in mijn hoofd"
    assert progress.completed_on == anna.local_date()
    client.post(f"{FIRST}gelezen/", {"reflection": ""})  # again, empty: keeps the note
    assert LessonProgress.objects.get(user=anna).reflection == "Meer rust in mijn hoofd"
    assert "Je hebt deze les gelezen op" in client.get(FIRST).content.decode()


def test_a_reflection_is_never_shown_to_another_patient(client, anna, patient_bram):
    client.post(f"{FIRST}gelezen/", {"reflection": "Alleen voor Anna"})
    client.force_login(patient_bram)
    html = client.get("/en" + FIRST).content.decode()
    assert "Alleen voor Anna" not in html and "You read this lesson" not in html


def test_a_too_long_reflection_is_refused_and_kept(client, anna):
    response = client.post(f"{FIRST}gelezen/", {"reflection": "x" * 2001})
    assert response.status_code == 422
    assert "x" * 2001 in response.content.decode()
    assert not LessonProgress.objects.exists()


def test_an_unknown_lesson_is_not_found(client, anna):
    assert client.get("/lessen/w99-1-bestaat-niet/").status_code == 404
    assert client.post("/lessen/w99-1-bestaat-niet/gelezen/").status_code == 404


def test_the_english_lesson_is_under_en_with_the_same_slug(client, anna):
    html = client.get("/en" + FIRST).content.decode()
    assert "Welcome: your pain is real" in html and "About 3 minutes of reading" in html


def test_the_programme_overview_lists_all_weeks_and_what_is_read(client, anna):
    client.post(f"{FIRST}gelezen/")
    html = client.get("/programma/").content.decode()
    assert html.count('class="week"') == 12
    assert html.count('class="done-mark"') == 1


def write_page(folder, language, *, key, slug, title, body, public=True):
    (folder / language / "pages").mkdir(parents=True, exist_ok=True)
    (folder / language / "pages" / f"{key}.md").write_text(
        f'---\nkey: {key}\nslug: {slug}\nlanguage: {language}\ntitle: "{title}"\norder: 1\n'
        f"public: {'true' if public else 'false'}\n---\n{body}\n",
        "utf-8",
    )


@pytest.fixture
def pages(db, tmp_path):
    write_page(
        tmp_path, "nl", key="faq", slug="vragen", title="Vragen", body="Een <b>antwoord</b>."
    )
    write_page(tmp_path, "en", key="faq", slug="vragen", title="Questions", body="An answer.")
    write_page(tmp_path, "nl", key="intern", slug="intern", title="Intern", body="x", public=False)
    load_content(content_dir=tmp_path, now=timezone.now())
    return Page.objects.all()


def test_pain_education_pages_are_public_without_log_in(client, pages):
    index = client.get("/uitleg/").content.decode()
    assert 'href="/uitleg/vragen/"' in index and "Intern" not in index
    page = client.get("/uitleg/vragen/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "&lt;b&gt;antwoord&lt;/b&gt;" in html
    assert "Questions" in client.get("/en/uitleg/vragen/").content.decode()


def test_a_page_that_is_not_public_or_does_not_exist_is_not_found(client, pages):
    assert client.get("/uitleg/intern/").status_code == 404
    assert client.get("/uitleg/bestaat-niet/").status_code == 404


def test_the_web_app_manifest_has_the_right_type_icons_and_start(client, settings):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["start_url"] == "/vandaag/" and manifest["display"] == "standalone"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])
    for icon in manifest["icons"]:
        assert client.get(icon["src"]).status_code == 200
    english = json.loads(client.get("/en/manifest.webmanifest").content)
    assert english["start_url"] == "/en/vandaag/" and english["lang"] == "en"


def test_the_app_pages_link_the_manifest(client, anna):
    html = client.get("/vandaag/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
