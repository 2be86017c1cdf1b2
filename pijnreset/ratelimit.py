"""One rate limiter and one client-address rule for the whole product.

Who is the client: allauth's rule, so that our limits and allauth's log-in,
sign-up and reset limits agree. Behind ALLAUTH_TRUSTED_PROXY_COUNT proxies
(the environment's TRUSTED_PROXY_COUNT) the client is that many entries from
the right of X-Forwarded-For; with 0 it is REMOTE_ADDR. IPv6 addresses count
per /64 network, as a home or phone gets a whole network.

What is counted: `settings.RATE_LIMITS` maps an action to its limits, written
as allauth writes them: "10/h/ip,3/h/email" is at most 10 an hour from one
client address and 3 an hour for one e-mail address. Periods: s, m, h, d
(with an optional number: 10m). Each limit is a fixed window (the hour from
:00, the day from 00:00 UTC) counted in Django's cache with add + incr, which
are atomic in Redis and in the local-memory cache.

Each refusal writes one line to the "pijnreset.security" logger: the action,
which limit, and who (a user id, or a keyed hash of the address), never the
e-mail address, token or password itself.
"""

from __future__ import annotations

import ipaddress
import logging
import math
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core import checks
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

security_log = logging.getLogger("pijnreset.security")

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
SUBJECTS = frozenset({"ip", "user", "email", "practice", "prefix"})
IPV6_NETWORK = 64


@dataclass(frozen=True)
class Rate:
    """At most `amount` attempts per `seconds`, counted per `per` (ip, user, email, ...)."""

    amount: int
    seconds: int
    per: str

    def __str__(self) -> str:
        return f"{self.amount}/{self.seconds}s/{self.per}"


def parse_rates(text: str) -> tuple[Rate, ...]:
    """ "10/h/ip,3/10m/email" -> two Rates; an empty text means no limit."""
    rates = []
    for part in filter(None, (piece.strip() for piece in text.split(","))):
        try:
            amount, period, per = part.split("/")
            unit, count = period[-1], int(period[:-1] or 1)
            rate = Rate(int(amount), count * PERIODS[unit], per)
        except (ValueError, IndexError, KeyError):
            rate = None
        if rate is None or rate.amount < 0 or rate.seconds < 1 or rate.per not in SUBJECTS:
            raise ImproperlyConfigured(f"Rate limit {part!r}: use e.g. 10/h/ip or 5/10m/email.")
        rates.append(rate)
    return tuple(rates)


def check_rate_limits(**kwargs: Any) -> list[checks.CheckMessage]:
    """System check: every RATE_LIMITS value can be read (manage.py check, at start-up)."""
    problems: list[checks.CheckMessage] = []
    for action, text in settings.RATE_LIMITS.items():
        try:
            parse_rates(text)
        except ImproperlyConfigured as error:
            problems.append(checks.Error(f"RATE_LIMITS[{action!r}]: {error}", id="pijnreset.E001"))
    return problems


@dataclass(frozen=True)
class Refusal:
    """One attempt over a limit: which limit, and how long until its window ends."""

    action: str
    rate: Rate
    retry_after: int

    @property
    def message(self) -> str:
        """What to tell the person, in their language."""
        minutes = max(1, math.ceil(self.retry_after / 60))
        wait = ngettext(
            "Please wait %(count)d minute and try again.",
            "Please wait %(count)d minutes and try again.",
            minutes,
        ) % {"count": minutes}
        if self.action == "guest_hold":
            text = _(
                "Many times were held from this connection, for this e-mail address or at this "
                "practice in a short time, so we cannot hold another one now. You can also call "
                "the practice."
            )
        elif self.action == "booking":
            text = _(
                "You have booked many appointments today, so you cannot book another one online "
                "now. Please call the practice if you need another appointment."
            )
        elif self.action == "link_guess":
            text = _("You tried many links in a short time.")
        elif self.action == "scoring":
            text = _("Too many requests came from your address: at most %(amount)d a minute.") % {
                "amount": self.rate.amount
            }
        else:
            text = _("There were too many attempts in a short time.")
        return f"{text} {wait}"


