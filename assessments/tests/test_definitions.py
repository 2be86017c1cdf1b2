"""The definition files agree with the pure scoring functions; bad files are refused. No DB."""

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from assessments import scoring
from assessments.definitions import DefinitionError, apply_wording, parse_definition, pick
from assessments.engine import SCORERS, json_safe, score_answers
from assessments.scoring import IncompleteResponse, InvalidAnswers

SHIPPED = Path(__file__).resolve().parents[1] / "instruments"


def _definition_data(key: str) -> dict:
    return yaml.safe_load((SHIPPED / f"{key}.yaml").read_text(encoding="utf-8"))


def _definition(key: str):
    return parse_definition(_definition_data(key), scorers=list(SCORERS))


@pytest.mark.parametrize("key", ["acr2016", "pgic", "phq4", "phq9", "gad7", "fiqr"])
def test_every_shipped_definition_parses(key):
    definition = _definition(key)
    assert definition.key == key and definition.title["nl"] and definition.title["en"]
    assert definition.licence["nl"] and definition.licence["en"]


@pytest.mark.parametrize("key", ["acr2016", "pgic", "phq4", "phq9", "gad7"])
def test_worded_instruments_have_every_text_in_dutch_and_english(key):
    definition = _definition(key)
    assert definition.languages == ("nl", "en")
    for item in definition.items:
        assert item.text["nl"] and item.text["en"]
        for option in item.options:
            assert option.label["nl"] and option.label["en"]


def _band_of(key: str, total: int) -> str:
    if key == "acr2016":
        return scoring.fs_band(total)
    keys = [item.key for item in _definition(key).items]
    values = {k: min(3, max(0, total - 3 * i)) for i, k in enumerate(keys)}
    return SCORERS[key](values, keys).bands["severity"]


@pytest.mark.parametrize(
    ("key", "top"), [("acr2016", 31), ("phq4", 12), ("phq9", 27), ("gad7", 21)]
)
def test_the_bands_in_the_files_agree_with_the_scoring_functions(key, top):
    definition = _definition(key)
    for total in range(top + 1):
        assert definition.band_for(total).key == _band_of(key, total), (key, total)
    assert definition.bands[0].low == 0 and definition.bands[-1].high == top


def test_the_acr_symptom_part_leaves_out_only_the_duration_question():
    definition = _definition("acr2016")
    part = definition.items_for("symptoms")
    assert [i.key for i in part] == [i.key for i in definition.items][:7]
    assert definition.scoring_for("symptoms") == "acr2016_symptoms"


def test_the_phq9_definition_names_the_crisis_flag_and_the_phq4_offers_the_phq9():
    assert _definition("phq9").crisis_flag == "crisis"
    notices = {n.flag: n.offer for n in _definition("phq4").notices}
    assert notices == {"anxiety_positive": "", "depression_positive": "phq9"}


def test_the_pgic_options_follow_clinical_3_3():
    options = _definition("pgic").items[0].options
    assert [o.value for o in options] == list(range(1, 8))
    assert options[0].label["en"] == "Very much improved" and options[3].label["en"] == "No change"


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d.update(key="Bad Key"), "key"),
        (lambda d: d.update(version=""), "version"),
        (lambda d: d.update(wording="borrowed"), "wording"),
        (lambda d: d.update(scoring="pcs"), "scoring"),
        (lambda d: d["items"][0].update(type="slider"), "items[0].type"),
        (lambda d: d["items"][1].update(answers="nope"), "items[1].answers"),
        (lambda d: d["items"][0]["text"].pop("nl"), "items[0].text.nl"),
        (lambda d: d["items"].append(dict(d["items"][0])), "items"),
        (lambda d: d["bands"]["ranges"][1].update(low=5), "bands.ranges[1]"),
        (
            lambda d: d["parts"]["symptoms"].update(items=["pain_areas", "tail"]),
            "parts.symptoms.items",
        ),
        (lambda d: d.update(languages=["dutch"]), "languages[0]"),
    ],
)  # fmt: skip
def test_a_bad_definition_is_refused_naming_the_entry(change, path):
    raw = _definition_data("acr2016")
    change(raw)
    with pytest.raises(DefinitionError) as caught:
        parse_definition(raw, scorers=list(SCORERS))
    assert caught.value.path == path


