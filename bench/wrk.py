"""Small requests and the quiz, driven by wrk (Debian's package; `apt-get install wrk`): a
compiled load generator, so that the rates are the server's and not the client's. Each figure
is printed beside its references measured in the same run: /healthz, and a bare ASGI app under
the same server and protocol (bench/bare.py). The client's CPU share (wrk's CPU time over the
wall time) says whether the client kept up.

`python -m bench.wrk [seconds]` (default 10 s per figure)."""

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
from dataclasses import dataclass

import httpx

from bench.evaluation import ROOT, Server, start_server

NUMERIC = 25  # numeric items per quiz of the answer pool (the bank has 29)
SMALL = json.dumps({"x": [-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 3.0, -3.0, 0.25]})


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
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", url]
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
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", output, re.M))
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    broken = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    errors = int(failed.group(1)) if failed else 0
    errors += sum(int(n) for n in broken.groups()) if broken else 0
    return Figure(
        rate, _milliseconds(latency["50"]), _milliseconds(latency["99"]), cpu / wall, errors
    )


def post(body: str, content_type: str = "application/json", token: str | None = None) -> str:
    lines = [
        'wrk.method = "POST"',
        f"wrk.body = {json.dumps(body)}",
        f'wrk.headers["Content-Type"] = "{content_type}"',
    ]
    if token:
        lines.append(f'wrk.headers["Authorization"] = "Bearer {token}"')
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


def start_bare() -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.bare"],
        cwd=ROOT,
        env={**os.environ, "PORT": str(port)},
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(url)
            return process, url
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the bare app did not start")


def row(name: str, figure: Figure, reference: Figure | None = None) -> None:
    ratio = f"{figure.rate / reference.rate:8.2f}x" if reference else " " * 9
    print(
        f"{name:<44} {figure.rate:>9,.0f} {ratio} {figure.p50_ms:>8.2f} {figure.p99_ms:>8.2f}"
        f" {figure.client_cpu:>7.0%} {figure.errors:>6}"
    )


def main() -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk")
    seconds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    print(f"wrk, 1 thread, {seconds:g} s per figure; rate in requests/s, latency in ms")
    print(f"{'':<44} {'rate':>9} {'ratio':>9} {'p50':>8} {'p99':>8} {'client':>7} {'errors':>6}")
    bare, bare_url = start_bare()
    try:
        bare_32 = wrk(bare_url + "/", 32, seconds)
    finally:
        bare.kill()
    row("bare ASGI app, c=32", bare_32)
    server = start_server()
    try:
        health = {c: wrk(server.url + "/healthz", c, seconds) for c in (1, 32)}
        row("/healthz, c=32 (ratio: to the bare app)", health[32], bare_32)
        for c in (1, 32):
            small = wrk(server.url + "/v1/relu", c, seconds, post(SMALL))
            row(f"/v1/relu 10 elements JSON, c={c} (to /healthz)", small, health[c])
            if c == 32:
                print(f"{'':<44} p99 / p50 = {small.p99_ms / small.p50_ms:.1f}")
        health_8 = wrk(server.url + "/healthz", 8, seconds)
        row("/healthz, c=8", health_8)
        create = wrk(server.url + "/v1/quizzes", 8, seconds, post(json.dumps({"size": 10})))
        row("SQLite: start a 10-item quiz, c=8 (to /healthz)", create, health_8)
        answered = wrk(server.url + "/", 8, seconds, answers_script(server, 800))
        row("SQLite: answer an item, c=8 (to /healthz)", answered, health_8)
    finally:
        server.process.kill()


if __name__ == "__main__":
    main()
