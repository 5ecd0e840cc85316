"""The tool's own RSA key, from RELU_LTI_PRIVATE_KEY (PEM text, or the path of a PEM file): its
public half as a JWK, and the JWTs it signs. No web and no database here."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

MIN_BITS = 2048
ALGORITHM = "RS256"  # the only one LTI 1.3 allows


def b64url_uint(value: int) -> str:
    raw = value.to_bytes((value.bit_length() + 7) // 8, "big")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


@dataclass(frozen=True, repr=False)
class ToolKey:
    """The private key and its key id, the RFC 7638 thumbprint of its public half (so the id
    changes exactly when the key does). Its repr shows the id only."""

    private: rsa.RSAPrivateKey
    kid: str

    @classmethod
    def from_pem(cls, pem: bytes) -> ToolKey:
        try:
            key = serialization.load_pem_private_key(pem, password=None)
        except (ValueError, TypeError):
            # The loader's message could quote the input: say only what is wrong.
            raise ValueError("RELU_LTI_PRIVATE_KEY is not an unencrypted PEM private key") from None
        if not isinstance(key, rsa.RSAPrivateKey):
            raise ValueError("RELU_LTI_PRIVATE_KEY must be an RSA key (LTI 1.3 signs with RS256)")
        if key.key_size < MIN_BITS:
            raise ValueError(f"RELU_LTI_PRIVATE_KEY has {key.key_size} bits; use {MIN_BITS}")
        numbers = key.public_key().public_numbers()
        members = {"e": b64url_uint(numbers.e), "kty": "RSA", "n": b64url_uint(numbers.n)}
        canonical = json.dumps(members, separators=(",", ":"), sort_keys=True).encode()
        kid = base64.urlsafe_b64encode(hashlib.sha256(canonical).digest()).rstrip(b"=").decode()
        return cls(key, kid)

    @classmethod
    def load(cls, value: str) -> ToolKey:
        """The key from the setting's value: PEM text, or the path of a PEM file."""
        text = value.strip()
        if "-----BEGIN" in text:
            return cls.from_pem(text.encode())
        try:
            data = Path(text).expanduser().read_bytes()
        except OSError as exc:
            raise ValueError(
                f"RELU_LTI_PRIVATE_KEY is neither PEM text nor a readable file ({exc.strerror})"
            ) from None
        return cls.from_pem(data)

    def public_jwk(self) -> dict[str, str]:
        numbers = self.private.public_key().public_numbers()
        return {
            "kty": "RSA",
            "alg": ALGORITHM,
            "use": "sig",
            "kid": self.kid,
            "n": b64url_uint(numbers.n),
            "e": b64url_uint(numbers.e),
        }

    def public_key(self) -> rsa.RSAPublicKey:
        return self.private.public_key()

    def sign(self, claims: dict[str, Any]) -> str:
        return jwt.encode(claims, self.private, algorithm=ALGORITHM, headers={"kid": self.kid})

    def __repr__(self) -> str:
        return f"ToolKey(kid={self.kid!r})"
