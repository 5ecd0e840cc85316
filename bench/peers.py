"""make bench-peers: the v2 route beside its peers, and the service's HTTP server beside granian.

1. Peers. The same v2 request (ReLU of n float32, FP32 tensor "x", output "value") to the
   service (bench.servers.start_server), to MLServer 1.7.1 (a custom runtime) and to KServe
   0.21 (a kserve.Model), as JSON and with the binary tensor extension, at 10, 1e3, 1e5 and 1e6
   elements; each answer is checked against np.maximum(x, 0) once before timing, and a server
   that refuses the binary extension is said to, with no figure.
2. Servers. The service under uvicorn (bench.server, GuardedHttpToolsProtocol) and under
   granian 2.8.9, with bench/bare.py under each, then granian's options on the 10-element
   request, then how each treats slow and greedy clients.

The peers and granian run from their own venvs under .peers-venv (the Makefile builds them);
their model code is in bench/peers_models. Every rate is wrk's (bench.wrk.wrk), the median of
three runs taken in turn with the figures it is compared with; beside it the server's CPU time
per request (all its processes and threads; "loop": the main thread of its busiest process,
where the event loop runs), which drifts less than the rate when other work shares the cores.
Last, each ratio with its verdict: ok when ours is ahead of the peer; which of granian and
uvicorn is ahead (for CPU per request, the one that spends less).
`python -m bench.peers [seconds]` (default 3 s per run).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import httpx
import numpy as np

from bench.peers_models import launch, slow_clients
from bench.peers_models.launch import PEERS, child
from bench.servers import kserve_body
from bench.wrk import SMALL, Figure, post, post_file, service, wrk

SIZES = (10, 1_000, 100_000, 1_000_000)
FORMATS = ("JSON", "binary")
INFER = "/v2/models/relu/infer"
HEAD = "Inference-Header-Content-Length"
ROUNDS = 3
M = 1_000_000
# granian's options, each on the 10-element request. --blocking-threads above 1 is refused for
# ASGI. --backpressure N serves N connections at a time and leaves the others unanswered (not
# turned away) until one closes: its latency is of N connections, not of wrk's 32.
GRANIAN_OPTIONS = {
    "--http auto": ("--http", "auto"),
    "--runtime-threads 2": ("--runtime-threads", "2"),
    "--runtime-mode st": ("--runtime-mode", "st"),
    "--task-impl rust": ("--task-impl", "rust"),
    "--backpressure 8": ("--backpressure", "8"),
}


@dataclass(frozen=True)
class Result:
    figure: Figure  # the run of median rate
    cpu_ms: float  # the server's CPU time per request, median of the runs
    loop_ms: float  # of which on its busiest process's main thread


Spec = tuple[str, int, str | None, int]  # url, connections, wrk script, server pid
Verdict = tuple[str, float, bool]  # what, the ratio, whether ours (or granian) is ahead


def cpu_seconds(pid: int) -> tuple[float, float]:
    """CPU seconds of a process and its descendants, and of the busiest one's main thread."""
    tick = os.sysconf("SC_CLK_TCK")
    parent: dict[int, int] = {}
    used: dict[int, float] = {}
    main_thread: dict[int, float] = {}
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            task = Path(f"/proc/{entry}/task/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        thread = task[task.rindex(")") + 2 :].split()
        parent[int(entry)] = int(fields[1])
        used[int(entry)] = (int(fields[11]) + int(fields[12])) / tick
        main_thread[int(entry)] = (int(thread[11]) + int(thread[12])) / tick
    tree, todo = [], [pid]
    while todo:
        tree.append(todo.pop())
        todo += [child for child, up in parent.items() if up == tree[-1]]
    busiest = max(tree, key=lambda p: used.get(p, 0.0))
    return sum(used.get(p, 0.0) for p in tree), main_thread.get(busiest, 0.0)


def measure(specs: dict[str, Spec], seconds: dict[str, int]) -> dict[str, Result]:
    """Each figure in ROUNDS runs taken in turn with the others (bench.wrk.measure), with the
    server's CPU time over each run."""
    runs: dict[str, list[tuple[Figure, float, float]]] = {name: [] for name in specs}
    for _ in range(ROUNDS):
        for name, (url, connections, script, pid) in specs.items():
            total, loop = cpu_seconds(pid)
            figure = wrk(url, connections, seconds[name], script)
            after, loop_after = cpu_seconds(pid)
            requests = max(figure.rate * seconds[name], 1.0)
            runs[name].append((figure, (after - total) / requests, (loop_after - loop) / requests))
    middle = ROUNDS // 2
    return {
        name: Result(
            sorted((r[0] for r in got), key=lambda f: f.rate)[middle],
            sorted(r[1] for r in got)[middle] * 1e3,
            sorted(r[2] for r in got)[middle] * 1e3,
        )
        for name, got in runs.items()
    }


