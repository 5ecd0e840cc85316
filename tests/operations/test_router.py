from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from service.app import create_app
from service.settings import Settings
from service.state import of_app

pytestmark = pytest.mark.anyio


async def test_health(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok"}


async def test_ready_when_migrated(client: httpx.AsyncClient) -> None:
    response = await client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["status"] == "ready"
    assert response.json()["checks"]["database"]["ok"] is True


async def _ready(settings: Settings) -> httpx.Response:
    app = create_app(settings)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        response = await client.get("/readyz")
    of_app(app).database.dispose()
    return response


async def test_not_ready_before_migrations(tmp_path: Path) -> None:
    response = await _ready(Settings(database_url=f"sqlite:///{tmp_path / 'empty.db'}"))
    assert response.status_code == 503
    assert "code expects" in response.json()["checks"]["database"]["detail"]


async def test_degraded_but_serving_without_redis(database_url: str) -> None:
    response = await _ready(Settings(database_url=database_url, redis_url="redis://127.0.0.1:1"))
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["redis"]["ok"] is False
    assert response.json()["checks"]["database"]["ok"] is True


async def test_readiness_answers_within_its_deadline_and_shares_one_probe(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    started = threading.Event()
    release = threading.Event()
    calls = []

    def hung() -> tuple[bool, str]:
        calls.append(1)
        started.set()
        release.wait(10)
        return True, "late"

    of_app(app).readiness.database = hung
    of_app(app).readiness.deadline_s = 0.3
    start = time.monotonic()
    responses = await asyncio.gather(*(client.get("/readyz") for _ in range(45)))
    release.set()
    assert time.monotonic() - start < 3
    assert {r.status_code for r in responses} == {503}
    assert "within 0.3 s" in responses[0].json()["checks"]["database"]["detail"]
    assert len(calls) == 1  # one thread, however many callers
    assert (await client.get("/v1/topics")).status_code == 200