# --- Who is asking -------------------------------------------------------------------


def client_ip(request: HttpRequest) -> str:
    """The client's address by allauth's rule (trusted proxies from the right), IPv6 per /64."""
    from allauth.account.adapter import get_adapter

    try:
        address = get_adapter().get_client_ip(request)
    except ImproperlyConfigured:
        # Fewer X-Forwarded-For entries than trusted proxies: the request did not
        # come through our proxies, so the connecting address is the client.
        security_log.warning("x-forwarded-for shorter than TRUSTED_PROXY_COUNT")
        address = str(request.META.get("REMOTE_ADDR", ""))
    except PermissionDenied:
        address = ""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address or "unknown"
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.IPv6Network(f"{parsed}/{IPV6_NETWORK}", strict=False).network_address)
    return str(parsed)


def pseudonym(value: str) -> str:
    """A keyed hash of an address, e-mail or token prefix: stable, short, not reversible."""
    return salted_hmac("pijnreset.ratelimit", value.lower(), algorithm="sha256").hexdigest()[:16]


def who(request: HttpRequest) -> str:
    """For the security log: the account's id, else the hashed client address."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return f"ip:{pseudonym(client_ip(request))}"


# --- Counting ---------------------------------------------------------------------


def rates_for(action: str) -> tuple[Rate, ...]:
    return parse_rates(settings.RATE_LIMITS.get(action, ""))


def _count(key: str, seconds: int) -> int:
    """Add one to a counter that lives for its window; atomic in Redis and locmem."""
    if cache.add(key, 1, timeout=seconds + 60):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # it expired between add and incr
        cache.add(key, 1, timeout=seconds + 60)
        return 1


def hit(
    request: HttpRequest, action: str, *, subjects: Mapping[str, str] | None = None
) -> Refusal | None:
    """Count one attempt at `action` against each of its limits, in their order.

    `subjects` names what the limits are per ("email", "practice", ...);
    "ip" is the client address and "user" the logged-in account unless given.
    A limit whose subject is unknown (no account, say) does not apply. The
    first limit that is full refuses (and the later ones are not counted, so
    an attempt refused per address does not use up the practice's limit).
    """
    known = dict(subjects or {})
    known.setdefault("ip", client_ip(request))
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        known.setdefault("user", str(user.pk))
    now = time.time()
    for rate in rates_for(action):
        subject = known.get(rate.per)
        if not subject:
            continue
        window = int(now // rate.seconds)
        key = f"rl:{action}:{rate}:{pseudonym(subject)}:{window}"
        if _count(key, rate.seconds) > rate.amount:
            retry_after = max(1, math.ceil((window + 1) * rate.seconds - now))
            refusal = Refusal(action=action, rate=rate, retry_after=retry_after)
            log_refusal(request, action=action, limit=f"{rate.amount}/{rate.seconds}s/{rate.per}")
            return refusal
    return None


def log_refusal(request: HttpRequest, *, action: str, limit: str) -> None:
    security_log.warning(
        "rate limit reached",
        extra={"event": "rate_limited", "action": action, "limit": limit, "who": who(request)},
    )


# --- Answers ----------------------------------------------------------------------


def refuse_page(
    request: HttpRequest,
    refusal: Refusal,
    template: str = "errors/429.html",
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    """The HTML answer: 429 with the message and Retry-After."""
    response = render(
        request, template, {"message": refusal.message, **(context or {})}, status=429
    )
    response["Retry-After"] = str(refusal.retry_after)
    return response


def allauth_429(request: HttpRequest) -> HttpResponse:
    """allauth's refusals (log-in, sign-up, reset): the same page and a security log line."""
    match = getattr(request, "resolver_match", None)
    action = f"account:{match.url_name if match else 'unknown'}"
    log_refusal(request, action=action, limit="allauth")
    return render(
        request,
        "errors/429.html",
        {"message": _("There were too many attempts in a short time. Please wait a few minutes.")},
        status=429,
    )
