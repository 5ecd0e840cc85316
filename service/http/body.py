"""Reading request bodies in bounded memory.

A body is refused with 413 as soon as it is known to be too large: from its
Content-Length before a byte is read, or while streaming when it has none. A
body of known size is copied chunk by chunk into one preallocated buffer.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import numpy as np
from starlette.requests import Request

from service.errors import BadRequest, PayloadTooLarge, Unprocessable


def _mib(n: int) -> str:
    return f"{n / 2**20:g} MiB"


class BodyReader:
    def __init__(self, request: Request, limit: int) -> None:
        self.limit = limit
        self.declared = self._declared_length(request)
        if self.declared is not None and self.declared > limit:
            raise PayloadTooLarge(
                f"the body declares {self.declared} bytes; this route's limit is {_mib(limit)}"
            )
        self._chunks: AsyncIterator[bytes] = request.stream()
        self._pending = memoryview(b"")
        self.consumed = 0

    @staticmethod
    def _declared_length(request: Request) -> int | None:
        raw = request.headers.get("content-length")
        if raw is None:
            return None
        if not raw.isdigit():
            raise BadRequest(f"Content-Length must be a whole number, got {raw!r}")
        return int(raw)

    def _over_limit(self) -> PayloadTooLarge:
        return PayloadTooLarge(f"the body is larger than this route's limit of {_mib(self.limit)}")

    async def _next(self) -> memoryview | None:
        if self._pending:
            chunk, self._pending = self._pending, memoryview(b"")
            return chunk
        async for data in self._chunks:
            if data:
                self.consumed += len(data)
                if self.consumed > self.limit:
                    raise self._over_limit()
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
