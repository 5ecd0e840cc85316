"""make bench: the service's figures, each beside its reference measured in the same run.

Every rate is wrk's (Debian's package, a compiled load generator, one thread), so that it is
the server's and not the client's; the client's CPU share (wrk's CPU time over the wall
time) says whether it kept up. The references: a bare ASGI app under the same server and
protocol (bench/bare.py) for small requests, a plain socket echo of the same bytes
(bench/echo.py) for large ones, /healthz, and for the quiz what the database alone serves of
its statements (bench/dbfloor.py). The targets of the issues are printed last, each with ok or
MISSED.

Each figure is the median of three runs taken in turn with the figures it is compared with.
`python -m bench.wrk [seconds]` (default 3 s per run).
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpx
import numpy as np

from bench import dbfloor
from bench.quiz import postgres_schema
from bench.servers import ROOT, Server, kserve_body, peak_rss, start_server

NUMERIC = 25  # numeric items per quiz of the answer pool (the bank has 29)
SMALL = json.dumps({"x": [-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 3.0, -3.0, 0.25]})
PROGRAM = json.dumps({"program": "relu(x) - relu(-x)", "x": [-2, -1, -0.5, 0, 0.5, 1, 2, 3, 4, 5]})
RAW = "application/octet-stream"
JSON = "application/json"
FRAMEWORKS = ("pytorch", "jax", "tensorflow")
ROUTES = ("/v1/relu", "/v1/relu/subgradient")
M = 1_000_000
ROUNDS = 3


@dataclass(frozen=True)
class Figure:
    rate: float  # requests per second
    p50_ms: float
    p99_ms: float
    client_cpu: float  # wrk's CPU seconds per wall second
    errors: int


def _milliseconds(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 1e-3, "ms": 1.0, "s": 1e3}[unit]


def wrk(url: str, connections: int, seconds: int, script: str | None = None) -> Figure:
    """One wrk run (one thread: the machine has two cores and the server needs one)."""
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "60s", "--latency"]
    command.append(url)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(script or "")
    if script:
        command[1:1] = ["-s", lua.name]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    os.unlink(lua.name)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.M))
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    broken = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    errors = int(failed.group(1)) if failed else 0
    errors += sum(int(n) for n in broken.groups()) if broken else 0
    if rate == 0:
        raise SystemExit(f"{url}: no request answered\n{output}")
    return Figure(
        rate, _milliseconds(latency["50"]), _milliseconds(latency["99"]), cpu / wall, errors
    )


def post(
    body: str,
    content_type: str = "application/json",
    token: str | None = None,
    headers: dict[str, str] | None = None,
) -> str:
    lines = [
        'wrk.method = "POST"',
        f"wrk.body = {json.dumps(body)}",
        f'wrk.headers["Content-Type"] = "{content_type}"',
    ]
    if token:
        lines.append(f'wrk.headers["Authorization"] = "Bearer {token}"')
    lines += [f'wrk.headers["{k}"] = "{v}"' for k, v in (headers or {}).items()]
    return "\n".join(lines) + "\n"


def post_file(path: str, content_type: str, headers: dict[str, str] | None = None) -> str:
    """A POST of a file's bytes (binary bodies do not fit a Lua string literal)."""
    lines = [
        f"local f = io.open({json.dumps(path)}, 'rb')",
        "wrk.body = f:read('*a')",
        "f:close()",
        'wrk.method = "POST"',
        f'wrk.headers["Content-Type"] = "{content_type}"',
    ]
    lines += [f'wrk.headers["{k}"] = "{v}"' for k, v in (headers or {}).items()]
    return "\n".join(lines) + "\n"


