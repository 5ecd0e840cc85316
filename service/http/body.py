"""Reading request bodies into preallocated memory.

The body limit is enforced before a route reads anything (http/limits.py), so a declared
length here is within it: a body of known size is copied chunk by chunk into one buffer.
"""

from __future__ import annotations

import numpy as np
from starlette.requests import ClientDisconnect, Request

from service.errors import BadRequest, Unprocessable


def header_number(request: Request, name: str) -> int | None:
    """A length header as a whole number, or None when it is missing. Only ASCII digits:
    str.isdigit() also accepts "\u00b2", which int() then refuses."""
    raw = request.headers.get(name)
    if raw is None:
        return None
    if not (raw.isascii() and raw.isdigit()):
        raise BadRequest(f"{name} must be a whole number, got {raw!r}")
    return int(raw)


class BodyReader:
    """A request's body, read straight from the ASGI messages: Request.stream() would make an
    async generator per request, an object the cyclic collector then has to chase."""

    def __init__(self, request: Request) -> None:
        self.declared = header_number(request, "content-length")
        self._receive = request.receive
        self._more = True  # whether the client may still send body messages
        self._pending = memoryview(b"")
        self.consumed = 0

    async def _next(self) -> memoryview | None:
        if self._pending:
            chunk, self._pending = self._pending, memoryview(b"")
            return chunk
        while self._more:
            message = await self._receive()
            if message["type"] == "http.disconnect":
                raise ClientDisconnect()
            self._more = message.get("more_body", False)
            data = message.get("body", b"")
            if data:
                self.consumed += len(data)
                return memoryview(data)
        return None

    async def read_exactly(self, n: int, what: str) -> bytes:
        parts: list[bytes] = []
        need = n
        while need:
            chunk = await self._next()
            if chunk is None:
                raise Unprocessable(f"the body ends inside the {what}", ("body",))
            parts.append(bytes(chunk[:need]))
            self._pending = chunk[need:]
            need -= min(need, len(chunk))
        return b"".join(parts)

    async def read_into(self, target: memoryview, what: str) -> None:
        """Fill target exactly; a body shorter or longer than it is a 422."""
        filled = 0
        while filled < len(target):
            chunk = await self._next()
            if chunk is None:
                raise Unprocessable(
                    f"the {what} holds {filled} bytes, but {len(target)} were expected", ("body",)
                )
            take = min(len(chunk), len(target) - filled)
            target[filled : filled + take] = chunk[:take]
            self._pending = chunk[take:]
            filled += take
        if await self._next() is not None:
            raise Unprocessable(
                f"the body continues past the {len(target)} bytes of the {what}", ("body",)
            )

    async def read_rest(self) -> np.ndarray[tuple[int], np.dtype[np.uint8]]:
        """Everything left, as one byte array; preallocated when the length is known."""
        if self.declared is not None:
            buffer = np.empty(self.declared - (self.consumed - len(self._pending)), np.uint8)
            await self.read_into(buffer.data, "body")
            return buffer
        grown = bytearray()
        while (chunk := await self._next()) is not None:
            grown += chunk
        return np.frombuffer(grown, np.uint8)
