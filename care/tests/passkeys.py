"""A passkey in software, for tests through the test client: what a phone or laptop does
when a page calls navigator.credentials.create() or .get() (WebAuthn level 2, "none"
attestation, ES256), built from fido2's own data types. The browser test uses Chromium's
virtual authenticator instead (tests/browser/test_care_passkey.py)."""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from fido2.cose import ES256
from fido2.utils import websafe_decode, websafe_encode
from fido2.webauthn import (
    Aaguid,
    AttestationObject,
    AttestedCredentialData,
    AuthenticatorData,
    CollectedClientData,
)

HOST = "localhost"  # WebAuthn accepts plain http only on localhost
ORIGIN = f"http://{HOST}"
_FLAGS = AuthenticatorData.FLAG.UP | AuthenticatorData.FLAG.UV


class SoftwarePasskey:
    def __init__(self) -> None:
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.credential_id = os.urandom(32)
        self.counter = 0

    def create(self, creation_options: dict[str, Any]) -> str:
        """The JSON the page posts after navigator.credentials.create()."""
        options = creation_options["publicKey"]
        client_data = CollectedClientData.create(
            type="webauthn.create", challenge=options["challenge"], origin=ORIGIN
        )
        credential = AttestedCredentialData.create(
            Aaguid.NONE, self.credential_id, ES256.from_cryptography_key(self.key.public_key())
        )
        auth_data = AuthenticatorData.create(
            _rp_id_hash(options["rp"]["id"]),
            _FLAGS | AuthenticatorData.FLAG.AT,
            self.counter,
            credential,
        )
        attestation = AttestationObject.create("none", auth_data, {})
        return json.dumps(
            {
                "id": websafe_encode(self.credential_id),
                "rawId": websafe_encode(self.credential_id),
                "type": "public-key",
                "response": {
                    "clientDataJSON": websafe_encode(client_data),
                    "attestationObject": websafe_encode(attestation),
                },
                "clientExtensionResults": {"credProps": {"rk": False}},
            }
        )

    def get(self, request_options: dict[str, Any], *, rp_id: str = HOST) -> str:
        """The JSON the page posts after navigator.credentials.get()."""
        options = request_options["publicKey"]
        allowed = [websafe_decode(c["id"]) for c in options.get("allowCredentials", [])]
        assert self.credential_id in allowed, "the server did not ask for this passkey"
        self.counter += 1
        client_data = CollectedClientData.create(
            type="webauthn.get", challenge=options["challenge"], origin=ORIGIN
        )
        auth_data = AuthenticatorData.create(_rp_id_hash(rp_id), _FLAGS, self.counter)
        signature = self.key.sign(auth_data + client_data.hash, ec.ECDSA(hashes.SHA256()))
        return json.dumps(
            {
                "id": websafe_encode(self.credential_id),
                "rawId": websafe_encode(self.credential_id),
                "type": "public-key",
                "response": {
                    "clientDataJSON": websafe_encode(client_data),
                    "authenticatorData": websafe_encode(auth_data),
                    "signature": websafe_encode(signature),
                },
                "clientExtensionResults": {},
            }
        )


def _rp_id_hash(rp_id: str) -> bytes:
    return hashlib.sha256(rp_id.encode()).digest()
