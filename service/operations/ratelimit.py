"""Rate limits per client address: in this process's memory, or in Redis (through the
`limits` library) so that every instance shares the same counts. Over the limit: 429
problem+json with Retry-After and the IETF RateLimit headers (which also come with every
limited answer).

Fixed windows: one counter per client and window, O(1) per request in memory and one
INCR in Redis, where a moving window keeps (and trims) a timestamp per request.

Redis is an accelerator, not a single point of failure: every call has a short timeout, and
when Redis is unreachable or slow the limits are counted in this process instead (logged,
counted in /metrics) until a retry after a cooldown finds it again."""

from __future__ import annotations

import asyncio
import logging
import math
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass

from limits import RateLimitItem, WindowStats, parse
from limits.aio.storage import Storage
from limits.aio.strategies import FixedWindowRateLimiter
from limits.storage import storage_from_string
from prometheus_client import Counter
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.errors import TooManyRequests, send_document
from service.http.limits import EVALUATION, INFERENCE
from service.operations.clients import Network, client_address

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rule:
    name: str
    method: str
    path: re.Pattern[str]
    limit: RateLimitItem

    def matches(self, method: str, path: str) -> bool:
        return method == self.method and bool(self.path.match(path))


def rules(quiz_create: str, answers: str, evaluation: str, lti: str) -> tuple[Rule, ...]:
    evaluation_limit, lti_limit = parse(evaluation), parse(lti)
    # An LTI login stores a state and a nonce; a launch starts a quiz.
    lti_path = re.compile(r"^/lti/(login|launch)$")
    return (
        Rule("lti", "GET", lti_path, lti_limit),
        Rule("lti", "POST", lti_path, lti_limit),
        Rule("quiz-create", "POST", re.compile(r"^/v1/quizzes$"), parse(quiz_create)),
        # A learner and a practice session are stored rows, as a quiz is.
        Rule(
            "quiz-create",
            "POST",
            re.compile(r"^/v1/learners(/[^/]+/practice)?$"),
            parse(quiz_create),
        ),
        Rule("answers", "POST", re.compile(r"^/v1/quizzes/[^/]+/answers$"), parse(answers)),
        # Each next item of a practice session is a stored row, as an answer is.
        Rule("answers", "POST", re.compile(r"^/v1/practice/[^/]+/next$"), parse(answers)),
        Rule("evaluation", "POST", EVALUATION, evaluation_limit),
        Rule("evaluation", "POST", INFERENCE, evaluation_limit),
    )


def make_storage(redis_url: str | None, prefix: str, timeout_s: float) -> Storage | None:
    """Redis's async storage, so that a round trip never blocks the event loop; redis-py's
    client, whose socket timeouts bound every call. None without Redis: counted in memory."""
    if not redis_url:
        return None
    storage = storage_from_string(
        "async+" + redis_url,
        implementation="redispy",
        key_prefix=prefix,
        socket_timeout=timeout_s,
        socket_connect_timeout=timeout_s,
    )
    assert isinstance(storage, Storage)
    return storage


class LocalWindows:
    """Fixed windows counted in this process: one entry per limit and client, its window
    starting at the client's first request as in `limits`' storages; ended windows are swept
    out every ten seconds. `limits`' async memory storage starts an asyncio task on nearly every
    hit to expire keys and takes a lock per key: a hit and its window's figures cost about
    22 us there, 2 us here, beside a 10-element /v1/relu's 300 us in the app."""

    SWEEP_S = 10.0

    def __init__(self) -> None:
        self.windows: dict[tuple[RateLimitItem, tuple[str, ...]], tuple[float, int]] = {}
        self.sweep_at = 0.0

    def hit(self, limit: RateLimitItem, keys: tuple[str, ...]) -> tuple[bool, WindowStats]:
        now = time.time()
        reset, count = self.windows.get((limit, keys), (0.0, 0))
        if reset <= now:
            reset, count = now + limit.get_expiry(), 0
        count += 1  # refused requests count too, as in `limits`
        self.windows[limit, keys] = (reset, count)
        if now >= self.sweep_at:
            self.sweep_at = now + self.SWEEP_S
            self.windows = {key: window for key, window in self.windows.items() if window[0] > now}
        return count <= limit.amount, WindowStats(reset, max(0, limit.amount - count))


class Limiter:
    """Fixed-window limits in the shared storage (None: none, counted in this process), or in
    this process while that is down."""

    def __init__(
        self,
        storage: Storage | None,
        timeout_s: float,
        fallbacks: Counter | None = None,
        cooldown_s: float = 5.0,
    ) -> None:
        self.shared = None if storage is None else FixedWindowRateLimiter(storage)
        self.local = LocalWindows()
        self.timeout_s = timeout_s
        self.cooldown_s = cooldown_s
        self.down_until = 0.0  # monotonic time before which the shared storage is not tried
        self.error: str | None = None
        self.fallbacks = fallbacks  # requests counted in this process while it was down

    @property
    def shared_up(self) -> bool:
        return time.monotonic() >= self.down_until

    async def hit(self, limit: RateLimitItem, *keys: str) -> tuple[bool, WindowStats]:
        if self.shared is None:
            return self.local.hit(limit, keys)
        if self.shared_up:
            try:
                async with asyncio.timeout(self.timeout_s):
                    allowed = await self.shared.hit(limit, *keys)
                    return allowed, await self.shared.get_window_stats(limit, *keys)
            except Exception as exc:  # unreachable, slow or failing: count locally for a while
                self._down(exc)
        if self.fallbacks is not None:
            self.fallbacks.inc()
        return self.local.hit(limit, keys)

    def _down(self, exc: Exception) -> None:
        self.down_until = time.monotonic() + self.cooldown_s
        self.error = f"{type(exc).__name__}: {exc}"[:300] or type(exc).__name__
        log.warning(
            "rate-limit storage unreachable (%s); counting in this process for %g s",
            self.error,
            self.cooldown_s,
        )

    async def probe(self) -> tuple[bool, str]:
        """Whether the shared storage answers now (for readiness), within the timeout."""
        if self.shared is None:
            return True, "none: counted in this process"
        try:
            alive = await asyncio.wait_for(self.shared.storage.check(), self.timeout_s)
        except Exception as exc:
            self._down(exc)
            return False, self.error or "unreachable"
        if alive:
            self.down_until = 0.0
            return True, "reachable"
        return False, "no answer"


class RateLimitMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        limiter: Limiter,
        rules: Sequence[Rule],
        trusted: tuple[Network, ...] = (),
    ) -> None:
        self.app = app
        self.limiter = limiter
        self.rules = tuple(rules)
        self.trusted = trusted

    def _rule(self, scope: Scope) -> Rule | None:
        return next((r for r in self.rules if r.matches(scope["method"], scope["path"])), None)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        rule = self._rule(scope) if scope["type"] == "http" else None
        if rule is None:
            await self.app(scope, receive, send)
            return
        client = client_address(scope, self.trusted)
        allowed, stats = await self.limiter.hit(rule.limit, rule.name, client)
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
            f"{rule.limit.get_expiry()} s from this address; retry in {retry_after} s",
            retry_after,
        )
        await send_document(send, scope["path"], error, headers)
