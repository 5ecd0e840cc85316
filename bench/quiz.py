"""Quiz creation and answer submission per second, against the same server's health route.

One uvicorn worker on SQLite (a fresh database file), a client on loopback sending
one request at a time. Rounds of the three request kinds are interleaved, so that
drift in the machine's speed hits all alike.

    make bench            # or: python -m bench.quiz
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

import httpx

from bench.evaluation import start_server

ROUNDS = 5
SECONDS = 1.0


def a_response(item: dict[str, Any]) -> Any:
    """A well-formed response of the item's type (right or wrong does not matter here)."""
    return {
        "single_choice": lambda: {"choice": item["choices"][0]["id"]},
        "multiple_choice": lambda: {"choices": [item["choices"][0]["id"]]},
        "true_false": lambda: {"value": True},
        "numeric": lambda: {"value": 0.5},
        "interval": lambda: {"lower": 0, "upper": 1},
        "point_set": lambda: {"values": [0]},
        "one_sided_pair": lambda: {"left": 0, "right": 1},
        "vector": lambda: {"values": [0.0] * item["length"]},
    }[item["type"]]()


def rate(call: Callable[[], None], seconds: float) -> float:
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        call()
        count += 1
    return count / (time.perf_counter() - start)


def main() -> None:
    server = start_server()
    pending: list[tuple[str, dict[str, str], dict[str, Any]]] = []
    try:
        with httpx.Client(base_url=server.url, timeout=60) as client:

            def health() -> None:
                client.get("/healthz").raise_for_status()

            def create() -> None:
                response = client.post("/v1/quizzes", json={"size": 10})
                response.raise_for_status()
                quiz = response.json()
                headers = {"Authorization": f"Bearer {quiz['token']}"}
                for item in quiz["items"]:
                    body = {"position": item["position"], "response": a_response(item)}
                    pending.append((f"/v1/quizzes/{quiz['id']}/answers", headers, body))

            def answer() -> None:
                url, headers, body = pending.pop()
                client.post(url, json=body, headers=headers).raise_for_status()

            for call in (health, create, answer):
                call()  # warm-up
            rounds: list[tuple[float, float, float]] = []
            for _ in range(ROUNDS):
                h = rate(health, SECONDS)
                c = rate(create, SECONDS)
                a = rate(answer, SECONDS)
                rounds.append((h, c, a))
    finally:
        server.process.terminate()
        server.process.wait()
    health_rps = statistics.median(r[0] for r in rounds)
    create_rps = statistics.median(r[1] for r in rounds)
    answer_rps = statistics.median(r[2] for r in rounds)
    print("quiz requests per second (one uvicorn worker, SQLite, median of interleaved rounds)")
    print(f"  health route            {health_rps:>8,.0f} req/s")
    print(f"  POST /v1/quizzes (10)   {create_rps:>8,.0f} req/s")
    print(f"  POST .../answers        {answer_rps:>8,.0f} req/s")
    print()
    for label, value, target in (
        ("answers / health", answer_rps / health_rps, 0.25),
        ("creation / health", create_rps / health_rps, 0.15),
    ):
        verdict = "ok" if value >= target else "MISSED"
        print(f"{label:<34} {value:>8.2f}  target >= {target:<5} {verdict}")


if __name__ == "__main__":
    main()
