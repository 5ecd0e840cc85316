"""The application factory."""

from __future__ import annotations

from fastapi import FastAPI

from service import __version__, errors, health, problems
from service.evaluation.router import router as evaluation_router
from service.http.responses import ORJSONResponse
from service.inference.router import router as inference_router
from service.settings import Settings


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    app = FastAPI(
        title="ReLU reference service",
        version=__version__,
        summary="ReLU and its relatives, their subgradients and the frameworks' conventions.",
        default_response_class=ORJSONResponse,
        docs_url="/docs" if settings.docs else None,
        redoc_url=None,
        openapi_url="/openapi.json" if settings.docs else None,
    )
    app.state.settings = settings
    errors.install(app)
    app.include_router(health.router)
    app.include_router(evaluation_router)
    app.include_router(inference_router)
    app.include_router(problems.router)
    return app
