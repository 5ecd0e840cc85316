from __future__ import annotations

import httpx
import pytest

from service.app import create_app
from service.settings import Settings
from service.state import of_app

pytestmark = pytest.mark.anyio


async def test_no_origin_is_allowed_by_default(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz", headers={"Origin": "https://quiz.example"})
    assert "access-control-allow-origin" not in response.headers


async def test_a_preflight_to_a_server_without_origins_says_what_to_set(
    client: httpx.AsyncClient,
) -> None:
    preflight = await client.options(
        "/v1/quizzes",
        headers={"Origin": "https://quiz.example", "Access-Control-Request-Method": "POST"},
    )
    assert preflight.status_code == 405
    assert "access-control-allow-origin" not in preflight.headers
    assert "RELU_CORS_ORIGINS" in preflight.json()["detail"]


async def test_configured_origins(database_url: str) -> None:
    app = create_app(Settings(database_url=database_url, cors_origins=["https://quiz.example"]))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        preflight = await client.options(
            "/v1/quizzes",
            headers={
                "Origin": "https://quiz.example",
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "Authorization, Content-Type",
            },
        )
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == "https://quiz.example"
        simple = await client.post(
            "/v1/relu", json={"x": [1]}, headers={"Origin": "https://quiz.example"}
        )
        assert simple.headers["access-control-allow-origin"] == "https://quiz.example"
        assert "X-Request-ID" in simple.headers["access-control-expose-headers"]
        other = await client.get("/healthz", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
    of_app(app).database.dispose()
