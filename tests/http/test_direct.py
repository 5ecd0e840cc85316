"""Direct routes: which routes are called without FastAPI's request handling, and that they
answer as FastAPI would (errors through the app's handlers, the route in the scope)."""

from __future__ import annotations

import httpx
import pytest
from fastapi import Depends, FastAPI, Request
from fastapi.routing import iter_route_contexts
from starlette.responses import JSONResponse, PlainTextResponse, Response

from service.errors import Unprocessable, install
from service.http.direct import DirectRoutes

pytestmark = pytest.mark.anyio


def _table(app: FastAPI) -> set[tuple[str, str]]:
    stack = app.router.middleware_stack
    assert isinstance(stack, DirectRoutes)
    return set(stack.table)


def test_the_service_calls_its_busiest_routes_directly(app: FastAPI) -> None:
    table = _table(app)
    assert {("GET", "/healthz"), ("POST", "/v1/relu"), ("POST", "/v1/relu/subgradient")} <= table
    # A path with parameters, a validated body, or a dependency: FastAPI's to handle.
    assert ("GET", "/v1/functions/{name}") not in table
    assert ("POST", "/v1/quizzes") not in table
    assert not any("{" in path for _, path in table)


def _toy() -> FastAPI:
    app = FastAPI()
    install(app)

    @app.get("/items/{name}")
    async def item(name: str) -> Response:
        return PlainTextResponse(f"item {name}")

    @app.get("/items/special")  # shadowed by the route above, as FastAPI matches in order
    async def special() -> Response:
        return PlainTextResponse("special")

    @app.get("/plain")
    async def plain() -> Response:
        return PlainTextResponse("plain")

    @app.post("/echo")
    async def echo(request: Request) -> Response:
        body = await request.body()
        if not body:
            raise Unprocessable("the body is empty", ("body",))
        return Response(body, media_type="text/plain")

    @app.get("/serialised")
    async def serialised() -> dict[str, str]:  # FastAPI serialises the answer: not direct
        return {"a": "b"}

    @app.get("/headers")  # FastAPI hands it a Response to set headers on: not direct
    async def headers(request: Request, response: Response) -> Response:
        return PlainTextResponse(request.url.path)

    @app.post("/limited", max_body_size=4)  # FastAPI enforces the route's own body limit
    async def limited(request: Request) -> Response:
        return Response(await request.body())

    async def refuse() -> None:
        raise Unprocessable("refused by a dependency", ("header",))

    @app.get("/guarded", dependencies=[Depends(refuse)])  # FastAPI runs the dependency
    async def guarded() -> Response:
        return PlainTextResponse("guarded")

    @app.get("/route")
    async def route(request: Request) -> Response:
        return JSONResponse({"route": request.scope["route"].path, "endpoint": "route"})

    app.router.middleware_stack = DirectRoutes(
        iter_route_contexts(app.routes), app.router.middleware_stack, app.router
    )
    return app


def test_only_routes_fastapi_would_merely_call_are_direct() -> None:
    assert _table(_toy()) == {("GET", "/plain"), ("POST", "/echo"), ("GET", "/route")}


async def _client(app: FastAPI) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


async def test_direct_routes_answer_as_fastapi_would() -> None:
    app = _toy()
    async with await _client(app) as client:
        assert (await client.get("/plain")).text == "plain"
        assert (await client.post("/echo", content=b"abc")).text == "abc"
        # The scope names the route, as FastAPI's routing does.
        assert (await client.get("/route")).json() == {"route": "/route", "endpoint": "route"}
        # An error raised by a direct endpoint reaches the app's handlers.
        refused = await client.post("/echo", content=b"")
        assert refused.status_code == 422
        assert refused.headers["content-type"] == "application/problem+json"
        assert refused.json()["errors"][0]["loc"] == ["body"]
        # The rest goes to FastAPI's router: a shadowed path, a method the route lacks, a
        # path that is not there.
        assert (await client.get("/items/special")).text == "item special"
        assert (await client.get("/serialised")).json() == {"a": "b"}
        assert (await client.get("/headers")).text == "/headers"
        assert (await client.post("/limited", content=b"too long")).status_code == 413
        assert (await client.get("/guarded")).status_code == 422
        assert (await client.post("/plain")).status_code == 405
        assert (await client.get("/nowhere")).status_code == 404


async def test_a_root_path_goes_through_fastapi() -> None:
    # Under a root path the route's path is matched after it: FastAPI's routing knows how.
    app = _toy()
    transport = httpx.ASGITransport(app=app, root_path="/api")
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        assert (await client.get("/api/plain")).text == "plain"


async def test_direct_requests_are_counted_by_route(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    relu = await client.post("/v1/relu", json={"x": [-1.0, 2.0]})
    assert relu.json()["value"] == [0.0, 2.0]
    metrics = (await client.get("/metrics")).text
    assert 'relu_http_requests_total{method="GET",route="/healthz",status="200"}' in metrics
    assert 'relu_http_requests_total{method="POST",route="/v1/relu",status="200"}' in metrics
