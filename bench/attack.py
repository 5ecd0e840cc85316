"""Hostile load against the service, on this machine only (loopback), bounded in count and time.

Two targets: `make run`'s configuration (one `python -m service` on SQLite, limits in
memory, every setting at its default) and two instances sharing PostgreSQL and a Redis of the
script's own. Each attack runs while a probe asks /healthz every 50 ms on a fresh connection
from another address, and prints:

- peak RSS over idle: the largest growth of any server process's peak resident memory;
- /healthz p99 while it runs (a probe that got no answer counts as 2 s);
- errors: 5xx answers other than a deliberate 503 with Retry-After (seen by the clients or in
  the servers' /metrics), and "shed": those deliberate 503s;
- lost: answers acknowledged and not stored, or accepted after the quiz was finished.

Targets: peak <= 300 MiB for one request and <= 1 GiB for the heaviest concurrent attack,
p99 <= 250 ms, 0 errors, 0 lost.

    make attack            # or: python -m bench.attack [--only NAME]
"""

from __future__ import annotations

import argparse
import os
import resource
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, make_url, text

from service.db import upgrade

ROOT = Path(__file__).resolve().parent.parent
POSTGRES = os.environ.get("RELU_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1/test")
MiB = 2**20
PROBE_ADDRESS = "127.0.0.3"  # the probe's own source address: no attack shares its slots
ATTACKER = "127.0.0.2"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Server:
    """`python -m service` as `make run` starts it, with the environment given."""

    def __init__(self, env: dict[str, str]) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.NamedTemporaryFile(prefix="relu-attack-", suffix=".log")  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-m", "service"],
            cwd=ROOT,
            env={**os.environ, "RELU_LOG_LEVEL": "warning", **env, "PORT": str(self.port)},
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        raise RuntimeError(f"the server did not start:\n{Path(self.log.name).read_text()[-2000:]}")

    def memory(self, field: str) -> int:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
        raise KeyError(field)

    def reset_peak(self) -> None:
        Path(f"/proc/{self.process.pid}/clear_refs").write_text("5")

    def errors(self) -> int:
        """5xx answers this process has counted, by status (from /metrics)."""
        total = 0
        for line in httpx.get(f"{self.url}/metrics", timeout=10).text.splitlines():
            counted = line.startswith("relu_http_requests_total{") and 'status="5' in line
            if counted and 'status="503"' not in line:
                total += int(float(line.rsplit(" ", 1)[1]))
        return total

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


@dataclass
class Target:
    name: str
    servers: list[Server]
    database: str
    redis: subprocess.Popen[bytes] | None = None
    redis_port: int | None = None

    @property
    def url(self) -> str:
        return self.servers[0].url


@dataclass
class Outcome:
    """What an attack itself saw."""

    errors: int = 0  # 5xx answers other than a deliberate 503
    shed: int = 0  # 503 with Retry-After: the service said come back
    lost: int = 0
    note: str = ""

    def count(self, status: int, headers: httpx.Headers | None = None) -> None:
        if status == 503 and headers is not None and "retry-after" in headers:
            self.shed += 1
        elif status >= 500:
            self.errors += 1


class Probe:
    """/healthz every 50 ms on a fresh connection, from a process of its own (so that the
    attack's own Python threads do not slow the measurement) and an address of its own."""

    def __init__(self, url: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", PROBE, url, PROBE_ADDRESS],
            stdout=subprocess.PIPE,
            stdin=subprocess.PIPE,
        )

    def finish(self) -> list[float]:
        assert self.process.stdin is not None
        out, _ = self.process.communicate(b"stop\n", timeout=60)
        return [float(v) for v in out.split()]


PROBE = """
import select, socket, sys, time
host, port = sys.argv[1].removeprefix("http://").split(":")
source = sys.argv[2]
request = b"GET /healthz HTTP/1.1\\r\\nHost: probe\\r\\nConnection: close\\r\\n\\r\\n"
while not select.select([sys.stdin], [], [], 0.05)[0]:
    start = time.monotonic()
    try:
        with socket.socket() as sock:
            sock.settimeout(2)
            sock.bind((source, 0))
            sock.connect((host, int(port)))
            sock.sendall(request)
            answer = b""
            while b"\\r\\n\\r\\n" not in answer:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                answer += chunk
            took = time.monotonic() - start if answer.startswith(b"HTTP/1.1 200") else 2.0
    except OSError:
        took = 2.0
    print(took, flush=True)
"""


