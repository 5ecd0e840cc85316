"""Health, readiness and metrics."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Request
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.responses import Response

from service.db import current_revision, head_revision
from service.http.openapi import example
from service.http.responses import ORJSONResponse

router = APIRouter(tags=["operations"])


@router.get(
    "/healthz",
    operation_id="health",
    summary="The process is alive",
    responses=example({"status": "ok"}),
)
async def health() -> dict[str, str]:
    return {"status": "ok"}


def _check(name: str, probe: Callable[[], tuple[bool, str]]) -> tuple[bool, str]:
    try:
        return probe()
    except Exception as exc:  # any failure of a dependency means: not ready
        return False, f"{name}: {type(exc).__name__}: {exc}"[:300]


@router.get(
    "/readyz",
    operation_id="ready",
    summary="Ready to serve: database reachable at the latest migration, Redis reachable",
    responses={
        **example(
            {
                "status": "ready",
                "checks": {
                    "database": {"ok": True, "detail": "at migration 0001"},
                    "redis": {"ok": True, "detail": "reachable"},
                },
            }
        ),
        503: {"description": "a dependency is not ready; checks says which"},
    },
)
def ready(request: Request) -> Response:
    state = request.app.state
    head = head_revision()

    def database() -> tuple[bool, str]:
        current = current_revision(state.engine)
        if current != head:
            return False, f"database at migration {current}, code expects {head}"
        return True, f"at migration {head}"

    checks = {"database": _check("database", database)}
    if state.redis is not None:
        checks["redis"] = _check("redis", lambda: (bool(state.redis.ping()), "reachable"))
    ok = all(passed for passed, _ in checks.values())
    body = {
        "status": "ready" if ok else "unavailable",
        "checks": {
            name: {"ok": passed, "detail": detail} for name, (passed, detail) in checks.items()
        },
    }
    return ORJSONResponse(body, status_code=200 if ok else 503)


@router.get(
    "/metrics",
    operation_id="metrics",
    summary="Prometheus metrics",
    response_class=Response,
    responses=example(
        "# TYPE relu_http_requests_total counter\n"
        'relu_http_requests_total{method="POST",route="/v1/relu",status="200"} 42.0\n',
        media_type="text/plain",
    ),
)
async def metrics(request: Request) -> Response:
    return Response(
        generate_latest(request.app.state.metrics.registry), media_type=CONTENT_TYPE_LATEST
    )
