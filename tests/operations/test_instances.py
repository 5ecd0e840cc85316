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
            "RELU_RATE_LIMIT_ANSWERS": "100000/minute",
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


def _numeric_response(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "single_choice": {"choice": item["choices"][0]["id"] if item["choices"] else "a"},
        "multiple_choice": {"choices": [item["choices"][0]["id"]] if item["choices"] else []},
        "true_false": {"value": True},
        "numeric": {"value": 0.5},
        "interval": {"lower": 0, "upper": 1},
        "point_set": {"values": [0]},
        "one_sided_pair": {"left": 0, "right": 1},
        "vector": {"values": [0] * (item["length"] or 1)},
    }[item["type"]]


def _answer(server: LiveServer, base: str, token: str, item: dict[str, Any]) -> int:
    body = {"position": item["position"], "response": _numeric_response(item)}
    headers = {"Authorization": f"Bearer {token}"}
    return httpx.post(
        f"{server.url}{base}/answers", json=body, headers=headers, timeout=30
    ).status_code


def test_no_answer_is_accepted_after_a_finish(pair: tuple[LiveServer, LiveServer]) -> None:
    """30 answers on two instances racing a finish, 20 times: an answer is in the summary or
    refused, and the summary equals what any later read shows."""
    a, b = pair
    for run in range(20):
        quiz = httpx.post(f"{a.url}/v1/quizzes", json={"size": 30, "seed": run}).json()
        headers = {"Authorization": f"Bearer {quiz['token']}"}
        base = f"/v1/quizzes/{quiz['id']}"
        with ThreadPoolExecutor(31) as pool:
            answered = [
                pool.submit(_answer, (a, b)[item["position"] % 2], base, quiz["token"], item)
                for item in quiz["items"]
            ]
            finished = pool.submit(httpx.post, f"{b.url}{base}/finish", headers=headers, timeout=30)
            statuses = [f.result() for f in answered]
            summary = finished.result().json()
        assert set(statuses) <= {200, 409}, statuses
        later = httpx.get(f"{a.url}{base}", headers=headers).json()
        accepted = statuses.count(200)
        in_summary = sum(item["answered"] for item in summary["items"])
        assert in_summary == accepted, (run, in_summary, accepted)
        assert [i["answered"] for i in later["items"]] == [i["answered"] for i in summary["items"]]
        assert later["score"] == summary["total"]


def test_one_learner_answering_on_two_instances_loses_no_update(
    pair: tuple[LiveServer, LiveServer],
) -> None:
    """Twelve quizzes of one learner, answered at once across both instances: every answer is
    counted in the learner's total, abilities and review cards (each update locks the learner's
    row, so the writers queue rather than overwrite each other)."""
    a, b = pair
    learner = httpx.post(f"{a.url}/v1/learners").json()
    mine = {"Authorization": f"Bearer {learner['token']}"}
    body = {"size": 1, "types": ["numeric"], "learner_id": learner["id"]}
    quizzes = [
        httpx.post(f"{(a, b)[i % 2].url}/v1/quizzes", json=body, headers=mine).json()
        for i in range(12)
    ]

    def submit(i: int) -> int:
        quiz = quizzes[i]
        return httpx.post(
            f"{(b, a)[i % 2].url}/v1/quizzes/{quiz['id']}/answers",
            json={"position": 1, "response": {"value": 1e9}},  # wrong: each makes a review
            headers={"Authorization": f"Bearer {quiz['token']}"},
            timeout=30,
        ).status_code

    with ThreadPoolExecutor(12) as pool:
        assert list(pool.map(submit, range(12))) == [200] * 12
    progress = httpx.get(f"{b.url}/v1/learners/{learner['id']}/progress", headers=mine).json()
    assert progress["answers"] == 12
    assert sum(review["reviews"] for review in progress["reviews"]) == 12
    expected: dict[str, int] = {}
    for quiz in quizzes:
        for topic in quiz["items"][0]["topics"]:
            expected[topic] = expected.get(topic, 0) + 1
    counted = {t["topic"]: t["answers"] for t in progress["topics"] if t["answers"]}
    assert counted == expected
