"""Routes that need nothing of FastAPI per request, called without its request handling.

An endpoint that takes the Request alone and returns a Response, on a path without
parameters, has no dependencies to solve, no body to validate and no answer to serialise.
FastAPI still spends more on each request to it than a small batch's whole evaluation costs:
route matching tries every included router in turn, then a request handler builds two exit
stacks, an exception wrapper and a dependency solution around the call (py-spy on /healthz:
40 % of the app's time between the router and the endpoint). Such routes are found by
(method, path) in one dictionary and their endpoint is awaited directly.

Everything else stays as it was: the routes are declared with FastAPI's decorators (the
OpenAPI document does not change), the middleware around the router runs for every request,
and an exception an endpoint raises reaches the app's exception handlers through Starlette's
ExceptionMiddleware, which sits outside the router. Any other request goes to FastAPI's router.
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Awaitable, Callable, Iterable

from fastapi.routing import APIRoute, RouteContext
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Match
from starlette.types import ASGIApp, Receive, Scope, Send

Endpoint = Callable[[Request], Awaitable[Response]]


def direct_endpoint(context: RouteContext) -> tuple[APIRoute, Endpoint] | None:
    """The route and its endpoint as a function of the Request, when FastAPI would do nothing
    for the route but call it: an APIRoute on a path without parameters (and without a prefix
    added where its router was included), an async endpoint whose only parameter, if any, is
    the Request (no path, query, header, cookie or body parameter, no Response to set headers
    on, no background tasks), no dependencies, no body or form limit of the route's own, and a
    Response as its answer."""
    route = context.original_route
    if not isinstance(route, APIRoute) or "{" in route.path or context.path != route.path:
        return None
    request_name = context.dependant.request_param_name
    if list(inspect.signature(route.endpoint).parameters) not in ([], [request_name]):
        return None
    if context.dependant.dependencies or context.max_body_size is not None or route.form_limits:
        return None
    if not inspect.iscoroutinefunction(route.endpoint):
        return None
    answer = typing.get_type_hints(route.endpoint).get("return")
    if not (isinstance(answer, type) and issubclass(answer, Response)):
        return None
    if request_name is not None:
        endpoint: Endpoint = route.endpoint
        return route, endpoint
    bare: Callable[[], Awaitable[Response]] = route.endpoint

    async def without_request(request: Request) -> Response:
        return await bare()

    return route, without_request


class DirectRoutes:
    """The router's entry: a direct route's endpoint is awaited with a Request of the scope;
    every other request, and the lifespan, goes to `fallback` (FastAPI's router). The table is
    made once, from the routes the app has when it is built: create_app builds it last."""

    def __init__(self, routes: Iterable[RouteContext], fallback: ASGIApp, router: object) -> None:
        self.table: dict[tuple[str, str], tuple[APIRoute, Endpoint]] = {}
        earlier: list[RouteContext] = []
        for context in routes:
            found = direct_endpoint(context)
            if found is not None:
                route = found[0]
                for method in route.methods or ():
                    # FastAPI takes the first route that matches: one declared earlier (a
                    # path with parameters, say) keeps the requests it would take.
                    probe = {"type": "http", "method": method, "path": route.path}
                    if not any(c.matches(probe)[0] == Match.FULL for c in earlier):
                        self.table.setdefault((method, route.path), found)
            earlier.append(context)
        self.fallback = fallback
        self.router = router

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        found = (
            self.table.get((scope["method"], scope["path"])) if scope["type"] == "http" else None
        )
        if found is None or scope.get("root_path"):
            await self.fallback(scope, receive, send)
            return
        route, endpoint = found
        # What FastAPI's routing puts in the scope: the observability middleware labels
        # metrics and log lines with the route's path.
        scope["route"] = route
        scope["endpoint"] = route.endpoint
        scope["path_params"] = {}
        scope.setdefault("router", self.router)
        response = await endpoint(Request(scope, receive, send))
        await response(scope, receive, send)
