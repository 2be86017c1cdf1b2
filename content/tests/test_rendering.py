"""The one Markdown renderer (content/rendering.py), tested directly: no Django."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from content.rendering import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, render_markdown


class _Elements(HTMLParser):
    """Every element and attribute in a piece of HTML (escaped text is not an element)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.found


def assert_only_allowed(html: str) -> None:
    for tag, attrs in elements(html):
        assert tag in ALLOWED_TAGS, html
        allowed = ALLOWED_ATTRIBUTES.get(tag, frozenset()) | ({"rel"} if tag == "a" else set())
        assert set(attrs) <= allowed, html
        href = attrs.get("href") or ""
        scheme = href.split(":")[0] if ":" in href else "relative"
        assert scheme in {"https", "http", "mailto", "tel", "relative"}, html


def test_markdown_becomes_html():
    html = render_markdown("## Kop\n\nHallo **jij** en *jou*.\n\n- een\n- twee\n")
    assert html == (
        "<h2>Kop</h2>\n<p>Hallo <strong>jij</strong> en <em>jou</em>.</p>\n"
        "<ul>\n<li>een</li>\n<li>twee</li>\n</ul>"
    )


def test_raw_html_in_markdown_is_shown_as_text_never_run():
    html = render_markdown(
        'Hallo <script>alert(1)</script> <b onclick="x()">vet</b>\n\n<div>blok</div>'  # lint: allow
    )
    assert "<script" not in html and "<b" not in html and "<div" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    "markdown",
    [
        '[a](https://www.113.nl "t"){onclick=x}',
        "![beeld](https://example.org/x.png)",
        "<style>p{}</style>",
        "<img src=x onerror=alert(1)>",
        "[a](javascript:alert(1))",
        "[a](data:text/html;base64,PHNjcmlwdD4=)",
    ],
)
def test_scripts_styles_images_and_event_attributes_never_come_through(markdown):
    html = render_markdown(markdown)
    assert_only_allowed(html)
    assert not {tag for tag, _attrs in elements(html)} & {"script", "style", "img"}


@given(st.text(alphabet="<>/=\"' abcdefghijklmnopqrstuvwxyz:()[]!*#-_\n", max_size=200))
def test_whatever_is_written_only_allowed_tags_and_attributes_come_out(markdown):
    assert_only_allowed(render_markdown(markdown))


def test_links_keep_safe_schemes_only():
    html = render_markdown(
        "[a](javascript:alert(1)) [b](https://www.113.nl) [c](tel:113) [d](mailto:x@example.org)"
    )
    assert "javascript:" not in html
    assert 'href="https://www.113.nl"' in html  # lint: allow (a sanitiser test)
    assert 'href="tel:113"' in html and 'href="mailto:x@example.org"' in html
    assert 'rel="noopener noreferrer"' in html


def test_tables_keep_their_header_scope_only():
    html = render_markdown("| a | b |\n| --- | --- |\n| 1 | 2 |\n")
    assert "<table>" in html and "<th>a</th>" in html and "<td>1</td>" in html
