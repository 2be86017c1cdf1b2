"""The CSP header built once (pijnreset/csp.py) is exactly django-csp's, and every
per-request part still goes through django-csp."""

import pytest
from csp.constants import HEADER, HEADER_REPORT_ONLY, NONCE, SELF
from csp.exceptions import CSPNonceError
from csp.middleware import CSPMiddleware as DjangoCSPMiddleware
from csp.utils import build_policy
from django.http import HttpResponse

from pijnreset.csp import CSPMiddleware


def answer(rf, response: HttpResponse, middleware=CSPMiddleware, path: str = "/"):
    request = rf.get(path)
    handler = middleware(lambda request: response)
    return request, handler(request)


def test_the_header_is_django_csps_policy_for_the_same_settings(rf):
    _, ours = answer(rf, HttpResponse("ok"))
    _, theirs = answer(rf, HttpResponse("ok"), middleware=DjangoCSPMiddleware)
    assert ours[HEADER] == theirs[HEADER] == build_policy()
    assert "script-src 'self'" in ours[HEADER] and HEADER_REPORT_ONLY not in ours


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/healthz", "/hulp/", "/api/v1/practices", "/niet-er/"])
def test_every_page_carries_the_policy(client, path):
    assert client.get(path)[HEADER] == build_policy()


@pytest.mark.django_db
def test_a_logged_in_page_carries_the_policy(client, patient_anna):
    client.force_login(patient_anna)
    assert client.get("/vandaag/")[HEADER] == build_policy()


def test_a_changed_setting_is_used_at_once(rf, settings):
    answer(rf, HttpResponse("ok"))  # the policy is built
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": [SELF, "https:"]}}
    assert answer(rf, HttpResponse("ok"))[1][HEADER] == "default-src 'self' https:"


def test_a_report_only_policy_still_goes_through_django_csp(rf, settings):
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": {"img-src": [SELF]}}
    _, response = answer(rf, HttpResponse("ok"))
    assert response[HEADER] == build_policy()
    assert response[HEADER_REPORT_ONLY] == build_policy(report_only=True)
    assert "img-src 'self'" in response[HEADER_REPORT_ONLY]


def test_per_response_updates_and_exemptions_are_django_csps(rf):
    updated = HttpResponse("ok")
    updated._csp_update = {"img-src": ["https://example.org"]}
    assert "https://example.org" in answer(rf, updated)[1][HEADER]
    exempt = HttpResponse("ok")
    exempt._csp_exempt = True
    assert HEADER not in answer(rf, exempt)[1]
    preset = HttpResponse("ok", headers={HEADER: "default-src 'none'"})
    assert answer(rf, preset)[1][HEADER] == "default-src 'none'"


def test_a_nonce_asked_for_after_the_header_is_written_is_an_error(rf):
    request, _ = answer(rf, HttpResponse("ok"))
    with pytest.raises(CSPNonceError):
        str(request.csp_nonce)


def test_a_nonce_used_during_the_request_takes_django_csps_path(rf, settings):
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"script-src": [SELF, NONCE]}}
    request = rf.get("/")

    def view(request):
        return HttpResponse(str(request.csp_nonce))

    response = CSPMiddleware(view)(request)
    assert f"'nonce-{response.content.decode()}'" in response[HEADER]
