"""The one Markdown renderer of the content pipeline (pure: no Django).

Every lesson, page and exercise introduction goes through `render_markdown`
once, when `manage.py load_content` stores it; requests only show the stored
HTML. Raw HTML in the Markdown is escaped (shown as text, never passed
through), and nh3 keeps only the tags, attributes and link schemes below.
No other module renders Markdown or marks text safe (exercises/tests/
test_content_pipeline.py guards that).
"""

from __future__ import annotations

from typing import Final

import markdown
import nh3

ALLOWED_TAGS: Final = frozenset(
    {"p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "blockquote", "code",
     "pre", "hr", "br", "table", "thead", "tbody", "tr", "th", "td"}
)  # fmt: skip
ALLOWED_ATTRIBUTES: Final[dict[str, frozenset[str]]] = {
    "a": frozenset({"href", "title"}),
    "th": frozenset({"scope"}),
}
URL_SCHEMES: Final = frozenset({"https", "http", "mailto", "tel"})
LINK_REL: Final = "noopener noreferrer"


def render_markdown(text: str) -> str:
    """Markdown to sanitised HTML; raw HTML in the source is shown as text."""
    md = markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return nh3.clean(
        md.convert(text),
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=LINK_REL,
    )
