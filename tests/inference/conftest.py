"""Live servers that also serve gRPC, each on a port of its own."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import tritonclient.grpc as grpcclient
from tritonclient.utils import InferenceServerException

from service.db import upgrade
from tests.conftest import LiveServer


def reserve_port() -> socket.socket:
    """A free port, held by a socket that only binds it with SO_REUSEPORT: the server's gRPC
    listener (SO_REUSEPORT too) can bind it beside this one, while nothing else, such as the
    HTTP port chosen meanwhile, can take it. Close it once the server listens."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


def wait_for_grpc(target: str, deadline_s: float = 30) -> None:
    client = grpcclient.InferenceServerClient(target)
    deadline = time.monotonic() + deadline_s
    try:
        while True:
            try:
                if client.is_server_live():
                    return
            except InferenceServerException:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"nothing answered gRPC at {target} in {deadline_s} s")
            time.sleep(0.05)
    finally:
        client.close()


class GrpcLiveServer:
    """`python -m service` (or `command`) with RELU_GRPC_PORT set to a free port."""

    def __init__(self, env: dict[str, str], command: list[str] | None = None) -> None:
        reservation = reserve_port()
        self.grpc_port: int = reservation.getsockname()[1]
        try:
            self.http = LiveServer({**env, "RELU_GRPC_PORT": str(self.grpc_port)}, command)
        finally:
            reservation.close()
        self.target = f"127.0.0.1:{self.grpc_port}"
        try:
            wait_for_grpc(self.target)
        except RuntimeError:
            self.http.stop()
            raise

    def stop(self) -> None:
        self.http.stop()


def sqlite_database(directory: Path) -> str:
    url = f"sqlite:///{directory / 'inference.db'}"
    upgrade(url)
    return url


MAX_ELEMENTS = 100_000
MAX_BODY_BYTES = 400_000


@pytest.fixture(scope="module")
def grpc_live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GrpcLiveServer]:
    server = GrpcLiveServer(
        {
            "DATABASE_URL": sqlite_database(tmp_path_factory.mktemp("grpc")),
            "RELU_MAX_ELEMENTS": str(MAX_ELEMENTS),
            "RELU_MAX_BODY_BYTES": str(MAX_BODY_BYTES),
        }
    )
    yield server
    server.stop()