def p99(latencies: list[float]) -> float:
    ordered = sorted(latencies)
    return ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))] if ordered else 0.0


# --- the attacks ----------------------------------------------------------------------------


def _stream(chunks: int, chunk: bytes, head: bytes = b"") -> Iterator[bytes]:
    yield head
    for _ in range(chunks):
        yield chunk


def _post_stream(
    client: httpx.Client, url: str, body: Iterator[bytes], headers: dict[str, str]
) -> int:
    """The status of a streamed upload; 0 when the server closed the connection while the
    body was still coming (after answering 413), which is no error of the server's."""
    try:
        return client.post(url, content=body, headers=headers).status_code
    except httpx.TransportError:
        return 0


def _raw(url: str, request: bytes, source: str = ATTACKER, wait_s: float = 10) -> bytes:
    host, port = url.removeprefix("http://").split(":")
    with socket.socket() as sock:
        sock.bind((source, 0))
        sock.settimeout(wait_s)
        sock.connect((host, int(port)))
        sock.sendall(request)
        try:
            return sock.recv(4096)
        except (TimeoutError, ConnectionResetError):
            return b""


def _status(answer: bytes) -> int:
    try:
        return int(answer.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return 0


def big_quiz_bodies(target: Target) -> Outcome:
    """128 MiB answered to an unknown quiz with a wrong token; 2 GiB declared on quiz routes;
    an authorised point_set answer of 2 million values."""
    outcome = Outcome()
    with httpx.Client(timeout=120) as client:
        outcome.count(
            _post_stream(
                client,
                f"{target.url}/v1/quizzes/{'0' * 32}/answers",
                _stream(128, b"1," * (MiB // 2), b'{"position": 1, "response": {"values": ['),
                {"content-type": "application/json", "authorization": "Bearer wrong"},
            )
        )
        for path in ("/v1/quizzes", f"/v1/quizzes/{'0' * 32}/answers"):
            answer = _raw(
                target.url,
                f"POST {path} HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                "Content-Length: 2147483648\r\n\r\n{".encode(),
            )
            outcome.count(_status(answer))
        quiz = client.post(f"{target.url}/v1/quizzes", json={"size": 1, "types": ["point_set"]})
        if quiz.status_code == 201:
            created = quiz.json()
            response = client.post(
                f"{target.url}/v1/quizzes/{created['id']}/answers",
                json={"position": 1, "response": {"values": list(range(2_000_000))}},
                headers={"authorization": f"Bearer {created['token']}"},
            )
            outcome.count(response.status_code, response.headers)
    return outcome


def json_bombs(target: Target) -> Outcome:
    """Eight concurrent bodies of empty arrays just under the JSON limit, and a 100 MiB /v2
    JSON body: the heaviest concurrent attack."""
    outcome = Outcome()
    bomb = b'{"x": [' + b"[]," * (8 * MiB // 3 - 10) + b"[]]}"

    def send(_: int) -> httpx.Response:
        return httpx.post(
            f"{target.url}/v1/relu",
            content=bomb,
            headers={"content-type": "application/json"},
            timeout=120,
        )

    with ThreadPoolExecutor(8) as pool:
        for response in pool.map(send, range(8)):
            outcome.count(response.status_code, response.headers)
    with httpx.Client(timeout=120) as client:
        outcome.count(
            _post_stream(
                client,
                f"{target.url}/v2/models/relu/infer",
                _stream(100, b"1.0," * (MiB // 4), b'{"inputs": [{"name": "x", "data": ['),
                {"content-type": "application/json"},
            )
        )
    return outcome


def slow_headers(target: Target) -> Outcome:
    """As many connections as this process may open, from one address, each sending one
    header byte every 5 s for 20 s."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    wanted = max(100, hard - 500)
    host, port = target.url.removeprefix("http://").split(":")
    opened: list[socket.socket] = []
    refused = 0
    for _ in range(wanted):
        sock = socket.socket()
        sock.setblocking(False)
        try:
            sock.bind((ATTACKER, 0))
            sock.connect_ex((host, int(port)))
        except OSError:
            sock.close()
            refused += 1
            continue
        opened.append(sock)
    deadline = time.monotonic() + 20
    held: list[int] = []  # connections the server still kept, every 5 s
    byte = 0
    while time.monotonic() < deadline:
        alive = 0
        for sock in opened:
            try:
                sock.send(b"GET /healthz HTTP/1.1\r\nHost: t\r\n"[byte : byte + 1])
                alive += 1
            except OSError:
                pass
        held.append(alive)
        byte += 1
        time.sleep(5)
    for sock in opened:
        sock.close()
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    return Outcome(note=f"{len(opened)} connections tried; held every 5 s: {held}")


def hostile_inputs(target: Target) -> Outcome:
    """Every input that once gave a 500, ten times each."""
    npy = b"\x93NUMPY\x01\x00F\x00{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }"
    npy += b" " * (74 - len(npy) - 1) + b"\n"
    cases: list[tuple[str, str, bytes, list[tuple[bytes, bytes]]]] = [
        (
            "/v1/relu?dtype=float32&shape=0,99999999999999999999",
            "application/octet-stream",
            b"",
            [],
        ),
        ("/v1/relu", "application/x-npy", npy, []),
        ("/v1/relu", "application/octet-stream", b"\0" * 8, []),
        (
            "/v2/models/relu/infer",
            "application/json",
            b'{"inputs": [{"name": "x", "shape": [0, 9223372036854775807], '
            b'"datatype": "FP32", "data": []}]}',
            [],
        ),
        (
            "/v2/models/relu/infer",
            "application/octet-stream",
            b"{}",
            [(b"inference-header-content-length", b"\xb2")],
        ),
    ]
    outcome = Outcome()
    with httpx.Client(timeout=30) as client:
        quiz = client.post(f"{target.url}/v1/quizzes", json={"size": 1, "types": ["numeric"]})
        for _ in range(10):
            for path, kind, body, extra in cases:
                response = client.post(
                    f"{target.url}{path}",
                    content=body,
                    headers=[(b"content-type", kind.encode()), *extra],
                )
                outcome.count(response.status_code, response.headers)
            if quiz.status_code == 201:
                created = quiz.json()
                response = client.post(
                    f"{target.url}/v1/quizzes/{created['id']}/answers",
                    content=b'{"position": 1, "response": {"value": 1' + b"0" * 400 + b"}}",
                    headers={
                        "content-type": "application/json",
                        "authorization": f"Bearer {created['token']}",
                    },
                )
                outcome.count(response.status_code, response.headers)
            response = client.get(
                f"{target.url}/v1/quizzes/a%00b", headers={"authorization": "Bearer t"}
            )
            outcome.count(response.status_code, response.headers)
    return outcome


def _response(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "single_choice": lambda: {"choice": item["choices"][0]["id"]},
        "multiple_choice": lambda: {"choices": [item["choices"][0]["id"]]},
        "true_false": lambda: {"value": True},
        "numeric": lambda: {"value": 0.5},
        "interval": lambda: {"lower": 0, "upper": 1},
        "point_set": lambda: {"values": [0]},
        "one_sided_pair": lambda: {"left": 0, "right": 1},
        "vector": lambda: {"values": [0] * item["length"]},
    }[item["type"]]()


def finish_races(target: Target, runs: int) -> Outcome:
    """Answers racing a finish, on every instance: each acknowledged answer must be stored,
    none accepted after the finish, and the summary equal to a later read."""
    outcome = Outcome()
    engine = create_engine(target.database)
    for run in range(runs):
        quiz = httpx.post(f"{target.url}/v1/quizzes", json={"size": 30, "seed": run}).json()
        headers = {"authorization": f"Bearer {quiz['token']}"}
        base = f"/v1/quizzes/{quiz['id']}"

        def answer(
            item: dict[str, Any], base: str = base, headers: dict[str, str] = headers
        ) -> int:
            server = target.servers[item["position"] % len(target.servers)]
            body = {"position": item["position"], "response": _response(item)}
            return httpx.post(
                f"{server.url}{base}/answers", json=body, headers=headers, timeout=30
            ).status_code

        with ThreadPoolExecutor(31) as pool:
            answered = [pool.submit(answer, item) for item in quiz["items"]]
            finished = pool.submit(
                httpx.post, f"{target.servers[-1].url}{base}/finish", headers=headers, timeout=30
            )
            statuses = [f.result() for f in answered]
            summary = finished.result().json()
        for status in statuses:
            outcome.count(status)
        later = httpx.get(f"{target.url}{base}", headers=headers).json()
        accepted = statuses.count(200)
        stored = sum(item["answered"] for item in later["items"])
        outcome.lost += abs(stored - accepted)
        outcome.lost += abs(sum(i["answered"] for i in summary["items"]) - stored)
        with engine.connect() as connection:
            outcome.lost += connection.execute(
                text(
                    "SELECT count(*) FROM attempts JOIN quizzes ON quizzes.id = attempts.quiz_id "
                    "WHERE quizzes.id = :id AND attempts.created_at > quizzes.finished_at"
                ),
                {"id": quiz["id"]},
            ).scalar_one()
    engine.dispose()
    return outcome


def redis_hung_and_down(target: Target) -> Outcome:
    """Redis stopped (SIGSTOP) for 10 s, then gone for 10 s, under rate-limited requests,
    readiness checks and quiz reads."""
    assert target.redis is not None
    outcome = Outcome()
    quiz = httpx.post(f"{target.url}/v1/quizzes", json={"size": 1}).json()
    headers = {"authorization": f"Bearer {quiz['token']}"}

    def load(seconds: float) -> None:
        deadline = time.monotonic() + seconds
        with httpx.Client(timeout=5) as client:
            while time.monotonic() < deadline:
                for server in target.servers:
                    for method, path, body in (
                        ("POST", "/v1/relu", {"x": [1.0]}),
                        ("GET", "/readyz", None),
                        ("GET", f"/v1/quizzes/{quiz['id']}", None),
                    ):
                        try:
                            response = client.request(
                                method, f"{server.url}{path}", json=body, headers=headers
                            )
                            outcome.count(response.status_code, response.headers)
                        except httpx.TimeoutException:
                            outcome.errors += 1

    with ThreadPoolExecutor(8) as pool:
        target.redis.send_signal(signal.SIGSTOP)
        list(pool.map(load, [10.0] * 8))
        target.redis.send_signal(signal.SIGCONT)
        target.redis.terminate()
        target.redis.wait()
        list(pool.map(load, [10.0] * 8))
    target.redis = _start_redis(target.redis_port or free_port())
    return outcome


def locked_table(target: Target) -> Outcome:
    """The quizzes table locked by another session while 60 reads arrive at once."""
    outcome = Outcome()
    quiz = httpx.post(f"{target.url}/v1/quizzes", json={"size": 1}).json()
    url = f"{target.url}/v1/quizzes/{quiz['id']}"
    headers = {"authorization": f"Bearer {quiz['token']}"}
    engine = create_engine(target.database)
    with engine.connect() as connection:
        connection.execute(text("LOCK TABLE quizzes IN ACCESS EXCLUSIVE MODE"))
        with ThreadPoolExecutor(60) as pool:
            responses = list(
                pool.map(lambda _: httpx.get(url, headers=headers, timeout=60), range(60))
            )
        ready = httpx.get(f"{target.url}/readyz", timeout=10)
        connection.rollback()
    engine.dispose()
    for response in responses:
        outcome.count(response.status_code, response.headers)
    outcome.note = f"/readyz answered {ready.status_code} in {ready.elapsed.total_seconds():.2f} s"
    return outcome


# --- targets and the run ------------------------------------------------------------------


def _start_redis(port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [
            shutil.which("redis-server") or "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                if sock.recv(16).startswith(b"+PONG"):
                    return process
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("redis-server did not start")


@contextmanager
def single_sqlite() -> Iterator[Target]:
    with tempfile.TemporaryDirectory() as directory:
        database = f"sqlite:///{directory}/relu.db"
        upgrade(database)
        server = Server({"DATABASE_URL": database})
        try:
            yield Target("make run (SQLite, defaults)", [server], database)
        finally:
            server.stop()


@contextmanager
def two_instances() -> Iterator[Target]:
    schema = f"attack_{secrets.token_hex(4)}"
    admin = create_engine(POSTGRES)
    with admin.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    database = make_url(POSTGRES).update_query_dict({"options": f"-csearch_path={schema}"})
    url = database.render_as_string(hide_password=False)
    upgrade(url)
    port = free_port()
    redis = _start_redis(port)
    env = {
        "DATABASE_URL": url,
        "REDIS_URL": f"redis://127.0.0.1:{port}/0",
        # the race needs answers; the limits themselves are tested elsewhere
        "RELU_RATE_LIMIT_ANSWERS": "100000/minute",
        "RELU_RATE_LIMIT_QUIZ_CREATE": "10000/minute",
    }
    servers = [Server(env), Server(env)]
    target = Target("two instances (PostgreSQL, Redis)", servers, url, redis, port)
    try:
        yield target
    finally:
        for server in servers:
            server.stop()
        if target.redis is not None:
            target.redis.terminate()
            target.redis.wait()
        with admin.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


Attack = Callable[[Target], Outcome]


@dataclass
class Row:
    target: str
    attack: str
    peak_mib: float
    p99_ms: float
    errors: int
    shed: int
    lost: int
    note: str


def measure(target: Target, name: str, attack: Attack) -> Row:
    time.sleep(1)
    idle = [server.memory("VmRSS") for server in target.servers]
    for server in target.servers:
        server.reset_peak()
    before = sum(server.errors() for server in target.servers)
    probe = Probe(target.url)
    try:
        outcome = attack(target)
    finally:
        latencies = probe.finish()
    peak = max(s.memory("VmHWM") - i for s, i in zip(target.servers, idle, strict=True))
    counted = sum(server.errors() for server in target.servers) - before
    return Row(
        target.name,
        name,
        peak / MiB,
        p99(latencies) * 1000,
        max(outcome.errors, counted),
        outcome.shed,
        outcome.lost,
        outcome.note,
    )


def attacks(two: bool) -> list[tuple[str, Attack]]:
    plan: list[tuple[str, Attack]] = [
        ("big quiz bodies", big_quiz_bodies),
        ("JSON bombs (8 at once)", json_bombs),
        ("slow headers", slow_headers),
        ("inputs that gave 500s", hostile_inputs),
        ("answers racing a finish", lambda t: finish_races(t, 20 if two else 5)),
    ]
    if two:
        plan += [
            ("Redis hung, then down", redis_hung_and_down),
            ("quizzes table locked", locked_table),
        ]
    return plan


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run only the attacks whose name contains this")
    only = parser.parse_args().only
    rows: list[Row] = []
    for make_target, two in ((single_sqlite, False), (two_instances, True)):
        with make_target() as target:
            for name, attack in attacks(two):
                if only and only not in name:
                    continue
                row = measure(target, name, attack)
                rows.append(row)
                print(
                    f"{row.target:<36} {row.attack:<26} peak {row.peak_mib:7.1f} MiB  "
                    f"p99 {row.p99_ms:6.1f} ms  errors {row.errors}  shed {row.shed}  "
                    f"lost {row.lost}  {row.note}",
                    flush=True,
                )
    print()
    worst_single = max((r.peak_mib for r in rows if "bombs" not in r.attack), default=0.0)
    heaviest = max((r.peak_mib for r in rows), default=0.0)
    checks = [
        ("peak RSS over idle, one request (MiB)", worst_single, 300, worst_single <= 300),
        ("peak RSS over idle, heaviest attack (MiB)", heaviest, 1024, heaviest <= 1024),
        (
            "/healthz p99 during any attack (ms)",
            max(r.p99_ms for r in rows),
            250,
            max(r.p99_ms for r in rows) <= 250,
        ),
        ("5xx errors", sum(r.errors for r in rows), 0, sum(r.errors for r in rows) == 0),
        (
            "answers lost or after a finish",
            sum(r.lost for r in rows),
            0,
            sum(r.lost for r in rows) == 0,
        ),
    ]
    for label, value, target, ok in checks:
        print(f"{label:<44} {value:9.1f}  target {target:>5}  {'ok' if ok else 'MISSED'}")
    print(
        f"median /healthz p99 over the attacks: {statistics.median(r.p99_ms for r in rows):.1f} ms"
    )


if __name__ == "__main__":
    main()