def v2_bodies(folder: str, n: int) -> tuple[np.ndarray, dict[str, tuple[str, dict[str, str]]]]:
    """x, and per format the body's file and headers; output "value" only, as the peers
    return (the service returns the subgradient too unless asked for one output)."""
    x = np.random.default_rng(n).normal(size=n).astype(np.float32)
    tensor = {"name": "x", "shape": [n], "datatype": "FP32", "data": x.tolist()}
    body = {"inputs": [tensor], "outputs": [{"name": "value"}]}
    files = {"JSON": (json.dumps(body).encode(), {"content-type": "application/json"})}
    files["binary"] = kserve_body(x)
    named: dict[str, tuple[str, dict[str, str]]] = {}
    for fmt, (content, headers) in files.items():
        path = os.path.join(folder, f"{fmt}{n}")
        Path(path).write_bytes(content)
        named[fmt] = (path, headers)
    return x, named


def check(url: str, x: np.ndarray, path: str, headers: dict[str, str]) -> str | None:
    """None when the answer is np.maximum(x, 0), else what is wrong."""
    try:
        r = httpx.post(url + INFER, content=Path(path).read_bytes(), headers=headers, timeout=300)
    except httpx.HTTPError as exc:
        return f"no answer ({type(exc).__name__})"
    if r.status_code != 200:
        return f"not supported (HTTP {r.status_code})"
    if HEAD.lower() in r.headers:
        length = int(r.headers[HEAD])
        output = json.loads(r.content[:length])["outputs"][0]
        size = output["parameters"]["binary_data_size"]
        y = np.frombuffer(r.content[length : length + size], np.float32)
    else:
        output = r.json()["outputs"][0]
        y = np.asarray(output["data"], np.float32).reshape(-1)
    if output["name"] != "value" or not np.array_equal(y, np.maximum(x, 0)):
        return "wrong answer"
    return None


def fmt_ms(ms: float) -> str:
    return f"{ms:.3f}" if ms < 10 else f"{ms:.1f}" if ms < 1000 else f"{ms:,.0f}"


def fmt_rate(value: float) -> str:
    for scale, unit in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if value >= scale:
            return f"{value / scale:,.2f}{unit}"
    return f"{value:,.1f}"


def header(ratio: str) -> None:
    print(
        f"{'':<58} {'req/s':>9} {'elem/s':>8} {ratio:>9} {'p50':>8} {'p99':>8} {'cpu/req':>8}"
        f" {'loop':>8} {'client':>6} {'err':>4}"
    )


def row(name: str, r: Result, elements: int = 0, ratio: float | None = None) -> None:
    f = r.figure
    print(
        f"{name:<58} {f.rate:>9,.1f} {fmt_rate(f.rate * elements) if elements else '':>8}"
        f" {f'{ratio:.2f}x' if ratio is not None else '':>9} {f.p50_ms:>8.2f} {f.p99_ms:>8.2f}"
        f" {fmt_ms(r.cpu_ms):>8} {fmt_ms(r.loop_ms):>8} {f.client_cpu:>6.0%} {f.errors:>4}",
        flush=True,
    )


def peers(seconds: int, verdicts: list[Verdict]) -> None:
    print("\n## The v2 route and its peers (ratio: ours / the peer's rate)", flush=True)
    header("ours/peer")
    with ExitStack() as stack:
        folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="relu-peers-"))
        ours = stack.enter_context(service())
        urls, pids = {"ours": ours.url}, {"ours": ours.pid}
        for peer in (launch.mlserver(Path(folder)), launch.kserve()):
            pids[peer.name], urls[peer.name] = stack.enter_context(child(peer)), peer.url
        for n in SIZES:
            x, bodies = v2_bodies(folder, n)
            connections = 32 if n <= 1_000 else 1
            for fmt in FORMATS:
                path, headers = bodies[fmt]
                label = f"v2 {fmt} {n:,} float32, c={connections}"
                wrong = {name: check(url, x, path, headers) for name, url in urls.items()}
                if wrong["ours"]:
                    raise SystemExit(f"{label}: the service's answer: {wrong['ours']}")
                extra = {k: v for k, v in headers.items() if k != "content-type"}
                script = post_file(path, headers["content-type"], extra)
                specs: dict[str, Spec] = {
                    name: (urls[name] + INFER, connections, script, pids[name])
                    for name in urls
                    if not wrong[name]
                }
                # A peer takes seconds over a JSON request of 1e6: runs long enough for several.
                long = max(seconds, 15) if fmt == "JSON" and n >= M else seconds
                got = measure(specs, dict.fromkeys(specs, long))
                row(f"{label}: ours", got["ours"], n)
                for name in [name for name in urls if name != "ours"]:
                    if wrong[name]:
                        print(f"{label}: {name:<10} {wrong[name]}", flush=True)
                        continue
                    ratio = got["ours"].figure.rate / got[name].figure.rate
                    row(f"{label}: {name}", got[name], n, ratio)
                    verdicts.append((f"ours / {name}, v2 {fmt} {n:,}", ratio, ratio >= 1))


