"""The app under benchmark, with two reference routes mounted beside the service's own.

- POST /bench/echo returns the request body unchanged: the transport ceiling.
- POST /bench/naive is ReLU as a user would first write it with FastAPI and pydantic.

Settings come from the environment (bench/evaluation.py sets them), with the JSON limit
raised so that the JSON path is measured at 1e7 elements too, and the limit of every other
route (the two reference routes fall under it) raised to the binary one.
"""

from __future__ import annotations

import os

import uvicorn
from fastapi import FastAPI, Request
from pydantic import BaseModel
from starlette.responses import Response

from service.app import create_app
from service.http.server import GuardedHttpToolsProtocol
from service.operations.observability import configure_logging
from service.settings import Settings


class Batch(BaseModel):
    x: list[float]


def bench_app() -> FastAPI:
    settings = Settings(max_json_bytes=512 * 2**20)
    app = create_app(settings.model_copy(update={"max_quiz_body_bytes": settings.max_body_bytes}))

    @app.post("/bench/echo", include_in_schema=False)
    async def echo(request: Request) -> Response:
        return Response(await request.body(), media_type="application/octet-stream")

    @app.post("/bench/naive", include_in_schema=False)
    def relu(b: Batch):  # type: ignore[no-untyped-def]  # written as a user would
        return {"y": [max(0.0, v) for v in b.x]}

    return app


if __name__ == "__main__":
    configure_logging(Settings().log_level)  # JSON request lines, as `python -m service` logs
    uvicorn.run(
        "bench.server:bench_app",
        factory=True,
        host="127.0.0.1",
        port=int(os.environ["PORT"]),
        workers=int(os.environ.get("RELU_WORKERS", "1")),
        log_config=None,
        access_log=False,
        timeout_keep_alive=Settings().keep_alive_s,
        http=GuardedHttpToolsProtocol,
    )
