from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI

from service.app import create_app
from service.settings import Settings

pytestmark = pytest.mark.anyio


def test_every_operation_has_an_operation_id(app: FastAPI) -> None:
    spec = app.openapi()
    ids = [op["operationId"] for path in spec["paths"].values() for op in path.values()]
    assert len(ids) == len(set(ids))
    assert all(ids)


def test_evaluation_routes_document_three_body_types(app: FastAPI) -> None:
    body = app.openapi()["paths"]["/v1/relu/subgradient"]["post"]["requestBody"]
    assert set(body["content"]) == {
        "application/json",
        "application/x-npy",
        "application/octet-stream",
    }
    assert body["content"]["application/json"]["schema"]["properties"]["at_zero"]


def test_settings_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELU_MAX_ELEMENTS", "12")
    monkeypatch.setenv("PORT", "9123")
    settings = Settings()
    assert settings.max_elements == 12
    assert settings.port == 9123


async def test_docs_can_be_turned_off(database_url: str) -> None:
    app = create_app(Settings(docs=False, database_url=database_url))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        assert (await c.get("/openapi.json")).status_code == 404


async def test_problem_types_are_documented(client: httpx.AsyncClient) -> None:
    problem = (await client.post("/v1/relu", json={"x": [True]})).json()
    described = (await client.get(problem["type"])).json()
    assert described["status"] == 422
    assert described["type"] == problem["type"]
    assert (await client.get("/problems/nope")).status_code == 404
