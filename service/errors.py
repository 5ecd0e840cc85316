"""The service's error tree and the one place that renders errors.

Every error under /v1 (and every route that is not part of the inference
protocol) is an RFC 9457 problem document: {type, title, status, detail} plus
"errors" with locations for validation. Under /v2 the Open Inference
Protocol's own shape is used: {"error": message}.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, TypeVar

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.types import Send

from service.core.catalogue import UnknownFunction
from service.core.errors import Invalid, Loc, TooLarge
from service.http.suggest import nearest

PROBLEM_JSON = "application/problem+json"


class ProblemError(BaseModel):
    loc: list[str | int] = Field(description="where: body, query, path or header, then the field")
    msg: str
    type: str = Field(description="a machine-readable kind, e.g. missing or value_error")


class Problem(BaseModel):
    """An RFC 9457 problem document: every error outside /v2 comes in this shape."""

    type: str = Field(description="a URI reference; GET it (/problems/{slug}) for its meaning")
    title: str
    status: int
    detail: str = Field(description="what went wrong with this request, and what to do")
    instance: str = Field(description="the path of the request")
    errors: list[ProblemError] | None = Field(
        None, description="validation errors (422), each with its location"
    )


class InferenceError(BaseModel):
    """An error of the Open Inference Protocol (every error under /v2)."""

    error: str


class ServiceError(Exception):
    """The server failed to complete the request."""

    default_status: ClassVar[int] = 500
    slug: ClassVar[str] = "internal-error"
    title: ClassVar[str] = "Internal server error"

    def __init__(
        self,
        detail: str,
        errors: Sequence[dict[str, Any]] = (),
        headers: dict[str, str] | None = None,
        status: int | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status or self.default_status
        self.detail = detail
        self.errors = list(errors)
        self.headers = headers or {}


class BadRequest(ServiceError):
    """The request does not follow the protocol of the route (for example a malformed header)."""

    default_status, slug, title = 400, "bad-request", "Bad request"


class Unauthorized(ServiceError):
    """The request lacks valid credentials: a quiz's bearer token, or the admin key."""

    default_status, slug, title = 401, "unauthorized", "Unauthorized"

    def __init__(self, detail: str) -> None:
        super().__init__(detail, headers={"WWW-Authenticate": "Bearer"})


class NotFound(ServiceError):
    """No resource at this address: an unknown route, function or model."""

    default_status, slug, title = 404, "not-found", "Not found"


class MethodNotAllowed(ServiceError):
    """The route exists but not with this HTTP method."""

    default_status, slug, title = 405, "method-not-allowed", "Method not allowed"


class RequestTimeout(ServiceError):
    """The request's body did not arrive in time; the connection is closed."""

    default_status, slug, title = 408, "request-timeout", "Request timeout"

    def __init__(self, detail: str) -> None:
        super().__init__(detail, headers={"Connection": "close"})


class NotAcceptable(ServiceError):
    """None of the formats in the Accept header can be produced; the detail lists those offered."""

    default_status, slug, title = 406, "not-acceptable", "Not acceptable"


class LaunchRefused(ServiceError):
    """An LTI login or launch that does not check out (its token's signature, issuer, audience,
    time, nonce or deployment, or the browser's state); the detail says which."""

    default_status, slug, title = 403, "launch-refused", "LTI launch refused"


class BadGateway(ServiceError):
    """A server this request depends on (an LMS's key set) did not answer as it should."""

    default_status, slug, title = 502, "bad-gateway", "Bad gateway"


class Conflict(ServiceError):
    """The request conflicts with the resource's current state."""

    default_status, slug, title = 409, "conflict", "Conflict"


class Gone(ServiceError):
    """The resource's time is over: the quiz's time limit has passed."""

    default_status, slug, title = 410, "gone", "Gone"


class PayloadTooLarge(ServiceError):
    """The body, or the number of elements in it, is over the limit; the rest is not read."""

    default_status, slug, title = 413, "payload-too-large", "Payload too large"


