"""The open scoring API: every worked example and band boundary of docs/clinical.md section 3,
bad input as 422 naming the field in the one error format (never a 500), the rate limit, no
storage, OpenAPI."""

import json

import pytest
import time_machine
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.scoring import Area
from assessments.scoring import AREAS

pytestmark = pytest.mark.django_db

REGIONS_8 = [
    "shoulder_girdle_left", "shoulder_girdle_right", "upper_arm_left", "hip_left",
    "hip_right", "upper_leg_right", "neck", "lower_back",
]  # fmt: skip
C_AREAS = ["shoulder_girdle_left", "shoulder_girdle_right", "hip_left", "hip_right", "neck"]


def post(client, instrument, body, **extra):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return client.post(
        f"/api/v1/scoring/{instrument}", data, content_type="application/json", **extra
    )


def named(answer) -> list[str]:
    """The fields a 422 names, written as the scorers write them ("items[2]"; "body" for
    the body as a whole), after checking the answer is in the one error format."""
    assert answer.status_code == 422, answer.content
    errors = one_format(answer.json())
    names = []
    for error in errors:
        where, *path = error["loc"]
        assert where == "body", error
        head, *indexes = path or ["body"]
        names.append(head + "".join(f"[{index}]" for index in indexes))
    return names


def one_format(body) -> list[dict]:
    """{"detail": [{"loc": [...], "msg": "...", "type": "..."}, ...]}: nothing else."""
    assert set(body) == {"detail"} and body["detail"], body
    for error in body["detail"]:
        assert set(error) == {"loc", "msg", "type"}, error
        assert isinstance(error["loc"], list) and error["msg"] and error["type"], error
    return body["detail"]


def acr(areas, symptoms, yes, months=True):
    return {
        "pain_areas": list(areas),
        "fatigue": symptoms[0], "waking_unrefreshed": symptoms[1], "cognitive": symptoms[2],
        "headaches": yes[0], "lower_abdominal": yes[1], "depression": yes[2],
        "symptoms_3_months": months,
    }  # fmt: skip


# --- ACR 2016: the worked examples of docs/clinical.md 3.1 ---

CASES = {
    "A": (acr(REGIONS_8, (2, 2, 1), (True, False, False)), (8, 5, 6, 14, "severe", True)),
    "B": (
        acr(["jaw_left", "jaw_right", "chest", "abdomen", "neck", "upper_back", "lower_back"],
            (3, 3, 3), (True, True, True)),
        (7, 1, 12, 19, "severe", False),
    ),
    "C": (acr(C_AREAS, (3, 3, 2), (False, False, True)), (5, 5, 9, 14, "severe", True)),
    "D": (acr(C_AREAS, (3, 3, 2), (False, False, False)), (5, 5, 8, 13, "severe", False)),
    "E": (
        acr(C_AREAS, (3, 3, 2), (False, False, True), months=False),
        (5, 5, 9, 14, "severe", False),
    ),
    "F": (acr([], (1, 1, 1), (False, False, False)), (0, 0, 3, 3, "none", False)),
    "G": (acr([], (1, 1, 1), (True, False, False)), (0, 0, 4, 4, "mild", False)),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(CASES))
def test_acr2016_worked_examples(client, case):
    body, (wpi, regions, sss, fs, band, met) = CASES[case]
    answer = post(client, "acr2016", body)
    assert answer.status_code == 200, answer.content
    assert answer.json() == {
        "wpi": wpi, "regions": regions, "generalized_pain": regions >= 4, "sss": sss, "fs": fs,
        "severity": band, "meets_2016_thresholds": met,
    }  # fmt: skip


def _fs_body(fs: int) -> dict:
    """An ACR body with the given FS: WPI up to 19, the rest from the SSS."""
    wpi = min(fs, 19)
    sss = fs - wpi
    symptoms = [min(3, max(0, sss - 3 * i)) for i in range(3)]
    extra = sss - sum(symptoms)
    return acr(AREAS[:wpi], symptoms, tuple(i < extra for i in range(3)))


@pytest.mark.parametrize(
    ("fs", "band"),
    [(0, "none"), (3, "none"), (4, "mild"), (7, "mild"), (8, "moderate"), (11, "moderate"),
     (12, "severe"), (19, "severe"), (20, "very_severe"), (31, "very_severe")],
)  # fmt: skip
def test_acr2016_band_boundaries(client, fs, band):
    answer = post(client, "acr2016", _fs_body(fs)).json()
    assert (answer["fs"], answer["severity"]) == (fs, band)
    assert answer["fs"] == answer["wpi"] + answer["sss"]


