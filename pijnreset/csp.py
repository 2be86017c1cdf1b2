"""django-csp's middleware, with the site's policy built once instead of on every answer.

`csp.middleware.CSPMiddleware` builds the header string from the settings for every
response (copying and joining every directive). Our policy has no per-request part:
no nonce (nothing inline), no `@csp_update`/`@csp_replace`/`@csp_exempt` views, no
excluded prefixes, no report-only policy. While an answer has none of these, the
header is the same string every time, so it is built once (again after the settings
change, as in tests) and set as django-csp would; any answer with a per-request
part takes django-csp's own path.
"""

from functools import cache

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject
from csp.middleware import CSPMiddleware as DjangoCSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponseBase

PER_RESPONSE_PARTS = (
    "_csp_config", "_csp_update", "_csp_replace", "_csp_exempt",
    "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro", "_csp_exempt_ro",
)  # fmt: skip
# Answers django-csp leaves without a header while DEBUG is on (its debug pages).
DEBUG_EXEMPT = frozenset({404, 500})


@cache
def site_policy() -> str | None:
    """The header for an answer without per-request parts, or None when the settings
    ask for more than one plain policy (then django-csp decides every time)."""
    policy = getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
    if policy.get("EXCLUDE_URL_PREFIXES") or build_policy(report_only=True):
        return None
    return build_policy() or None


@receiver(setting_changed)
def _forget_site_policy(*, setting: str, **kwargs: object) -> None:
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        site_policy.cache_clear()


class CSPMiddleware(DjangoCSPMiddleware):
    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        policy = site_policy()
        if (
            policy is None
            or getattr(request, "_csp_nonce", None) is not None
            or HEADER in response
            or HEADER_REPORT_ONLY in response
            or any(hasattr(response, part) for part in PER_RESPONSE_PARTS)
            or (settings.DEBUG and response.status_code in DEBUG_EXEMPT)
        ):
            return super().process_response(request, response)
        response[HEADER] = policy
        # As django-csp: a nonce asked for after the header is written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)  # type: ignore[attr-defined]
        return response
