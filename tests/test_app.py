from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI

from service.app import create_app
from service.settings import Settings
from service.state import of_app

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


CALCULATOR = [
    ("GET", "/v1/functions"),
    ("GET", "/v1/functions/relu"),
    ("GET", "/v1/functions/relu/graph"),
    ("POST", "/v1/functions/relu/subgradient"),
    ("POST", "/v1/relu"),
    ("POST", "/v1/relu/subgradient"),
    ("GET", "/v2/health/ready"),
    ("GET", "/v2/models/relu"),
    ("POST", "/v2/models/relu/infer"),
    ("GET", "/playground"),
]


async def test_exam_mode_serves_no_calculator(database_url: str) -> None:
    app = create_app(Settings(exam_mode=True, database_url=database_url))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        for method, path in CALCULATOR:
            body = {"x": [0.0]} if method == "POST" else None
            response = await c.request(method, path, json=body)
            assert response.status_code == 404, path
        paths = (await c.get("/openapi.json")).json()["paths"]
        assert not [p for p in paths if p.startswith(("/v1/functions", "/v1/relu", "/v2"))]
        assert "/v1/quizzes" in paths
        config = (await c.get("/v1/config")).json()
        assert config["exam_mode"] is True
        assert config["quiz_defaults"]["reveal"] == "after_finish"
        quiz = (await c.post("/v1/quizzes", json={"size": 3})).json()
        assert quiz["reveal"] == "after_finish"
        assert quiz["seed"] is None  # a second quiz with the same items cannot be started
        refused = await c.post("/v1/quizzes", json={"size": 3, "seed": 1, "max_tries": 3})
        assert refused.status_code == 422
        assert [e["loc"] for e in refused.json()["errors"]] == [
            ["body", "seed"],
            ["body", "max_tries"],
        ]
        assert (await c.get("/")).status_code == 200  # the quiz page itself stays
    of_app(app).database.dispose()


async def test_outside_exam_mode_the_calculator_is_there(client: httpx.AsyncClient) -> None:
    for method, path in CALCULATOR:
        body = {"x": [0.0]} if method == "POST" else None
        response = await client.request(method, path, json=body)
        assert response.status_code != 404, path
    config = (await client.get("/v1/config")).json()
    assert config == {
        "exam_mode": False,
        "quiz_defaults": {
            "size": 10,
            "max_tries": 1,
            "reveal": "after_answer",
            "penalty": pytest.approx(1 / 3),
            "hint_penalty": 0.1,
        },
    }
