"""Body limits against a live uvicorn server, where streaming is real; the reader against
ASGI messages given one by one."""

from __future__ import annotations

import httpx
import numpy as np
import pytest
from starlette.requests import ClientDisconnect, Request

from service.errors import Unprocessable
from service.http.body import BodyReader
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


def _request(*messages: dict[str, object], length: int | None = None) -> Request:
    queue = list(messages)

    async def receive() -> dict[str, object]:
        return queue.pop(0)

    headers = [(b"content-length", str(length).encode())] if length is not None else []
    return Request({"type": "http", "method": "POST", "headers": headers}, receive)


@pytest.mark.anyio
async def test_a_body_in_several_messages_is_read_whole() -> None:
    reader = BodyReader(
        _request(
            {"type": "http.request", "body": b"ab", "more_body": True},
            {"type": "http.request", "body": b"", "more_body": True},
            {"type": "http.request", "body": b"cde"},
            length=5,
        )
    )
    assert (await reader.read_exactly(1, "prefix")) == b"a"
    assert bytes(await reader.read_rest()) == b"bcde"


@pytest.mark.anyio
async def test_a_body_of_unknown_length_is_read_until_the_last_message() -> None:
    reader = BodyReader(
        _request(
            {"type": "http.request", "body": b"12", "more_body": True},
            {"type": "http.request", "body": b"3", "more_body": False},
        )
    )
    assert bytes(await reader.read_rest()) == b"123"
    assert (await reader._next()) is None  # nothing is received after the last message


@pytest.mark.anyio
async def test_a_client_gone_mid_body_is_a_disconnect() -> None:
    reader = BodyReader(
        _request(
            {"type": "http.request", "body": b"12", "more_body": True},
            {"type": "http.disconnect"},
            length=4,
        )
    )
    with pytest.raises(ClientDisconnect):
        await reader.read_rest()


@pytest.mark.anyio
async def test_a_body_shorter_than_its_declared_length_is_a_422() -> None:
    reader = BodyReader(_request({"type": "http.request", "body": b"12"}, length=4))
    with pytest.raises(Unprocessable, match="holds 2 bytes, but 4 were expected"):
        await reader.read_rest()
