"""The API's one error format (docs/api.md) and its strict JSON reader.

Every error answer, whatever its status, is {"detail": [{"loc", "msg", "type"}]}; the
OpenAPI document describes every error answer with that one schema.
"""

import json
from decimal import Decimal

import pytest
from django.test import Client

from api.errors import Errors, field_errors, path_of, problem
from api.parser import read_object
from api.practices import PracticeSearch
from diary.models import CheckIn

pytestmark = pytest.mark.django_db

ONE_SCHEMA = "#/components/schemas/Errors"


def one_format(response) -> list[dict]:
    body = response.json()
    assert set(body) == {"detail"} and body["detail"], body
    for error in body["detail"]:
        assert set(error) == {"loc", "msg", "type"}, error
        assert isinstance(error["loc"], list) and error["msg"] and error["type"], error
    Errors.model_validate(body)
    return body["detail"]


@pytest.fixture
def api(anna_token):
    return Client(headers={"Authorization": f"Bearer {anna_token}"})


def put_check_in(client, body: bytes | str, **extra):
    return client.put("/api/v1/checkins/2026-03-10", body, content_type="application/json", **extra)


# --- The strict reader (pure) ---


def test_the_reader_keeps_whole_numbers_int_and_reads_fractions_exactly():
    data = read_object(b'{"a": 7, "b": 7.0, "c": 4.9, "d": 1e2, "e": [0.1]}')
    assert data == {"a": 7, "b": Decimal("7.0"), "c": Decimal("4.9"), "d": Decimal("1E+2"),
                    "e": [Decimal("0.1")]}  # fmt: skip
    assert type(data["a"]) is int


@pytest.mark.parametrize(
    ("body", "loc", "type_"),
    [
        (b'{"pain": 1, "pain": 2}', ["body", "pain"], "duplicate_key"),
        (b'{"a": {"x": 1, "x": 1}}', ["body", "x"], "duplicate_key"),
        (b'{"pain": NaN}', ["body"], "json_invalid"),
        (b'{"pain": Infinity}', ["body"], "json_invalid"),
        (b'{"pain": -Infinity}', ["body"], "json_invalid"),
        (b'{"pain": ' + b"9" * 5000 + b"}", ["body"], "json_invalid"),
        (b"{pain: 5", ["body"], "json_invalid"),
        (b"\xff\xfe", ["body"], "json_invalid"),
        (b"[" * 100_000, ["body"], "json_invalid"),
        (b"[1, 2]", ["body"], "model_type"),
        (b'"text"', ["body"], "model_type"),
        (b"null", ["body"], "model_type"),
    ],
)
def test_the_reader_refuses_what_is_not_one_plain_json_object(body, loc, type_):
    from api.errors import BodyError

    with pytest.raises(BodyError) as refused:
        read_object(body)
    assert (refused.value.loc, refused.value.type) == (loc, type_)
    assert refused.value.msg


def test_float_fields_take_the_readers_decimals():
    search = PracticeSearch.model_validate(read_object(b'{"lat": 52.09, "lon": 5.12}'))
    assert (search.lat, search.lon) == (52.09, 5.12)
    assert isinstance(search.lat, float)


def test_field_errors_and_problem_build_the_one_format():
    assert field_errors({"items[2]": "too high"}, where={}).model_dump() == {
        "detail": [{"loc": ["body", "items", 2], "msg": "too high", "type": "invalid"}]
    }
    assert field_errors({"from": "after to"}, where={"from": ("query",)}).detail[0].loc == [
        "query",
        "from",
    ]
    assert problem(409, "taken").model_dump() == {
        "detail": [{"loc": [], "msg": "taken", "type": "conflict"}]
    }
    assert path_of("current_scores[3]") == ["current_scores", 3]
    assert path_of("pain") == ["pain"]


# --- Through the API: every status in the one format ---


