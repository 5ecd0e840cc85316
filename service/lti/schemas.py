"""LTI's public shapes: a platform's registration and the state of a score owed to one. The
tool's private key has no field anywhere here; a registration holds only public URLs and ids."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Url = Annotated[str, Field(max_length=2048, pattern=r"^https?://[^\s/?#]+[^\s]*$")]
Identifier = Annotated[str, Field(min_length=1, max_length=255)]
GradeStatus = Literal["pending", "sent", "failed"]


class PublicKey(BaseModel):
    """The public half of an RSA key, as a JWK (RFC 7517): no private member has a field."""

    kty: Literal["RSA"]
    alg: Literal["RS256"]
    use: Literal["sig"]
    kid: str
    n: str
    e: str


class KeySet(BaseModel):
    keys: list[PublicKey]


class PlatformRegistration(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "issuer": "https://lms.example.edu",
                    "client_id": "10000000000042",
                    "deployment_ids": ["1:4dde05e8ca1973bcca9bffc13e1548820eee93a3"],
                    "auth_login_url": "https://lms.example.edu/api/lti/authorize_redirect",
                    "token_url": "https://lms.example.edu/login/oauth2/token",
                    "jwks_url": "https://lms.example.edu/api/lti/security/jwks",
                }
            ]
        },
    )

    issuer: Identifier = Field(description="the platform's issuer (iss), exactly as it sends it")
    client_id: Identifier = Field(description="the client id the platform gave this tool")
    deployment_ids: list[Identifier] = Field(
        min_length=1, max_length=100, description="the deployments launches may come from"
    )
    auth_login_url: Url = Field(description="the platform's OIDC authorization endpoint")
    token_url: Url = Field(description="the platform's OAuth 2 token endpoint (for grades)")
    jwks_url: Url = Field(description="the platform's public key set")


class Platform(PlatformRegistration):
    model_config = ConfigDict(extra="ignore")

    id: int
    created_at: datetime


class Grade(BaseModel):
    """A score owed to a platform, and how publishing it went."""

    quiz_id: str
    issuer: str
    deployment_id: str
    user_id: str = Field(description="the learner as the platform names them (sub)")
    lineitem: str
    score_given: float
    score_maximum: float
    status: GradeStatus = Field(
        description="pending (being sent or retried), sent, or failed (retries used up, or a "
        "refusal that retrying cannot change; POST .../retry sends it again)"
    )
    attempts: int
    last_error: str | None
    next_attempt_at: datetime | None
    updated_at: datetime
