"""Request-scoped values shared by the routers."""

from __future__ import annotations

from fastapi import Request

from service.settings import Settings


def settings_of(request: Request) -> Settings:
    """The app's settings. Read directly rather than through Depends: on the evaluation
    routes FastAPI's dependency resolution costs more than a small batch's whole work."""
    settings: Settings = request.app.state.settings
    return settings