def test_a_key_given_twice_is_422_naming_the_key_and_saves_nothing(api):
    response = put_check_in(api, b'{"pain": 3, "pain": 9}')
    assert response.status_code == 422
    assert one_format(response) == [
        {"loc": ["body", "pain"], "msg": "'pain' is given more than once.", "type": "duplicate_key"}
    ]
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize("body", [b"not json", b"{", b"[1]", b"null", b'{"pain": NaN}'])
def test_a_body_that_is_not_a_json_object_is_422_in_the_one_format(api, body):
    response = put_check_in(api, body)
    assert response.status_code == 422
    assert [error["loc"] for error in one_format(response)] == [["body"]]
    assert not CheckIn.objects.exists()


def test_an_empty_body_is_422_naming_the_body(api):
    response = put_check_in(api, b"")
    assert response.status_code == 422 and one_format(response)[0]["loc"] == ["body"]


def test_a_validation_error_names_the_field_without_the_parameter_name(api):
    response = put_check_in(api, json.dumps({"pain": 11, "mood": "x"}))
    assert response.status_code == 422
    assert [error["loc"] for error in one_format(response)] == [["body", "pain"], ["body", "mood"]]


def test_without_credentials_401_in_the_one_format(client):
    response = client.get("/api/v1/checkins")
    assert response.status_code == 401 and response["WWW-Authenticate"] == "Bearer"
    assert [(e["loc"], e["type"]) for e in one_format(response)] == [([], "not_authenticated")]
    assert "sleutel" in response.json()["detail"][0]["msg"]  # ours, in Dutch by default


def test_a_session_without_the_csrf_token_is_403_in_the_one_format(patient_anna):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(patient_anna)
    response = put_check_in(browser, json.dumps({"pain": 3}))
    assert response.status_code == 403
    assert one_format(response)[0]["type"] == "forbidden"
    assert not CheckIn.objects.exists()


def test_the_consent_gate_is_403_in_the_one_format(client, therapist_eva):
    client.force_login(therapist_eva)
    response = client.get("/api/v1/checkins")
    assert response.status_code == 403
    assert [(e["loc"], e["type"]) for e in one_format(response)] == [([], "not_patient")]


def test_not_found_is_404_in_the_one_format(api, client):
    day = api.get("/api/v1/checkins/2026-03-10")
    assert day.status_code == 404 and one_format(day)[0]["loc"] == ["path", "date"]
    unknown = "/api/v1/practices/00000000-0000-4000-8000-000000000000/slots"
    assert client.get(unknown).status_code == 404  # Django's Http404, caught by the handler
    assert one_format(client.get(unknown))[0]["type"] == "not_found"
    appointment = api.get("/api/v1/appointments/00000000-0000-4000-8000-000000000000")
    assert appointment.status_code == 404 and one_format(appointment)[0]["type"] == "not_found"


def test_a_body_over_the_upload_limit_is_413_in_the_one_format(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    response = client.post(
        "/api/v1/scoring/pgic", '{"answer": 4, "x": "' + "a" * 200 + '"}', "application/json"
    )
    assert response.status_code == 413
    assert [(e["loc"], e["type"]) for e in one_format(response)] == [(["body"], "too_large")]


def test_a_query_error_is_422_naming_the_parameter(client):
    response = client.get("/api/v1/practices", {"lat": 95, "lon": 5})
    assert response.status_code == 422
    assert one_format(response)[0]["loc"] == ["query", "lat"]


# --- The OpenAPI document: one error schema, on every error answer ---


def test_every_documented_error_answer_uses_the_one_schema(client):
    document = client.get("/api/v1/openapi.json").json()
    operations = [
        (method, path, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
    ]
    assert len(operations) >= 12
    for method, path, operation in operations:
        statuses = [int(status) for status in operation["responses"]]
        assert any(status >= 400 for status in statuses), (method, path)
        for status in statuses:
            if status < 400:
                continue
            content = operation["responses"][str(status)]["content"]
            assert list(content) == ["application/json"], (method, path, status)
            assert content["application/json"]["schema"] == {"$ref": ONE_SCHEMA}, (
                method,
                path,
                status,
            )
    schemas = document["components"]["schemas"]
    errors = schemas["Errors"]["properties"]["detail"]
    assert errors["items"] == {"$ref": "#/components/schemas/FieldError"}
    assert set(schemas["FieldError"]["required"]) == {"loc", "msg", "type"}
    assert not {"Error", "FieldErrors", "ScoringError"} & set(schemas)