# --- PHQ-4, PHQ-9, GAD-7, PGIC ---


def test_phq4_worked_example(client):
    assert post(client, "phq4", {"items": [2, 1, 1, 1]}).json() == {
        "total": 5, "severity": "mild", "anxiety": 3, "depression": 2,
        "anxiety_positive": True, "depression_positive": False,
    }  # fmt: skip


def _items_with_total(total: int, count: int) -> list[int]:
    return [min(3, max(0, total - 3 * i)) for i in range(count)]


@pytest.mark.parametrize(
    ("instrument", "count", "boundaries"),
    [
        ("phq4", 4, [(0, "none"), (2, "none"), (3, "mild"), (5, "mild"), (6, "moderate"),
                     (8, "moderate"), (9, "severe"), (12, "severe")]),
        ("phq9", 9, [(0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"),
                     (14, "moderate"), (15, "moderately_severe"), (19, "moderately_severe"),
                     (20, "severe"), (27, "severe")]),
        ("gad7", 7, [(0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"),
                     (14, "moderate"), (15, "severe"), (21, "severe")]),
    ],
)  # fmt: skip
def test_phq_and_gad_band_boundaries(client, instrument, count, boundaries):
    for total, band in boundaries:
        answer = post(client, instrument, {"items": _items_with_total(total, count)}).json()
        assert (answer["total"], answer["severity"]) == (total, band), (instrument, total)


def test_phq4_subscale_boundaries(client):
    assert post(client, "phq4", {"items": [1, 1, 1, 1]}).json()["anxiety_positive"] is False
    assert post(client, "phq4", {"items": [0, 0, 2, 1]}).json()["depression_positive"] is True


def test_phq9_worked_example_sets_the_crisis_flag(client):
    answer = post(client, "phq9", {"items": [1, 1, 2, 1, 0, 1, 1, 0, 1]}).json()
    assert answer == {"total": 8, "severity": "mild", "crisis": True}


def test_phq9_item_9_at_0_is_no_crisis_and_any_value_above_is(client):
    assert post(client, "phq9", {"items": [3] * 8 + [0]}).json()["crisis"] is False
    for value in (1, 2, 3):
        assert post(client, "phq9", {"items": [0] * 8 + [value]}).json()["crisis"] is True


@pytest.mark.parametrize(
    ("answer", "label", "much", "improved"),
    [(1, "very_much_improved", True, True), (2, "much_improved", True, True),
     (3, "minimally_improved", False, True), (4, "no_change", False, False),
     (7, "very_much_worse", False, False)],
)  # fmt: skip
def test_pgic(client, answer, label, much, improved):
    assert post(client, "pgic", {"answer": answer}).json() == {
        "answer": answer, "label": label, "much_improved": much, "improved": improved
    }  # fmt: skip


# --- FIQR (docs/clinical.md 3.5) ---

FIQR_55 = [5] * 9 + [6, 4] + [6] * 10


def test_fiqr_worked_example(client):
    assert post(client, "fiqr", {"items": FIQR_55}).json() == {
        "function": 15.0, "overall": 10.0, "symptoms": 30.0, "total": 55.0,
        "missing_function_items": 0,
    }  # fmt: skip


def test_fiqr_with_item_3_missing_scales_the_function_sum(client):
    items = list(FIQR_55)
    items[2] = None
    answer = post(client, "fiqr", {"items": items}).json()
    assert (answer["function"], answer["total"], answer["missing_function_items"]) == (
        15.0,
        55.0,
        1,
    )


def test_fiqr_total_of_exactly_2_25_is_shown_as_2_3(client):
    items = [3, 3, None] + [0] * 6 + [0] * 12
    answer = post(client, "fiqr", {"items": items})
    assert answer.json()["total"] == 2.3
    assert b'"total": 2.3' in answer.content or b'"total":2.3' in answer.content


@pytest.mark.parametrize(
    ("items", "field"),
    [([None, None] + [5] * 19, "items"), ([5] * 9 + [None] + [5] * 11, "items[9]"),
     ([5] * 20 + [None], "items[20]")],
)  # fmt: skip
def test_fiqr_that_cannot_be_scored_is_422_saying_why(client, items, field):
    answer = post(client, "fiqr", {"items": items})
    assert named(answer) == [field]
    assert "missing" in answer.json()["detail"][0]["msg"]


# --- Bad input: 422 naming the field, never a score from partial input ---

GOOD_A = CASES["A"][0]


@pytest.mark.parametrize(
    ("instrument", "body", "field"),
    [
        ("acr2016", {**GOOD_A, "pain_areas": ["neck", "tail"]}, "pain_areas[1]"),
        ("acr2016", {**GOOD_A, "pain_areas": ["neck", "neck"]}, "pain_areas"),
        ("acr2016", {**GOOD_A, "pain_areas": "neck"}, "pain_areas"),
        ("acr2016", {**GOOD_A, "pain_areas": [1]}, "pain_areas[0]"),
        ("acr2016", {**GOOD_A, "fatigue": 4}, "fatigue"),
        ("acr2016", {**GOOD_A, "fatigue": -1}, "fatigue"),
        ("acr2016", {**GOOD_A, "cognitive": True}, "cognitive"),
        ("acr2016", {**GOOD_A, "cognitive": 1.0}, "cognitive"),
        ("acr2016", {**GOOD_A, "cognitive": "1"}, "cognitive"),
        ("acr2016", {**GOOD_A, "headaches": 1}, "headaches"),
        ("acr2016", {**GOOD_A, "depression": None}, "depression"),
        ("acr2016", {k: v for k, v in GOOD_A.items() if k != "depression"}, "depression"),
        ("acr2016", {**GOOD_A, "sleep": 2}, "sleep"),
        ("phq4", {"items": [1, 1, 1]}, "items"),
        ("phq4", {"items": [1, 1, 1, 1, 1]}, "items"),
        ("phq4", {"items": [1, 1, 4, 1]}, "items[2]"),
        ("phq4", {"items": [1, True, 1, 1]}, "items[1]"),
        ("phq9", {"items": [1] * 8 + [None]}, "items[8]"),
        ("phq9", {"items": "111111111"}, "items"),
        ("phq9", {}, "items"),
        ("phq9", {"items": [0] * 9, "extra": 1}, "extra"),
        ("gad7", {"items": [0] * 6 + [0.5]}, "items[6]"),
        ("pgic", {"answer": 0}, "answer"),
        ("pgic", {"answer": 8}, "answer"),
        ("pgic", {"answer": False}, "answer"),
        ("fiqr", {"items": [0] * 20}, "items"),
        ("fiqr", {"items": [0] * 20 + [11]}, "items[20]"),
    ],
)  # fmt: skip
def test_bad_input_is_422_naming_the_field(client, instrument, body, field):
    answer = post(client, instrument, body)
    assert named(answer) == [field]  # nothing else in the body: no partial score


@pytest.mark.parametrize(
    "body",
    [b"", b"not json", b"{", b"[1, 2]", b'"text"', b"3", b"null", b"\xff\xfe", b'{"items": [1,}'],
)
def test_a_body_that_is_not_a_json_object_is_422_naming_the_body(client, body):
    answer = post(client, "phq4", body)
    assert named(answer) == ["body"]


def test_a_key_given_twice_is_refused_not_silently_taken(client):
    answer = post(client, "pgic", b'{"answer": 1, "answer": 7}')
    assert named(answer) == ["answer"]
    assert answer.json()["detail"][0]["type"] == "duplicate_key"


def test_an_unknown_instrument_is_404(client):
    answer = post(client, "pcs", {"items": [1]})
    assert answer.status_code == 404
    assert one_format(answer.json())[0]["loc"] == ["path", "instrument"]


_scalars = st.none() | st.booleans() | st.integers(-5, 40) | st.floats() | st.text(max_size=5)
_json = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=22) | st.dictionaries(st.text(max_size=12), inner, max_size=9)
    ),
    max_leaves=40,
)
_acr_like = st.fixed_dictionaries(
    {}, optional={key: _json | st.lists(st.sampled_from(AREAS)) for key in GOOD_A}
)


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    instrument=st.sampled_from(["acr2016", "phq4", "phq9", "gad7", "pgic", "fiqr", "change"]),
    body=_json | _acr_like | st.fixed_dictionaries({"items": st.lists(_json, max_size=22)}),
)
def test_no_input_ever_gives_a_500(client, instrument, body):
    from django.core.cache import cache

    cache.clear()
    answer = post(client, instrument, json.dumps(body, allow_nan=True))
    assert answer.status_code in (200, 422), (body, answer.content)
    if answer.status_code == 422:
        assert named(answer)


