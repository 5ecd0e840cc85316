"""Redis as an accelerator, not a single point of failure: down or hung, the rate-limited
routes still answer (limits counted in the process), within its timeout, and it is counted."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from fastapi import FastAPI

from service.app import create_app
from service.settings import Settings
from service.state import of_app

pytestmark = pytest.mark.anyio


@pytest.fixture
def hung_redis() -> Iterator[str]:
    """A server that accepts connections and never answers, as a stopped (SIGSTOP) Redis."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"redis://127.0.0.1:{listener.getsockname()[1]}/0"
    stop.set()
    thread.join()
    for sock in accepted:
        sock.close()
    listener.close()


async def _client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        yield client


@pytest.fixture(params=["down", "hung"])
async def without_redis(
    request: pytest.FixtureRequest, database_url: str, hung_redis: str
) -> AsyncIterator[httpx.AsyncClient]:
    url = "redis://127.0.0.1:1/0" if request.param == "down" else hung_redis
    app = create_app(
        Settings(
            database_url=database_url,
            redis_url=url,
            redis_timeout_s=0.2,
            rate_limit_evaluation="5/minute",
        )
    )
    async for client in _client(app):
        yield client
    of_app(app).database.dispose()


async def test_limited_routes_answer_and_limits_still_hold(
    without_redis: httpx.AsyncClient,
) -> None:
    client = without_redis
    start = time.monotonic()
    statuses = [(await client.post("/v1/relu", json={"x": [1]})).status_code for _ in range(7)]
    assert statuses == [200] * 5 + [429] * 2  # counted in the process, not waived
    assert time.monotonic() - start < 2  # one timeout at most, then the cooldown
    assert (await client.post("/v1/quizzes", json={"size": 1})).status_code == 201
    metrics = (await client.get("/metrics")).text
    assert "relu_ratelimit_fallbacks_total 8.0" in metrics
    ready = await client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["status"] == "degraded"
