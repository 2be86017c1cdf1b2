"""A small local stand-in for the Mollie endpoints our client calls, on loopback.

POST /v2/payments creates an open payment; GET /v2/payments/<id> answers its
status, which the test sets (as the buyer paying, or the payment expiring, would).
Every request is kept, so tests can see what the client sent.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeMollie:
    def __init__(self) -> None:
        self.payments: dict[str, dict[str, object]] = {}
        self.requests: list[tuple[str, str, dict[str, str], object]] = []
        self.down = False
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _answer(self, status: int, body: object) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/hal+json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _refuse(self) -> bool:
                if not self.headers.get("Authorization", "").startswith("Bearer test_"):
                    self._answer(401, {"status": 401, "title": "Unauthorized Request",
                                       "detail": "Missing authentication"})  # fmt: skip
                    return True
                if fake.down:
                    self._answer(503, {"status": 503, "title": "Service Unavailable",
                                       "detail": "Down for the test"})  # fmt: skip
                    return True
                return False

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                fake.requests.append(("POST", self.path, dict(self.headers), body))
                if self._refuse():
                    return
                if self.path != "/v2/payments":
                    self._answer(404, {"status": 404, "title": "Not Found", "detail": "No"})
                    return
                payment_id = f"tr_fake{len(fake.payments) + 1}"
                payment = {
                    "resource": "payment", "id": payment_id, "status": "open",
                    "amount": body["amount"], "description": body["description"],
                    "redirectUrl": body["redirectUrl"], "webhookUrl": body["webhookUrl"],
                    "metadata": body.get("metadata"),
                    "_links": {"checkout": {"href": f"{fake.url}/checkout/{payment_id}",
                                            "type": "text/html"}},
                }  # fmt: skip
                fake.payments[payment_id] = payment
                self._answer(201, payment)

            def do_GET(self) -> None:  # noqa: N802
                fake.requests.append(("GET", self.path, dict(self.headers), None))
                if self._refuse():
                    return
                payment = fake.payments.get(self.path.removeprefix("/v2/payments/"))
                if payment is None:
                    self._answer(404, {"status": 404, "title": "Not Found",
                                       "detail": "No payment exists with token"})  # fmt: skip
                    return
                self._answer(200, payment)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def set_status(self, payment_id: str, status: str) -> None:
        self.payments[payment_id]["status"] = status

    def __enter__(self) -> FakeMollie:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
