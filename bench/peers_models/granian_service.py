"""The service's benchmark app (bench.server's) as granian serves it: granian imports this
factory in its worker (`granian --interface asgi --factory bench.peers_models.granian_service:app`,
from .peers-venv/granian). It logs every request as JSON on stderr, as `python -m bench.server`
does under uvicorn, so that the two servers do the same work per request."""

from __future__ import annotations

from fastapi import FastAPI

from bench.server import bench_app
from service.operations.observability import configure_logging
from service.settings import Settings


def app() -> FastAPI:
    configure_logging(Settings().log_level)
    return bench_app()
