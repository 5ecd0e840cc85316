"""Responses written straight from buffers: orjson for JSON, no copies for arrays."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import orjson
from starlette.background import BackgroundTask
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send


class ORJSONResponse(JSONResponse):
    """JSON written by orjson. A JSONResponse, so that FastAPI documents the schema of what
    the routes return (for any other response class it documents a plain string)."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content, option=orjson.OPT_SERIALIZE_NUMPY)


class BufferResponse(Response):
    """A body sent as a sequence of buffers (say, a .npy header and an array's memory)."""

    def __init__(
        self,
        parts: Sequence[bytes | memoryview],
        media_type: str,
        headers: Mapping[str, str] | None = None,
        status_code: int = 200,
        background: BackgroundTask | None = None,
    ) -> None:
        self.parts = [memoryview(part).cast("B") for part in parts]
        super().__init__(None, status_code, headers, media_type, background)
        length = str(sum(part.nbytes for part in self.parts)).encode()
        self.raw_headers = [h for h in self.raw_headers if h[0] != b"content-length"]
        self.raw_headers.append((b"content-length", length))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send(
            {"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers}
        )
        last = len(self.parts) - 1
        for index, part in enumerate(self.parts):
            await send({"type": "http.response.body", "body": part, "more_body": index < last})
        if not self.parts:
            await send({"type": "http.response.body", "body": b""})
        if self.background is not None:
            await self.background()
