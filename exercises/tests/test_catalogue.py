"""The list of exercises and the evidence labels."""

import shutil

import pytest

from exercises.content import load_scripts
from exercises.models import ExerciseScript
from exercises.tests.conftest import FIXTURES

pytestmark = pytest.mark.django_db


def test_the_list_shows_every_exercise_with_its_evidence_label(anna_client, scripts):
    html = anna_client.get("/oefeningen/").content.decode()
    for key in ("breathing", "pmr", "body_scan", "movement", "gratitude", "social", "emotion"):
        assert f'href="/oefeningen/{key}/"' in html
    assert html.count('class="evidence__letter"') == 7
    assert "Sterk bewijs." in html and "Beperkt bewijs." in html


def test_the_list_works_before_the_scripts_are_loaded(anna_client):
    assert not ExerciseScript.objects.exists()
    html = anna_client.get("/oefeningen/").content.decode()
    assert "Rustig ademen" in html and "Bodyscan" in html


def test_the_english_list_lives_at_the_same_dutch_path(anna_client, scripts):
    html = anna_client.get("/en/oefeningen/").content.decode()
    assert 'href="/en/oefeningen/movement/"' in html and "Strong evidence." in html
    assert "Moving without pressure" in html


@pytest.mark.parametrize(
    ("key", "letter", "words"),
    [
        ("breathing", "C", "Limited evidence"),
        ("pmr", "C", "Limited evidence"),
        ("body_scan", "B", "Moderate evidence"),
        ("movement", "A", "Strong evidence"),
        ("gratitude", "D", "Plausible, but little direct evidence"),
        ("social", "D", "Plausible, but little direct evidence"),
        ("emotion", "B", "Moderate evidence"),
    ],
)
def test_each_page_shows_the_label_letter_and_plain_words(anna_client, scripts, key, letter, words):
    html = anna_client.get(f"/en/oefeningen/{key}/").content.decode()
    assert f"Evidence label </span>{letter}</span>" in html
    assert words in html


def test_movement_mentions_that_yoga_has_label_b(anna_client, scripts):
    html = anna_client.get("/en/oefeningen/movement/").content.decode()
    assert "yoga or tai chi: B" in html


def test_the_introduction_is_rendered_and_sanitised_when_loaded(anna_client, tmp_path):
    content_dir = tmp_path / "content"
    shutil.copytree(FIXTURES, content_dir)
    path = content_dir / "nl" / "exercises" / "social.md"
    front, _body = path.read_text(encoding="utf-8").rsplit("---\n", 1)
    path.write_text(front + "---\nHallo **jij**\n\n<script>alert(1)</script>\n", "utf-8")
    load_scripts(content_dir=content_dir)
    html = anna_client.get("/oefeningen/social/").content.decode().split("<main")[1]
    assert "<strong>jij</strong>" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html


def test_a_request_shows_the_stored_html_and_renders_nothing(anna_client, scripts):
    ExerciseScript.objects.filter(key="social", language="nl").update(
        intro="**Markdown** that a request would render", intro_html="<p>stored</p>"
    )
    html = anna_client.get("/oefeningen/social/").content.decode().split("<main")[1]
    assert '<div class="intro" id="exercise-intro"><p>stored</p></div>' in html
    assert "Markdown" not in html
