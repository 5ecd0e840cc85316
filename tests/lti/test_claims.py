"""The pure core of LTI: the tool's key and the messages it checks and signs, without a server."""

from __future__ import annotations

import ast
import time
from pathlib import Path
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from service.lti import claims
from service.lti.claims import Expected, Refused
from service.lti.keys import ToolKey
from tests.conftest import ROOT
from tests.lti.flows import pem

EXPECTED = Expected("https://lms.test", "client-1", "nonce-1", frozenset({"dep-1"}))
WEB_OR_DATABASE = ("fastapi", "starlette", "sqlalchemy", "pydantic", "httpx", "service.db")


@pytest.mark.parametrize("name", ["keys.py", "claims.py"])
def test_the_core_imports_nothing_of_the_web_or_the_database(name: str) -> None:
    tree = ast.parse((ROOT / "service" / "lti" / name).read_text())
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not {m for m in imported if m.startswith(WEB_OR_DATABASE)}


def _token(key: rsa.RSAPrivateKey, **changes: Any) -> str:
    now = int(time.time())
    body: dict[str, Any] = {
        "iss": "https://lms.test",
        "aud": "client-1",
        "sub": "user-1",
        "iat": now,
        "exp": now + 60,
        "nonce": "nonce-1",
        claims.MESSAGE_TYPE: claims.RESOURCE_LINK_REQUEST,
        claims.VERSION: "1.3.0",
        claims.DEPLOYMENT_ID: "dep-1",
        claims.RESOURCE_LINK: {"id": "link-1"},
        claims.CUSTOM: {"size": "3", "topics": "subgradients", "max_tries": 2},
        claims.AGS_ENDPOINT: {"scope": [claims.SCORE_SCOPE], "lineitem": "https://lms.test/li/1"},
    }
    body.update(changes)
    return jwt.encode({k: v for k, v in body.items() if v is not None}, key, algorithm="RS256")


def test_a_launch_reads_its_claims(platform_keys: list[rsa.RSAPrivateKey]) -> None:
    key = platform_keys[0]
    launch = claims.verify(_token(key), key.public_key(), EXPECTED, 0)
    assert launch.subject == "user-1"
    assert launch.resource_link_id == "link-1"
    assert launch.custom == {"size": "3", "topics": "subgradients", "max_tries": "2"}
    assert launch.lineitem == "https://lms.test/li/1"
    no_score = {"scope": ["https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"]}
    token = _token(key, **{claims.AGS_ENDPOINT: {**no_score, "lineitem": "x"}, "sub": None})
    launch = claims.verify(token, key.public_key(), EXPECTED, 0)
    assert launch.lineitem is None
    assert launch.subject is None


def test_the_leeway_admits_a_little_clock_skew(platform_keys: list[rsa.RSAPrivateKey]) -> None:
    key = platform_keys[0]
    now = int(time.time())
    late = _token(key, iat=now - 100, exp=now - 10)
    claims.verify(late, key.public_key(), EXPECTED, 30)
    with pytest.raises(Refused, match="expired"):
        claims.verify(late, key.public_key(), EXPECTED, 5)


def test_only_rs256_is_taken(platform_keys: list[rsa.RSAPrivateKey]) -> None:
    assert claims.key_id(jwt.encode({}, platform_keys[0], "RS256", headers={"kid": "k"})) == "k"
    unsigned = jwt.encode({"iss": "x"}, "", algorithm="none")
    with pytest.raises(Refused, match="RS256"):
        claims.key_id(unsigned)
    with pytest.raises(Refused, match="not a JWT"):
        claims.key_id("garbage")


def test_a_deep_linking_response_is_signed_for_the_platform(tmp_path: Path) -> None:
    tool = ToolKey.from_pem(pem(rsa.generate_private_key(public_exponent=65537, key_size=2048)))
    context = claims.DeepLinkContext("https://lms.test", "client-1", "dep-1", "https://r", None)
    now = int(time.time())
    token = claims.deep_linking_response(tool, context, {"type": "ltiResourceLink"}, now)
    decoded = jwt.decode(
        token,
        jwt.PyJWK(tool.public_jwk()).key,
        algorithms=["RS256"],
        audience="https://lms.test",
        issuer="client-1",
    )
    assert claims.DL_DATA not in decoded
    assert jwt.get_unverified_header(token)["kid"] == tool.kid
    assert claims.read_context(tool, claims.sign_context(tool, context, now)) == context
    expired = claims.sign_context(tool, context, now - 2 * claims.CONTEXT_TTL_S)
    with pytest.raises(Refused, match="expired"):
        claims.read_context(tool, expired)


def test_the_tool_key_loads_from_pem_or_a_path(tmp_path: Path) -> None:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    path = tmp_path / "tool.pem"
    path.write_bytes(pem(private))
    by_path, by_text = ToolKey.load(str(path)), ToolKey.load(pem(private).decode())
    assert by_path.kid == by_text.kid
    assert len(by_path.kid) == 43
    public = by_path.public_jwk()
    assert set(public) == {"kty", "alg", "use", "kid", "n", "e"}
    assert "PRIVATE" not in repr(by_path)
    assert by_path.kid in repr(by_path)
    other = ToolKey.from_pem(pem(rsa.generate_private_key(public_exponent=65537, key_size=2048)))
    assert other.kid != by_path.kid


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("/nonexistent/tool.pem", "neither PEM text nor a readable file"),
        ("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", "not an unencrypted"),
        ("ec", "must be an RSA key"),
        ("small", "1024 bits"),
    ],
)
def test_a_key_that_cannot_be_used_says_why(value: str, says: str) -> None:
    if value == "ec":
        value = pem(ec.generate_private_key(ec.SECP256R1())).decode()
    elif value == "small":
        value = pem(rsa.generate_private_key(public_exponent=65537, key_size=1024)).decode()
    with pytest.raises(ValueError, match=says) as caught:
        ToolKey.load(value)
    assert "AAAA" not in str(caught.value)
