"""Quiz creation and answer submission per second, against the same server's health route.

SQLite: one uvicorn worker on a fresh database file, a client sending one request at a
time. PostgreSQL (when reachable at RELU_BENCH_POSTGRES_URL, by default this machine's
server): one and two workers on a schema of the benchmark's own, loaded by 8 concurrent
clients. Rounds of the request kinds are interleaved, so that drift in the machine's
speed hits all alike; each figure is the median of the rounds.

    make bench            # or: python -m bench.quiz
"""

from __future__ import annotations

import os
import secrets
import statistics
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx
from sqlalchemy import create_engine, make_url
from sqlalchemy.exc import OperationalError

from bench.evaluation import start_server
from service.db import upgrade

ROUNDS = 5
SECONDS = 1.0
CONCURRENCY = 8
POSTGRES = os.environ.get(
    "RELU_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


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


class Load:
    """Requests of one kind from `clients` threads at once, for a fixed time."""

    def __init__(self, url: str, clients: int) -> None:
        self.url = url
        self.clients = clients
        self.pending: list[tuple[str, dict[str, str], dict[str, Any]]] = []
        self.lock = threading.Lock()

    def health(self, client: httpx.Client) -> None:
        client.get("/healthz").raise_for_status()

    def create(self, client: httpx.Client) -> None:
        response = client.post("/v1/quizzes", json={"size": 10})
        response.raise_for_status()
        quiz = response.json()
        headers = {"Authorization": f"Bearer {quiz['token']}"}
        with self.lock:
            for item in quiz["items"]:
                body = {"position": item["position"], "response": a_response(item)}
                self.pending.append((f"/v1/quizzes/{quiz['id']}/answers", headers, body))

    def answer(self, client: httpx.Client) -> None:
        with self.lock:
            url, headers, body = self.pending.pop()
        client.post(url, json=body, headers=headers).raise_for_status()

    def rate(self, call: Callable[[httpx.Client], None], seconds: float) -> float:
        counts = [0] * self.clients
        stop = time.perf_counter() + seconds

        def run(index: int) -> None:
            with httpx.Client(base_url=self.url, timeout=60) as client:
                while time.perf_counter() < stop:
                    call(client)
                    counts[index] += 1

        start = time.perf_counter()
        threads = [threading.Thread(target=run, args=(i,)) for i in range(self.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return sum(counts) / (time.perf_counter() - start)


def measure(env: dict[str, str] | None, clients: int) -> tuple[float, float, float]:
    server = start_server(env)
    try:
        load = Load(server.url, clients)
        with httpx.Client(base_url=server.url) as warm:
            for _ in range(3):
                load.health(warm)
                load.create(warm)
                load.answer(warm)
        rounds = []
        for _ in range(ROUNDS):
            health = load.rate(load.health, SECONDS)
            create = load.rate(load.create, SECONDS)
            answer = load.rate(load.answer, SECONDS)
            rounds.append((health, create, answer))
    finally:
        server.process.terminate()
        server.process.wait()
    return (
        statistics.median(r[0] for r in rounds),
        statistics.median(r[1] for r in rounds),
        statistics.median(r[2] for r in rounds),
    )


@contextmanager
def postgres_schema() -> Iterator[str | None]:
    """A migrated schema of the benchmark's own, dropped afterwards; None without a server."""
    admin = create_engine(POSTGRES)
    schema = f"bench_{secrets.token_hex(4)}"
    try:
        with admin.begin() as connection:
            connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    except OperationalError:
        admin.dispose()
        yield None
        return
    url = make_url(POSTGRES).update_query_dict({"options": f"-csearch_path={schema}"})
    rendered = url.render_as_string(hide_password=False)
    try:
        upgrade(rendered)
        yield rendered
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


def report(label: str, figures: tuple[float, float, float]) -> None:
    health, create, answer = figures
    print(f"{label}")
    print(f"  health route            {health:>8,.0f} req/s")
    print(f"  POST /v1/quizzes (10)   {create:>8,.0f} req/s   {create / health:.2f} x health")
    print(f"  POST .../answers        {answer:>8,.0f} req/s   {answer / health:.2f} x health")


def main() -> None:
    sqlite = measure(None, 1)
    report("SQLite, one worker, one client at a time", sqlite)
    health, create, answer = sqlite
    checks = [
        ("answers / health (SQLite)", answer / health, 0.25),
        ("creation / health (SQLite)", create / health, 0.15),
    ]
    with postgres_schema() as database:
        if database is None:
            print("PostgreSQL: not reachable, skipped")
        for workers in (1, 2):
            if database is None:
                break
            env = {"DATABASE_URL": database, "RELU_WORKERS": str(workers)}
            figures = measure(env, CONCURRENCY)
            report(f"PostgreSQL, {workers} worker(s), {CONCURRENCY} concurrent clients", figures)
    print()
    for label, value, target in checks:
        verdict = "ok" if value >= target else "MISSED"
        print(f"{label:<34} {value:>8.2f}  target >= {target:<5} {verdict}")


if __name__ == "__main__":
    main()
