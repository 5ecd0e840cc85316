"""How a server treats slow and greedy clients, probed over loopback: a connection that sends
nothing, headers that trickle in, a kept-alive connection left idle, a 1 MB header and 300
connections from one address. bench.peers runs them on bench.bare's app under uvicorn (with
GuardedHttpToolsProtocol) and under granian, with short deadlines so that they take seconds.
Every probe is bounded in time and count and talks to 127.0.0.1 only."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable

HEADER_S = 2.0  # the header deadline each server is started with here
KEEP_ALIVE_S = 4.0  # uvicorn's keep-alive; granian has none apart from the header deadline
WAIT_S = 8.0  # how long a probe waits for the server to act
HEAD = b"GET / HTTP/1.1\r\nHost: probe\r\n"


def _connect(port: int) -> socket.socket:
    return socket.create_connection(("127.0.0.1", port), timeout=WAIT_S)


def _until_closed(sock: socket.socket, began: float) -> str:
    """What the server answers before it closes the connection, and when it closes it."""
    data = b""
    sock.settimeout(0.05)
    while time.monotonic() - began < WAIT_S:
        try:
            chunk = sock.recv(65536)
        except TimeoutError:
            continue
        except OSError:
            chunk = b""
        if not chunk:
            return f"{_status(data)}, closed after {time.monotonic() - began:.1f} s"
        data += chunk
    return f"{_status(data)}, open after {WAIT_S:g} s"


def _status(data: bytes) -> str:
    line = data.split(b"\r\n", 1)[0].decode(errors="replace")
    return line.removeprefix("HTTP/1.1 ")[:40] if data else "no answer"


def silent(port: int) -> str:
    with _connect(port) as sock:
        return _until_closed(sock, time.monotonic())


def trickle(port: int) -> str:
    """The head one byte every 0.25 s, then a header that never ends."""
    with _connect(port) as sock:
        began = time.monotonic()
        body = HEAD + b"x-slow: " + b"a" * 1000
        sock.settimeout(0.25)
        for i in range(int(WAIT_S / 0.25)):
            try:
                sock.send(body[i : i + 1])
                if not (data := sock.recv(65536)):
                    return f"no answer, closed after {time.monotonic() - began:.1f} s"
                return f"{_status(data)} after {time.monotonic() - began:.1f} s"
            except TimeoutError:
                continue
            except OSError:
                return f"no answer, reset after {time.monotonic() - began:.1f} s"
        return f"open after {WAIT_S:g} s"


def idle(port: int) -> str:
    with _connect(port) as sock:
        sock.sendall(HEAD + b"\r\n")
        sock.recv(65536)
        return _until_closed(sock, time.monotonic()).removeprefix("no answer, ")


def big_header(port: int) -> str:
    with _connect(port) as sock:
        began = time.monotonic()
        with contextlib.suppress(OSError):  # the server may close before it has all
            sock.sendall(HEAD + b"x-big: " + b"a" * 1_000_000 + b"\r\n\r\n")
        return _until_closed(sock, began).split(",")[0]


def many(port: int) -> str:
    """300 connections at once: how many the server turns away at once."""
    socks = [_connect(port) for _ in range(300)]
    time.sleep(0.5)
    refused = 0
    for sock in socks:
        sock.setblocking(False)
        try:
            sock.recv(200)  # an answer or the close: turned away
            refused += 1
        except BlockingIOError:
            pass  # nothing yet: held
        except OSError:
            refused += 1
        sock.close()
    return f"{refused} turned away at once, {300 - refused} held"


PROBES: dict[str, Callable[[int], str]] = {
    "a connection that sends nothing": silent,
    "headers a byte every 0.25 s": trickle,
    "a kept-alive connection left idle": idle,
    "a 1 MB header": big_header,
    "300 connections from one address": many,
}


def report(ports: dict[str, int]) -> None:
    """The probes on both servers at once (the greedy one last), then one line a probe."""
    found: dict[tuple[str, str], str] = {}

    def run(probe: str, server: str) -> None:
        try:
            found[probe, server] = PROBES[probe](ports[server])
        except OSError as exc:
            found[probe, server] = f"probe failed ({type(exc).__name__})"

    # The greedy client last, alone: the others hold connections from the same address.
    for probes in (
        [p for p in PROBES if PROBES[p] is not many],
        [p for p in PROBES if PROBES[p] is many],
    ):
        threads = [threading.Thread(target=run, args=(p, s)) for p in probes for s in ports]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    print(f"{'':<36}" + "".join(f" {server:<44}" for server in ports))
    for probe in PROBES:
        print(f"{probe:<36}" + "".join(f" {found[probe, server]:<44}" for server in ports))
