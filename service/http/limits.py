"""One body limit for every route, applied before anything else reads the request.

Each request gets a byte limit from its route and content type: binary evaluation bodies the
largest, JSON evaluation bodies less, everything else (the quiz) a few kilobytes. A declared
Content-Length over the limit is a 413 before a byte is read; a body that grows past it while
streaming is cut off with a 413 the moment it does. Either way no authentication, rate limit
or routing work is done for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.errors import BadRequest, PayloadTooLarge, ServiceError, send_document

# The routes whose bodies are arrays (the rate limits name the same routes).
EVALUATION = re.compile(
    r"^/v1/(relu(/subgradient)?|functions/[^/]+/(value|subgradient)|programs/evaluate)$"
)
INFERENCE = re.compile(r"^/v2/models/[^/]+(/versions/[^/]+)?/infer$")
BINARY_TYPES = (b"application/x-npy", b"application/octet-stream")


@dataclass(frozen=True)
class BodyLimits:
    binary: int  # .npy and raw bodies, and /v2 with binary tensors
    json: int  # JSON bodies of the evaluation and inference routes
    other: int  # every other route: quizzes, answers, hints

    def for_request(self, scope: Scope) -> int:
        path = scope["path"]
        if not (EVALUATION.match(path) or INFERENCE.match(path)):
            return self.other
        content_type = _header(scope, b"content-type") or b""
        return self.binary if content_type.startswith(BINARY_TYPES) else self.json


def _header(scope: Scope, name: bytes) -> bytes | None:
    return next((value for key, value in scope["headers"] if key == name), None)


def _mib(n: int) -> str:
    return f"{n / 2**20:g} MiB" if n >= 2**20 else f"{n / 2**10:g} KiB"


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, limits: BodyLimits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limits.for_request(scope)
        declared = _header(scope, b"content-length")
        if declared is not None:
            if not (declared.isascii() and declared.isdigit()):
                await _answer(send, scope, BadRequest("Content-Length must be a whole number"))
                return
            if int(declared) > limit:
                await _answer(
                    send,
                    scope,
                    PayloadTooLarge(
                        f"the body declares {int(declared)} bytes; this route's limit is "
                        f"{_mib(limit)}"
                    ),
                )
                return
        received = 0
        started = refused = False

        async def receive_within_limit() -> Message:
            nonlocal received, refused
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    if not started:
                        error = PayloadTooLarge(
                            f"the body is larger than this route's limit of {_mib(limit)}"
                        )
                        await _answer(send, scope, error)
                    refused = True
                    return {"type": "http.disconnect"}
            return message

        async def send_unless_refused(message: Message) -> None:
            nonlocal started
            if refused:
                return  # the 413 has been sent; what the route makes of the cut body is moot
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive_within_limit, send_unless_refused)
        except Exception:
            if not refused:
                raise


async def _answer(send: Send, scope: Scope, error: ServiceError) -> None:
    """The error, closing the connection: the rest of an oversized body is not read."""
    await send_document(send, scope["path"], error, [(b"connection", b"close")])
