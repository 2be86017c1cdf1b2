"""Everything the patient entered, as a file: JSON, a ZIP of CSV files, or a FHIR R4 bundle.

The same action as the "My data" page (dataports.actions.export_data): each call is
written to the patient's export log.
"""

from typing import Literal

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from accounts.access import require_patient
from api.auth import api_auth
from api.errors import ERRORS
from dataports import actions
from dataports.models import ExportRecord

router = Router(tags=["my data"], auth=api_auth)

_FILE = {"schema": {"type": "string", "format": "binary"}}
_EXPORT_ANSWER = {
    "responses": {
        200: {
            "description": "The export as a download (Content-Disposition: attachment).",
            "content": {
                "application/json": {"schema": {"type": "object"}},
                "application/zip": _FILE,
                "application/fhir+json": {"schema": {"type": "object"}},
            },
        }
    }
}


class ExportQuery(Schema):
    format: Literal["json", "csv", "fhir"] = Field(
        "json",
        description="json: everything with its edit history; csv: a ZIP with one CSV file "
        "per kind; fhir: a FHIR R4 Bundle of Observations and QuestionnaireResponses",
    )


@router.get("/me/export", response=ERRORS, openapi_extra=_EXPORT_ANSWER)
def export(request: HttpRequest, query: Query[ExportQuery]) -> HttpResponse:
    """Download everything you entered (GDPR art. 15 and 20). Logged in your export log."""
    patient = require_patient(request.auth)  # type: ignore[attr-defined]
    file = actions.export_data(
        patient=patient, fmt=query.format, channel=ExportRecord.Channel.API, now=timezone.now()
    )
    response = HttpResponse(file.body, content_type=file.content_type)
    response["Content-Disposition"] = f'attachment; filename="{file.filename}"'
    return response
