"""Body limits against a live uvicorn server, where streaming is real."""

from __future__ import annotations

import httpx
import numpy as np

from tests.conftest import LiveServer


def test_declared_length_over_the_limit_is_answered_at_once(live_server: LiveServer) -> None:
    # Declares 1 GB but sends 10 bytes: the answer must not wait for the rest.
    head = (
        b"POST /v1/relu HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
        b"Content-Length: 1000000000\r\n\r\n"
    )
    received, elapsed = live_server.raw(head, b"\x00" * 10)
    assert received.startswith(b"HTTP/1.1 413")
    assert b"application/problem+json" in received
    assert elapsed < 5
    assert httpx.get(f"{live_server.url}/healthz").status_code == 200


def test_too_many_elements_is_answered_before_the_body(live_server: LiveServer) -> None:
    # The server allows 2,000,000 elements: 3,000,000 float16 is 6 MB, under the byte limit.
    head = (
        b"POST /v1/relu?dtype=float16 HTTP/1.1\r\nHost: x\r\n"
        b"Content-Type: application/octet-stream\r\nContent-Length: 6000000\r\n\r\n"
    )
    received, _ = live_server.raw(head, b"")
    assert received.startswith(b"HTTP/1.1 413")


def test_large_binary_request_round_trips(live_server: LiveServer) -> None:
    x = np.random.default_rng(1).normal(size=1_000_000).astype(np.float32)
    response = httpx.post(
        f"{live_server.url}/v1/relu?dtype=float32",
        content=x.tobytes(),
        headers={"content-type": "application/octet-stream", "accept": "application/octet-stream"},
        timeout=30,
    )
    assert response.status_code == 200
    np.testing.assert_array_equal(np.frombuffer(response.content, np.float32), np.maximum(x, 0))


def test_chunked_body_over_the_limit(live_server: LiveServer) -> None:
    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(40):
            yield b"\x00" * 500_000

    response = httpx.post(
        f"{live_server.url}/v1/relu?dtype=float64",
        content=chunks(),
        headers={"content-type": "application/octet-stream"},
        timeout=30,
    )
    assert response.status_code == 413
