"""The one rate limiter (pijnreset/ratelimit.py): client address behind proxies, counting,
allauth's log-in limit sharing the address rule, and the production cache (Redis)."""

import os
import threading
import uuid

import environ
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, RequestFactory

from pijnreset import ratelimit
from pijnreset.ratelimit import Rate, parse_rates
from tests.redis_server import database_number, redis_answers, redis_url

PROXY = "10.0.0.1"
LOGIN = "/account/login/"


def request_from(remote: str, forwarded: str | None = None):
    request = RequestFactory().get("/", REMOTE_ADDR=remote)
    if forwarded is not None:
        request.META["HTTP_X_FORWARDED_FOR"] = forwarded
    return request


# --- Rates and addresses -----------------------------------------------------------


def test_rates_are_read_as_allauth_writes_them():
    assert parse_rates("10/h/ip, 3/10m/email,1/d/user") == (
        Rate(10, 3600, "ip"),
        Rate(3, 600, "email"),
        Rate(1, 86400, "user"),
    )
    assert parse_rates("") == ()
    with pytest.raises(ImproperlyConfigured):
        parse_rates("10/w/ip")


def test_every_default_limit_is_well_formed(settings):
    assert set(settings.RATE_LIMITS) == {
        "guest_hold", "booking", "link_guess", "scoring", "review", "story", "shop_order",
        "push",
    }  # fmt: skip
    for text in settings.RATE_LIMITS.values():
        assert parse_rates(text)


