"""The application factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from sqlalchemy.orm import sessionmaker

from service import __version__, errors, health, problems
from service.db import make_engine
from service.evaluation.router import router as evaluation_router
from service.http.responses import ORJSONResponse
from service.inference.router import router as inference_router
from service.quiz.bank import load_bank
from service.quiz.router import router as quiz_router
from service.settings import Settings


def create_app(settings: Settings | None = None) -> FastAPI:
    """The app. The item bank is loaded and checked here: a bad item file stops start-up."""
    settings = settings or Settings()
    bank = load_bank()
    engine = make_engine(settings.database_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(
        title="ReLU reference service",
        version=__version__,
        summary="ReLU and its relatives, their subgradients and the frameworks' conventions.",
        default_response_class=ORJSONResponse,
        docs_url="/docs" if settings.docs else None,
        redoc_url=None,
        openapi_url="/openapi.json" if settings.docs else None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.bank = bank
    app.state.engine = engine
    app.state.sessions = sessionmaker(engine, expire_on_commit=False)
    errors.install(app)
    app.include_router(health.router)
    app.include_router(evaluation_router)
    app.include_router(quiz_router)
    app.include_router(inference_router)
    app.include_router(problems.router)
    return app
