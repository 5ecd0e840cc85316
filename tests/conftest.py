from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import create_engine, make_url

from service.app import create_app
from service.db import upgrade
from service.settings import Settings
from service.state import of_app

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL")
REDIS_URL = os.environ.get("TEST_REDIS_URL")


def require(url: str | None, name: str) -> str:
    """The service's URL; locally a test without it skips, in CI it fails."""
    if url:
        return url
    if os.environ.get("CI"):
        pytest.fail(f"{name} is not set: CI must run the tests that need it")
    pytest.skip(f"{name} is not set")


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A URL whose connections work in a schema of their own, dropped afterwards."""
    base = require(POSTGRES_URL, "TEST_POSTGRES_URL")
    schema = f"test_{secrets.token_hex(6)}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@contextmanager
def migrated_database(kind: str, directory: Path) -> Iterator[str]:
    if kind == "sqlite":
        url = f"sqlite:///{directory / 'test.db'}"
        upgrade(url)
        yield url
        return
    with postgres_schema() as url:
        upgrade(url)
        yield url


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    """A fresh SQLite database of the test's own, migrated to head."""
    with migrated_database("sqlite", tmp_path) as url:
        yield url


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(
        max_elements=1_000,
        max_body_bytes=64_000,
        max_json_bytes=32_000,
        database_url=database_url,
        admin_api_key="admin-key-for-tests",
        rate_limit_quiz_create="10000/minute",
        rate_limit_answers="10000/minute",
    )


@pytest.fixture
def app(settings: Settings) -> Iterator[FastAPI]:
    app = create_app(settings)
    yield app
    of_app(app).database.dispose()


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _complete(answer: bytes) -> bool:
    head, found, body = answer.partition(b"\r\n\r\n")
    if not found:
        return False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return len(body) >= int(value.strip())
    return False


class LiveServer:
    """`python -m service` in a child process, as `make run` starts it."""

    def __init__(
        self, env: dict[str, str], command: list[str] | None = None, cwd: Path = ROOT
    ) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.NamedTemporaryFile(prefix="relu-server-", suffix=".log")  # noqa: SIM115
        self.process = subprocess.Popen(
            command or [sys.executable, "-m", "service"],
            cwd=cwd,
            # gRPC off unless a test asks for it: servers side by side would share one port.
            env={
                **os.environ,
                "RELU_GRPC_PORT": "0",
                **env,
                "HOST": "127.0.0.1",
                "PORT": str(self.port),
            },
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"the server did not start:\n{self.output()[-3000:]}")

    def raw(self, head: bytes, body: bytes = b"", deadline_s: float = 10) -> tuple[bytes, float]:
        """Send bytes on a socket of its own; the whole answer (its headers and as many body
        bytes as its Content-Length says, or all until the server closes) and the seconds
        taken. Reads until then or the deadline, never just once: an answer may arrive in
        several pieces."""
        start = time.monotonic()
        received = b""
        with socket.create_connection(("127.0.0.1", self.port), timeout=deadline_s) as sock:
            sock.sendall(head + body)
            while time.monotonic() - start < deadline_s:
                sock.settimeout(max(0.01, deadline_s - (time.monotonic() - start)))
                try:
                    chunk = sock.recv(65536)
                except (TimeoutError, ConnectionResetError):
                    break
                if not chunk:
                    break
                received += chunk
                if _complete(received):
                    break
        return received, time.monotonic() - start

    def output(self) -> str:
        return Path(self.log.name).read_text(errors="replace")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    url = f"sqlite:///{tmp_path_factory.mktemp('live') / 'live.db'}"
    upgrade(url)
    server = LiveServer(
        {
            "RELU_MAX_ELEMENTS": "2000000",
            "RELU_MAX_BODY_BYTES": "16000000",
            "DATABASE_URL": url,
        }
    )
    yield server
    server.stop()
