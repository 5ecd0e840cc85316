"""Rate limits per client address with the `limits` library: in memory, or in Redis so
that every instance shares the same counts. Over the limit: 429 problem+json with
Retry-After and the IETF RateLimit headers (which also come with every limited answer).

Fixed windows: one counter per client and window, O(1) per request in memory and one
INCR in Redis, where a moving window keeps (and trims) a timestamp per request."""

from __future__ import annotations

import math
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass

from limits import RateLimitItem, parse
from limits.aio.storage import Storage
from limits.aio.strategies import FixedWindowRateLimiter
from limits.storage import storage_from_string
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.errors import TooManyRequests, document
from service.operations.clients import Network, client_address


@dataclass(frozen=True)
class Rule:
    name: str
    method: str
    path: re.Pattern[str]
    limit: RateLimitItem


def rules(quiz_create: str, answers: str, evaluation: str) -> tuple[Rule, ...]:
    evaluation_limit = parse(evaluation)
    return (
        Rule("quiz-create", "POST", re.compile(r"^/v1/quizzes$"), parse(quiz_create)),
        Rule("answers", "POST", re.compile(r"^/v1/quizzes/[^/]+/answers$"), parse(answers)),
        Rule(
            "evaluation",
            "POST",
            re.compile(r"^/v1/(relu(/subgradient)?|functions/[^/]+/(value|subgradient))$"),
            evaluation_limit,
        ),
        Rule(
            "evaluation",
            "POST",
            re.compile(r"^/v2/models/[^/]+(/versions/[^/]+)?/infer$"),
            evaluation_limit,
        ),
    )


def make_storage(redis_url: str | None, prefix: str) -> Storage:
    """Async storage, so that a Redis round trip never blocks the event loop."""
    uri = "async+" + redis_url if redis_url else "async+memory://"
    storage = storage_from_string(uri, key_prefix=prefix) if redis_url else storage_from_string(uri)
    assert isinstance(storage, Storage)
    return storage


class RateLimitMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        storage: Storage,
        rules: Sequence[Rule],
        trusted: tuple[Network, ...] = (),
    ) -> None:
        self.app = app
        self.limiter = FixedWindowRateLimiter(storage)
        self.rules = tuple(rules)
        self.trusted = trusted

    def _rule(self, scope: Scope) -> Rule | None:
        for rule in self.rules:
            if scope["method"] == rule.method and rule.path.match(scope["path"]):
                return rule
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        rule = self._rule(scope) if scope["type"] == "http" else None
        if rule is None:
            await self.app(scope, receive, send)
            return
        client = client_address(scope, self.trusted)
        allowed = await self.limiter.hit(rule.limit, rule.name, client)
        stats = await self.limiter.get_window_stats(rule.limit, rule.name, client)
        reset = max(0, math.ceil(stats.reset_time - time.time()))
        headers = [
            (b"ratelimit-limit", str(rule.limit.amount).encode()),
            (b"ratelimit-remaining", str(stats.remaining).encode()),
            (b"ratelimit-reset", str(reset).encode()),
            (
                b"ratelimit-policy",
                f"{rule.limit.amount};w={rule.limit.get_expiry()}".encode(),
            ),
        ]
        if not allowed:
            await self._refuse(scope, send, rule, headers, reset)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *headers]
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def _refuse(
        self, scope: Scope, send: Send, rule: Rule, headers: list[tuple[bytes, bytes]], reset: int
    ) -> None:
        retry_after = max(1, reset)
        error = TooManyRequests(
            f"over the limit of {rule.limit.amount} {rule.name} requests per "
            f"{rule.limit.get_expiry()} s from this address; retry in {retry_after} s"
        )
        body, media_type = document(error, scope["path"])
        await send(
            {
                "type": "http.response.start",
                "status": error.status,
                "headers": [
                    (b"content-type", media_type.encode()),
                    (b"content-length", str(len(body)).encode()),
                    (b"retry-after", str(retry_after).encode()),
                    *headers,
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
