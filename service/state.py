"""What the application shares between requests, typed, and the one way to reach it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from starlette.applications import Starlette
from starlette.requests import HTTPConnection

if TYPE_CHECKING:
    from service.db import Database
    from service.operations.observability import Metrics
    from service.operations.ratelimit import Limiter
    from service.operations.readiness import Readiness
    from service.quiz.bank import Bank
    from service.settings import Settings


@dataclass(frozen=True)
class AppState:
    settings: Settings
    bank: Bank
    database: Database
    limiter: Limiter
    readiness: Readiness
    metrics: Metrics


def attach(app: Starlette, state: AppState) -> None:
    app.state.service = state


def of_app(app: Starlette) -> AppState:
    state: AppState = app.state.service
    return state


def state_of(connection: HTTPConnection) -> AppState:
    """The application's shared state. Read directly rather than through Depends: on the
    evaluation routes FastAPI's dependency resolution costs more than a small batch's work."""
    return of_app(connection.app)
