"""Every request: a request id, security headers, one JSON log line and Prometheus metrics."""

from __future__ import annotations

import logging
import re
import secrets
import sys
import time
from dataclasses import dataclass
from typing import Any

import orjson
from prometheus_client import CollectorRegistry, Counter, Histogram
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.errors import ServiceError, send_document

log = logging.getLogger(__name__)
access_log = logging.getLogger("service.access")

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
# The API answers data, never pages to frame or scripts to run. The pages load only the
# service's own scripts, styles and fonts (KaTeX sets style attributes, hence the inline
# styles).
API_CSP = b"default-src 'none'; frame-ancestors 'none'"
PAGE_CSP = (
    b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    b"img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; "
)
PAGES = ("/", "/practice", "/playground")
# /docs and /redoc load Swagger UI and ReDoc from the service's own files too. Both set style
# attributes and add style elements, Swagger UI's icons are data: URIs, ReDoc searches in a
# worker it makes from a blob, and Swagger UI is started by an inline script, allowed by its
# hash alone (Framing.docs_scripts).
DOCS = ("/docs", "/redoc")
DOCS_CSP = (
    b"default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    b"font-src 'self'; connect-src 'self'; worker-src blob:; base-uri 'none'; "
    b"form-action 'self'; frame-ancestors 'none'; script-src 'self'"
)
# The LTI pages post the deep-linking answer to the learning platform: https, or a platform
# on this machine while it is developed.
LTI_FORM_ACTION = b"form-action 'self' https: http://localhost:* http://127.0.0.1:*"


@dataclass(frozen=True)
class Framing:
    """Who may frame the pages: nobody, or the learning platforms that embed the quiz (the
    quiz page and the LTI pages; never the API, the playground or the API's documentation);
    and the hashes of the documentation's inline scripts, as CSP sources."""

    ancestors: tuple[str, ...] = ()
    docs_scripts: tuple[str, ...] = ()

    def headers(self, path: str) -> list[tuple[bytes, bytes]]:
        """The content security policy and framing headers of an answer on this path."""
        lti = path.startswith("/lti/")
        embeddable = bool(self.ancestors) and (path == "/" or lti)
        ancestors = (
            b"frame-ancestors 'self' " + " ".join(self.ancestors).encode()
            if embeddable
            else b"frame-ancestors 'none'"
        )
        framing = [] if embeddable else [(b"x-frame-options", b"DENY")]
        if path in DOCS:
            hashes = "".join(f" {source}" for source in self.docs_scripts)
            return [*framing, (b"content-security-policy", DOCS_CSP + hashes.encode())]
        if lti:
            policy = PAGE_CSP + ancestors + b"; " + LTI_FORM_ACTION
        elif path in PAGES or path.startswith("/static/"):
            policy = PAGE_CSP + ancestors + b"; form-action 'self'"
        else:
            policy = API_CSP
        return [*framing, (b"content-security-policy", policy)]


