"""Health, readiness and metrics."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Request
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import Engine
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


@router.get(
    "/readyz",
    operation_id="ready",
    summary="Ready to serve: the database at the latest migration (Redis down: degraded, 200)",
    responses={
        **example(
            {
                "status": "ready",
                "checks": {
                    "database": {"ok": True, "detail": "at migration 0002"},
                    "redis": {"ok": True, "detail": "reachable"},
                },
            }
        ),
        503: {"description": "the database is not ready; checks says why"},
    },
)
async def ready(request: Request) -> Response:
    checks = await request.app.state.readiness.checks()
    database_ok = checks["database"][0]
    all_ok = all(passed for passed, _ in checks.values())
    body = {
        "status": "ready" if all_ok else ("degraded" if database_ok else "unavailable"),
        "checks": {
            name: {"ok": passed, "detail": detail} for name, (passed, detail) in checks.items()
        },
    }
    return ORJSONResponse(body, status_code=200 if database_ok else 503)


def database_check(engine: Engine) -> Callable[[], tuple[bool, str]]:
    """The database answers and is at the migration this code expects."""

    def check() -> tuple[bool, str]:
        current, head = current_revision(engine), head_revision()
        if current != head:
            return False, f"database at migration {current}, code expects {head}"
        return True, f"at migration {head}"

    return check


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
