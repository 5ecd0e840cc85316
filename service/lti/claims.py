"""LTI 1.3 messages, checked and written: the platform's id_token (signature, issuer, audience,
azp, time, nonce, version, message type, deployment), the deep-linking response, the client
assertion for the platform's token endpoint (RFC 7523), and the deep-linking form's own
context. Every refusal is Refused with a sentence for the platform's administrator. No web and
no database here."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import jwt

from service.lti.keys import ALGORITHM, ToolKey

LTI = "https://purl.imsglobal.org/spec/lti/claim/"
MESSAGE_TYPE = LTI + "message_type"
VERSION = LTI + "version"
DEPLOYMENT_ID = LTI + "deployment_id"
RESOURCE_LINK = LTI + "resource_link"
CUSTOM = LTI + "custom"
DL = "https://purl.imsglobal.org/spec/lti-dl/claim/"
DL_SETTINGS = DL + "deep_linking_settings"
DL_CONTENT_ITEMS = DL + "content_items"
DL_DATA = DL + "data"
AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"

RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest"
DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest"
DEEP_LINKING_RESPONSE = "LtiDeepLinkingResponse"
LTI_VERSION = "1.3.0"

# The deep-linking form's context is signed by the tool for itself, for this audience only.
CONTEXT_AUDIENCE = "relu-lti-deep-linking-form"
CONTEXT_TTL_S = 3600
ASSERTION_TTL_S = 300
RESPONSE_TTL_S = 600


class Refused(Exception):
    """A message that does not check out; str() says why."""


@dataclass(frozen=True)
class Expected:
    """What the id_token must carry: the platform the login began with, and its nonce."""

    issuer: str
    client_id: str
    nonce: str
    deployment_ids: frozenset[str]


@dataclass(frozen=True)
class DeepLinking:
    return_url: str
    data: str | None


@dataclass(frozen=True)
class Launch:
    """What a verified id_token says, as far as this tool uses it."""

    message_type: str
    deployment_id: str
    subject: str | None  # the user; absent in an anonymous launch
    resource_link_id: str | None
    custom: dict[str, str]
    lineitem: str | None  # AGS: where the score goes, when the platform grants the score scope
    deep_linking: DeepLinking | None


@dataclass(frozen=True)
class DeepLinkContext:
    """What the deep-linking form carries between the request and the instructor's choice."""

    issuer: str
    client_id: str
    deployment_id: str
    return_url: str
    data: str | None


def key_id(token: str) -> str | None:
    """The key id in the token's header, read before any check to choose the platform's key;
    anything but RS256 is refused here."""
    try:
        header = jwt.get_unverified_header(token)
    except jwt.DecodeError:
        raise Refused("the id_token is not a JWT") from None
    if header.get("alg") != ALGORITHM:
        raise Refused(f"the id_token is signed with {header.get('alg')!r}; LTI 1.3 uses RS256")
    kid = header.get("kid")
    return kid if isinstance(kid, str) else None


def _decode(token: str, key: Any, expected: Expected, leeway_s: float) -> dict[str, Any]:
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            key,
            algorithms=[ALGORITHM],
            audience=expected.client_id,
            issuer=expected.issuer,
            leeway=leeway_s,
            options={"require": ["iss", "aud", "exp", "iat", "nonce"]},
        )
    except jwt.InvalidSignatureError:
        raise Refused("the id_token's signature does not verify with the platform's key") from None
    except jwt.ExpiredSignatureError:
        raise Refused("the id_token has expired") from None
    except jwt.ImmatureSignatureError:
        raise Refused("the id_token was issued in the future") from None
    except jwt.InvalidIssuerError:
        raise Refused(
            f"the id_token's issuer is not {expected.issuer!r}, the platform the login began with"
        ) from None
    except jwt.InvalidAudienceError:
        raise Refused(
            f"the id_token is not addressed to this tool's client id {expected.client_id!r}"
        ) from None
    except jwt.MissingRequiredClaimError as exc:
        raise Refused(f"the id_token has no {exc.claim} claim") from None
    except jwt.InvalidTokenError as exc:
        raise Refused(f"the id_token cannot be used: {exc}") from None
    return claims


def _string(claims: Mapping[str, Any], name: str, what: str) -> str:
    value = claims.get(name)
    if not isinstance(value, str) or not value:
        raise Refused(f"the id_token has no {what}")
    return value


def _check_audience(claims: Mapping[str, Any], client_id: str) -> None:
    """With several audiences the token must name this tool as its authorized party (azp)."""
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    azp = claims.get("azp")
    if (len(audiences) > 1 or azp is not None) and azp != client_id:
        raise Refused(f"the id_token's authorized party (azp) is not {client_id!r}")


def _custom(claims: Mapping[str, Any]) -> dict[str, str]:
    raw = claims.get(CUSTOM) or {}
    if not isinstance(raw, dict):
        raise Refused("the id_token's custom claim is not an object")
    return {str(k): str(v) for k, v in raw.items() if isinstance(v, str | int | float)}


