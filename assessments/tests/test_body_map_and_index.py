"""The body map include on its own (as the check-in uses it) and the questionnaires page."""

import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from assessments.areas import AREA_LABELS
from assessments.scoring import AREAS
from assessments.tests.helpers import fill_in, items, start

pytestmark = pytest.mark.django_db


def test_the_include_renders_19_labelled_checkboxes_and_loads_its_own_css_and_js():
    with translation.override("nl"):
        html = render_to_string(
            "assessments/includes/body_map.html",
            {"field_name": "pain_locations", "selected": ["neck", "chest"], "legend": "Waar?"},
        )
    boxes = re.findall(r'<input type="checkbox" name="pain_locations" value="(\w+)"', html)
    assert boxes == list(AREAS)
    assert re.findall(r'value="(\w+)" id="[\w-]+" data-area="\w+" checked', html) == [
        "neck",
        "chest",
    ]
    assert '<label for="pain_locations-jaw_left">Kaak, links</label>' in html
    assert '<link rel="stylesheet" href="/static/assessments/body-map.css">' in html
    assert '<script type="module" src="/static/assessments/body-map.js"></script>' in html
    assert "<legend>Waar?</legend>" in html
    shapes = re.findall(
        r'<path class="body-map__area( is-selected)?" d="[^"]+" data-area="(\w+)"', html
    )
    assert sorted(key for _, key in shapes) == sorted(AREAS)
    assert {key for selected, key in shapes if selected} == {"neck", "chest"}


def test_the_include_defaults_to_pain_areas_and_nothing_selected():
    html = render_to_string("assessments/includes/body_map.html", {})
    assert html.count('name="pain_areas"') == 19 and " checked" not in html


def test_every_area_has_a_translated_label():
    assert tuple(AREA_LABELS) == AREAS
    with translation.override("nl"):
        dutch = {str(label) for label in AREA_LABELS.values()}
    with translation.override("en"):
        english = {str(label) for label in AREA_LABELS.values()}
    assert len(dutch) == len(english) == 19 and not dutch & english - {"Neck"}


def test_the_index_lists_drafts_results_and_questionnaires(
    client, patient_anna, instruments, django_assert_max_num_queries
):
    client.force_login(patient_anna)
    fill_in(client, "phq4", items(0, 0, 0, 0))
    start(client, "gad7")
    with django_assert_max_num_queries(8):
        page = client.get("/vragenlijsten/").content.decode()
    assert "Nog niet af" in page and "Spanning en zorgen" in page
    assert "Je uitslagen" in page and "Hoe voel je je? (kort)" in page
    assert "/vragenlijsten/begin/acr2016/self/" in page
    assert "/vragenlijsten/begin/fiqr/self/" not in page  # no wording installed
