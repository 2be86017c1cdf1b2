"""NoStoreForPersonalDataMiddleware sets the same headers as Django's
add_never_cache_headers with our Cache-Control over it, without calling it."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control

from pijnreset.middleware import NoStoreForPersonalDataMiddleware

NOW = datetime(2026, 3, 10, 12, 0, 7, tzinfo=UTC)


def as_before(response: HttpResponse) -> HttpResponse:
    add_never_cache_headers(response)
    response["Cache-Control"] = "no-store, no-cache, must-revalidate, private, max-age=0"
    return response


def fresh_answers() -> list[HttpResponse]:
    plain = HttpResponse("ok")
    own_expires = HttpResponse("ok", headers={"Expires": "Wed, 21 Oct 2015 07:28:00 GMT"})
    cacheable = HttpResponse("ok")
    patch_cache_control(cacheable, public=True, max_age=600)
    never = HttpResponse("ok")
    add_never_cache_headers(never)  # as @never_cache views (healthz) answer
    return [plain, own_expires, cacheable, never]


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("index", range(4))
def test_personal_answers_get_the_headers_they_got_before(rf, index, patient_anna):
    request = rf.get("/vandaag/")
    request.user = patient_anna
    answer = NoStoreForPersonalDataMiddleware(lambda r: fresh_answers()[index])(request)
    expected = as_before(fresh_answers()[index])
    for header in ("Cache-Control", "Expires"):
        assert answer.get(header) == expected.get(header), header
    assert answer["Vary"] == "Cookie"


def test_anonymous_plain_pages_stay_cacheable(rf):
    request = rf.get("/hulp/")
    request.user = AnonymousUser()
    answer = NoStoreForPersonalDataMiddleware(lambda r: HttpResponse("ok"))(request)
    assert "Cache-Control" not in answer and "Expires" not in answer


@pytest.mark.django_db
def test_a_logged_in_page_is_not_stored(client, patient_anna):
    client.force_login(patient_anna)
    response = client.get("/vandaag/")
    assert response["Cache-Control"] == "no-store, no-cache, must-revalidate, private, max-age=0"
    assert response["Expires"].endswith(" GMT")
