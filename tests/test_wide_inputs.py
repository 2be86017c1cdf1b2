"""Wide inputs into every page, form and API endpoint: never a server error.

The pages are found from the URL resolver and crawled as a visitor, as a
patient and as practice staff; every form and every link with a query string
found on them becomes a target. Each parameter of each target then gets wide
values one at a time (the others keep their valid values, so a crash behind a
valid form is reached too): extreme dates (0001, 9999, 0000, month 13),
offsets +14:00 and -12:00, NUL and other control characters, huge and negative
numbers, very long text and invalid UTF-8 escapes. The API is driven from
its OpenAPI document the same way. Hypothesis adds random text and numbers
on top. Any answer of 500 or more fails the test.

Bounded: a fixed list of values per kind of field and a few hypothesis
examples, so the whole file runs in well under a minute.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

import pytest
import time_machine
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.actions import create_access_token
from assessments import actions as assessment_actions
from bookings import actions as booking_actions
from bookings import links
from bookings.models import BlockedTime, LinkPurpose
from practices.models import Closure
from practices.tests.factories import make_practice, make_therapist
from programme.tests.helpers import enrol

NOW = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)  # Monday 08:00 in Amsterdam

DATES = ["0001-01-01", "9999-12-31", "0000-00-00", "2026-13-45", "1899-12-31", "2101-01-01"]
INSTANTS = [
    "0001-01-01T00:00:00+14:00",
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59-12:00",
    "9999-12-31T23:59:59Z",
    "2026-03-29T02:30:00",
    "2026-03-09T10:00:00+99:00",
]
TIMES = ["24:00", "99:99", "23:59:60", "-1:00"]
NUMBERS = ["-1", "%C2%B2", "-99999999999999999999", "99999999999999999999", "1e308", "nan", "inf"]
# Raw query-string pieces: control characters, long text, invalid UTF-8.
TEXTS = ["%00", "a%00b", "%01%1F%7F", "%0D%0A%09", "x" * 3000, "%FF%FE", "%C0%80", "%ED%A0%80"]
EVERYTHING = [*DATES, *INSTANTS[:3], *TIMES[:1], *NUMBERS[2:5], *TEXTS]

SKIPPED_PREFIXES = ("beheer/", "api/", "healthz")
# Pages whose forms end the session or the account: the crawl would lose its user.
SESSION_ENDERS = re.compile(r"^(/en)?/account/(logout|verwijderen|toestemming)/")


def values_for(kind: str, valid: str) -> list[str]:
    """The wide values (escaped for a query string) for a field of this kind and valid value."""
    if kind == "file":
        return []
    if re.match(r"\d{4}-\d{2}-\d{2}T", valid) or kind == "datetime-local":
        return INSTANTS
    if re.match(r"\d{4}-\d{2}-\d{2}$", valid) or kind == "date":
        return DATES[:4]
    if kind == "number" or re.fullmatch(r"-?\d+(\.\d+)?", valid):
        return NUMBERS[:5]
    if kind == "time" or re.fullmatch(r"\d{2}:\d{2}", valid):
        return TIMES[:2]
    if kind in ("checkbox", "radio", "select"):
        return TEXTS[:1] + TEXTS[5:6]
    if valid == "":  # a parameter read without a form field: could be anything
        return [DATES[0], DATES[1], INSTANTS[0], INSTANTS[2], NUMBERS[1], NUMBERS[3], TEXTS[0]]
    return [TEXTS[0], TEXTS[2], TEXTS[4], TEXTS[5], DATES[1], INSTANTS[0]]


# -- the world the pages are crawled in ----------------------------------------------


@dataclass
class World:
    ids: dict[str, str]
    token: str
    api_token: str
    users: dict[str, object] = field(default_factory=dict)


def build_world(patient_anna, therapist_eva, manager_mila) -> World:
    practice = make_practice("Praktijk Rustpunt", managers=(manager_mila,))
    eva = make_therapist("Eva de Vries", practices=(practice,), user=therapist_eva)
    enrol(patient_anna)
    follow_up = practice.appointment_types.get(slug="follow_up")
    appointment = booking_actions.book_slot(
        practice=practice,
        therapist=eva,
        appointment_type=follow_up,
        kind="in_person",
        start=datetime(2026, 3, 4, 9, 0, tzinfo=UTC),
        now=NOW,
        patient=patient_anna,
    )
    block = BlockedTime.objects.create(
        therapist=eva, start=NOW + timedelta(days=9), end=NOW + timedelta(days=9, hours=2)
    )
    Closure.objects.create(
        practice=practice,
        first_day=NOW.date() + timedelta(days=20),
        last_day=NOW.date() + timedelta(days=21),
    )
    token = links.mint_link(
        appointment=appointment,
        purpose=LinkPurpose.MANAGE,
        now=NOW,
        expires_at=NOW + timedelta(days=2),
    )
    instruments = {i.key: i for i in assessment_actions.load_instruments(now=NOW)}
    for key in ("phq4", "fiqr"):  # drafts: their question pages are found by their links
        assessment_actions.start_response(
            patient=patient_anna, instrument=instruments[key], occasion="intake",
            language="nl", now=NOW,
        )  # fmt: skip
    api_token = create_access_token(user=patient_anna, name="wide", now=NOW).secret
    return World(
        ids={
            "practice_id": str(practice.public_id),
            "therapist_id": str(eva.public_id),
            "appointment_id": str(appointment.public_id),
            "block_id": str(block.public_id),
        },
        token=token,
        api_token=api_token,
    )


def page_paths(world: World) -> list[str]:
    """Every page of the resolver with its parameters filled in: real ids, and wide ones."""
    found: list[str] = []

    def walk(patterns, prefix: str) -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern):
                if route.startswith(SKIPPED_PREFIXES):
                    continue
                if route.startswith("^") or "(?P" in route:
                    continue
                found.extend(fill(route, world))

    walk(get_resolver().url_patterns, "")
    return ["/" + path for path in dict.fromkeys(found)]


def fill(route: str, world: World) -> list[str]:
    """The route with each converter given a real value, plus a few wide ones."""
    variants = [route]
    for match in re.finditer(r"<(?:(\w+):)?(\w+)>", route):
        converter, name = match.group(1) or "str", match.group(2)
        if converter == "uuid":
            choices = [world.ids.get(name, "00000000-0000-4000-8000-000000000000")]
        elif converter == "isodate":
            choices = [NOW.date().isoformat(), "0000-00-00", "9999-12-31", "2026-13-01"]
        elif converter == "int":
            choices = ["1", "99999999999999999999"]
        elif converter == "slug":
            choices = ["x" * 300]
        elif converter == "path":
            return []
        else:
            choices = [world.token, "x" * 300]
        variants = [v.replace(match.group(0), c, 1) for v in variants for c in choices]
    return variants


# -- forms and links on a page --------------------------------------------------------


@dataclass
class Target:
    method: str
    path: str
    params: list[tuple[str, str]]  # valid values, as found on the page
    kinds: dict[str, str]


class FormFinder(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__()
        self.page = page
        self.targets: list[Target] = []
        self.form: Target | None = None
        self.select: str | None = None
        self.checked_radio: set[str] = set()
        self.links: list[str] = []  # pages of one object (a uuid in the path), to visit too

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            action = a.get("action") or self.page
            self.form = Target(
                a.get("method", "get").upper(), urlsplit(action).path or self.page, [], {}
            )
        elif tag == "a" and a.get("href", "").startswith("/"):
            split = urlsplit(a["href"])
            if split.query:
                self.targets.append(Target("GET", split.path, parse_qsl(split.query), {}))
            elif UUID_IN_PATH.search(split.path):
                self.links.append(split.path)
        elif self.form is None:
            return
        elif tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            self.form.kinds[a["name"]] = kind
            if kind in ("checkbox", "radio") and "checked" not in a:
                if kind == "radio" and a["name"] not in self.checked_radio:
                    self.checked_radio.add(a["name"])
                    self.form.params.append((a["name"], a.get("value", "")))
                return
            if kind not in ("submit", "button", "file"):
                self.form.params.append((a["name"], a.get("value", "")))
        elif tag in ("textarea", "select") and a.get("name"):
            self.form.kinds[a["name"]] = tag
            self.form.params.append((a["name"], ""))
            self.select = a["name"] if tag == "select" else None
        elif tag == "option" and self.select:
            # The first non-empty option stands for a valid choice.
            name = self.select
            current = dict(self.form.params).get(name)
            if not current and a.get("value"):
                self.form.params = [(n, v) for n, v in self.form.params if n != name]
                self.form.params.append((name, a["value"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self.form is not None:
            self.targets.append(self.form)
            self.form = None
        elif tag == "select":
            self.select = None


UUID_IN_PATH = re.compile(r"/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/")


def targets_on(client: Client, url: str, links: list[str] | None = None) -> list[Target]:
    response = client.get(url)
    assert response.status_code < 500, (url, response.status_code)
    if "text/html" not in response.get("Content-Type", ""):
        return []
    path = urlsplit(url).path
    finder = FormFinder(path)
    finder.feed(response.content.decode("utf-8", "replace"))
    if links is not None:
        links += finder.links
    found = [Target("GUESS", path, [(name, "") for name in GUESSED_GET], {})]
    for target in finder.targets:
        if target.path.startswith(("/beheer", "/static", "/en/")) or SESSION_ENDERS.match(
            target.path
        ):
            continue  # (the English pages parse input the same way as the Dutch ones)
        found.append(target)
    return found


# Query parameters the pages read without a form field (found in the views).
# Requests per user after the crawl; the round robin reaches every target first.
BUDGET = 700
GUESSED_GET = ["week", "date", "start", "page", "from", "to", "q", "lat", "lon", "minutes"]


def query(params: list[tuple[str, str]]) -> str:
    """A query string where wide values keep their raw escapes (NUL, invalid UTF-8)."""
    return "&".join(f"{quote(name)}={value}" for name, value in params)


def send(client: Client, target: Target, params: list[tuple[str, str]]) -> int:
    if target.method == "GET":
        response = client.get(f"{target.path}?{query(params)}")
    else:
        response = client.generic(
            "POST",
            target.path,
            query(params).encode("latin-1", "replace"),
            content_type="application/x-www-form-urlencoded",
        )
    return response.status_code


def escaped(params: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(name, quote(value, safe="")) for name, value in params]


def discover(client: Client, world: World) -> list[Target]:
    """Every form and link with a query string on every page, and on the pages they open."""
    targets: dict[tuple[str, str, tuple[str, ...]], Target] = {}

    def add(found: list[Target]) -> list[Target]:
        new = []
        for target in found:
            key = (target.method, target.path, tuple(sorted(n for n, _ in target.params)))
            if key not in targets:
                targets[key] = target
                new.append(target)
        return new

    second = []
    paths = page_paths(world)
    links: list[str] = []
    for path in paths:
        second += [t for t in add(targets_on(client, path, links)) if t.method == "GET"]
    for path in dict.fromkeys(links):  # objects made in the world or by the crawl itself
        if path not in paths and not path.startswith("/en/") and not SESSION_ENDERS.match(path):
            second += [t for t in add(targets_on(client, path)) if t.method == "GET"]
    second = [t for t in second if not t.path.startswith(("/account/", "/en/"))]
    for target in second:  # one step deeper: a chosen week, a chosen time
        if any(value for _, value in target.params):
            add(targets_on(client, f"{target.path}?{urlencode(target.params)}"))
    return list(targets.values())


def mutations(target: Target) -> list[tuple[Target, list[tuple[str, str]], str]]:
    """The target with one parameter at a time set to a wide value, the others valid."""
    if target.method == "GUESS":  # every guessed parameter at once, one value at a time
        return [
            (Target("GET", target.path, [], {}), [(n, wide) for n, _ in target.params], f"*={wide}")
            for wide in values_for("text", "")
        ]
    base = escaped(target.params)
    found = []
    for index, (name, valid) in enumerate(target.params):
        if name == "csrfmiddlewaretoken":
            continue
        for wide in values_for(target.kinds.get(name, "text"), valid):
            params = [*base[:index], (name, wide), *base[index + 1 :]]
            found.append((target, params, f"{name}={wide[:40]}"))
    return found


def crawl_and_push(client: Client, world: World, *, budget: int, seed: int) -> list[str]:
    """Send wide values to every found target, round robin within `budget`; return the 5xx."""
    rng = random.Random(seed)  # noqa: S311 - a fixed sample, not security
    queues = []
    for target in discover(client, world):
        queue = mutations(target)
        rng.shuffle(queue)
        queues.append(queue)
    plan = []
    for round_ in range(max((len(q) for q in queues), default=0)):
        plan += [queue[round_] for queue in queues if round_ < len(queue)]
    failures: list[str] = []
    for target, params, what in plan[:budget]:
        status = send(client, target, params)
        if status >= 500:
            failures.append(f"{target.method} {target.path} {what[:60]} -> {status}")
    return failures


@pytest.fixture
def world(db, patient_anna, therapist_eva, manager_mila, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with time_machine.travel(NOW, tick=False):
        built = build_world(patient_anna, therapist_eva, manager_mila)
        built.users = {"anna": patient_anna, "eva": therapist_eva, "mila": manager_mila}
        yield built


@pytest.mark.parametrize("who", ["visitor", "anna", "eva", "mila"])
def test_no_page_or_form_answers_a_server_error_on_wide_input(world, who):
    client = Client(raise_request_exception=False)
    if who != "visitor":
        client.force_login(world.users[who])
    failures = crawl_and_push(client, world, budget=BUDGET, seed=11)
    assert not failures, "\n".join(failures)


# -- the API, from its OpenAPI document -----------------------------------------------

API_VALUES: dict[str, list[object]] = {
    "date": DATES,
    "date-time": INSTANTS,
    "integer": [-(2**63), 2**64, -1, 10**30],
    "number": [1e308, -1e308, 10**400],
    "string": ["\x00", "a\x00b", "\x01\x7f", "x" * 10000, "\ud800"],
    "boolean": ["\x00", 2],
}


# Bodies that are not what a JSON parser expects: a 5000-digit number, 1e999,
# a lone surrogate escape, invalid UTF-8, nesting deeper than the parser's stack.
RAW_BODIES = [
    b'{"pain": ' + b"9" * 5000 + b"}",
    b'{"items": [1e999, -1e999]}',
    b'{"note": "\\ud800", "pain": 1}',
    b'{"note": "\xff\xfe"}',
    b"[" * 100000 + b"]" * 100000,
]


def schema_kind(spec: dict, document: dict) -> str:
    if "$ref" in spec:
        return schema_kind(resolve(document, spec["$ref"]), document)
    for option in spec.get("anyOf", []) + spec.get("allOf", []):
        if option.get("type") != "null":
            return schema_kind(option, document)
    return spec.get("format") or spec.get("type", "string")


def resolve(document: dict, ref: str) -> dict:
    node = document
    for part in ref.lstrip("#/").split("/"):
        node = node[part]
    return node


def body_example(spec: dict, document: dict) -> dict[str, object]:
    if "$ref" in spec:
        spec = resolve(document, spec["$ref"])
    valid = {"date": "2026-03-02", "date-time": "2026-03-04T09:00:00Z", "integer": 1}
    out: dict[str, object] = {}
    for name, prop in spec.get("properties", {}).items():
        kind = schema_kind(prop, document)
        out[name] = valid.get(kind, 1 if kind == "number" else "x")
    return out


def api_cases(document: dict, world: World):
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            filled = path
            for name, value in world.ids.items():
                filled = filled.replace("{" + name.replace("_id", "") + "_id}", value)
            filled = filled.replace("{date}", NOW.date().isoformat())
            filled = filled.replace("{instrument}", "phq4")
            params = operation.get("parameters", [])
            for parameter in params:
                kind = schema_kind(parameter.get("schema", {}), document)
                for wide in API_VALUES.get(kind, API_VALUES["string"]):
                    where = parameter["in"]
                    if where == "query":
                        yield method, filled, {parameter["name"]: wide}, None
                    elif where == "path" and isinstance(wide, str) and "\ud800" not in wide:
                        template = path.replace("{" + parameter["name"] + "}", quote(wide))
                        yield method, template_fill(template, world), {}, None
            content = operation.get("requestBody", {}).get("content", {})
            body_spec = content.get("application/json", {}).get("schema")
            if body_spec is None:
                continue
            for raw in RAW_BODIES:
                yield method, filled, {}, raw
            example = body_example(body_spec, document)
            spec = resolve(document, body_spec["$ref"]) if "$ref" in body_spec else body_spec
            for name, prop in spec.get("properties", {}).items():
                kind = schema_kind(prop, document)
                for wide in API_VALUES.get(kind, API_VALUES["string"]) + API_VALUES["string"][:1]:
                    yield method, filled, {}, {**example, name: wide}


def template_fill(path: str, world: World) -> str:
    for name, value in world.ids.items():
        path = path.replace("{" + name + "}", value)
    return path.replace("{date}", NOW.date().isoformat()).replace("{instrument}", "phq4")


def call_api(client: Client, world: World, method: str, path: str, params, body) -> int:
    headers = {"Authorization": f"Bearer {world.api_token}"}
    target = path
    if params:
        target += "?" + urlencode(params, encoding="utf-8", errors="surrogatepass")
    data: str | bytes | None = body if isinstance(body, bytes) else None
    if body is not None and data is None:
        data = json.dumps(body, ensure_ascii=True, default=str)
    response = client.generic(
        method.upper(),
        target,
        data or "",
        content_type="application/json",
        headers=headers,
    )
    return response.status_code


def test_no_api_endpoint_answers_a_server_error_on_wide_input(world):
    client = Client(raise_request_exception=False)
    document = client.get("/api/v1/openapi.json").json()
    failures = []
    for method, path, params, body in api_cases(document, world):
        status = call_api(client, world, method, path, params, body)
        if status >= 500:
            failures.append(f"{method.upper()} {path} {params} {str(body)[:80]} -> {status}")
    assert not failures, "\n".join(failures)


@given(
    text=st.text(max_size=60),
    number=st.integers(min_value=-(10**30), max_value=10**30),
)
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_random_text_and_numbers_never_break_the_slot_list_or_the_check_in_api(world, text, number):
    client = Client(raise_request_exception=False)
    practice = world.ids["practice_id"]
    pages = [
        f"/afspraken/boeken/{practice}/?type=follow_up&kind=in_person&week={quote(text)}",
        f"/api/v1/practices/{practice}/slots?from={quote(text)}",
        f"/api/v1/practices?lat={number}&lon={number}&q={quote(text)}",
    ]
    for page in pages:
        assert client.get(page).status_code < 500, page
    response = client.put(
        f"/api/v1/checkins/{NOW.date().isoformat()}",
        json.dumps({"pain": number, "note": text}),
        content_type="application/json",
        headers={"Authorization": f"Bearer {world.api_token}"},
    )
    assert response.status_code < 500
