"""Keep personal data and live secrets out of the logs.

One function, `scrub`, cuts query strings, e-mail addresses and the secret
parts of tokened URLs (`/afspraken/link/<redacted>/`). It is used by the
logging filter on every handler (Django's request warnings, anything else
that logs) and by gunicorn's access and error logs (`GunicornLogger`, set
as `logger_class` in gunicorn.conf.py).

Which URLs carry a secret is read from the URL resolver, not listed by hand:
every route with a parameter named in SECRET_URL_PARAMETERS. The same rule
tells the no-store middleware which pages are reached by a token.
"""

from __future__ import annotations

import functools
import logging
import re
import traceback
from collections.abc import Iterator

from gunicorn import glogging

REDACTED = "<redacted>"
# Route parameters whose value opens something without a log-in: e-mailed
# booking links, allauth's password-reset and e-mail-confirmation keys (and
# the account id that travels with the reset key). Matched by name only, so
# a public slug called `key` (a lesson) is redacted too: better too much than
# a secret declared as `<slug:token>` slipping through.
SECRET_URL_PARAMETERS = frozenset({"token", "key", "uidb36"})

_QUERY = re.compile(r"\?[^\s\"']*")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
# A secret in a log line ends at a slash, blank, quote or the next URL part.
_REDACTABLE_VALUE = r"[^/\s\"'?#<>]+"
_NAMED_GROUP = re.compile(r"\(\?P<(\w+)>")
# Until the URL resolver can be read (gunicorn's master process), any long
# random-looking path segment counts as a secret.
_FALLBACK = [re.compile(r"/(?P<s0>[-:\w]{20,})(?=[/\s\"'?#]|$)")]


def scrub(text: str) -> str:
    """`text` without query strings, e-mail addresses and URL secrets."""
    text = _QUERY.sub("?[…]", text)
    text = _EMAIL.sub("[e-mail]", text)
    for pattern in _secret_patterns():
        text = pattern.sub(_redact_match, text)
    return text


def is_tokened_path(path: str) -> bool:
    """Whether `path` (e.g. request.path) is a page reached by a secret in its URL."""
    return any(pattern.match(path) for pattern in _secret_patterns())


def _redact_match(match: re.Match[str]) -> str:
    text, start = match.group(0), match.start()
    spans = sorted(match.span(name) for name in match.re.groupindex if match.group(name))
    for begin, end in reversed(spans):
        text = text[: begin - start] + REDACTED + text[end - start :]
    return text


def _secret_patterns() -> list[re.Pattern[str]]:
    from django.apps import apps
    from django.conf import settings

    if not apps.ready:
        return _FALLBACK
    try:
        return _patterns_for(settings.ROOT_URLCONF)
    except Exception:  # a broken URLconf must never stop a log line
        return _FALLBACK


@functools.cache
def _patterns_for(urlconf: str) -> list[re.Pattern[str]]:
    from django.urls import get_resolver

    regexes = dict.fromkeys(_secret_route_regexes(get_resolver(urlconf)))
    return [re.compile(regex) for regex in regexes]


def _secret_route_regexes(resolver: object, prefix: str = "") -> Iterator[str]:
    """One regex per route with a secret parameter, from its first slash to its last secret.

    Secret groups are renamed s0, s1, ...; other groups become non-capturing.
    The regex is cut after the last secret, so a path with a wrong tail (a 404)
    or without its trailing slash is still found.
    """
    from django.conf import settings
    from django.urls import URLResolver
    from django.urls.resolvers import LocalePrefixPattern

    for entry in resolver.url_patterns:  # type: ignore[attr-defined]
        if isinstance(entry.pattern, LocalePrefixPattern):
            codes = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
            piece = f"(?:(?:{codes})/)?"
        else:
            piece = entry.pattern.regex.pattern.removeprefix("^")
        if isinstance(entry, URLResolver):
            yield from _secret_route_regexes(entry, prefix + piece)
            continue
        regex = _mark_secret_groups(prefix + piece)
        if regex is not None:
            yield "/" + regex


def _mark_secret_groups(regex: str) -> str | None:
    """`regex` with its secret groups renamed and cut after the last one, or None."""
    out, position, secrets, cut = [], 0, 0, 0
    for found in _NAMED_GROUP.finditer(regex):
        if found.start() < position:  # a group nested inside a secret group
            continue
        end = _group_end(regex, found.start())
        out.append(regex[position : found.start()])
        if found.group(1) in SECRET_URL_PARAMETERS:
            out.append(f"(?P<s{secrets}>{_REDACTABLE_VALUE})")
            secrets += 1
            cut = len("".join(out))
        else:
            out.append("(?:" + regex[found.end() : end])
        position = end
    if not secrets:
        return None
    return "".join(out)[:cut]


def _group_end(regex: str, start: int) -> int:
    """Index just after the parenthesis that closes the group opened at `start`."""
    depth, index, in_class = 0, start, False
    while index < len(regex):
        char = regex[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if regex[index + 1 : index + 2] == "]":
                index += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    raise ValueError(f"unbalanced group in {regex!r}")


class ScrubPersonalData(logging.Filter):
    """Scrub message, arguments and traceback of every record (see `scrub`).

    Django's request loggers attach the request object; we drop it, so no
    formatter or later handler can print its path, cookies or body.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if hasattr(record, "request"):
            record.request = None
        if isinstance(record.msg, str):
            record.msg = scrub(record.msg)
        if isinstance(record.args, dict):
            for name, value in list(record.args.items()):
                if isinstance(value, str):
                    record.args[name] = scrub(value)
        elif record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            record.args = tuple(scrub(a) if isinstance(a, str) else a for a in args)
        if record.exc_info:
            # Exception messages may quote a path or token: keep the scrubbed text.
            record.exc_text = scrub("".join(traceback.format_exception(*record.exc_info)))
            record.exc_info = None
        return True


class GunicornLogger(glogging.Logger):
    """gunicorn's logger with every access-log value and error line scrubbed."""

    def setup(self, cfg: object) -> None:
        super().setup(cfg)
        if not any(isinstance(f, ScrubPersonalData) for f in self.error_log.filters):
            self.error_log.addFilter(ScrubPersonalData())

    def atoms(self, resp: object, req: object, environ: dict, request_time: object) -> dict:
        atoms = super().atoms(resp, req, environ, request_time)
        return {key: scrub(v) if isinstance(v, str) else v for key, v in atoms.items()}
