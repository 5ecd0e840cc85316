"""The floor of the HTTP stack: a bare ASGI app under the server and protocol the service runs
with, answering every request with a small JSON body (and reading any body sent). What a
request costs the service beyond this is the service's own."""

from __future__ import annotations

import os
from typing import Any

import uvicorn

from service.http.server import GuardedHttpToolsProtocol
from service.settings import Settings

BODY = b'{"status":"ok"}'
HEADERS = [(b"content-type", b"application/json"), (b"content-length", str(len(BODY)).encode())]


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    more = True
    while more:
        message = await receive()
        more = message.get("more_body", False)
    await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
    await send({"type": "http.response.body", "body": BODY})


if __name__ == "__main__":
    uvicorn.run(
        "bench.bare:app",
        host="127.0.0.1",
        port=int(os.environ["PORT"]),
        log_config=None,
        access_log=False,
        timeout_keep_alive=Settings().keep_alive_s,
        http=GuardedHttpToolsProtocol,
        lifespan="off",
    )
