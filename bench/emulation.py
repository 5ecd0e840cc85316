"""What emulate and the program explorer cost, printed with their targets.

Starts the service (one uvicorn worker) and measures, in interleaved rounds so that drift in
the machine's speed hits both sides alike:
- the binary relu routes at 10^6 float32 elements, exact and with ?emulate= each framework,
  one request of each in turn, as the median seconds per request; target: emulate adds at
  most 20 %;
- requests per second of a 10-element POST /v1/programs/evaluate (all three frameworks)
  against the health route; target: at least 0.5 x.

    make bench            # or: python -m bench.emulation [--quick]
"""

from __future__ import annotations

import argparse
import statistics

import httpx
import numpy as np
import orjson

from bench.evaluation import RAW, post, rate, start_server, timed

FRAMEWORKS = ("pytorch", "jax", "tensorflow")
ROUTES = ("/v1/relu", "/v1/relu/subgradient")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="smaller time budget per figure")
    args = parser.parse_args()
    budget = 0.5 if args.quick else 2.0
    server = start_server()
    x = np.random.default_rng(6).normal(size=1_000_000).astype(np.float32).tobytes()
    headers = {"content-type": RAW, "accept": RAW}
    seconds: dict[tuple[str, str], list[float]] = {}
    try:
        with httpx.Client(base_url=server.url, timeout=600) as client:
            for route in ROUTES:
                calls = {
                    mode: post(
                        client,
                        f"{route}?dtype=float32" + ("" if mode == "exact" else f"&emulate={mode}"),
                        x,
                        headers,
                    )
                    for mode in ("exact", *FRAMEWORKS)
                }
                for call in calls.values():
                    call()  # warm-up, and a check that the path answers 200
                # One request of each mode in turn, many times: drift in the machine's speed
                # and in the server's heap hits every mode alike.
                for _ in range(int(20 * budget)):
                    for mode, call in calls.items():
                        seconds.setdefault((route, mode), []).append(timed(call, 0, 1))
            program = orjson.dumps(
                {"program": "relu(x) - relu(-x)", "x": [-2, -1, -0.5, 0, 0.5, 1, 2, 3, 4, 5]}
            )
            explore = post(
                client, "/v1/programs/evaluate", program, {"content-type": "application/json"}
            )
            health = lambda: client.get("/healthz").raise_for_status() and None  # noqa: E731
            rate(health, 0.5)
            rate(explore, 0.5)
            rounds = [(rate(health, budget / 2), rate(explore, budget / 2)) for _ in range(6)]
    finally:
        server.process.terminate()
        server.process.wait()

    print("\nms per request at 10^6 float32 (binary in and out; median of interleaved requests)")
    print(f"{'route':<22}" + "".join(f"{mode:>12}" for mode in ("exact", *FRAMEWORKS)))
    checks = []
    for route in ROUTES:
        median = {
            mode: statistics.median(seconds[(route, mode)]) for mode in ("exact", *FRAMEWORKS)
        }
        print(f"{route:<22}" + "".join(f"{median[m] * 1e3:>12.2f}" for m in median))
        for mode in FRAMEWORKS:
            checks.append((f"{route} emulate={mode} / exact", median[mode] / median["exact"], 1.2))
    health_rps = statistics.median(h for h, _ in rounds)
    explore_rps = statistics.median(e for _, e in rounds)
    print(f"\nhealth route {health_rps:,.0f} req/s; 10-element program {explore_rps:,.0f} req/s\n")
    for label, value, limit in checks:
        print(
            f"{label:<46} {value:>6.2f}  target <= {limit}  {'ok' if value <= limit else 'MISSED'}"
        )
    ratio = explore_rps / health_rps
    print(
        f"{'10-element program / health req/s':<46} {ratio:>6.2f}  target >= 0.5  "
        f"{'ok' if ratio >= 0.5 else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