def _lineitem(claims: Mapping[str, Any]) -> str | None:
    endpoint = claims.get(AGS_ENDPOINT)
    if not isinstance(endpoint, dict):
        return None
    scopes = endpoint.get("scope")
    lineitem = endpoint.get("lineitem")
    if isinstance(scopes, list) and SCORE_SCOPE in scopes and isinstance(lineitem, str):
        return lineitem
    return None


def _deep_linking(claims: Mapping[str, Any]) -> DeepLinking:
    settings = claims.get(DL_SETTINGS)
    if not isinstance(settings, dict):
        raise Refused("the deep-linking request has no deep_linking_settings")
    return_url = settings.get("deep_link_return_url")
    if not isinstance(return_url, str) or not return_url.startswith(("https://", "http://")):
        raise Refused("the deep-linking request has no deep_link_return_url")
    accepted = settings.get("accept_types")
    if isinstance(accepted, list) and "ltiResourceLink" not in accepted:
        raise Refused("the platform accepts no ltiResourceLink from this deep-linking request")
    data = settings.get("data")
    return DeepLinking(return_url, data if isinstance(data, str) else None)


def verify(token: str, key: Any, expected: Expected, leeway_s: float) -> Launch:
    """The launch an id_token carries, once every check has passed (Refused otherwise)."""
    claims = _decode(token, key, expected, leeway_s)
    _check_audience(claims, expected.client_id)
    if not hmac.compare_digest(str(claims["nonce"]).encode(), expected.nonce.encode()):
        raise Refused("the id_token's nonce is not the one this login issued")
    if claims.get(VERSION) != LTI_VERSION:
        raise Refused(f"the id_token's LTI version is {claims.get(VERSION)!r}, not 1.3.0")
    deployment_id = _string(claims, DEPLOYMENT_ID, "deployment_id")
    if deployment_id not in expected.deployment_ids:
        raise Refused(f"deployment {deployment_id!r} is not registered for this platform")
    message_type = claims.get(MESSAGE_TYPE)
    subject = claims.get("sub")
    subject = subject if isinstance(subject, str) and subject else None
    if message_type == RESOURCE_LINK_REQUEST:
        link = claims.get(RESOURCE_LINK)
        if not isinstance(link, dict) or not isinstance(link.get("id"), str):
            raise Refused("the resource-link launch has no resource_link id")
        return Launch(
            message_type,
            deployment_id,
            subject,
            link["id"],
            _custom(claims),
            _lineitem(claims),
            None,
        )
    if message_type == DEEP_LINKING_REQUEST:
        return Launch(message_type, deployment_id, subject, None, {}, None, _deep_linking(claims))
    raise Refused(f"this tool takes no {message_type!r} message")


def client_assertion(key: ToolKey, client_id: str, token_url: str, now: int) -> str:
    """The JWT that authenticates the tool at the platform's token endpoint (RFC 7523)."""
    return key.sign(
        {
            "iss": client_id,
            "sub": client_id,
            "aud": token_url,
            "iat": now,
            "exp": now + ASSERTION_TTL_S,
            "jti": secrets.token_urlsafe(16),
        }
    )


def deep_linking_response(
    key: ToolKey, context: DeepLinkContext, item: dict[str, Any], now: int
) -> str:
    """The LtiDeepLinkingResponse that hands one content item back to the platform."""
    claims: dict[str, Any] = {
        "iss": context.client_id,
        "aud": context.issuer,
        "iat": now,
        "exp": now + RESPONSE_TTL_S,
        "nonce": secrets.token_urlsafe(16),
        MESSAGE_TYPE: DEEP_LINKING_RESPONSE,
        VERSION: LTI_VERSION,
        DEPLOYMENT_ID: context.deployment_id,
        DL_CONTENT_ITEMS: [item],
    }
    if context.data is not None:
        claims[DL_DATA] = context.data
    return key.sign(claims)


def sign_context(key: ToolKey, context: DeepLinkContext, now: int) -> str:
    return key.sign(
        {
            "aud": CONTEXT_AUDIENCE,
            "iat": now,
            "exp": now + CONTEXT_TTL_S,
            "iss": context.issuer,
            "client_id": context.client_id,
            "deployment_id": context.deployment_id,
            "return_url": context.return_url,
            "data": context.data,
        }
    )


def read_context(key: ToolKey, token: str) -> DeepLinkContext:
    """The form's context, if this tool signed it within the last hour."""
    try:
        claims = jwt.decode(
            token, key.public_key(), algorithms=[ALGORITHM], audience=CONTEXT_AUDIENCE
        )
    except jwt.ExpiredSignatureError:
        raise Refused("the deep-linking form has expired; start again from the course") from None
    except jwt.InvalidTokenError:
        raise Refused("the deep-linking form's context is not one this tool signed") from None
    data = claims.get("data")
    return DeepLinkContext(
        issuer=str(claims["iss"]),
        client_id=str(claims["client_id"]),
        deployment_id=str(claims["deployment_id"]),
        return_url=str(claims["return_url"]),
        data=data if isinstance(data, str) else None,
    )
