"""A busy database: with the quizzes table locked, requests are told to come back (503 with
Retry-After) within a bounded wait instead of queueing into a 500, and readiness answers
within its own deadline."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import httpx
from sqlalchemy import create_engine

from service.db import upgrade
from tests.conftest import LiveServer, postgres_schema


def test_a_locked_table_gives_quick_503s_and_readiness_still_answers() -> None:
    with postgres_schema() as database:
        upgrade(database)
        server = LiveServer(
            {
                "DATABASE_URL": database,
                "RELU_DB_POOL_TIMEOUT_S": "1",
                "RELU_DB_LOCK_TIMEOUT_S": "1",
                "RELU_RATE_LIMIT_QUIZ_CREATE": "1000/minute",
            }
        )
        locker = create_engine(database)
        try:
            quiz = httpx.post(f"{server.url}/v1/quizzes", json={"size": 1}).json()
            url = f"{server.url}/v1/quizzes/{quiz['id']}"
            headers = {"Authorization": f"Bearer {quiz['token']}"}
            with locker.connect() as connection:
                connection.exec_driver_sql("LOCK TABLE quizzes IN ACCESS EXCLUSIVE MODE")
                start = time.monotonic()
                with ThreadPoolExecutor(60) as pool:
                    responses = list(
                        pool.map(lambda _: httpx.get(url, headers=headers, timeout=30), range(60))
                    )
                elapsed = time.monotonic() - start
                ready_start = time.monotonic()
                ready = httpx.get(f"{server.url}/readyz", timeout=30)
                ready_elapsed = time.monotonic() - ready_start
                connection.rollback()
            assert {r.status_code for r in responses} == {503}, {r.status_code for r in responses}
            assert all(r.headers["retry-after"] == "1" for r in responses)
            assert responses[0].headers["content-type"] == "application/problem+json"
            assert elapsed < 10
            assert ready_elapsed < 3
            assert ready.status_code in (200, 503)
            assert httpx.get(url, headers=headers).status_code == 200  # free again
        finally:
            locker.dispose()
            server.stop()
