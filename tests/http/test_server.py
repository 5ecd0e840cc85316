"""The server's own guards, on a live process: a deadline for headers, and caps on the
connections one client address may hold."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import httpx
import pytest

from service.db import upgrade
from tests.conftest import LiveServer


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    database = f"sqlite:///{tmp_path_factory.mktemp('guard') / 'guard.db'}"
    upgrade(database)
    live = LiveServer(
        {
            "DATABASE_URL": database,
            "RELU_HEADER_TIMEOUT_S": "1",
            "RELU_MAX_CONNECTIONS_PER_CLIENT": "5",
            "RELU_MAX_HEADER_BYTES": "8192",
        }
    )
    yield live
    live.stop()


def _read_until_closed(sock: socket.socket, deadline_s: float) -> tuple[bytes, float]:
    start = time.monotonic()
    received = b""
    while time.monotonic() - start < deadline_s:
        sock.settimeout(max(0.01, deadline_s - (time.monotonic() - start)))
        try:
            chunk = sock.recv(4096)
        except TimeoutError:
            break
        if not chunk:
            break
        received += chunk
    return received, time.monotonic() - start


def test_headers_that_trickle_in_are_cut_off(guarded: LiveServer) -> None:
    with socket.create_connection(("127.0.0.1", guarded.port)) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHo")
        answer, elapsed = _read_until_closed(sock, 10)
    assert answer.startswith(b"HTTP/1.1 408"), answer[:100]
    assert b"did not arrive within 1 s" in answer
    assert 0.8 < elapsed < 5


def test_a_silent_connection_is_cut_off_too(guarded: LiveServer) -> None:
    with socket.create_connection(("127.0.0.1", guarded.port)) as sock:
        answer, elapsed = _read_until_closed(sock, 10)
    assert answer.startswith(b"HTTP/1.1 408")
    assert elapsed < 5


def test_headers_over_the_limit_are_refused_and_the_connection_closed(
    guarded: LiveServer,
) -> None:
    """64 KiB of header is refused with 431 once 8 KiB have come, not held in memory."""
    with socket.create_connection(("127.0.0.1", guarded.port)) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: t\r\nX-Big: ")
        try:
            for _ in range(16):
                sock.sendall(b"a" * 4096)
        except (BrokenPipeError, ConnectionResetError):
            pass  # closed by the server after its answer, as it should be
        answer, _ = _read_until_closed(sock, 10)
    assert answer.startswith(b"HTTP/1.1 431"), answer[:100]
    assert b"more than 8192 bytes" in answer


def test_a_body_in_the_headers_chunk_does_not_count_toward_them(guarded: LiveServer) -> None:
    """Small headers followed, in the same writes, by a body far over the header limit."""
    body = b'{"x": [' + b"0.5, " * 4000 + b"1]}"
    head = (
        f"POST /v1/relu HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", guarded.port)) as sock:
        sock.sendall(head + body)
        answer, _ = _read_until_closed(sock, 10)
    assert answer.startswith(b"HTTP/1.1 200"), answer[:100]


def test_one_address_holds_at_most_its_share(guarded: LiveServer) -> None:
    held = [socket.create_connection(("127.0.0.1", guarded.port)) for _ in range(5)]
    try:
        with socket.create_connection(("127.0.0.1", guarded.port)) as sixth:
            answer, _ = _read_until_closed(sixth, 5)
        assert answer.startswith(b"HTTP/1.1 429"), answer[:100]
        assert b"retry-after: 1" in answer.lower()
        # Another address is served meanwhile.
        with socket.socket() as other:
            other.bind(("127.0.0.2", 0))
            other.connect(("127.0.0.1", guarded.port))
            other.sendall(b"GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            answer, _ = _read_until_closed(other, 5)
        assert answer.startswith(b"HTTP/1.1 200")
    finally:
        for sock in held:
            sock.close()
    # The slots come back once those connections are gone.
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{guarded.url}/healthz", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            pass
        time.sleep(0.05)
    assert httpx.get(f"{guarded.url}/healthz").status_code == 200
