"""Load and soak: a mixed workload from a second process at concurrency 50.

Each of 50 concurrent users repeats: start a 5-item quiz, answer every item, finish it
(60 % of rounds); a 10-element JSON evaluation (30 %); a 100,000-element binary evaluation
(10 %). Load runs last 60 s against one and then two workers; the soak runs 5 minutes
against one worker and compares the server's RSS after a one-minute warm-up with its
largest RSS later. Errors are non-2xx answers and failed requests; there should be none.

    make load             # or: python -m bench.load [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import numpy as np

from bench.quiz import a_response, postgres_schema
from bench.servers import start_server

CONCURRENCY = 50
SMALL = {"x": [-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 3.0, 4.0, 5.0]}
LARGE = np.random.default_rng(0).normal(size=100_000).astype("<f4").tobytes()


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    async def call(
        self, client: httpx.AsyncClient, method: str, url: str, **kwargs: object
    ) -> httpx.Response | None:
        start = time.perf_counter()
        try:
            response = await client.request(method, url, **kwargs)  # type: ignore[arg-type]
        except httpx.HTTPError as exc:
            self.errors.append(f"{method} {url}: {type(exc).__name__}")
            return None
        self.latencies.append(time.perf_counter() - start)
        if not 200 <= response.status_code < 300:
            self.errors.append(f"{method} {url}: {response.status_code}")
            return None
        return response


async def quiz_round(client: httpx.AsyncClient, tally: Tally) -> None:
    created = await tally.call(client, "POST", "/v1/quizzes", json={"size": 5})
    if created is None:
        return
    quiz = created.json()
    headers = {"Authorization": f"Bearer {quiz['token']}"}
    for item in quiz["items"]:
        body = {"position": item["position"], "response": a_response(item)}
        await tally.call(
            client, "POST", f"/v1/quizzes/{quiz['id']}/answers", json=body, headers=headers
        )
    await tally.call(client, "POST", f"/v1/quizzes/{quiz['id']}/finish", headers=headers)


async def user(client: httpx.AsyncClient, tally: Tally, until: float, rng: random.Random) -> None:
    while time.monotonic() < until:
        roll = rng.random()
        if roll < 0.6:
            await quiz_round(client, tally)
        elif roll < 0.9:
            await tally.call(client, "POST", "/v1/relu", json=SMALL)
        else:
            await tally.call(
                client,
                "POST",
                "/v1/relu?dtype=float32",
                content=LARGE,
                headers={
                    "content-type": "application/octet-stream",
                    "accept": "application/octet-stream",
                },
            )


async def drive(url: str, seconds: float) -> tuple[Tally, float]:
    tally = Tally()
    limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as client:
        start = time.monotonic()
        until = start + seconds
        await asyncio.gather(
            *(user(client, tally, until, random.Random(i)) for i in range(CONCURRENCY))
        )
        return tally, time.monotonic() - start


def report(label: str, tally: Tally, elapsed: float) -> None:
    latencies = sorted(tally.latencies)
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    print(
        f"{label:<34} {len(latencies) / elapsed:>7,.0f} req/s   p50 {q[49] * 1000:6.1f} ms   "
        f"p95 {q[94] * 1000:6.1f} ms   p99 {q[98] * 1000:6.1f} ms   errors {len(tally.errors)}"
    )
    for error in tally.errors[:5]:
        print(f"    {error}")


def rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def load(database: str | None, workers: int, seconds: float) -> None:
    env = {"RELU_WORKERS": str(workers)}
    if database:
        env["DATABASE_URL"] = database
    server = start_server(env)
    try:
        tally, elapsed = asyncio.run(drive(server.url, seconds))
    finally:
        server.process.terminate()
        server.process.wait()
    store = "PostgreSQL" if database else "SQLite"
    report(f"{store}, {workers} worker(s), {seconds:.0f} s", tally, elapsed)


def soak(database: str | None, warm_up: float, seconds: float) -> None:
    env = {"DATABASE_URL": database} if database else {}
    server = start_server(env)
    samples: list[tuple[float, int]] = []

    async def sample(until: float) -> None:
        start = time.monotonic()
        while time.monotonic() < until:
            samples.append((time.monotonic() - start, rss(server.pid)))
            await asyncio.sleep(1)

    async def run() -> tuple[Tally, float]:
        until = time.monotonic() + warm_up + seconds
        result, _ = await asyncio.gather(drive(server.url, warm_up + seconds), sample(until))
        return result

    try:
        tally, elapsed = asyncio.run(run())
    finally:
        server.process.terminate()
        server.process.wait()
    after_warm_up = next(value for t, value in samples if t >= warm_up)
    peak = max(value for t, value in samples if t >= warm_up)
    growth = (peak - after_warm_up) / after_warm_up
    report(f"soak, 1 worker, {warm_up + seconds:.0f} s", tally, elapsed)
    print(
        f"RSS after {warm_up:.0f} s warm-up {after_warm_up / 2**20:,.1f} MiB, largest later "
        f"{peak / 2**20:,.1f} MiB: growth {growth:.1%} (target <= 10 %) "
        f"{'ok' if growth <= 0.10 else 'MISSED'}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="10 s runs and a 1-minute soak")
    args = parser.parse_args()
    seconds, warm_up, soak_seconds = (10.0, 20.0, 40.0) if args.quick else (60.0, 60.0, 240.0)
    print(f"mixed workload, {CONCURRENCY} concurrent users from a second process")
    with postgres_schema() as database:
        if database is None:
            print("PostgreSQL not reachable: SQLite, one worker only")
            load(None, 1, seconds)
        else:
            for workers in (1, 2):
                load(database, workers, seconds)
        soak(database, warm_up, soak_seconds)


if __name__ == "__main__":
    main()
