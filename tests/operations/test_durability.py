"""Durability: answers acknowledged with 2xx survive a SIGKILL of the server, exactly once,
nothing half-written is visible, and the quiz goes on after a restart."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, text

from bench.quiz import a_response
from tests.conftest import LiveServer, migrated_database

QUIZZES = 6
SIZE = 10
LIMITS = {
    "RELU_RATE_LIMIT_QUIZ_CREATE": "100000/minute",
    "RELU_RATE_LIMIT_ANSWERS": "100000/minute",
}


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_acknowledged_answers_survive_sigkill(kind: str, tmp_path: Path) -> None:
    with migrated_database(kind, tmp_path) as database:
        env = {"DATABASE_URL": database, **LIMITS}
        server = LiveServer(env)
        quizzes = [
            httpx.post(f"{server.url}/v1/quizzes", json={"size": SIZE}).json()
            for _ in range(QUIZZES)
        ]
        work = [(quiz, item) for quiz in quizzes for item in quiz["items"]]
        acknowledged: list[tuple[str, int, Any]] = []
        stop = threading.Event()

        def answer_all() -> None:
            with httpx.Client(base_url=server.url, timeout=10) as client:
                for quiz, item in work:
                    body = {"position": item["position"], "response": a_response(item)}
                    try:
                        response = client.post(
                            f"/v1/quizzes/{quiz['id']}/answers",
                            json=body,
                            headers={"Authorization": f"Bearer {quiz['token']}"},
                        )
                    except httpx.TransportError:
                        return  # the server is gone
                    if 200 <= response.status_code < 300:
                        acknowledged.append((quiz["id"], item["position"], response.json()))
                    if stop.is_set():
                        return

        sender = threading.Thread(target=answer_all)
        sender.start()
        deadline = time.monotonic() + 30
        while len(acknowledged) < 20 and time.monotonic() < deadline:
            time.sleep(0.005)
        os.kill(server.process.pid, signal.SIGKILL)
        stop.set()
        sender.join(timeout=30)
        server.process.wait(timeout=10)
        assert 20 <= len(acknowledged) < len(work), "the kill did not land mid-stream"

        engine = create_engine(database)
        with engine.connect() as connection:
            rows = connection.execute(
                text("SELECT quiz_id, position, count(*) FROM attempts GROUP BY quiz_id, position")
            ).all()
            counts = {(quiz_id, position): count for quiz_id, position, count in rows}
            items = dict(
                connection.execute(
                    text("SELECT quiz_id, count(*) FROM quiz_items GROUP BY quiz_id")
                ).all()
            )
        engine.dispose()
        for quiz_id, position, _ in acknowledged:
            assert counts.get((quiz_id, position)) == 1, (quiz_id, position)
        # At most the one answer in flight at the kill may be stored without its 2xx.
        assert len(acknowledged) <= sum(counts.values()) <= len(acknowledged) + 1
        assert all(count == 1 for count in counts.values())
        assert items == {quiz["id"]: SIZE for quiz in quizzes}

        restarted = LiveServer(env)
        try:
            quiz_id, position, graded = acknowledged[-1]
            quiz = next(q for q in quizzes if q["id"] == quiz_id)
            headers = {"Authorization": f"Bearer {quiz['token']}"}
            item = quiz["items"][position - 1]
            again = httpx.post(
                f"{restarted.url}/v1/quizzes/{quiz_id}/answers",
                json={"position": position, "response": a_response(item)},
                headers=headers,
            )
            assert again.status_code == 200
            assert again.json() == graded  # the stored grading, not a second one
            state = httpx.get(f"{restarted.url}/v1/quizzes/{quiz_id}", headers=headers).json()
            answered = {s["position"] for s in state["items"] if s["answered"]}
            assert {p for q, p, _ in acknowledged if q == quiz_id} <= answered
            done = {(q, p) for q, p, _ in acknowledged}
            quiz, item = next(w for w in work if (w[0]["id"], w[1]["position"]) not in done)
            goes_on = httpx.post(
                f"{restarted.url}/v1/quizzes/{quiz['id']}/answers",
                json={"position": item["position"], "response": a_response(item)},
                headers={"Authorization": f"Bearer {quiz['token']}"},
            )
            assert goes_on.status_code in (200, 409)  # 409: the answer in flight was stored
            last = quizzes[-1]
            finish = httpx.post(
                f"{restarted.url}/v1/quizzes/{last['id']}/finish",
                headers={"Authorization": f"Bearer {last['token']}"},
            )
            assert finish.status_code == 200
        finally:
            restarted.stop()
