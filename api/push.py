"""Notifications on a device (Web Push): switch them on or off for the browser asking.

Session only (with the CSRF token), as the browser's own page calls these: a
personal access token cannot switch a device on. Patients only (the clinical
gate); without VAPID keys on the server, switching on answers 503.
"""

from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Field, Router, Schema, Status
from pydantic import ConfigDict, StrictInt, StrictStr

from accounts.access import require_patient
from api.auth import SessionAuthWithCsrf
from api.errors import ERRORS, field_errors, problem
from pijnreset import ratelimit
from push import actions
from push.endpoints import ENDPOINT_MAX_LENGTH
from push.errors import PushError, PushUnavailable


class PatientSession(SessionAuthWithCsrf):
    """The session, and the clinical gate before the body is read: staff get 403, not 422."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        return require_patient(user) if user is not None else None


router = Router(tags=["notifications"], auth=[PatientSession()])
ANSWERS = {**ERRORS, 429: ERRORS[422], 503: ERRORS[422]}

Endpoint = Annotated[
    StrictStr,
    Field(
        min_length=1,
        max_length=ENDPOINT_MAX_LENGTH,
        description="The push service's address for this browser (PushSubscription.endpoint)",
    ),
]


class Keys(Schema):
    model_config = ConfigDict(extra="forbid")

    p256dh: Annotated[StrictStr, Field(max_length=120, description="base64url, 65 bytes")]
    auth: Annotated[StrictStr, Field(max_length=40, description="base64url, 16 bytes")]


class SubscriptionIn(Schema):
    """What `PushSubscription.toJSON()` gives in the browser."""

    model_config = ConfigDict(extra="forbid")

    endpoint: Endpoint
    keys: Keys
    expirationTime: StrictInt | None = None  # noqa: N815  (the browser's own name)


class EndpointIn(Schema):
    model_config = ConfigDict(extra="forbid")

    endpoint: Endpoint


class SubscriptionOut(Schema):
    id: str = Field(description="The device's public id")
    label: str = Field(description='Browser and system, e.g. "Firefox · Android"')


def _limit(request: HttpRequest, response: HttpResponse) -> Status[object] | None:
    refusal = ratelimit.hit(request, "push")
    if refusal is None:
        return None
    response["Retry-After"] = str(refusal.retry_after)
    return Status(429, problem(429, refusal.message))


@router.post(
    "/push/subscriptions", response={200: SubscriptionOut, 201: SubscriptionOut, **ANSWERS}
)
def subscribe(
    request: HttpRequest, response: HttpResponse, payload: SubscriptionIn
) -> Status[object]:
    """Switch reminders as notifications on for this browser: 201 when new, 200 when it was
    already on (its keys are updated). 422 names an endpoint of a push service we do not send
    to, or keys that cannot be read; 503 when this site offers no notifications."""
    user = require_patient(request.auth)  # type: ignore[attr-defined]
    refused = _limit(request, response)
    if refused is not None:
        return refused
    try:
        subscription, created = actions.subscribe_device(
            user=user,
            endpoint=payload.endpoint,
            p256dh=payload.keys.p256dh,
            auth=payload.keys.auth,
            user_agent=request.headers.get("User-Agent", ""),
            now=timezone.now(),
        )
    except PushUnavailable as error:
        return Status(503, problem(503, str(error.message)))
    except PushError as error:
        return Status(422, field_errors({error.field: str(error.message)}, where={}))
    out = SubscriptionOut(id=str(subscription.public_id), label=subscription.label)
    return Status(201 if created else 200, out)


@router.post("/push/subscriptions/remove", response={204: None, **ANSWERS})
def unsubscribe(
    request: HttpRequest, response: HttpResponse, payload: EndpointIn
) -> Status[object]:
    """Switch notifications off for this browser (by its endpoint). 204 also when they were
    already off; another account's device is never touched."""
    user = require_patient(request.auth)  # type: ignore[attr-defined]
    refused = _limit(request, response)
    if refused is not None:
        return refused
    actions.unsubscribe_device(user=user, endpoint=payload.endpoint)
    return Status(204, None)