def answers_script(server: Server, quizzes: int) -> str:
    """Each request answers the next unanswered item of a pool of quizzes of numeric items
    with a wrong value: every request is a graded try."""
    lines = ["local requests = {}"]
    for _ in range(quizzes):
        body = {"size": NUMERIC, "types": ["numeric"]}
        quiz = httpx.post(f"{server.url}/v1/quizzes", json=body).json()
        headers = (
            f"{{['Content-Type'] = 'application/json', "
            f"['Authorization'] = 'Bearer {quiz['token']}'}}"
        )
        for item in quiz["items"]:
            answer = json.dumps({"position": item["position"], "response": {"value": 123456}})
            path = f"/v1/quizzes/{quiz['id']}/answers"
            lines.append(
                f"requests[#requests + 1] = wrk.format('POST', '{path}', {headers}, "
                f"{json.dumps(answer)})"
            )
    lines += [
        "local i = 0",
        "request = function()",
        "  i = i % #requests + 1",
        "  return requests[i]",
        "end",
    ]
    return "\n".join(lines) + "\n"


@contextmanager
def reference(module: str) -> Iterator[str]:
    """One of the reference servers (bench.bare, bench.echo) on a free port, while in use."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", module],
        cwd=ROOT,
        env={**os.environ, "PORT": str(port)},
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.post(url, content=b"")
                break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise SystemExit(f"{module} did not start")
        yield url
    finally:
        process.kill()
        process.wait()


@contextmanager
def service(env: dict[str, str] | None = None) -> Iterator[Server]:
    server = start_server(env)
    try:
        yield server
    finally:
        server.process.terminate()
        server.process.wait()


def row(name: str, figure: Figure, reference: Figure | None = None, elements: int = 0) -> None:
    ratio = f"{figure.rate / reference.rate:8.2f}x" if reference else " " * 9
    rate = f"{figure.rate * elements / 1e6:>7,.1f} M/s" if elements else f"{figure.rate:>11,.0f}"
    print(
        f"{name:<62} {rate} {ratio} {figure.p50_ms:>8.2f} {figure.p99_ms:>8.2f}"
        f" {figure.client_cpu:>7.0%} {figure.errors:>6}",
        flush=True,
    )


Target = tuple[str, float, str, float]
Spec = tuple[str, int, str | None]  # url, connections, script


def measure(specs: dict[str, Spec], seconds: int, rounds: int = ROUNDS) -> dict[str, Figure]:
    """Each figure in `rounds` runs, taken in turn with the others, so that drift in the
    machine's speed (which is large here) hits every figure alike; the run of median rate."""
    runs: dict[str, list[Figure]] = {name: [] for name in specs}
    for _ in range(rounds):
        for name, (url, connections, script) in specs.items():
            runs[name].append(wrk(url, connections, seconds, script))
    return {
        name: sorted(figures, key=lambda f: f.rate)[rounds // 2] for name, figures in runs.items()
    }


def small_requests(seconds: int, targets: list[Target]) -> None:
    with reference("bench.bare") as bare_url, service() as server:
        f = measure(
            {
                "bare": (bare_url + "/", 32, None),
                "health1": (server.url + "/healthz", 1, None),
                "health32": (server.url + "/healthz", 32, None),
                "small1": (server.url + "/v1/relu", 1, post(SMALL)),
                "small32": (server.url + "/v1/relu", 32, post(SMALL)),
                "program": (server.url + "/v1/programs/evaluate", 32, post(PROGRAM)),
            },
            seconds,
        )
    row("bare ASGI app, c=32", f["bare"])
    row("/healthz, c=1", f["health1"])
    row("/healthz, c=32 (to the bare app)", f["health32"], f["bare"])
    row("/v1/relu 10 elements JSON, c=1 (to /healthz)", f["small1"], f["health1"])
    row("/v1/relu 10 elements JSON, c=32 (to /healthz)", f["small32"], f["health32"])
    row("10-element program, 3 frameworks, c=32 (to /healthz)", f["program"], f["health32"])
    small, health = f["small32"], f["health32"]
    targets += [
        ("/healthz / bare ASGI app, c=32", health.rate / f["bare"].rate, ">=", 0.35),
        ("10-element JSON / health, c=1", f["small1"].rate / f["health1"].rate, ">=", 0.8),
        ("10-element JSON / health, c=32", small.rate / health.rate, ">=", 0.8),
        ("10-element JSON p99 / p50, c=32", small.p99_ms / small.p50_ms, "<=", 3),
        ("10-element JSON p99 ms, c=32 (KServe: 72)", small.p99_ms, "<", 72),
        ("10-element program / health, c=32", f["program"].rate / health.rate, ">=", 0.5),
    ]


def quiz(seconds: int, targets: list[Target]) -> None:
    """SQLite with one worker, and PostgreSQL with two; 8 connections each. Beside each, the
    database's floor: its statements alone, from one process (SQLite serialises its writers)
    or from 8 (PostgreSQL: as many as the requests in flight)."""
    with service() as server:
        f = _quiz_rows(server, "SQLite, 1 worker", seconds, targets, (0.2, 0.35))
    _floor_rows(server.database, 1, f["health"], seconds)
    with postgres_schema() as database:
        if database is None:
            print("PostgreSQL: not reachable, skipped")
            return
        with service({"DATABASE_URL": database, "RELU_WORKERS": "2"}) as server:
            f = _quiz_rows(server, "PostgreSQL, 2 workers", seconds, targets, (0.15, 0.3))
        _floor_rows(database, 8, f["health"], seconds)


def _floor_rows(database: str, processes: int, health: Figure, seconds: int) -> None:
    for kind in ("start", "answer"):
        rate = dbfloor.rate(kind, database, processes, seconds)
        name = f"  its floor: {kind} statements alone, {processes} process(es) (to /healthz)"
        print(f"{name:<62} {rate:>11,.0f} {rate / health.rate:8.2f}x", flush=True)


def _quiz_rows(
    server: Server, label: str, seconds: int, targets: list[Target], floors: tuple[float, float]
) -> dict[str, Figure]:
    f = measure(
        {
            "health": (server.url + "/healthz", 8, None),
            "create": (server.url + "/v1/quizzes", 8, post(json.dumps({"size": 10}))),
            "answer": (server.url + "/", 8, answers_script(server, 800)),
        },
        seconds,
    )
    row(f"{label}: /healthz, c=8", f["health"])
    row(f"{label}: start a 10-item quiz, c=8 (to /healthz)", f["create"], f["health"])
    row(f"{label}: answer an item, c=8 (to /healthz)", f["answer"], f["health"])
    targets += [
        (f"{label}: creation / health", f["create"].rate / f["health"].rate, ">=", floors[0]),
        (f"{label}: answers / health", f["answer"].rate / f["health"].rate, ">=", floors[1]),
    ]
    return f


def large_requests(seconds: int, targets: list[Target]) -> None:
    """float32 bodies of 10^6 and 10^7 elements, one request at a time, as elements/s."""
    with tempfile.TemporaryDirectory(prefix="relu-bench-") as folder:
        files = _bodies(folder)
        raw = {"accept": RAW}
        with reference("bench.echo") as echo, service() as server:
            specs: dict[str, Spec] = {}
            for n in (M, 10 * M):
                specs[f"echo{n}"] = (echo + "/", 1, post_file(files[f"raw{n}"], RAW))
                script = post_file(files[f"raw{n}"], RAW, raw)
                specs[f"binary{n}"] = (server.url + "/v1/relu?dtype=float32", 1, script)
            script = post_file(files[f"raw{M}"], RAW, raw)
            for route in ROUTES:
                for mode in ("exact", *FRAMEWORKS):
                    query = "" if mode == "exact" else f"&emulate={mode}"
                    specs[route + mode] = (server.url + f"{route}?dtype=float32{query}", 1, script)
            length = {"Inference-Header-Content-Length": files["v2 head length"]}
            v2_script = post_file(files["v2"], RAW, length)
            specs["v2"] = (server.url + "/v2/models/relu/infer", 1, v2_script)
            specs["json"] = (server.url + "/v1/relu", 1, post_file(files["json"], JSON))
            f = measure(specs, seconds)
            # About a second a request: one run, long enough to count several.
            naive_script = post_file(files["naive"], JSON)
            naive = wrk(server.url + "/bench/naive", 1, max(seconds, 10), naive_script)
    for n in (M, 10 * M):
        row(f"socket echo, {n:,} float32", f[f"echo{n}"], elements=n)
        row(f"/v1/relu binary, {n:,} (to the echo)", f[f"binary{n}"], f[f"echo{n}"], elements=n)
        floor = 0.6 if n == M else 0.9
        ratio = f[f"binary{n}"].rate / f[f"echo{n}"].rate
        targets.append((f"binary / socket echo at {n:.0e}", ratio, ">=", floor))
    for route in ROUTES:
        exact = f[route + "exact"]
        row(f"{route} binary, {M:,}", exact, elements=M)
        for mode in FRAMEWORKS:
            emulated = f[route + mode]
            row(f"{route} emulate={mode}, {M:,} (to exact)", emulated, exact, elements=M)
            targets.append(
                (f"{route} emulate={mode} time / exact", exact.rate / emulated.rate, "<=", 1.2)
            )
    row(f"/v2 binary extension, {M:,} (to the echo)", f["v2"], f[f"echo{M}"], elements=M)
    row(f"/v1/relu JSON, {M:,}", f["json"], elements=M)
    row(f"FastAPI and pydantic as first written, JSON, {M:,}", naive, elements=M)
    targets += [
        ("binary / naive at 1e6", f[f"binary{M}"].rate / naive.rate, ">=", 50),
        ("JSON / naive at 1e6", f["json"].rate / naive.rate, ">=", 5),
    ]


def _bodies(folder: str) -> dict[str, str]:
    """The request bodies as files (wrk reads them), by name."""
    files: dict[str, str] = {}
    for n in (M, 10 * M):
        files[f"raw{n}"] = os.path.join(folder, f"raw{n}")
        np.random.default_rng(n).normal(size=n).astype(np.float32).tofile(files[f"raw{n}"])
    x = np.fromfile(files[f"raw{M}"], np.float32)
    v2_body, v2_headers = kserve_body(x)
    files["v2 head length"] = v2_headers["Inference-Header-Content-Length"]
    bodies = {
        "v2": v2_body,
        "json": json.dumps({"x": x.tolist(), "dtype": "float32"}).encode(),
        "naive": json.dumps({"x": x.tolist()}).encode(),
    }
    for name, body in bodies.items():
        files[name] = os.path.join(folder, name)
        with open(files[name], "wb") as out:
            out.write(body)
    return files


def memory(targets: list[Target]) -> None:
    idle, peak = peak_rss()
    payload = 10_000_000 * 4
    print(
        f"idle RSS {idle / 2**20:,.1f} MiB; peak during one 1e7 binary request "
        f"{peak / 2**20:,.1f} MiB: {(peak - idle) / 2**20:,.1f} MiB over idle"
    )
    targets.append(("RSS growth / payload at 1e7", (peak - idle) / payload, "<=", 4))


def main() -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk")
    seconds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    print(
        f"wrk, 1 thread, median of {ROUNDS} runs of {seconds} s taken in turn; rate in "
        "requests/s (or elements/s), latency in ms"
    )
    print(f"{'':<62} {'rate':>11} {'ratio':>9} {'p50':>8} {'p99':>8} {'client':>7} {'errors':>6}")
    targets: list[Target] = []
    small_requests(seconds, targets)
    quiz(seconds, targets)
    large_requests(seconds, targets)
    memory(targets)
    print()
    for label, value, sign, target in targets:
        ok = {">=": value >= target, "<=": value <= target, "<": value < target}[sign]
        print(f"{label:<62} {value:>8.2f}  target {sign} {target:<5} {'ok' if ok else 'MISSED'}")


if __name__ == "__main__":
    main()
