"""Instrument definitions load with a command; a licensed wording installs without code."""

import io
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError

from assessments.models import Instrument, Response
from assessments.tests.helpers import FIQR_FIXTURE, install_fixture, question_url, start, submit

pytestmark = pytest.mark.django_db
SHIPPED = Path(__file__).resolve().parents[1] / "instruments"


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_load_instruments_loads_the_six_shipped_definitions():
    output = _run("load_instruments")
    current = {i.key: i for i in Instrument.objects.current()}
    assert set(current) == {"acr2016", "pgic", "phq4", "phq9", "gad7", "fiqr"}
    assert all(i.source == "shipped" for i in current.values())
    assert current["fiqr"].has_wording is False and current["phq9"].has_wording is True
    assert "fiqr structure-2026.1: current, structure only" in output


def test_load_instruments_is_idempotent():
    _run("load_instruments")
    before = list(Instrument.objects.values_list("key", "version", "loaded_at", "is_current"))
    _run("load_instruments")
    after = list(Instrument.objects.values_list("key", "version", "loaded_at", "is_current"))
    assert before == after and len(after) == 6


def test_the_fiqr_ships_as_structure_only_without_any_item_text():
    raw = yaml.safe_load((SHIPPED / "fiqr.yaml").read_text(encoding="utf-8"))
    assert raw["wording"] == "none" and raw["languages"] == []
    assert len(raw["items"]) == 21
    assert all(
        set(item) <= {"key", "type", "minimum", "maximum", "group", "required"}
        for item in raw["items"]
    )


def test_the_phq_and_gad_wordings_are_marked_as_our_paraphrase():
    for key in ("phq4", "phq9", "gad7"):
        raw = yaml.safe_load((SHIPPED / f"{key}.yaml").read_text(encoding="utf-8"))
        assert raw["wording"] == "paraphrase", key
        assert "our own paraphrase" in raw["licence"]["en"], key
        assert "PARAPHRASE" in (SHIPPED / f"{key}.yaml").read_text(encoding="utf-8"), key


def test_the_fixture_is_an_obviously_fake_wording():
    text = FIQR_FIXTURE.read_text(encoding="utf-8")
    assert "FIQR item 1 (test wording)" in text and "NOT the FIQR text" in text


def test_install_instrument_installs_the_fiqr_wording_and_makes_it_current():
    install_fixture()
    fiqr = Instrument.objects.current().get(key="fiqr")
    assert (fiqr.version, fiqr.source, fiqr.has_wording) == ("test-wording-1", "installed", True)
    definition = fiqr.parsed()
    assert definition.items[0].text["en"] == "FIQR item 1 (test wording)"
    assert definition.items[0].type == "scale" and definition.items[0].maximum == 10
    assert definition.scoring == "fiqr"  # structure and scoring come from the shipped file
    shipped = Instrument.objects.get(key="fiqr", version="structure-2026.1")
    assert shipped.is_current is False


def test_installing_twice_and_loading_again_keeps_the_installed_wording_current():
    install_fixture()
    install_fixture()
    _run("load_instruments")
    assert Instrument.objects.filter(key="fiqr").count() == 2
    assert Instrument.objects.current().get(key="fiqr").version == "test-wording-1"


def test_after_installing_the_fiqr_questionnaire_works_end_to_end(client, patient_anna):
    install_fixture()
    client.force_login(patient_anna)
    intro = client.get("/vragenlijsten/begin/fiqr/self/").content.decode()
    assert "FIQR-inleiding (testtekst)" in intro
    draft = start(client, "fiqr")
    assert draft.instrument_version == "test-wording-1"
    page = client.get(question_url(draft, 1)).content.decode()
    assert "FIQR-vraag 1 (testtekst)" in page and "FIQR-deel 1 (testtekst)" in page
    assert "0 = laag 1 (test)" in page and page.count('type="radio"') == 11
    values = [5] * 9 + [6, 4] + [6] * 10
    for number, value in enumerate(values, start=1):
        answer = client.post(question_url(draft, number), {"go": "next", f"item{number}": value})
        assert answer.status_code == 302, number
    sent = submit(client, draft)
    assert sent["Location"] == f"/vragenlijsten/{draft.public_id}/uitslag/"
    draft.refresh_from_db()
    assert draft.scores["total_display"] == "55.0" and draft.scores["function_display"] == "15.0"
    result = client.get(sent["Location"]).content.decode()
    assert "55.0" in result and "15.0" in result


def test_the_fiqr_allows_one_function_item_to_be_skipped_and_rounds_half_up(client, patient_anna):
    install_fixture()
    client.force_login(patient_anna)
    draft = start(client, "fiqr", mode="list")
    data = {f"item{n}": "0" for n in range(1, 22)}
    data.update({"item1": "3", "item2": "3"})  # 8 answered function items summing to 6
    del data["item3"]
    answer = client.post(f"/vragenlijsten/{draft.public_id}/alle-vragen/", {"go": "review", **data})
    assert answer.status_code == 302
    submit(client, draft)
    draft.refresh_from_db()
    assert draft.answers["item3"] is None
    assert draft.scores["total"] == "9/4" and draft.scores["total_display"] == "2.3"
    assert draft.scores["missing_function_items"] == 1


def test_the_fiqr_with_two_function_items_missing_gets_no_score(client, patient_anna):
    install_fixture()
    client.force_login(patient_anna)
    draft = start(client, "fiqr", mode="list")
    data = {f"item{n}": "1" for n in range(4, 22)}
    client.post(f"/vragenlijsten/{draft.public_id}/alle-vragen/", {"go": "review", **data})
    answer = submit(client, draft)
    assert answer.status_code == 422
    draft.refresh_from_db()
    assert draft.submitted_at is None and draft.scores is None


def _write(tmp_path, data) -> str:
    path = tmp_path / "wording.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["items"].pop("item21"), "items.item21: has no text"),
        (lambda d: d["items"].update({"item22": {"text": {"en": "x"}}}), "item22: is not an item"),
        (lambda d: d.update({"key": "pcs"}), "no shipped structure"),
        (lambda d: d["items"]["item4"]["text"].pop("nl"), "items[3].text.nl: is missing"),
        (lambda d: d.update({"version": "structure-2026.1"}), "already shipped"),
    ],
)
def test_an_invalid_wording_file_is_refused_and_changes_nothing(tmp_path, change, message):
    data = yaml.safe_load(FIQR_FIXTURE.read_text(encoding="utf-8"))
    change(data)
    with pytest.raises(CommandError, match=message.replace("[", r"\[").replace("]", r"\]")):
        call_command("install_instrument", _write(tmp_path, data), stdout=io.StringIO())
    assert not Instrument.objects.filter(source="installed").exists()
    assert not Response.objects.exists()


def test_an_unreadable_file_is_refused(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("key: [unclosed", encoding="utf-8")
    with pytest.raises(CommandError, match="cannot read"):
        call_command("install_instrument", str(path), stdout=io.StringIO())
