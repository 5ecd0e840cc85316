"""Health, readiness and metrics."""

from __future__ import annotations

from fastapi import APIRouter, Request
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.responses import Response

from service.http.openapi import example
from service.http.responses import ORJSONResponse
from service.state import state_of

router = APIRouter(tags=["operations"])


@router.get(
    "/healthz",
    operation_id="health",
    summary="The process is alive",
    response_model=dict[str, str],
    responses=example({"status": "ok"}),
)
async def health() -> Response:
    """Liveness: 200 while the process serves requests. It checks nothing else; use /readyz for
    dependencies."""
    return ORJSONResponse({"status": "ok"})


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
    """Readiness: 200 when the database answers (and Redis, if configured); `degraded` with a 200
    while Redis is down and each process counts rate limits itself; 503 when the database does
    not answer."""
    checks = await state_of(request).readiness.checks()
    database_ok = checks["database"][0]
    all_ok = all(passed for passed, _ in checks.values())
    body = {
        "status": "ready" if all_ok else ("degraded" if database_ok else "unavailable"),
        "checks": {
            name: {"ok": passed, "detail": detail} for name, (passed, detail) in checks.items()
        },
    }
    return ORJSONResponse(body, status_code=200 if database_ok else 503)


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
    """Prometheus metrics in the text exposition format: requests by route and status, durations,
    elements evaluated, answers graded, rate-limit fallbacks."""
    return Response(
        generate_latest(state_of(request).metrics.registry), media_type=CONTENT_TYPE_LATEST
    )