def test_without_trusted_proxies_the_connecting_address_is_the_client(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    assert ratelimit.client_ip(request_from(PROXY, "203.0.113.9")) == PROXY


def test_behind_one_proxy_the_last_forwarded_address_is_the_client(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    # A client may send its own X-Forwarded-For; the proxy appends the address it saw.
    spoofed = request_from(PROXY, "1.2.3.4, 203.0.113.9")
    assert ratelimit.client_ip(spoofed) == "203.0.113.9"
    assert ratelimit.client_ip(request_from(PROXY, "198.51.100.7")) == "198.51.100.7"
    # Not through the proxy at all: the connecting address, not a 500.
    assert ratelimit.client_ip(request_from("192.0.2.5")) == "192.0.2.5"


def test_ipv6_clients_count_per_64_network(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    one = ratelimit.client_ip(request_from(PROXY, "2001:db8:1:2:aaaa::1"))
    other = ratelimit.client_ip(request_from(PROXY, "2001:db8:1:2:bbbb::9"))
    elsewhere = ratelimit.client_ip(request_from(PROXY, "2001:db8:1:3::1"))
    assert one == other == "2001:db8:1:2::" and elsewhere != one


def test_pseudonyms_are_stable_and_hide_the_address():
    assert ratelimit.pseudonym("203.0.113.9") == ratelimit.pseudonym("203.0.113.9")
    assert "203" not in ratelimit.pseudonym("203.0.113.9")
    assert ratelimit.pseudonym("a@example.nl") == ratelimit.pseudonym("A@Example.nl")


# --- Counting ----------------------------------------------------------------------


def test_a_limit_refuses_after_its_amount_and_tells_how_long_to_wait(settings):
    settings.RATE_LIMITS = {"try": "3/m/ip"}
    request = request_from("192.0.2.1")
    assert [ratelimit.hit(request, "try") for _ in range(3)] == [None, None, None]
    refusal = ratelimit.hit(request, "try")
    assert refusal is not None and refusal.rate == Rate(3, 60, "ip")
    assert 1 <= refusal.retry_after <= 60
    assert ratelimit.hit(request_from("192.0.2.2"), "try") is None
    assert ratelimit.hit(request, "unknown-action") is None  # no limit set: never refused


def test_a_refusal_by_address_does_not_use_up_the_later_limits(settings):
    settings.RATE_LIMITS = {"try": "1/m/ip,2/m/practice"}
    first, second = request_from("192.0.2.1"), request_from("192.0.2.2")
    subjects = {"practice": "p1"}
    assert ratelimit.hit(first, "try", subjects=subjects) is None
    for _ in range(5):
        assert ratelimit.hit(first, "try", subjects=subjects) is not None
    assert ratelimit.hit(second, "try", subjects=subjects) is None


def burst(settings, *, attempts: int, amount: int) -> int:
    """`attempts` threads at once against a limit of `amount`: how many got through."""
    settings.RATE_LIMITS = {"burst": f"{amount}/h/ip"}
    request = request_from("192.0.2.77")
    results: list[bool] = []
    start = threading.Barrier(attempts)

    def attempt() -> None:
        start.wait()
        results.append(ratelimit.hit(request, "burst") is None)

    threads = [threading.Thread(target=attempt) for _ in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results.count(True)


def test_simultaneous_attempts_never_pass_more_than_the_limit(settings):
    assert burst(settings, attempts=40, amount=10) == 10


# --- allauth's limits use the same client address ------------------------------------


@pytest.mark.django_db
def test_after_11_failed_logins_from_one_client_another_behind_the_proxy_still_logs_in(
    settings, patient_anna, patient_bram, password, caplog
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    attacker = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.9")
    answers = [
        attacker.post(LOGIN, {"login": f"guess{n}@example.nl", "password": "wrong"}).status_code
        for n in range(11)
    ]
    assert answers == [200] * 10 + [429]  # allauth: 10 failed log-ins a minute per address
    refused = attacker.post(LOGIN, {"login": "bram@example.nl", "password": password})
    assert refused.status_code == 429 and "_auth_user_id" not in attacker.session
    assert "Te veel inlogpogingen" in refused.content.decode()

    colleague = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.7")
    answer = colleague.post(LOGIN, {"login": "bram@example.nl", "password": password})
    assert answer.status_code == 302 and "_auth_user_id" in colleague.session

    lines = [r for r in caplog.records if r.name == "pijnreset.security"]
    assert len(lines) == 2 and all(r.action == "login_failed" for r in lines)
    assert all("203.0.113.9" not in r.who and password not in str(r.__dict__) for r in lines)


# --- The production cache: Redis ------------------------------------------------------


def test_a_redis_cache_url_means_djangos_own_redis_backend():
    import redis  # noqa: F401  (the client must be installed: CACHE_URL=redis://... needs it)

    config = environ.Env.cache_url_config("redis://127.0.0.1:6379/1")
    assert config["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert config["LOCATION"] == "redis://127.0.0.1:6379/1"


# Against Redis when it answers; in CI (CI=true) always, so a missing Redis fails the run.
CACHES = ["locmem"] + (["redis"] if os.environ.get("CI") == "true" or redis_answers() else [])


@pytest.fixture(params=CACHES)
def shared_cache(request, settings):
    if request.param == "redis":
        settings.CACHES = {
            "default": {
                "BACKEND": "pijnreset.cache.RedisCache",
                "LOCATION": redis_url(),
                "KEY_PREFIX": f"pijnreset-test-{uuid.uuid4().hex}",
            }
        }
    return request.param


def test_each_xdist_worker_counts_in_a_redis_database_of_its_own():
    assert database_number(None) == database_number("gw0") == 15
    assert len({database_number(f"gw{n}") for n in range(8)}) == 8


def test_the_limiter_counts_exactly_in_the_shared_cache(settings, shared_cache):
    from django.core.cache import cache

    assert cache.add("probe", 1, timeout=30) and cache.get("probe") == 1
    assert burst(settings, attempts=30, amount=7) == 7


@pytest.mark.django_db
def test_openapi_documents_the_429_of_booking_and_scoring(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "429" in paths["/api/v1/appointments"]["post"]["responses"]
    assert "429" in paths["/api/v1/scoring/phq9"]["post"]["responses"]
    assert "429" in paths["/api/v1/push/subscriptions"]["post"]["responses"]
    assert "429" in paths["/api/v1/push/subscriptions/remove"]["post"]["responses"]


@pytest.mark.django_db
def test_the_sixth_reset_mail_for_one_address_in_a_minute_is_refused_with_our_429(
    client, patient_anna, mailoutbox, caplog
):
    answers = [
        client.post("/account/password/reset/", {"email": "anna@example.nl"}).status_code
        for _ in range(6)
    ]
    assert answers == [302] * 5 + [429] and len(mailoutbox) == 5
    lines = [r for r in caplog.records if r.name == "pijnreset.security"]
    assert [r.action for r in lines] == ["account:account_reset_password"]
    assert "anna@example.nl" not in str(lines[0].__dict__)


@pytest.mark.django_db
def test_sign_ups_are_limited_per_client_behind_the_proxy(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "2/m/ip"}
    attacker = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.9")
    answers = [attacker.post("/account/signup/", {}).status_code for _ in range(3)]
    assert answers[-1] == 429 and 429 not in answers[:2]
    assert "Even wachten" in attacker.post("/account/signup/", {}).content.decode()
    visitor = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert visitor.post("/account/signup/", {}).status_code != 429


def test_a_malformed_limit_in_the_environment_fails_the_system_check(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "booking": "10/d"}
    [error] = ratelimit.check_rate_limits()
    assert error.id == "pijnreset.E001" and "booking" in error.msg
    for wrong in ("ten/h/ip", "10/0m/ip", "10/h/", "-1/h/ip", "10/x/ip", "10/h/address"):
        with pytest.raises(ImproperlyConfigured):
            parse_rates(wrong)
