"""How errors read: a request that matched no route is told the nearest ones, a method the
route does not take is told the one it does, and a field in the wrong place where it goes."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.anyio


async def _detail(response: httpx.Response, status: int) -> str:
    """The problem document's detail, or the inference protocol's error under /v2."""
    assert response.status_code == status, response.text
    if response.url.path.startswith("/v2"):
        error: str = response.json()["error"]
        return error
    assert response.headers["content-type"] == "application/problem+json"
    detail: str = response.json()["detail"]
    return detail


@pytest.mark.parametrize(
    ("method", "path", "suggested"),
    [
        ("POST", "/v1/leaky_relu", "POST /v1/functions/leaky_relu/value"),
        ("POST", "/v1/functions/relu/gradient", "POST /v1/functions/relu/subgradient"),
        ("GET", "/v1/function/abs", "GET /v1/functions/abs"),
        ("GET", "/v1/stat/items", "GET /v1/stats/items"),
        ("POST", "/v2/models/relu6/infe", "POST /v2/models/relu6/infer"),
    ],
)
async def test_an_unknown_route_is_told_the_nearest(
    client: httpx.AsyncClient, method: str, path: str, suggested: str
) -> None:
    detail = await _detail(await client.request(method, path, json={"x": [1]}), 404)
    assert detail.startswith(f"no route {method} {path}; did you mean {suggested}")


async def test_nothing_alike_is_suggested_for_a_path_like_no_route(
    client: httpx.AsyncClient,
) -> None:
    assert await _detail(await client.get("/nothing/here"), 404) == "no route GET /nothing/here"


async def test_a_method_the_route_does_not_take_is_told_the_one_it_does(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get("/v1/relu")
    assert await _detail(response, 405) == "/v1/relu does not take GET; it takes POST"
    assert response.headers["allow"] == "POST"


@pytest.mark.parametrize(
    ("path", "body", "loc", "says"),
    [
        (
            "/v1/functions/leaky_relu/value",
            {"x": [1], "negative_slope": 0.1},
            ["body", "negative_slope"],
            'send it inside params, as {"params": {"negative_slope": ...}}',
        ),
        (
            "/v1/functions/relu/value",
            {"x": [1], "mode": "interval"},
            ["body", "mode"],
            "send it to the subgradient route",
        ),
        (
            "/v1/functions/relu/subgradient",
            {"x": [1], "at_zero": 0.5},
            ["body", "at_zero"],
            "here it is at_kink",
        ),
        ("/v1/quizzes", {"topic": ["subgradients"]}, ["body", "topic"], "did you mean topics?"),
        ("/v1/quizzes", {"sise": 3}, ["body", "sise"], "did you mean size?"),
    ],
)
async def test_a_misplaced_field_says_where_it_goes(
    client: httpx.AsyncClient, path: str, body: dict[str, Any], loc: list[str], says: str
) -> None:
    response = await client.post(path, json=body)
    assert response.status_code == 422, response.text
    (error,) = response.json()["errors"]
    assert error["loc"] == loc
    assert says in error["msg"]


async def test_an_unknown_query_parameter_is_told_the_nearest(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1/functions/leaky_relu/value?dtype=float32&negativ_slope=0.2",
        content=b"\x00\x00\x80\x3f",
        headers={"content-type": "application/octet-stream"},
    )
    assert response.status_code == 422, response.text
    (error,) = response.json()["errors"]
    assert error["loc"] == ["query", "negativ_slope"]
    assert "did you mean negative_slope?" in error["msg"]