class HeadersTooLarge(ServiceError):
    """The request's line and headers are over the server's limit; the connection is closed."""

    default_status, slug, title = 431, "headers-too-large", "Request header fields too large"

    def __init__(self, detail: str) -> None:
        super().__init__(detail, headers={"Connection": "close"})


class TooManyRequests(ServiceError):
    """Over a rate limit; Retry-After and the RateLimit headers say when to come back."""

    default_status, slug, title = 429, "too-many-requests", "Too many requests"

    def __init__(self, detail: str, retry_after_s: int | None = None) -> None:
        headers = {"Retry-After": str(retry_after_s)} if retry_after_s is not None else None
        super().__init__(detail, headers=headers)


class ServiceUnavailable(ServiceError):
    """The service cannot take the request now (the database's connections are all busy, or
    what it needs is locked); Retry-After says when to try again."""

    default_status, slug, title = 503, "service-unavailable", "Service unavailable"

    def __init__(self, detail: str, retry_after_s: int = 1) -> None:
        super().__init__(detail, headers={"Retry-After": str(retry_after_s)})


class UnsupportedMediaType(ServiceError):
    """The body's Content-Type cannot be read by this route; the detail lists the types it reads."""

    default_status, slug, title = 415, "unsupported-media-type", "Unsupported media type"


class Unprocessable(ServiceError):
    """The body or a parameter was read but cannot be used; errors[].loc says where."""

    default_status, slug, title = 422, "validation-error", "Unprocessable content"

    def __init__(self, detail: str, loc: Loc = (), kind: str = "value_error") -> None:
        super().__init__(detail, [{"loc": list(loc), "msg": detail, "type": kind}])

    @classmethod
    def many(cls, errors: Sequence[dict[str, Any]]) -> Unprocessable:
        detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in errors)
        error = cls(detail or "the request is not valid")
        error.errors = list(errors)
        return error

    @classmethod
    def of(cls, invalid: Invalid) -> Unprocessable:
        """The core's located error, its locations as the raiser's caller completed them."""
        if len(invalid.problems) == 1:
            problem = invalid.problems[0]
            return cls(problem.message, problem.loc, problem.kind)
        return cls.many(
            [{"loc": list(p.loc), "msg": p.message, "type": p.kind} for p in invalid.problems]
        )


PROBLEM_TYPES: dict[str, type[ServiceError]] = {
    cls.slug: cls
    for cls in (
        ServiceError,
        BadRequest,
        Unauthorized,
        NotFound,
        MethodNotAllowed,
        RequestTimeout,
        NotAcceptable,
        Conflict,
        Gone,
        PayloadTooLarge,
        UnsupportedMediaType,
        HeadersTooLarge,
        TooManyRequests,
        ServiceUnavailable,
        Unprocessable,
        LaunchRefused,
        BadGateway,
    )
}


def problem_type(slug: str) -> str:
    return f"/problems/{slug}"


def document(error: ServiceError, path: str) -> tuple[bytes, str]:
    """The error's body and media type: the inference protocol's shape under /v2, an RFC 9457
    problem document everywhere else."""
    if path.startswith("/v2"):
        return orjson.dumps({"error": error.detail}), "application/json"
    problem: dict[str, Any] = {
        "type": problem_type(error.slug),
        "title": error.title,
        "status": error.status,
        "detail": error.detail,
        "instance": path,
    }
    if error.errors:
        problem["errors"] = error.errors
    return orjson.dumps(problem), PROBLEM_JSON


