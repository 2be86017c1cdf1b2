"""Pure checks of what a browser sends when it subscribes (no Django).

The endpoint is an address our server will POST to, given by the browser: it
must belong to a push service we trust (`services`, from settings), or the
subscribe form would let anyone make our server call any address (SSRF).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

ENDPOINT_MAX_LENGTH = 1000
P256DH_BYTES = 65  # an uncompressed P-256 point: 0x04, x, y
AUTH_BYTES = 16
LABEL_MAX_LENGTH = 80


def endpoint_allowed(url: str, services: Sequence[str]) -> bool:
    """True when `url` is on one of `services`: "https://fcm.googleapis.com" or
    "https://*.notify.windows.com" (any subdomain). Scheme and host must match; the
    port is not looked at; user names and passwords in the address are refused."""
    if len(url) > ENDPOINT_MAX_LENGTH or any(c.isspace() for c in url):
        return False
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        parts.port  # noqa: B018  (a malformed port raises ValueError)
    except ValueError:
        return False
    if not host or parts.username is not None or parts.password is not None:
        return False
    for service in services:
        scheme, _sep, pattern = service.strip().lower().partition("://")
        if scheme != parts.scheme.lower() or not pattern:
            continue
        pattern = pattern.split("/", 1)[0].rsplit(":", 1)[0]  # the host alone
        if pattern.startswith("*."):
            if host.endswith(pattern[1:]) and len(host) > len(pattern) - 1:
                return True
        elif host == pattern:
            return True
    return False


def endpoint_digest(endpoint: str) -> str:
    """SHA-256 of an endpoint (hex): the page tells the browser which of its devices are on
    without writing the addresses themselves into the HTML (push.js compares)."""
    return hashlib.sha256(endpoint.encode()).hexdigest()


def decode_key(value: str, length: int) -> bytes | None:
    """A base64url key (padding optional) of exactly `length` bytes, or None."""
    if not re.fullmatch(r"[A-Za-z0-9_-]+={0,2}", value or ""):
        return None
    try:
        raw = base64.urlsafe_b64decode(value.rstrip("=") + "=" * (-len(value.rstrip("=")) % 4))
    except (binascii.Error, ValueError):
        return None
    return raw if len(raw) == length else None


def keys_valid(p256dh: str, auth: str) -> bool:
    point = decode_key(p256dh, P256DH_BYTES)
    return point is not None and point[0] == 4 and decode_key(auth, AUTH_BYTES) is not None


_BROWSERS = (
    ("Edg/", "Edge"),
    ("OPR/", "Opera"),
    ("SamsungBrowser/", "Samsung Internet"),
    ("Firefox/", "Firefox"),
    ("FxiOS/", "Firefox"),
    ("CriOS/", "Chrome"),
    ("Chrome/", "Chrome"),
    ("Chromium/", "Chromium"),
    ("Safari/", "Safari"),
)
_SYSTEMS = (
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Windows", "Windows"),
    ("Mac OS X", "macOS"),
    ("Macintosh", "macOS"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
)


def device_label(user_agent: str) -> str:
    """A short name for the list of devices, from the User-Agent: "Firefox · Android".

    Only the browser and system names are kept, never the full string (it can
    identify a person's device in detail)."""
    browser = next((name for token, name in _BROWSERS if token in user_agent), "")
    system = next((name for token, name in _SYSTEMS if token in user_agent), "")
    return " · ".join(part for part in (browser, system) if part)[:LABEL_MAX_LENGTH]
