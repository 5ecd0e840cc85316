from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from limits import WindowStats, parse

from service.app import create_app
from service.operations import ratelimit
from service.operations.clients import client_address, networks
from service.settings import Settings
from service.state import of_app

pytestmark = pytest.mark.anyio


@pytest.fixture
async def limited(database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(
        Settings(
            database_url=database_url,
            rate_limit_quiz_create="3/minute",
            rate_limit_answers="5/minute",
            rate_limit_evaluation="4/minute",
            trusted_proxies=["10.0.0.0/8"],
        )
    )
    transport = httpx.ASGITransport(app=app, client=("10.0.0.7", 1234))
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        yield client
    of_app(app).database.dispose()


async def test_quiz_creation_is_limited_per_client(limited: httpx.AsyncClient) -> None:
    for remaining in (2, 1, 0):
        response = await limited.post("/v1/quizzes", json={"size": 1})
        assert response.status_code == 201
        assert response.headers["ratelimit-limit"] == "3"
        assert response.headers["ratelimit-remaining"] == str(remaining)
        assert response.headers["ratelimit-policy"] == "3;w=60"
    refused = await limited.post("/v1/quizzes", json={"size": 1})
    assert refused.status_code == 429
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["type"] == "/problems/too-many-requests"
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert refused.headers["ratelimit-remaining"] == "0"
    assert "x-request-id" in refused.headers
    # Another client behind the trusted proxy has a count of its own.
    other = await limited.post(
        "/v1/quizzes", json={"size": 1}, headers={"X-Forwarded-For": "203.0.113.9"}
    )
    assert other.status_code == 201
    # Reading is not limited.
    assert (await limited.get("/v1/topics")).status_code == 200


async def test_evaluation_has_its_own_limit(limited: httpx.AsyncClient) -> None:
    for _ in range(4):
        assert (await limited.post("/v1/relu", json={"x": [1]})).status_code == 200
    assert (await limited.post("/v1/relu", json={"x": [1]})).status_code == 429
    v2 = await limited.post(
        "/v2/models/relu/infer",
        json={"inputs": [{"name": "x", "shape": [1], "datatype": "FP32", "data": [1]}]},
    )
    assert v2.status_code == 429
    assert set(v2.json()) == {"error"}
    assert (await limited.post("/v1/quizzes", json={"size": 1})).status_code == 201


def _scope(peer: str, forwarded: str | None) -> dict[str, object]:
    headers = [(b"x-forwarded-for", forwarded.encode())] if forwarded else []
    return {"client": (peer, 1), "headers": headers}


@pytest.mark.parametrize(
    ("peer", "forwarded", "trusted", "expected"),
    [
        ("198.51.100.1", "203.0.113.9", [], "198.51.100.1"),
        ("198.51.100.1", "203.0.113.9", ["10.0.0.0/8"], "198.51.100.1"),
        ("10.0.0.2", "203.0.113.9", ["10.0.0.0/8"], "203.0.113.9"),
        ("10.0.0.2", "1.2.3.4, 203.0.113.9, 10.0.0.3", ["10.0.0.0/8"], "203.0.113.9"),
        ("10.0.0.2", None, ["10.0.0.0/8"], "10.0.0.2"),
        ("10.0.0.2", "garbage", ["10.0.0.0/8"], "garbage"),
    ],
)
def test_client_address(
    peer: str, forwarded: str | None, trusted: list[str], expected: str
) -> None:
    assert client_address(_scope(peer, forwarded), networks(trusted)) == expected


class _Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_local_windows_count_per_limit_and_client(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = _Clock(1000.0)
    monkeypatch.setattr(ratelimit.time, "time", clock)
    windows = ratelimit.LocalWindows()
    two, other = parse("2/minute"), parse("5/minute")
    assert windows.hit(two, ("a",)) == (True, WindowStats(1060.0, 1))
    clock.now = 1030.0
    assert windows.hit(two, ("a",)) == (True, WindowStats(1060.0, 0))
    # Refused requests count too: the window does not move and nothing remains.
    assert windows.hit(two, ("a",)) == (False, WindowStats(1060.0, 0))
    assert windows.hit(two, ("b",)) == (True, WindowStats(1090.0, 1))
    assert windows.hit(other, ("a",)) == (True, WindowStats(1090.0, 4))
    # The window starts again at the first request after it ends.
    clock.now = 1060.0
    assert windows.hit(two, ("a",)) == (True, WindowStats(1120.0, 1))


def test_local_windows_sweep_ended_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = _Clock(1000.0)
    monkeypatch.setattr(ratelimit.time, "time", clock)
    windows = ratelimit.LocalWindows()
    limit = parse("2/second")
    for client in range(100):
        windows.hit(limit, (str(client),))
    assert len(windows.windows) == 100
    clock.now = 1000.0 + windows.SWEEP_S
    windows.hit(limit, ("new",))
    assert list(windows.windows) == [(limit, ("new",))]