async def send_document(
    send: Send, path: str, error: ServiceError, extra: Sequence[tuple[bytes, bytes]] = ()
) -> None:
    """The error written straight to an ASGI `send`, for middleware that answers before the
    app (or instead of it): the same document, with the error's headers and `extra`."""
    body, media_type = document(error, path)
    headers = [
        (b"content-type", media_type.encode()),
        (b"content-length", str(len(body)).encode()),
        *((name.lower().encode(), value.encode()) for name, value in error.headers.items()),
        *extra,
    ]
    await send({"type": "http.response.start", "status": error.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def render(request: Request, error: ServiceError) -> Response:
    body, media_type = document(error, request.url.path)
    return Response(body, status_code=error.status, media_type=media_type, headers=error.headers)


def where_it_goes(name: str, fields: Sequence[str], hints: Mapping[str, str] | None) -> str:
    """What to say of a field the model does not have: where it goes, when known, or the
    nearest field the model has."""
    if hints and name in hints:
        return hints[name]
    nearest = difflib.get_close_matches(name, fields, n=1, cutoff=0.6)
    if nearest:
        return f"{name} is not a field here; did you mean {nearest[0]}?"
    return f"{name} is not a field here; the fields are {', '.join(fields)}"


def clean_pydantic_error(
    error: Any,
    place: Loc = (),
    fields: Sequence[str] = (),
    hints: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """A pydantic error as errors[] shows it, located inside `place`; an unknown field says
    where it goes (`hints`) or which field was meant (`fields`)."""
    message = error["msg"]
    if error["type"] == "extra_forbidden" and error["loc"] and fields:
        message = where_it_goes(str(error["loc"][-1]), fields, hints)
    return {"loc": [*place, *error["loc"]], "msg": message, "type": error["type"]}


M = TypeVar("M", bound=BaseModel)


def validated(model: type[M], data: Any, place: str, hints: Mapping[str, str] | None = None) -> M:
    """data read into the model, or a 422 locating each fault inside `place`."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        fields = list(model.model_fields)
        raise Unprocessable.many(
            [
                clean_pydantic_error(e, (place,), fields, hints)
                for e in exc.errors(include_url=False)
            ]
        ) from None


def _body_fields(request: Request) -> list[str]:
    """The fields of the route's body model, if it has one."""
    body = getattr(request.scope.get("route"), "body_field", None)
    model = getattr(getattr(body, "field_info", None), "annotation", None)
    return (
        list(model.model_fields) if isinstance(model, type) and issubclass(model, BaseModel) else []
    )


async def _service_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ServiceError)
    return render(request, exc)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    fields = _body_fields(request)
    errors = [clean_pydantic_error(e, fields=fields) for e in exc.errors()]
    return render(request, Unprocessable.many(errors))


async def _invalid(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Invalid)
    if isinstance(exc, TooLarge):
        return render(request, PayloadTooLarge(exc.message))
    return render(request, Unprocessable.of(exc))


async def _unknown_function(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, UnknownFunction)
    return render(request, NotFound(str(exc.args[0])))


_HTTP_ERRORS: dict[int, type[ServiceError]] = {
    404: NotFound,
    405: MethodNotAllowed,
    406: NotAcceptable,
    413: PayloadTooLarge,
    415: UnsupportedMediaType,
}


def _routing_detail(request: Request, exc: StarletteHTTPException) -> str:
    """What a request that matched no route (404), or not with its method (405), should try."""
    method, path = request.method, request.url.path
    if exc.status_code == 405:
        allowed = (exc.headers or {}).get("Allow", "")
        detail = f"{path} does not take {method}; it takes {allowed}"
        if method == "OPTIONS" and "access-control-request-method" in request.headers:
            detail += (
                f"; this is a CORS preflight from {request.headers.get('origin', 'a page')}, "
                "and this server allows no origin: list the frontend's origins in "
                "RELU_CORS_ORIGINS"
            )
        return detail
    schema = getattr(request.app, "openapi", None)
    routes = nearest(schema()["paths"], method, path) if callable(schema) else []
    return f"no route {method} {path}" + (
        f"; did you mean {' or '.join(routes)}?" if routes else ""
    )


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    cls = _HTTP_ERRORS.get(exc.status_code, BadRequest if exc.status_code < 500 else ServiceError)
    detail = str(exc.detail)
    if exc.status_code in (404, 405) and detail in ("Not Found", "Method Not Allowed"):
        detail = _routing_detail(request, exc)
    error = cls(detail, headers=dict(exc.headers or {}), status=exc.status_code)
    return render(request, error)


def install(app: FastAPI) -> None:
    app.add_exception_handler(ServiceError, _service_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Invalid, _invalid)
    app.add_exception_handler(UnknownFunction, _unknown_function)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    # A fault nothing here handles is answered by the observability middleware, which adds
    # the request id and the security headers to it (operations/observability.py).
