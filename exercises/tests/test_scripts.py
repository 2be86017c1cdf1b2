"""Reading, checking and loading the exercise scripts (content/<lang>/exercises/*.md)."""

import shutil
from pathlib import Path

import pytest
import yaml

from exercises.catalogue import CATALOGUE
from exercises.content import load_scripts, read_scripts
from exercises.models import ExerciseScript
from exercises.scripts import EVIDENCE, VERSION_MINUTES, ScriptError, parse_script
from exercises.tests.conftest import FIXTURES

CONTENT = Path(__file__).resolve().parents[2] / "content"


def fixture_text(language: str, key: str) -> str:
    return (FIXTURES / language / "exercises" / f"{key}.md").read_text(encoding="utf-8")


def with_meta(text: str, **changes) -> str:
    """The same script with front-matter fields changed (None removes a field)."""
    _start, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    for name, value in changes.items():
        if value is None:
            meta.pop(name, None)
        else:
            meta[name] = value
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body


def parse(text: str, key: str = "breathing", language: str = "nl"):
    return parse_script(
        text, path=f"content/{language}/exercises/{key}.md", language=language, key=key
    )


@pytest.fixture
def content_copy(tmp_path):
    """A writable copy of the fixture scripts, as a content folder."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURES, target)
    return target


def test_every_fixture_script_parses_with_its_own_fields():
    scripts = {(s.key, s.language): s for s in read_scripts(content_dir=FIXTURES)}
    assert len(scripts) == 14
    assert scripts[("breathing", "nl")].data["cues"]["in"] == "Adem in door je neus"
    assert [v["key"] for v in scripts[("body_scan", "en")].data["versions"]] == ["5", "10"]
    assert len(scripts[("gratitude", "en")].data["prompts"]) == 7


def test_the_evidence_labels_follow_clinical_section_5():
    assert EVIDENCE == {
        "breathing": "C",
        "pmr": "C",
        "body_scan": "B",
        "movement": "A",
        "gratitude": "D",
        "social": "D",
        "emotion": "B",
    }
    assert {key: e.evidence for key, e in CATALOGUE.items()} == EVIDENCE
    for key, minutes in VERSION_MINUTES.items():
        assert {v.key: v.minutes for v in CATALOGUE[key].versions} == minutes


def test_a_missing_field_is_named():
    with pytest.raises(ScriptError) as error:
        parse(with_meta(fixture_text("nl", "breathing"), summary=None))
    assert str(error.value) == "content/nl/exercises/breathing.md: summary: missing"


def test_an_unknown_field_is_refused_not_ignored():
    with pytest.raises(ScriptError, match="breathing.md: colour: unknown field"):
        parse(with_meta(fixture_text("nl", "breathing"), colour="blue"))


def test_a_wrong_evidence_label_is_refused():
    with pytest.raises(ScriptError, match="evidence: 'A', but breathing has label C"):
        parse(with_meta(fixture_text("nl", "breathing"), evidence="A"))


def test_the_language_must_match_the_folder():
    with pytest.raises(ScriptError, match="language: 'en' but the file is in nl/"):
        parse(with_meta(fixture_text("nl", "breathing"), language="en"))


def test_the_key_must_match_the_file_name():
    with pytest.raises(ScriptError, match="key: 'pmr' does not match the file name 'breathing'"):
        parse(fixture_text("nl", "pmr"), key="breathing")


def test_a_missing_cue_is_named():
    text = fixture_text("en", "breathing")
    meta = yaml.safe_load(text.split("---\n")[1])
    del meta["cues"]["hold"]
    with pytest.raises(ScriptError, match="cues.hold: missing"):
        parse(with_meta(text, cues=meta["cues"]), language="en")


def test_steps_must_add_up_to_the_minutes_within_ten_percent():
    text = fixture_text("nl", "pmr")
    meta = yaml.safe_load(text.split("---\n")[1])
    meta["versions"][0]["steps"] = meta["versions"][0]["steps"][:15]  # 5 rounds of 30 s
    with pytest.raises(ScriptError, match=r"versions\[0\].steps: the seconds add up to 150"):
        parse(with_meta(text, versions=meta["versions"]), key="pmr")


def test_a_step_phase_and_seconds_are_checked():
    text = fixture_text("nl", "pmr")
    meta = yaml.safe_load(text.split("---\n")[1])
    meta["versions"][1]["steps"][2]["phase"] = "attend"
    with pytest.raises(ScriptError, match=r"versions\[1\].steps\[2\].phase: must be one of"):
        parse(with_meta(text, versions=meta["versions"]), key="pmr")
    meta["versions"][1]["steps"][2].update(phase="rest", seconds="3")
    with pytest.raises(ScriptError, match=r"steps\[2\].seconds: must be a whole number"):
        parse(with_meta(text, versions=meta["versions"]), key="pmr")


def test_body_scan_version_keys_may_be_written_as_numbers():
    text = fixture_text("en", "body_scan").replace("key: '5'", "key: 5")
    script = parse(text, key="body_scan", language="en")
    assert [v["key"] for v in script.data["versions"]] == ["5", "10"]


def test_prompts_need_one_for_each_weekday():
    text = fixture_text("nl", "gratitude")
    with pytest.raises(ScriptError, match="prompts: must have exactly 7 items, not 6"):
        parse(with_meta(text, prompts=["a"] * 6), key="gratitude")


def test_movement_needs_four_ideas_per_energy_level_and_the_five_activities():
    text = fixture_text("nl", "movement")
    with pytest.raises(ScriptError, match="ideas.low: must have at least 4 items"):
        parse(
            with_meta(text, ideas={"very_low": ["a"] * 4, "low": ["a"] * 3, "medium": ["a"] * 4}),
            key="movement",
        )
    with pytest.raises(ScriptError, match="activities.cycling: missing"):
        parse(
            with_meta(text, activities={"walk": "W", "swim": "S", "yoga": "Y", "stretching": "R"}),
            key="movement",
        )


def test_broken_yaml_and_a_missing_front_matter_are_named():
    with pytest.raises(ScriptError, match="front matter: not valid YAML"):
        parse("---\nkey: [breathing\n---\nBody\n")
    with pytest.raises(ScriptError, match="front matter: the file must start"):
        parse("Just text\n")


def test_an_empty_introduction_is_refused():
    text = fixture_text("nl", "social").split("---\n")
    with pytest.raises(ScriptError, match="body: the introduction"):
        parse("---\n" + text[1] + "---\n\n", key="social")


def test_a_script_in_only_one_language_is_refused(content_copy):
    (content_copy / "en" / "exercises" / "social.md").unlink()
    with pytest.raises(ScriptError, match=r"content/en/exercises/social.md: file: missing"):
        read_scripts(content_dir=content_copy)


def test_timings_must_be_the_same_in_both_languages(content_copy):
    path = content_copy / "en" / "exercises" / "pmr.md"
    path.write_text(path.read_text(encoding="utf-8").replace("seconds: 20", "seconds: 21", 1))
    with pytest.raises(ScriptError, match="en/exercises/pmr.md: versions: the minutes, seconds"):
        read_scripts(content_dir=content_copy)


def test_an_unknown_file_name_is_refused(content_copy):
    shutil.copy(
        content_copy / "nl" / "exercises" / "pmr.md", content_copy / "nl" / "exercises" / "yoga.md"
    )
    with pytest.raises(ScriptError, match="yoga.md: file name: must be one of"):
        read_scripts(content_dir=content_copy)


@pytest.mark.django_db
def test_loading_stores_one_row_per_key_and_language():
    assert load_scripts(content_dir=FIXTURES) == 14
    assert ExerciseScript.objects.count() == 14
    script = ExerciseScript.objects.get(key="pmr", language="en")
    assert script.title == "Tense and release"
    assert script.version("long")["minutes"] == 15


@pytest.mark.django_db
def test_loading_twice_changes_nothing(django_assert_max_num_queries):
    load_scripts(content_dir=FIXTURES)
    before = list(ExerciseScript.objects.order_by("pk").values())
    with django_assert_max_num_queries(16):  # 14 reads, no writes, plus the savepoint
        assert load_scripts(content_dir=FIXTURES) == 14
    assert list(ExerciseScript.objects.order_by("pk").values()) == before


@pytest.mark.django_db
def test_a_changed_text_updates_its_row_in_place(content_copy):
    load_scripts(content_dir=content_copy)
    row = ExerciseScript.objects.get(key="social", language="nl")
    path = content_copy / "nl" / "exercises" / "social.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Contact met anderen", "Samen"))
    load_scripts(content_dir=content_copy)
    row.refresh_from_db()
    assert row.title == "Samen"
    assert ExerciseScript.objects.count() == 14


@pytest.mark.django_db
def test_a_broken_file_loads_nothing(content_copy):
    path = content_copy / "en" / "exercises" / "social.md"
    path.write_text(path.read_text(encoding="utf-8").replace("evidence: D", "evidence: A"))
    with pytest.raises(ScriptError):
        load_scripts(content_dir=content_copy)
    assert ExerciseScript.objects.count() == 0


def test_the_real_scripts_in_content_pass_the_checks():
    keys = {(s.key, s.language) for s in read_scripts(content_dir=CONTENT)}
    assert keys == {(key, language) for key in EVIDENCE for language in ("nl", "en")}
