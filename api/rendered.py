"""Answers built from stored rows, rendered as ninja renders them, without validating again.

Ninja validates what an endpoint returns against its response schema; for a list it
does so item by item, through its attribute getter, and that was most of the time of
`GET /api/v1/checkins`. Where an endpoint builds each value itself, of the type its
schema documents, from rows whose columns already guarantee those types, it answers
with `rendered(...)`: ninja's own JSON renderer over the same values, so the bytes are
what ninja would have sent. The schema stays in `response=` for the documentation,
and a test compares the bytes with the schema-validated answer for the same rows.
"""

from django.http import HttpRequest, HttpResponse
from ninja.renderers import JSONRenderer

_RENDERER = JSONRenderer()
CONTENT_TYPE = f"{_RENDERER.media_type}; charset={_RENDERER.charset}"


def rendered(request: HttpRequest, data: object, *, status: int = 200) -> HttpResponse:
    content = _RENDERER.render(request, data, response_status=status)
    return HttpResponse(content, status=status, content_type=CONTENT_TYPE)
