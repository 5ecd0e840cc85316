"""The application factory."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from starlette.middleware.cors import CORSMiddleware
from starlette.staticfiles import StaticFiles

from service import __version__, errors, problems
from service.db import Database, make_engine
from service.evaluation.router import router as evaluation_router
from service.http import openapi
from service.http.direct import DirectRoutes
from service.http.limits import BodyLimitMiddleware, BodyLimits
from service.http.responses import ORJSONResponse
from service.inference import grpc_server
from service.inference.router import router as inference_router
from service.learning.router import router as learning_router
from service.lti.router import router as lti_router
from service.operations import ratelimit
from service.operations.clients import networks
from service.operations.observability import Framing, Metrics, ObservabilityMiddleware
from service.operations.readiness import Readiness, database_check
from service.operations.router import router as operations_router
from service.operations.timeouts import BodyTimeoutMiddleware
from service.programs.router import router as programs_router
from service.quiz.bank import load_bank
from service.quiz.router import router as quiz_router
from service.settings import Settings
from service.state import AppState, attach, of_app
from service.web.router import DOCS_SCRIPTS, OPENAPI_URL, STATIC, docs, playground
from service.web.router import router as web_router

TAGS = [
    {
        "name": "evaluation",
        "description": "The catalogue, and batches evaluated over JSON, .npy "
        "or raw bytes, exactly or as a framework does",
    },
    {
        "name": "programs",
        "description": "The autodiff explorer: a program's true one-sided "
        "derivatives beside each framework's autodiff",
    },
    {
        "name": "quiz",
        "description": "Quizzes graded on the server, the item bank and its statistics",
    },
    {"name": "inference", "description": "The Open Inference Protocol (KServe v2) over HTTP"},
    {"name": "operations", "description": "Health, readiness, metrics and problem types"},
    {
        "name": "learners",
        "description": "Anonymous learners: adaptive practice, progress per topic, spaced review",
    },
    {
        "name": "lti",
        "description": "LTI 1.3: launches from a learning platform, deep linking "
        "and grade passback",
    },
]
EXPOSED_HEADERS = [
    "X-Request-ID",
    "X-Array-Dtype",
    "X-Array-Shape",
    "X-Array-Outputs",
    "X-Function",
    "Inference-Header-Content-Length",
    "Retry-After",
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
    "RateLimit-Policy",
]


def create_app(settings: Settings | None = None) -> FastAPI:
    """The app. The item bank is loaded and checked here: a bad item file stops start-up."""
    settings = settings or Settings()
    database = Database(
        make_engine(settings.database_url, settings.db_pool_timeout_s, settings.db_lock_timeout_s)
    )
    metrics = Metrics()
    limiter = ratelimit.Limiter(
        ratelimit.make_storage(
            settings.redis_url, settings.rate_limit_prefix, settings.redis_timeout_s
        ),
        settings.redis_timeout_s,
        metrics.ratelimit_fallbacks,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # The Open Inference Protocol over gRPC too, in every worker (grpc_server.py).
        async with grpc_server.serving(of_app(app)):
            # What start-up built (the bank, the routes, the schemas) lives as long as the
            # process; frozen, the collector no longer traces it at every full collection
            # (measured with make bench-wrk's client: README, Performance).
            gc.collect()
            gc.freeze()
            yield
        database.dispose()

    app = FastAPI(
        title="ReLU reference service",
        version=__version__,
        summary="ReLU and its relatives, their subgradients and the frameworks' conventions.",
        description=(
            "ReLU is continuous but not differentiable at 0; frameworks pick a value in the "
            "subdifferential [0, 1] and move on. This service evaluates ReLU, its relatives and "
            "their subgradients exactly or as each framework does, explores what autodiff "
            "returns for small programs, and serves a quiz graded on the server. Errors are "
            'RFC 9457 problem documents (under /v2, the inference protocol\'s {"error"}).'
        ),
        openapi_tags=TAGS,
        servers=[{"url": "/", "description": "this server"}],
        default_response_class=ORJSONResponse,
        # /docs and /redoc are the web router's, with vendored assets (docs below)
        docs_url=None,
        redoc_url=None,
        openapi_url=OPENAPI_URL if settings.docs else None,
        lifespan=lifespan,
        # The service's metrics are Prometheus's and its logs its own JSON lines; FastAPI's
        # OpenTelemetry hooks, never configured here, would look up their providers (and the
        # environment) on every request.
        telemetry={"tracing": False, "metrics": False, "logs": False, "operation_spans": False},
    )
    attach(
        app,
        AppState(
            settings=settings,
            bank=load_bank(),
            database=database,
            limiter=limiter,
            readiness=Readiness(database_check(database), limiter if settings.redis_url else None),
            metrics=metrics,
        ),
    )
    errors.install(app)
    app.include_router(operations_router)
    # An exam deployment serves no calculator: the evaluation routes, the inference protocol
    # and the playground answer 404 and are absent from the OpenAPI document.
    if not settings.exam_mode:
        app.include_router(evaluation_router)
        app.include_router(programs_router)
    app.include_router(quiz_router)
    app.include_router(learning_router)
    app.include_router(lti_router)
    if not settings.exam_mode:
        app.include_router(inference_router)
    app.include_router(problems.router)
    app.include_router(web_router)
    if not settings.exam_mode:
        app.include_router(playground)
    if settings.docs:
        app.include_router(docs)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    # The busiest routes (health, the relu batches) take the Request and answer a Response:
    # found in one dictionary and called without FastAPI's request handling (http/direct.py).
    app.router.middleware_stack = DirectRoutes(
        iter_route_contexts(app.routes), app.router.middleware_stack, app.router
    )

    rate_limits = ratelimit.rules(
        settings.rate_limit_quiz_create,
        settings.rate_limit_answers,
        settings.rate_limit_evaluation,
        settings.rate_limit_lti,
    )
    openapi.install(
        app,
        rate_limited=lambda method, path: any(r.matches(method, path) for r in rate_limits),
    )

    # Middleware runs outermost last-added: observability sees every answer, 429s included.
    app.add_middleware(BodyTimeoutMiddleware, seconds=settings.body_timeout_s)
    app.add_middleware(
        ratelimit.RateLimitMiddleware,
        limiter=limiter,
        rules=rate_limits,
        trusted=networks(settings.trusted_proxies),
    )
    # Outside the rate limits and everything else: an oversized body costs nothing but a 413.
    app.add_middleware(
        BodyLimitMiddleware,
        limits=BodyLimits(
            binary=settings.max_body_bytes,
            json=settings.max_json_bytes,
            other=settings.max_quiz_body_bytes,
        ),
    )
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type", "Accept", "X-Request-ID"],
            expose_headers=EXPOSED_HEADERS,
            max_age=600,
        )
    app.add_middleware(
        ObservabilityMiddleware,
        metrics=metrics,
        framing=Framing(tuple(settings.lti_frame_ancestors), DOCS_SCRIPTS),
    )
    return app
