"""The floor of a large request: a plain socket server that answers each HTTP/1.1 POST with
its own body, byte for byte. No framework, no parsing beyond the request head and its
Content-Length, the body gathered into one preallocated buffer and written back with a
minimal head: what moving the same bytes in and out over loopback costs. Keep-alive, one
request after another on each connection, as wrk sends them.

`PORT=8123 python -m bench.echo`
"""

from __future__ import annotations

import asyncio
import os
from typing import cast

import uvloop


class Echo(asyncio.Protocol):
    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.head = bytearray()
        self.body: bytearray | None = None
        self.filled = 0

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's is not a subclass

    def data_received(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            if self.body is None:
                self.head += view
                end = self.head.find(b"\r\n\r\n")
                if end < 0:
                    return
                rest = memoryview(bytes(self.head[end + 4 :]))
                self.body = bytearray(_length(bytes(self.head[:end])))
                self.head.clear()
                self.filled = 0
                view = rest
                if not self.body:
                    self._answer()
                continue
            take = min(len(view), len(self.body) - self.filled)
            self.body[self.filled : self.filled + take] = view[:take]
            self.filled += take
            view = view[take:]
            if self.filled == len(self.body):
                self._answer()

    def _answer(self) -> None:
        assert self.transport is not None
        assert self.body is not None
        head = (
            b"HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\n"
            b"content-length: " + str(len(self.body)).encode() + b"\r\n\r\n"
        )
        self.transport.writelines([head, self.body])
        self.body = None


def _length(head: bytes) -> int:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value)
    return 0


async def serve(port: int) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Echo, "127.0.0.1", port)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    uvloop.run(serve(int(os.environ["PORT"])))