class Metrics:
    """The service's metrics, in a registry of the app's own (tests build many apps)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "relu_http_requests_total",
            "HTTP requests by route and status",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "relu_http_request_duration_seconds",
            "Time from request to the end of the response, by route",
            ["method", "route"],
            registry=self.registry,
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
        )
        self.answers = Counter(
            "relu_quiz_answers_total",
            "Answers graded, by correctness",
            ["correct"],
            registry=self.registry,
        )
        self.ratelimit_fallbacks = Counter(
            "relu_ratelimit_fallbacks_total",
            "Requests whose rate limit was counted in this process: the shared storage was down",
            registry=self.registry,
        )
        self.elements = Counter(
            "relu_elements_evaluated_total",
            "Array elements evaluated by the evaluation and inference routes",
            registry=self.registry,
        )
        # Each (method, route, status) series, found once: labels() takes a lock and builds
        # its key on every call.
        self._series: dict[tuple[str, str, int], tuple[Any, Any]] = {}

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        """One request answered: counted by status, timed by route."""
        key = (method, route, status)
        series = self._series.get(key)
        if series is None:
            series = self._series[key] = (
                self.requests.labels(method, route, str(status)),
                self.latency.labels(method, route),
            )
        series[0].inc()
        series[1].observe(seconds)


def _route(scope: Scope) -> str:
    route = scope.get("route")
    return getattr(route, "path", None) or "unmatched"


class ObservabilityMiddleware:
    def __init__(self, app: ASGIApp, metrics: Metrics, framing: Framing | None = None) -> None:
        self.app = app
        self.metrics = metrics
        self.framing = framing or Framing()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        given = next((v for k, v in scope["headers"] if k == b"x-request-id"), b"").decode(
            "latin-1"
        )
        request_id = given if _REQUEST_ID.match(given) else secrets.token_hex(16)
        scope.setdefault("state", {})["request_id"] = request_id
        status = 500
        status_sent = False
        page_headers = self.framing.headers(scope["path"])

        async def send_wrapped(message: Message) -> None:
            nonlocal status, status_sent
            if message["type"] == "http.response.start":
                status, status_sent = message["status"], True
                extra = [(b"x-request-id", request_id.encode()), *SECURITY_HEADERS, *page_headers]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapped)
        except Exception:
            # A fault nothing inside handled: answered here, so that the 500 carries the
            # request id and the security headers like every other answer.
            log.exception("unhandled error on %s %s", scope["method"], scope["path"])
            if status_sent:
                raise
            await send_document(
                send_wrapped,
                scope["path"],
                ServiceError("the server could not complete the request"),
            )
        finally:
            elapsed = time.perf_counter() - start
            route = _route(scope)
            self.metrics.observe(scope["method"], route, status, elapsed)
            if access_log.isEnabledFor(logging.INFO):
                client = scope.get("client")
                write_access_line(
                    {
                        "request_id": request_id,
                        "method": scope["method"],
                        "path": scope["path"],
                        "route": route,
                        "status": status,
                        "duration_ms": round(elapsed * 1000, 3),
                        "client": client[0] if client else None,
                    }
                )


class _Seconds:
    """UTC time to the millisecond; the text of the second is made once per second."""

    def __init__(self) -> None:
        self.second, self.text = -1, ""

    def at(self, second: int, milliseconds: int) -> str:
        if second != self.second:
            self.second = second
            self.text = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(second))
        return f"{self.text}.{milliseconds:03d}Z"


_ACCESS_SECONDS = _Seconds()


def write_access_line(fields: dict[str, Any]) -> None:
    """A request's line, as JSONFormatter writes every other line, straight to stderr: through
    `logging` each line cost about 20 us (its record, the handler's lock, the formatter, the
    text stream), written here about 4. The `service.access` logger's level still decides
    whether lines are written (the caller asks it); the line always goes to stderr, as JSON,
    whatever handlers are configured. A stderr that cannot be written (closed, or a pipe whose
    reader is gone) loses the line, as a logging handler would, rather than the request."""
    now = time.time()
    second = int(now)
    entry = {
        "time": _ACCESS_SECONDS.at(second, int((now - second) * 1000)),
        "level": "info",
        "logger": access_log.name,
        "message": "request",
        **fields,
    }
    try:
        sys.stderr.write(orjson.dumps(entry, option=orjson.OPT_APPEND_NEWLINE).decode())
        sys.stderr.flush()
    except (AttributeError, OSError, ValueError):  # no stderr, a broken pipe, a closed file
        pass


class JSONFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message and any structured fields."""

    def __init__(self) -> None:
        super().__init__()
        self.seconds = _Seconds()

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.seconds.at(int(record.created), int(record.msecs)),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return orjson.dumps(entry).decode()


def configure_logging(level: str) -> None:
    """JSON lines on stderr for the service's and uvicorn's loggers.

    A record does not look up its caller's file and line, thread or process (none is in the
    line written), as the logging documentation's "Optimization" section advises: every
    request writes one record."""
    logging._srcfile = None
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
    handler = logging.StreamHandler()
    handler.setFormatter(JSONFormatter())
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logger = logging.getLogger(name)
        logger.handlers = []
        logger.propagate = True
