"""A stand-in push service on loopback, and a stand-in browser device.

`FakePushService` answers POST /<device> as a push service does (201), or with
the status a test sets for that device (410 when the device unsubscribed, 500
when the service is down). Every request is kept with its headers and body.

`FakeDevice` is what a browser holds: an ECDH key pair and an auth secret. Its
subscription is what `PushSubscription.toJSON()` gives the page, and it can
decrypt what the service received (RFC 8291), as the browser would.
"""

from __future__ import annotations

import base64
import json
import os
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


@dataclass(frozen=True)
class Received:
    path: str
    headers: dict[str, str]  # names in lower case
    body: bytes


class FakePushService:
    def __init__(self) -> None:
        self.received: list[Received] = []
        self.answers: dict[str, int] = {}  # path -> status (default 201)
        service = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(length)
                headers = {name.lower(): value for name, value in self.headers.items()}
                service.received.append(Received(self.path, headers, body))
                self.send_response(service.answers.get(self.path, 201))
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> FakePushService:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def to(self, device: FakeDevice) -> list[Received]:
        return [r for r in self.received if self.url + r.path == device.endpoint]


class FakeDevice:
    def __init__(self, service: FakePushService, name: str) -> None:
        self.endpoint = f"{service.url}/{name}"
        self.path = f"/{name}"
        self.private_key = ec.generate_private_key(ec.SECP256R1())
        self.auth_secret = os.urandom(16)

    def subscription(self) -> dict[str, object]:
        public = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return {
            "endpoint": self.endpoint,
            "expirationTime": None,
            "keys": {"p256dh": b64url(public), "auth": b64url(self.auth_secret)},
        }

    def read(self, received: Received) -> dict[str, object]:
        """Decrypt one message as the browser does: fails unless encrypted for this device."""
        plain = http_ece.decrypt(
            received.body,
            private_key=self.private_key,
            auth_secret=self.auth_secret,
            version="aes128gcm",
        )
        return json.loads(plain)


def vapid_signer(authorization: str) -> str | None:
    """The public key that signed a `vapid t=...,k=...` header, or None if it does not verify."""
    from py_vapid import Vapid

    try:
        verified = Vapid.verify(authorization)
    except (AssertionError, ValueError, IndexError):
        return None
    if not verified:
        return None
    return dict(part.split("=", 1) for part in authorization.split(" ", 1)[1].split(","))["k"]
