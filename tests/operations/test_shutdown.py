"""Graceful shutdown: a request in flight when the server is told to stop still completes."""

from __future__ import annotations

import signal
import socket
import time
from pathlib import Path

import numpy as np

from service.db import upgrade
from tests.conftest import LiveServer


def test_in_flight_request_finishes_after_sigterm(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'shutdown.db'}"
    upgrade(database)
    server = LiveServer({"DATABASE_URL": database, "RELU_SHUTDOWN_GRACE_S": "20"})
    x = np.arange(-50_000, 50_000, dtype="<f8")
    body = x.tobytes()
    head = (
        "POST /v1/relu?dtype=float64 HTTP/1.1\r\nHost: t\r\n"
        "Content-Type: application/octet-stream\r\nAccept: application/octet-stream\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    ).encode()
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
            sock.sendall(head + body[: len(body) // 2])
            time.sleep(0.3)
            server.process.send_signal(signal.SIGTERM)
            time.sleep(0.5)
            assert server.process.poll() is None, "the server quit with a request in flight"
            sock.sendall(body[len(body) // 2 :])
            received = b""
            while chunk := sock.recv(1 << 16):
                received += chunk
        status, _, rest = received.partition(b"\r\n")
        assert status == b"HTTP/1.1 200 OK"
        payload = rest.split(b"\r\n\r\n", 1)[1]
        np.testing.assert_array_equal(np.frombuffer(payload, "<f8"), np.maximum(x, 0))
        # uvicorn finishes its work, then re-raises the signal to end the process with it.
        assert server.process.wait(timeout=20) in (0, -signal.SIGTERM)
        assert "Finished server process" in server.output()
    finally:
        server.stop()
