"""A simulated LMS for the LTI tests: its own RSA keys and key set, an OIDC authorization
endpoint that answers with a signed id_token (form_post), a token endpoint that checks the
tool's client assertion against the tool's own key set, and line items that take scores. It
runs on a live loopback port (ThreadedServer), as a real platform would."""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass, field
from html import escape
from typing import Any
from urllib.parse import parse_qs

import httpx
import jwt
import uvicorn
from cryptography.hazmat.primitives.asymmetric import rsa
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from service.lti import claims
from service.lti.keys import b64url_uint
from tests.conftest import free_port

SCORE_TYPE = "application/vnd.ims.lis.v1.score+json"
LINEITEM_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"


class ThreadedServer:
    """An ASGI app served by uvicorn on a free loopback port, in a thread of its own, with its
    lifespan; started when the constructor returns (polled to a deadline)."""

    def __init__(self, app: Any, deadline_s: float = 20.0) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            app,
            host="127.0.0.1",
            port=self.port,
            loop="asyncio",
            lifespan="on",
            log_config=None,
            log_level="warning",
            access_log=False,
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + deadline_s
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the server on port {self.port} did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def public_jwk(key: rsa.RSAPrivateKey, kid: str) -> dict[str, str]:
    numbers = key.public_key().public_numbers()
    return {
        "kty": "RSA",
        "alg": "RS256",
        "use": "sig",
        "kid": kid,
        "n": b64url_uint(numbers.n),
        "e": b64url_uint(numbers.e),
    }


@dataclass
class Message:
    """What the platform puts into the id_token of one launch: claims over the defaults
    (None removes one), and optionally another key to sign with."""

    claims: dict[str, Any] = field(default_factory=dict)
    sign_with: rsa.RSAPrivateKey | None = None
    kid: str | None = None


@dataclass
class Score:
    lineitem: str
    authorization: str
    content_type: str
    body: dict[str, Any]