def servers(seconds: int, verdicts: list[Verdict]) -> None:
    print("\n## The service under uvicorn (httptools) and granian (ratio: granian / uvicorn)")
    header("gr/uv")
    with ExitStack() as stack:
        folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="relu-servers-"))
        raw = os.path.join(folder, "raw")
        np.random.default_rng(M).normal(size=M).astype(np.float32).tofile(raw)
        small = post(SMALL)
        binary = post_file(raw, "application/octet-stream", {"accept": "application/octet-stream"})
        uvicorn = stack.enter_context(service())
        url, pid = {"uvicorn": uvicorn.url}, {"uvicorn": uvicorn.pid}
        others = [launch.uvicorn_bare("uvicorn bare"), launch.granian("granian")]
        others.append(launch.granian("granian bare", "bench.bare:app"))
        others += [
            launch.granian(option, options=flags) for option, flags in GRANIAN_OPTIONS.items()
        ]
        for other in others:
            pid[other.name], url[other.name] = stack.enter_context(child(other)), other.url
        figures = {
            "bare ASGI app, GET, c=32": ("bare", "/", None, 0),
            "bare ASGI app, POST of 10 elements, c=32": ("bare", "/", small, 0),
            "/healthz, c=32": ("", "/healthz", None, 0),
            "/v1/relu 10 elements JSON, c=32": ("", "/v1/relu", small, 0),
            f"/v1/relu binary {M:,} float32, c=1": ("", "/v1/relu?dtype=float32", binary, M),
        }
        specs: dict[str, Spec] = {}
        for label, (app, path, script, n) in figures.items():
            for server in ("uvicorn", "granian"):
                name = f"{server} {app}".strip()
                specs[f"{label}: {server}"] = (url[name] + path, 1 if n else 32, script, pid[name])
        relu10 = "/v1/relu 10 elements JSON, c=32"
        for option in GRANIAN_OPTIONS:
            spec: Spec = (url[option] + "/v1/relu", 32, small, pid[option])
            specs[f"/v1/relu 10 JSON, c=32: granian {option}"] = spec
        got = measure(specs, dict.fromkeys(specs, seconds))
    for label, (*_, n) in figures.items():
        uv, gr = got[f"{label}: uvicorn"], got[f"{label}: granian"]
        ratio = gr.figure.rate / uv.figure.rate
        row(f"{label}: uvicorn", uv, n)
        row(f"{label}: granian", gr, n, ratio)
        verdicts.append((f"granian / uvicorn, rate: {label}", ratio, ratio >= 1))
        cpu = gr.cpu_ms / uv.cpu_ms
        verdicts.append((f"granian / uvicorn, CPU per request: {label}", cpu, cpu <= 1))
    for option in GRANIAN_OPTIONS:
        name = f"/v1/relu 10 JSON, c=32: granian {option}"
        row(name, got[name], 0, got[name].figure.rate / got[f"{relu10}: uvicorn"].figure.rate)
    print("(--backpressure 8: 8 of the 32 connections served at a time, the others left waiting)")


def robustness() -> None:
    print(
        f"\n## Slow and greedy clients (bare app; header deadline {slow_clients.HEADER_S:g} s, "
        f"uvicorn's keep-alive {slow_clients.KEEP_ALIVE_S:g} s)",
        flush=True,
    )
    limits = {
        "RELU_HEADER_TIMEOUT_S": str(slow_clients.HEADER_S),
        "RELU_KEEP_ALIVE_S": str(round(slow_clients.KEEP_ALIVE_S)),
    }
    servers = [
        launch.uvicorn_bare("uvicorn + GuardedHttpToolsProtocol", limits),
        launch.granian("granian", "bench.bare:app", header_timeout_s=slow_clients.HEADER_S),
    ]
    with ExitStack() as stack:
        for server in servers:
            stack.enter_context(child(server))
        slow_clients.report({server.name: int(server.url.rsplit(":", 1)[1]) for server in servers})


def main() -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk")
    missing = [
        p for p in ("mlserver", "kserve", "granian") if not (PEERS / p / ".installed").exists()
    ]
    if missing:
        raise SystemExit(f"no venv for {', '.join(missing)} under {PEERS}: run make bench-peers")
    seconds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    print(
        f"wrk, 1 thread, median of {ROUNDS} runs of {seconds} s taken in turn (15 s for JSON of "
        "1e6); rate in requests/s and elements/s, latency in ms; cpu/req: the server's CPU ms a "
        "request, loop: of which on its event loop's thread; client: wrk's CPU share"
    )
    verdicts: list[Verdict] = []
    peers(seconds, verdicts)
    servers(seconds, verdicts)
    robustness()
    print()
    for label, value, ok in verdicts:
        if label.startswith("granian"):
            word = "granian ahead" if ok else "uvicorn ahead"
        else:
            word = "ok" if ok else "MISSED"
        print(f"{label:<80} {value:>6.2f}x  {word}")
    for what, summary in (
        ("ours /", "ours ahead of MLServer and KServe at every size and format"),
        ("granian /", "granian ahead of uvicorn on every figure, rate and CPU"),
    ):
        ahead = [ok for label, _, ok in verdicts if label.startswith(what)]
        verdict = "ok" if all(ahead) else "MISSED"
        print(f"{summary:<80} {sum(ahead):>3}/{len(ahead)}  {verdict}")


if __name__ == "__main__":
    main()