def test_a_wording_cannot_change_how_an_instrument_is_scored():
    structure = _definition_data("fiqr")
    wording = {
        "key": "fiqr", "version": "x1", "wording": "licensed", "languages": ["en"],
        "licence": {"en": "test"}, "scoring": "phq9", "bands": None,
        "items": {f"item{n}": {"text": {"en": f"t{n}"}, "type": "yes_no"} for n in range(1, 22)},
    }  # fmt: skip
    merged = parse_definition(apply_wording(structure, wording), scorers=list(SCORERS))
    assert merged.scoring == "fiqr" and merged.items[0].type == "scale"
    assert merged.items[0].text == {"en": "t1"} and merged.languages == ("en",)


def test_pick_falls_back_to_the_first_language():
    assert pick({"en": "Hello"}, "nl") == "Hello" and pick({}, "nl") == ""


def test_json_safe_keeps_exact_values_as_text():
    from decimal import Decimal
    from fractions import Fraction

    assert json_safe({"a": Fraction(9, 4), "b": Decimal("2.3"), "c": (1, True)}) == {
        "a": "9/4", "b": "2.3", "c": [1, True]
    }  # fmt: skip


def test_the_engine_never_scores_partial_input():
    keys = [f"item{n}" for n in range(1, 10)]
    answers = {key: 1 for key in keys[:8]}
    with pytest.raises(IncompleteResponse) as caught:
        score_answers("phq9", {**answers, "item9": None}, keys)
    assert caught.value.field == "items[8]"
    with pytest.raises(InvalidAnswers):
        score_answers("phq9", {**answers, "item9": 1, "item10": 1}, keys)
    with pytest.raises(InvalidAnswers):
        score_answers("unknown", answers, keys)


@given(
    areas=st.sets(st.sampled_from(scoring.AREAS)),
    symptoms=st.tuples(*[st.integers(0, 3)] * 3),
    yes=st.tuples(*[st.booleans()] * 4),
)
def test_the_symptom_part_agrees_with_the_whole_acr_2016(areas, symptoms, yes):
    kwargs = dict(
        pain_areas=sorted(areas), fatigue=symptoms[0], waking_unrefreshed=symptoms[1],
        cognitive=symptoms[2], headaches=yes[0], lower_abdominal=yes[1], depression=yes[2],
    )  # fmt: skip
    whole = scoring.acr2016(**kwargs, symptoms_3_months=yes[3])
    part = scoring.acr2016_symptoms(**kwargs)
    for name in ("wpi", "regions", "generalized_pain", "sss", "fs", "severity", "pain_areas"):
        assert getattr(part, name) == getattr(whole, name)
    assert part.fs == part.wpi + part.sss and 0 <= part.fs <= 31


def test_the_symptom_part_from_answers_refuses_the_duration_and_unknown_fields():
    answers = {
        "pain_areas": [], "fatigue": 1, "waking_unrefreshed": 1, "cognitive": 1,
        "headaches": True, "lower_abdominal": False, "depression": False,
    }  # fmt: skip
    assert scoring.acr2016_symptoms_from_answers(answers).fs == 4
    for extra in ("symptoms_3_months", "sleep"):
        with pytest.raises(InvalidAnswers) as caught:
            scoring.acr2016_symptoms_from_answers({**answers, extra: True})
        assert caught.value.field == extra
    with pytest.raises(InvalidAnswers) as caught:
        scoring.acr2016_symptoms_from_answers(
            {k: v for k, v in answers.items() if k != "cognitive"}
        )
    assert caught.value.field == "cognitive"
