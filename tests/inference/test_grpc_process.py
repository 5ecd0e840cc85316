"""gRPC beside HTTP in the processes `python -m service` starts: in every worker, refused
loudly when its port is taken, and gone after SIGTERM."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import tritonclient.grpc as grpcclient

from tests.conftest import ROOT, free_port
from tests.inference.conftest import GrpcLiveServer, sqlite_database

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")


def _listening_inodes(port: int) -> set[str]:
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == "0A" and int(local.rsplit(":", 1)[1], 16) == port:
                inodes.add(inode)
    return inodes


def _descendants(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            found |= {int(child), *_descendants(int(child))}
    return found


def _listeners(pid: int, port: int) -> set[int]:
    """The processes under pid that hold a socket listening on port."""
    wanted = {f"socket:[{inode}]" for inode in _listening_inodes(port)}
    holders = set()
    for child in _descendants(pid):
        try:
            links = {os.readlink(fd) for fd in Path(f"/proc/{child}/fd").iterdir()}
        except (FileNotFoundError, PermissionError):
            continue
        if links & wanted:
            holders.add(child)
    return holders


def test_start_serves_grpc_in_every_worker_and_stops_on_sigterm(tmp_path: Path) -> None:
    server = GrpcLiveServer(
        {"DATABASE_URL": sqlite_database(tmp_path), "RELU_WORKERS": "2"},
        command=[sys.executable, "-m", "service", "start"],
    )
    try:
        deadline = time.monotonic() + 30
        while len(holders := _listeners(server.http.process.pid, server.grpc_port)) < 2:
            assert time.monotonic() < deadline, f"workers listening: {holders}"
            time.sleep(0.1)
        assert server.http.process.pid not in holders  # the workers, not the parent
        for _ in range(8):  # new connections, which the kernel spreads between the workers
            client = grpcclient.InferenceServerClient(server.target)
            assert client.is_model_ready("relu")
            client.close()
        server.http.process.send_signal(signal.SIGTERM)
        assert server.http.process.wait(timeout=30) in (0, -signal.SIGTERM)
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", server.grpc_port), timeout=5).close()
    finally:
        server.stop()


def test_a_taken_grpc_port_stops_start_up(tmp_path: Path) -> None:
    with socket.socket() as taken:  # without SO_REUSEPORT: another program's
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "service"],
            cwd=ROOT,
            env={
                **os.environ,
                "DATABASE_URL": sqlite_database(tmp_path),
                "HOST": "127.0.0.1",
                "PORT": str(free_port()),
                "RELU_GRPC_PORT": str(port),
            },
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode != 0
    assert f"cannot listen for gRPC on 127.0.0.1:{port}" in done.stderr
    assert "RELU_GRPC_PORT" in done.stderr
