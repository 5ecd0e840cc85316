"""Two server processes sharing one PostgreSQL database and one Redis behave as one service."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
import redis

from service.db import upgrade
from tests.conftest import REDIS_URL, LiveServer, postgres_schema, require

ADMIN = "two-instances-admin"


@pytest.fixture(scope="module")
def pair() -> Iterator[tuple[LiveServer, LiveServer]]:
    redis_url = require(REDIS_URL, "TEST_REDIS_URL")
    prefix = f"relu-test-{secrets.token_hex(4)}"
    with postgres_schema() as database:
        upgrade(database)
        env = {
            "DATABASE_URL": database,
            "REDIS_URL": redis_url,
            "RELU_RATE_LIMIT_PREFIX": prefix,
            "RELU_RATE_LIMIT_QUIZ_CREATE": "1000/minute",
            "RELU_RATE_LIMIT_EVALUATION": "7/minute",
            "RELU_ADMIN_API_KEY": ADMIN,
        }
        a, b = LiveServer(env), LiveServer(env)
        try:
            yield a, b
        finally:
            a.stop()
            b.stop()
            client = redis.Redis.from_url(redis_url)
            keys = list(client.scan_iter(f"{prefix}*"))
            if keys:
                client.delete(*keys)
            client.close()


def test_a_quiz_moves_between_instances(pair: tuple[LiveServer, LiveServer]) -> None:
    a, b = pair
    quiz = httpx.post(f"{a.url}/v1/quizzes", json={"size": 3, "types": ["numeric"]}).json()
    headers = {"Authorization": f"Bearer {quiz['token']}"}
    for item in quiz["items"]:
        response = httpx.post(
            f"{b.url}/v1/quizzes/{quiz['id']}/answers",
            json={"position": item["position"], "response": {"value": 1e9}},
            headers=headers,
        )
        assert response.status_code == 200
        assert response.json()["correct"] is False
    state_b = httpx.get(f"{b.url}/v1/quizzes/{quiz['id']}", headers=headers).json()
    state_a = httpx.get(f"{a.url}/v1/quizzes/{quiz['id']}", headers=headers).json()
    assert state_a == state_b
    summary = httpx.post(f"{a.url}/v1/quizzes/{quiz['id']}/finish", headers=headers)
    assert summary.status_code == 200
    final = httpx.get(f"{b.url}/v1/quizzes/{quiz['id']}", headers=headers).json()
    assert final["status"] == "finished"
    assert all(item["answered"] for item in final["items"])


def test_simultaneous_last_tries_across_instances_grade_one(
    pair: tuple[LiveServer, LiveServer],
) -> None:
    a, b = pair
    quiz = httpx.post(
        f"{a.url}/v1/quizzes", json={"size": 1, "types": ["numeric"], "max_tries": 1}
    ).json()
    url = f"/v1/quizzes/{quiz['id']}/answers"
    headers = {"Authorization": f"Bearer {quiz['token']}"}

    def submit(i: int) -> int:
        server = (a, b)[i % 2]
        body = {"position": 1, "response": {"value": 1000 + i}}
        return httpx.post(f"{server.url}{url}", json=body, headers=headers, timeout=30).status_code

    with ThreadPoolExecutor(20) as pool:
        statuses = sorted(pool.map(submit, range(20)))
    assert statuses.count(200) == 1, statuses
    assert statuses.count(409) == 19, statuses
    before = _answers(a)
    stats_a, stats_b = _stats(a), _stats(b)
    assert stats_a == stats_b
    assert sum(row["answers"] for row in stats_a) == before


def _stats(server: LiveServer) -> list[dict[str, Any]]:
    response = httpx.get(
        f"{server.url}/v1/stats/items", headers={"Authorization": f"Bearer {ADMIN}"}
    )
    assert response.status_code == 200
    rows: list[dict[str, Any]] = response.json()
    return rows


def _answers(server: LiveServer) -> int:
    return sum(row["answers"] for row in _stats(server))


def test_statistics_count_every_answer_once(pair: tuple[LiveServer, LiveServer]) -> None:
    a, b = pair
    start = _answers(a)
    sent = 0
    for seed in range(4):
        quiz = httpx.post(
            f"{a.url}/v1/quizzes", json={"size": 2, "types": ["numeric"], "seed": 900 + seed}
        ).json()
        for item in quiz["items"]:
            server = (a, b)[(seed + item["position"]) % 2]
            response = httpx.post(
                f"{server.url}/v1/quizzes/{quiz['id']}/answers",
                json={"position": item["position"], "response": {"value": 7}},
                headers={"Authorization": f"Bearer {quiz['token']}"},
            )
            assert response.status_code == 200
            sent += 1
    assert _answers(a) == _answers(b) == start + sent


def test_rate_limits_are_shared_through_redis(pair: tuple[LiveServer, LiveServer]) -> None:
    a, b = pair
    statuses = [
        httpx.post(f"{(a, b)[i % 2].url}/v1/relu", json={"x": [1]}).status_code for i in range(8)
    ]
    assert statuses == [200] * 7 + [429]
