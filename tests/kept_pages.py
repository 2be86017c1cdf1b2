"""For tests of kept page bodies (pijnreset/kept_html.py): their CSRF tokens, and text
that tries to pass for the token's stand-in."""

from __future__ import annotations

import re

from pijnreset.kept_html import STAND_IN

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')
SHELL_TOKEN = re.compile(r'data-csrf="[^"]*"')  # the shell's, for scripts (base.html)
TRICKY = 'A {token} and {{ braces }}, value="' + STAND_IN + '" <b>'


def without_tokens(html: str) -> str:
    """The page with every token (form fields and the shell's) written the same."""
    html = SHELL_TOKEN.sub('data-csrf="…"', html)
    return TOKEN.sub('name="csrfmiddlewaretoken" value="…"', html)