class Platform:
    issuer = "https://lms.example.test"
    client_id = "relu-tool-client"
    deployment_id = "deployment-1"

    def __init__(self, keys: list[rsa.RSAPrivateKey]) -> None:
        self.keys = {f"platform-key-{i}": key for i, key in enumerate(keys, start=1)}
        self.kid = "platform-key-1"
        self.published = dict(self.keys)  # what the key set shows
        self.messages: dict[str, Message] = {}
        self.tool_url = ""  # set once the tool runs: the token endpoint fetches its key set
        self.jwks_fetches = 0
        self.assertions: list[dict[str, Any]] = []
        self.tokens: set[str] = set()
        self.scores: list[Score] = []
        self.score_attempts = 0
        self.fail_scores_with: int | None = None  # a status to answer scores with
        self.received = threading.Condition()
        self.server = ThreadedServer(self.app())
        self.url = self.server.url

    # --- what the tool is registered with -------------------------------------------------

    def registration(self) -> dict[str, Any]:
        return {
            "issuer": self.issuer,
            "client_id": self.client_id,
            "deployment_ids": [self.deployment_id],
            "auth_login_url": f"{self.url}/auth",
            "token_url": f"{self.url}/token",
            "jwks_url": f"{self.url}/jwks",
        }

    def prepare(self, message: Message) -> str:
        """The lti_message_hint that makes the next login carry this message."""
        hint = secrets.token_hex(8)
        self.messages[hint] = message
        return hint

    def wait_for_scores(self, count: int, timeout_s: float = 20.0) -> list[Score]:
        with self.received:
            if not self.received.wait_for(lambda: len(self.scores) >= count, timeout_s):
                raise AssertionError(f"{len(self.scores)} scores arrived, not {count}")
            return list(self.scores)

    # --- the endpoints --------------------------------------------------------------------

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/jwks", self.jwks),
                Route("/auth", self.authorize),
                Route("/token", self.token, methods=["POST"]),
                Route("/lineitems/{item}/scores", self.score, methods=["POST"]),
            ]
        )

    async def jwks(self, request: Request) -> Response:
        self.jwks_fetches += 1
        return JSONResponse({"keys": [public_jwk(k, kid) for kid, k in self.published.items()]})

    def id_token(self, query: dict[str, str], message: Message) -> str:
        now = int(time.time())
        body: dict[str, Any] = {
            "iss": self.issuer,
            "aud": query["client_id"],
            "sub": "learner-7",
            "iat": now,
            "exp": now + 300,
            "nonce": query["nonce"],
            "name": "Ada Learner",
            claims.MESSAGE_TYPE: claims.RESOURCE_LINK_REQUEST,
            claims.VERSION: "1.3.0",
            claims.DEPLOYMENT_ID: self.deployment_id,
            claims.LTI + "target_link_uri": query["redirect_uri"],
            claims.RESOURCE_LINK: {"id": "link-1", "title": "ReLU quiz"},
            claims.LTI + "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
        }
        for name, value in message.claims.items():
            if value is None:
                body.pop(name, None)
            else:
                body[name] = value
        key = message.sign_with or self.keys[self.kid]
        return jwt.encode(body, key, algorithm="RS256", headers={"kid": message.kid or self.kid})

    async def authorize(self, request: Request) -> Response:
        query = dict(request.query_params)
        expected = {
            "scope": "openid",
            "response_type": "id_token",
            "response_mode": "form_post",
            "prompt": "none",
            "client_id": self.client_id,
            "redirect_uri": f"{self.tool_url}/lti/launch",
        }
        wrong = {k: query.get(k) for k, v in expected.items() if query.get(k) != v}
        if wrong or not query.get("state") or not query.get("nonce"):
            return JSONResponse({"error": "invalid_request", "wrong": wrong}, status_code=400)
        message = self.messages.pop(query.get("lti_message_hint", ""), Message())
        token = self.id_token(query, message)
        return HTMLResponse(
            '<link rel="icon" href="data:,">'  # a browser asks for no favicon
            f'<form method="post" action="{escape(query["redirect_uri"])}">'
            f'<input type="hidden" name="id_token" value="{escape(token)}">'
            f'<input type="hidden" name="state" value="{escape(query["state"])}">'
            "</form>"
        )

    async def token(self, request: Request) -> Response:
        form = {k: v[0] for k, v in parse_qs((await request.body()).decode()).items()}
        if (
            form.get("grant_type") != "client_credentials"
            or form.get("client_assertion_type")
            != "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
        ):
            return JSONResponse({"error": "unsupported_grant_type"}, status_code=400)
        async with httpx.AsyncClient() as client:
            tool_keys = (await client.get(f"{self.tool_url}/lti/jwks.json")).json()
        try:
            kid = jwt.get_unverified_header(form["client_assertion"])["kid"]
            jwk = next(k for k in tool_keys["keys"] if k["kid"] == kid)
            assertion = jwt.decode(
                form["client_assertion"],
                jwt.PyJWK(jwk).key,
                algorithms=["RS256"],
                audience=f"{self.url}/token",
                issuer=self.client_id,
                options={"require": ["iss", "sub", "aud", "exp", "iat", "jti"]},
            )
        except (KeyError, StopIteration, jwt.PyJWTError) as exc:
            return JSONResponse({"error": "invalid_client", "why": str(exc)}, status_code=401)
        if assertion["sub"] != self.client_id or claims.SCORE_SCOPE not in form.get("scope", ""):
            return JSONResponse({"error": "invalid_scope"}, status_code=400)
        self.assertions.append(assertion)
        token = secrets.token_urlsafe(24)
        self.tokens.add(token)
        return JSONResponse(
            {
                "access_token": token,
                "token_type": "Bearer",
                "expires_in": 3600,
                "scope": form["scope"],
            }
        )

    async def score(self, request: Request) -> Response:
        self.score_attempts += 1
        authorization = request.headers.get("authorization", "")
        if authorization.removeprefix("Bearer ") not in self.tokens:
            return JSONResponse({"error": "unknown token"}, status_code=401)
        if self.fail_scores_with is not None:
            return Response("the gradebook is unavailable", status_code=self.fail_scores_with)
        score = Score(
            lineitem=request.path_params["item"],
            authorization=authorization,
            content_type=request.headers.get("content-type", ""),
            body=await request.json(),
        )
        with self.received:
            self.scores.append(score)
            self.received.notify_all()
        return Response(status_code=204)
