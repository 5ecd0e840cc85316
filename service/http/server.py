"""The HTTP protocol the service runs in uvicorn: uvicorn's own (httptools), with a deadline for
a request's headers and caps on open connections.

uvicorn closes a keep-alive connection that idles, but sets no deadline while a request's
headers arrive: a client that sends one header byte every few seconds holds a connection, and
a file descriptor, forever, and twenty thousand such connections leave none for anyone else.
Here the headers must arrive within `header_timeout_s` of the first byte (or of the
connection) and take at most `max_header_bytes` (httptools holds a header in memory until it
ends, and uvicorn sets no bound of its own); a client address may hold at most
`max_per_client` connections, the server `max_connections` (addresses of trusted proxies are
not capped per client: they carry many clients). A connection over a client's cap is answered
429, over the server's 503, and closed at once; one whose headers are too slow 408, too large
431.

The protocol class is handed to uvicorn (`http=`), which builds one per connection in every
worker process; the limits are read from the settings in each process.
"""

from __future__ import annotations

import asyncio
import resource
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from service.errors import (
    HeadersTooLarge,
    RequestTimeout,
    ServiceError,
    ServiceUnavailable,
    TooManyRequests,
    document,
)
from service.operations.clients import Network, is_trusted, networks
from service.settings import Settings


@dataclass(frozen=True)
class ConnectionLimits:
    header_timeout_s: float
    max_header_bytes: int
    max_connections: int
    max_per_client: int
    trusted: tuple[Network, ...] = ()

    def exempt(self, address: str) -> bool:
        return is_trusted(address, self.trusted)


@cache
def limits() -> ConnectionLimits:
    settings = Settings()
    return ConnectionLimits(
        settings.header_timeout_s,
        settings.max_header_bytes,
        settings.max_connections,
        settings.max_connections_per_client,
        networks(settings.trusted_proxies),
    )


_LINGER_S = 1.0  # how long a refused connection's further bytes are read and dropped
# Open connections per client address, in this process.
_open: Counter[str] = Counter()


def _raw_answer(error: ServiceError) -> bytes:
    body, media_type = document(error, "/")
    head = [
        f"HTTP/1.1 {error.status} {error.title}",
        f"content-type: {media_type}",
        f"content-length: {len(body)}",
        "connection: close",
        *(f"{name}: {value}" for name, value in error.headers.items() if name != "Connection"),
    ]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


class GuardedHttpToolsProtocol(HttpToolsProtocol):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._limits = limits()
        self._client_address: str | None = None
        self._header_deadline: asyncio.TimerHandle | None = None
        self._header_bytes = 0  # received since the request began, while its headers are due
        self._refused = False

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        address = self.client[0] if self.client else ""
        over_total = len(self.connections) > self._limits.max_connections
        over_client = (
            not self._limits.exempt(address) and _open[address] >= self._limits.max_per_client
        )
        if over_total or over_client:
            # One client over its share is told to slow down (429); a full server, that it is
            # busy (503). Either way the connection is closed at once.
            error: ServiceError = (
                ServiceUnavailable("this server's connections are all in use; retry shortly")
                if over_total
                else TooManyRequests(
                    f"this address holds {self._limits.max_per_client} connections already; "
                    "retry when one is done",
                    retry_after_s=1,
                )
            )
            transport.write(_raw_answer(error))
            transport.close()
            return
        self._client_address = address
        _open[address] += 1
        self._arm()

    def _arm(self) -> None:
        if self._header_deadline is None:
            self._header_bytes = 0
            self._header_deadline = self.loop.call_later(
                self._limits.header_timeout_s, self._headers_too_slow
            )

    def _disarm(self) -> None:
        if self._header_deadline is not None:
            self._header_deadline.cancel()
            self._header_deadline = None

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._arm()  # a request on a kept-alive connection gets its own deadline

    def data_received(self, data: bytes) -> None:
        """Bytes that arrive while the headers are due count toward their limit; a chunk in
        which the headers end (the body may follow in it) does not."""
        if self._refused:
            return  # read and dropped until the close, so that the answer is not reset away
        if self._header_deadline is not None:
            self._header_bytes += len(data)
        super().data_received(data)
        if self._header_deadline is not None and self._header_bytes > self._limits.max_header_bytes:
            self._disarm()
            self._refuse(
                HeadersTooLarge(
                    f"the request's line and headers take more than "
                    f"{self._limits.max_header_bytes} bytes"
                )
            )

    def _refuse(self, error: ServiceError) -> None:
        """Answers and half-closes while the client may still be sending: a close with unread
        bytes would reset the connection and could destroy the answer before it is read. What
        still comes is dropped; the connection is closed a second later at most."""
        if self.transport.is_closing():
            return
        self._refused = True
        self.transport.write(_raw_answer(error))
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self.loop.call_later(_LINGER_S, self.transport.close)

    def on_headers_complete(self) -> None:
        self._disarm()
        super().on_headers_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        if self._client_address is not None:
            _open[self._client_address] -= 1
            if _open[self._client_address] <= 0:
                del _open[self._client_address]
            self._client_address = None
        super().connection_lost(exc)

    def _headers_too_slow(self) -> None:
        self._header_deadline = None
        if not self.transport.is_closing():
            error = RequestTimeout(
                f"the request's headers did not arrive within {self._limits.header_timeout_s:g} s"
            )
            self.transport.write(_raw_answer(error))
            self.transport.close()


def raise_file_limit() -> int:
    """Let the process open as many files as the system allows it, so that the connection caps
    decide, not a low default; returns the limit."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
        return hard
    return soft