# --- No login, no storage, rate limit ---


def test_no_login_and_no_database_use(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert post(client, "phq9", {"items": [0] * 9}).status_code == 200


RATE_LIMIT = 60  # settings.RATE_LIMITS["scoring"] by default: 60 a minute per address


def test_the_rate_limit_answers_429_with_a_clear_message_and_retry_after(client):
    moment = timezone.now().replace(second=10, microsecond=0)
    with time_machine.travel(moment, tick=False):
        for _ in range(RATE_LIMIT):
            assert post(client, "pgic", {"answer": 4}).status_code == 200
        answer = post(client, "pgic", {"answer": 4})
        assert answer.status_code == 429
        assert answer["Retry-After"] == "50"
        (error,) = one_format(answer.json())
        assert "hoogstens 60 per minuut" in error["msg"]  # the API speaks Dutch
        assert (error["loc"], error["type"]) == ([], "rate_limited")
        other = post(client, "pgic", {"answer": 4}, REMOTE_ADDR="10.0.0.9")
        assert other.status_code == 200  # per address
    with time_machine.travel(moment + timezone.timedelta(minutes=1), tick=False):
        assert post(client, "pgic", {"answer": 4}).status_code == 200


def test_bad_requests_count_towards_the_limit_too(client):
    moment = timezone.now().replace(second=0, microsecond=0)
    with time_machine.travel(moment, tick=False):
        for _ in range(RATE_LIMIT):
            post(client, "pgic", b"nonsense")
        assert post(client, "pgic", {"answer": 4}).status_code == 429


# --- OpenAPI ---


def test_openapi_documents_each_instrument_with_examples_and_errors(client):
    schema = client.get("/api/v1/openapi.json").json()

    def body_schema(instrument):
        operation = schema["paths"][f"/api/v1/scoring/{instrument}"]["post"]
        reference = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        return schema["components"]["schemas"][reference.rsplit("/", 1)[1]]

    for instrument in ("acr2016", "pgic", "phq4", "phq9", "gad7", "fiqr", "change"):
        operation = schema["paths"][f"/api/v1/scoring/{instrument}"]["post"]
        body = operation["requestBody"]["content"]["application/json"]
        assert body["examples"], instrument
        assert body_schema(instrument)["additionalProperties"] is False
        assert {"200", "422", "429"} <= set(operation["responses"]), instrument
        assert "security" not in operation  # public
    areas = body_schema("acr2016")["properties"]["pain_areas"]
    assert areas["uniqueItems"] is True and areas["items"]["enum"] == list(AREAS)


def test_the_documented_area_keys_are_the_scoring_keys():
    assert Area.__args__ == AREAS  # type: ignore[attr-defined]


def test_the_documented_examples_score(client):
    schema = client.get("/api/v1/openapi.json").json()
    for path, item in schema["paths"].items():
        if not path.startswith("/api/v1/scoring/"):
            continue
        examples = item["post"]["requestBody"]["content"]["application/json"]["examples"]
        for example in examples.values():
            assert post(client, path.rsplit("/", 1)[1], example["value"]).status_code == 200


# --- Percent change (docs/clinical.md 3.2), classified on exact values ---


# Every row of the table in docs/clinical.md 3.2. Rows given as means go in as means (JSON
# numbers, read exactly); rows given as days go in as those daily scores; 33/8 and 26/7
# (not terminating, no days in the table) as days with those means.
def means(baseline, current):
    return {"baseline": baseline, "current": current}


def days(baseline, current):
    return {"baseline_scores": baseline, "current_scores": current}


CHANGE_TABLE = [
    (means("7.0", "4.9"), 30.0, "moderate", "30.0 % lower"),
    (means("8.0", "4.0"), 50.0, "substantial", "50.0 % lower"),
    (means("6.0", "5.5"), 8.3, "no_important_change", "8.3 % lower"),
    (means("6.0", "5.0"), 16.7, "minimal", "16.7 % lower"),
    (means("5.0", "6.0"), -20.0, "worse", "20.0 % higher"),
    (means("0.0", "2.0"), None, "not_applicable", None),
    (days([7, 7, 7, 7, 6, 6], [5, 5, 5, 5, 4, 4]), 30.0, "moderate", "30.0 % lower"),
    (days([8, 8, 8, 7], [6, 6, 6, 5, 5, 5, 5]), 30.0, "moderate", "30.0 % lower"),
    (days([4, 4, 4, 4, 4, 4, 4, 5], [4, 4, 4, 4, 4, 3, 3]), 10.0, "minimal", "10.0 % lower"),
    (means("6.0", "6.5"), -8.3, "no_important_change", "8.3 % higher"),
    (means("1.5", "1.75"), -16.7, "no_important_change", "16.7 % higher"),
]


def change_body(fields):
    """Means as raw JSON numbers (7.0 stays 7.0, read exactly); daily scores as lists."""
    return ("{" + ", ".join(f'"{k}": {v}' for k, v in fields.items()) + "}").encode()


@pytest.mark.parametrize(("fields", "percent", "meaning", "words"), CHANGE_TABLE)
def test_change_every_table_row_through_the_api(client, fields, percent, meaning, words):
    answer = post(client, "change", change_body(fields))
    assert answer.status_code == 200, answer.content
    got = answer.json()
    words = None if words is None else f"{words} than at the start"
    assert (got["percent"], got["meaning"], got["in_words"]) == (percent, meaning, words)


def test_the_table_days_have_the_table_means():
    from fractions import Fraction

    assert Fraction(sum([4, 4, 4, 4, 4, 4, 4, 5]), 8) == Fraction(33, 8)
    assert Fraction(sum([4, 4, 4, 4, 4, 3, 3]), 7) == Fraction(26, 7)


@pytest.mark.parametrize(
    ("baseline", "current", "percent", "meaning"),
    [
        ("5.0", "5.5", -10.0, "no_important_change"),  # 10 % higher, but only 0.5 points
        ("5.0", "6.0", -20.0, "worse"),  # 1.0 point: the floor is reached
        ("5.0", "4.5", 10.0, "minimal"),
        ("10", "5", 50.0, "substantial"),
        ("10", "9.004", 10.0, "minimal"),  # 9.96 % exactly, shown 10.0: decided on the shown
    ],
)
def test_change_boundaries_through_the_api(client, baseline, current, percent, meaning):
    body = f'{{"baseline": {baseline}, "current": {current}}}'
    answer = post(client, "change", body.encode())
    assert answer.status_code == 200, answer.content
    assert answer.json()["percent"] == percent and answer.json()["meaning"] == meaning


def test_change_from_daily_scores_uses_exact_means(client):
    # Baseline mean 7 (exactly), current mean 4.9 would need decimals; 49/10 is not a mean of
    # ints over 4-7 days, so use 14/3 = 4.666...: (7 - 14/3) / 7 = 33.33...% -> moderate.
    body = {"baseline_scores": [7, 7, 7, 7], "current_scores": [5, 5, 4]}
    assert named(post(client, "change", body)) == ["current_scores"]
    body["current_scores"] = [5, 5, 4, 5, 4, 5]  # mean 14/3
    answer = post(client, "change", body).json()
    assert answer == {
        "baseline": 7.0,
        "current": 4.7,
        "percent": 33.3,
        "meaning": "moderate",
        "direction": "lower",
        "in_words": "33.3 % lower than at the start",
    }


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (b'{"baseline": true, "current": 4}', "baseline"),
        (b'{"baseline": 11, "current": 4}', "baseline"),
        (b'{"baseline": 7, "current": -1}', "current"),
        (b'{"baseline": 7}', "current"),
        (b'{"baseline": 7, "current": "4.9"}', "current"),
        (b'{"baseline": 1e-999999999, "current": 4}', "baseline"),
        (b'{"baseline": 1e-13, "current": 4}', "baseline"),  # at most 12 decimals
        (b'{"baseline": 1e999999999, "current": 4}', "baseline"),
        (b'{"baseline": 7, "current": NaN}', "body"),  # NaN is not JSON: the body is refused
        (b'{"baseline": 7, "current": 4, "baseline_scores": [1, 1, 1, 1]}', "baseline"),
        (
            b'{"baseline_scores": [1, 1, 1, 1], "current_scores": [1, 1, 1, 11]}',
            "current_scores[3]",
        ),
    ],
)
def test_change_bad_input_is_422_naming_the_field(client, body, field):
    assert field in named(post(client, "change", body))
