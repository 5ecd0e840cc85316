"""Examples for the OpenAPI document, so that every operation shows what it answers."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from fastapi import FastAPI

from service.errors import PROBLEM_JSON, PROBLEM_TYPES, InferenceError, Problem, ProblemError

Responses = dict[int | str, dict[str, Any]]
PROBLEM: dict[str, Any] = {PROBLEM_JSON: {}}
INFERENCE_ERROR = {"application/json": {"example": {"error": "message"}}}


# FastAPI writes the document without None values, which would take every null out of the
# examples (and leave them short of required nullable fields): examples hold this instead,
# and complete() puts the nulls back.
_NULL = "\u0000null"


def keep_nulls(value: Any) -> Any:
    if value is None:
        return _NULL
    if isinstance(value, dict):
        return {k: keep_nulls(v) for k, v in value.items()}
    if isinstance(value, list):
        return [keep_nulls(v) for v in value]
    return value


def _nulls_back(node: Any) -> Any:
    if node == _NULL:
        return None
    if isinstance(node, dict):
        return {k: _nulls_back(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_nulls_back(v) for v in node]
    return node


def example(value: Any, status: int = 200, media_type: str = "application/json") -> Responses:
    """A `responses` entry that adds an example to the generated response."""
    return {status: {"content": {media_type: {"example": keep_nulls(value)}}}}


def errors(
    descriptions: Mapping[int, str], *statuses: int, content: Mapping[str, Any] = PROBLEM
) -> Responses:
    """`responses` entries for the error statuses given (all of `descriptions` when none is),
    each with its description and the body it comes in: a problem document by default."""
    chosen = statuses or tuple(descriptions)
    return {s: {"description": descriptions[s], "content": dict(content)} for s in chosen}


RELU_GRAPH = {
    "lo": -3.5,
    "hi": 3.5,
    "pieces": [[[-3.5, 0.0], [0.0, 0.0], [3.5, 3.5]]],
    "dots": [],
    "segments": [],
}
RELU_SUBGRADIENT_GRAPH = {
    "lo": -3.5,
    "hi": 3.5,
    "pieces": [[[-3.5, 0.0], [0.0, 0.0]], [[0.0, 1.0], [3.5, 1.0]]],
    "dots": [{"x": 0.0, "y": 0.0, "filled": True}, {"x": 0.0, "y": 1.0, "filled": True}],
    "segments": [{"x": 0.0, "lower": 0.0, "upper": 1.0}],
}
# The examples show an item written for the documentation, not one of the bank: the document
# is public, and the bank's keys, explanations and feedback are not.
QUIZ_ITEM = {
    "position": 1,
    "item_id": "example-relu-derivative-at-two",
    "version": 1,
    "type": "numeric",
    "topics": ["differentiability"],
    "difficulty": 2,
    "stem": 'What is $\\operatorname{relu}\'(2)$? Answer "does not exist" if it does not.',
    "choices": [],
    "function": {
        "name": "relu",
        "title": "Rectified linear unit",
        "formula": "max(0, x)",
        "params": {},
    },
    "graph": RELU_GRAPH,
    "points": 1.0,
    "hints": 1,
    "length": None,
    "labels": None,
}
_SHOWN = {k: v for k, v in QUIZ_ITEM.items() if k not in ("position", "hints")}
ITEM_STATE = {
    **_SHOWN,
    "position": 1,
    "hints_offered": 1,
    "answered": True,
    "tries_used": 2,
    "tries_left": 0,
    "correct": True,
    "score": 0.666667,
    "max_score": 1.0,
    "hints_used": 0,
    "hints": [],
    "tries": [
        {
            "number": 1,
            "response": {"type": "numeric", "value": 2},
            "correct": False,
            "credit": 0.0,
            "score": 0.0,
            "feedback": "That is a value of the function, not a slope.",
            "misconception": "value-for-derivative",
            "misconception_title": "A value taken for a slope",
        },
        {
            "number": 2,
            "response": {"type": "numeric", "value": 1},
            "correct": True,
            "credit": 1.0,
            "score": 0.666667,
            "feedback": "Correct.",
            "misconception": None,
            "misconception_title": None,
        },
    ],
    "explanation": "Near 2, relu(x) = x, whose slope is 1.",
    "key": {"type": "numeric", "value": 1},
}


def inline_schema(model: Any) -> dict[str, Any]:
    """A pydantic model's JSON schema with its local definitions inlined, for request bodies
    documented by hand (a `#/$defs/...` reference means nothing inside an OpenAPI document)."""
    schema: dict[str, Any] = model.model_json_schema()
    definitions: dict[str, Any] = schema.pop("$defs", {})

    def resolve(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                return resolve(definitions[ref.removeprefix("#/$defs/")])
            return {key: resolve(value) for key, value in node.items()}
        if isinstance(node, list):
            return [resolve(item) for item in node]
        return node

    resolved: dict[str, Any] = resolve(schema)
    return resolved


# --- the document completed: what the middleware and the server answer, and their headers ---

_ERROR_SCHEMAS = (Problem, ProblemError, InferenceError)
_HEADERS: dict[str, dict[str, Any]] = {
    "X-Request-ID": {
        "description": "the request's id (the one sent, if well formed, or a new one); the "
        "logs carry it",
        "schema": {"type": "string"},
    },
    "Retry-After": {
        "description": "seconds to wait before trying again",
        "schema": {"type": "integer", "minimum": 0},
    },
    "RateLimit-Limit": {
        "description": "requests allowed per window to this client for this route",
        "schema": {"type": "integer"},
    },
    "RateLimit-Remaining": {
        "description": "requests left in the current window",
        "schema": {"type": "integer"},
    },
    "RateLimit-Reset": {
        "description": "seconds until the window resets",
        "schema": {"type": "integer"},
    },
    "RateLimit-Policy": {
        "description": 'the policy, as "<limit>;w=<window seconds>"',
        "schema": {"type": "string", "example": "3000;w=60"},
    },
    "WWW-Authenticate": {"description": "Bearer", "schema": {"type": "string"}},
    "Connection": {
        "description": "close: the server closes the connection after this answer",
        "schema": {"type": "string", "enum": ["close"]},
    },
    "X-Array-Dtype": {"description": "the outputs' dtype", "schema": {"type": "string"}},
    "X-Array-Shape": {
        "description": "the outputs' shape, comma-separated (empty for a scalar)",
        "schema": {"type": "string"},
    },
    "X-Array-Outputs": {
        "description": "the outputs in the raw body, in order, comma-separated",
        "schema": {"type": "string"},
    },
    "X-Function": {"description": "the catalogue function evaluated", "schema": {"type": "string"}},
    "Inference-Header-Content-Length": {
        "description": "binary tensor data: the length of the JSON header before the tensors",
        "schema": {"type": "integer"},
    },
}
# What any request may be answered, whatever its route: by the HTTP server (a header deadline,
# the connection cap), the body limit (which reads Content-Length on every request), and the
# last-resort handler.
_EVERYWHERE = {
    400: "a malformed request: a Content-Length that is not a whole number, a bad header",
    408: "the headers or the body did not arrive in time; the connection is closed",
    413: "the body is over this route's limit (see the README's limits)",
    431: "the request line and headers are over the server's limit; the connection is closed",
    429: "this address holds too many connections already; Retry-After says when to retry",
    500: "an unexpected fault; the X-Request-ID finds it in the server's logs",
    503: "the server cannot take the request now (its connections or the database are busy); "
    "Retry-After says when to retry",
}
# Answered by the HTTP server for the connection, before any route is known: always a
# problem document, under /v2 too.
_BY_THE_SERVER = (408, 429, 431, 503)
_DEFAULTS = {
    404: "no resource at this address",
    422: "a parameter or the body cannot be used; errors[] says where",
    429: "over this route's rate limit (the RateLimit headers say where the client stands), or "
    "too many connections from this address; Retry-After says when to come back",
}
_STATUS_HEADERS = {
    401: ("WWW-Authenticate",),
    408: ("Connection",),
    429: ("Retry-After",),
    431: ("Connection",),
    503: ("Retry-After",),
}
_BEFORE_RATE_LIMITS = ("400", "413")  # answered before a request is counted


def _items_of_tuples(node: Any) -> None:
    """A fixed-length array of one type (a pair of numbers) gets `items` beside its
    `prefixItems`, for the tools that read only `items`."""
    if isinstance(node, dict):
        prefix = node.get("prefixItems")
        if prefix and "items" not in node and all(p == prefix[0] for p in prefix):
            node["items"] = prefix[0]
        for value in node.values():
            _items_of_tuples(value)
    elif isinstance(node, list):
        for value in node:
            _items_of_tuples(value)


def _ref(kind: str, name: str) -> dict[str, str]:
    return {"$ref": f"#/components/{kind}/{name}"}


def _problem_example(status: int, detail: str, path: str) -> dict[str, Any]:
    cls = next(c for c in PROBLEM_TYPES.values() if c.default_status == status)
    example: dict[str, Any] = {
        "type": f"/problems/{cls.slug}",
        "title": cls.title,
        "status": status,
        "detail": detail,
        "instance": path,
    }
    if status == 422:
        example["errors"] = [{"loc": ["query", "dtype"], "msg": detail, "type": "literal_error"}]
    return example


def _error_content(status: int, description: str, path: str) -> dict[str, Any]:
    problem = {
        PROBLEM_JSON: {
            "schema": _ref("schemas", "Problem"),
            "example": _problem_example(status, description, path),
        }
    }
    if not path.startswith("/v2"):
        return problem
    inference = {
        "application/json": {
            "schema": _ref("schemas", "InferenceError"),
            "example": {"error": description},
        }
    }
    return {**inference, **problem} if status in _BY_THE_SERVER else inference


def _can_fail_validation(operation: dict[str, Any]) -> bool:
    """Whether FastAPI's validation can refuse the request: a body, a query parameter or a
    constrained path parameter (an enum that only documents is not a constraint)."""
    if operation.get("requestBody"):
        return True
    for parameter in operation.get("parameters", []):
        schema = parameter.get("schema", {})
        if parameter["in"] != "path" or schema.get("type") != "string":
            return True
        if {"maxLength", "minLength", "pattern"} & set(schema):
            return True
    return False


def _generated_422(response: dict[str, Any]) -> bool:
    return "HTTPValidationError" in str(response.get("content", ""))


def _complete_operation(
    path: str, method: str, operation: dict[str, Any], rate_limited: bool
) -> None:
    responses: dict[str, Any] = operation["responses"]
    if _generated_422(responses.get("422", {})) and not _can_fail_validation(operation):
        del responses["422"]
    wanted = dict(_EVERYWHERE)
    if any(p["in"] == "path" for p in operation.get("parameters", [])):
        wanted[404] = _DEFAULTS[404]
    if rate_limited:
        wanted[429] = _DEFAULTS[429]
        responses.pop("429", None)
    for status, description in wanted.items():
        responses.setdefault(str(status), {"description": description})
    sample = re.sub(r"\{[^}]+\}", "example", path)
    for code, response in responses.items():
        status = int(code)
        if status >= 400:
            description = response.get("description") or _DEFAULTS.get(status, "an error")
            response["description"] = description
            response["content"] = _error_content(status, description, sample)
        headers = response.setdefault("headers", {})
        names = ["X-Request-ID", *_STATUS_HEADERS.get(status, ())]
        if rate_limited and code not in _BEFORE_RATE_LIMITS:
            names += [
                "RateLimit-Limit",
                "RateLimit-Remaining",
                "RateLimit-Reset",
                "RateLimit-Policy",
            ]
        if status < 300 and "application/x-npy" in response.get("content", {}):
            names += ["X-Array-Dtype", "X-Array-Shape", "X-Array-Outputs", "X-Function"]
        if status < 300 and path.endswith("/infer"):
            names.append("Inference-Header-Content-Length")
        for name in names:
            headers[name] = _ref("headers", name)
    operation["responses"] = dict(sorted(responses.items()))
    if "security" in operation:  # once each: a route's own and its dependencies' may repeat
        unique = {repr(sorted(r.items())): r for r in operation["security"]}
        operation["security"] = list(unique.values())


def complete(document: dict[str, Any], rate_limited: Callable[[str, str], bool]) -> dict[str, Any]:
    """The document made the whole truth about errors: every status any operation can answer
    (those of the server and the middleware too), each in the schema and media type it is
    sent in (a problem document, or the inference protocol's {"error"} under /v2), with the
    headers that come with it. FastAPI's own validation-error schema, which the service never
    sends, is dropped."""
    document = _nulls_back(document)
    components = document.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    for model in _ERROR_SCHEMAS:
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        schema.pop("$defs", None)  # each is a component of its own
        schemas[model.__name__] = schema
    components["headers"] = _HEADERS
    _items_of_tuples(schemas)
    for path, operations in document["paths"].items():
        sample = re.sub(r"\{[^}]+\}", "example", path)
        for method, operation in operations.items():
            _complete_operation(path, method, operation, rate_limited(method.upper(), sample))
    return document


def install(app: FastAPI, rate_limited: Callable[[str, str], bool]) -> None:
    """app.openapi() completed once, then cached as FastAPI caches its own."""
    build = app.openapi
    completed: list[dict[str, Any]] = []

    def openapi() -> dict[str, Any]:
        if not completed:
            completed.append(complete(build(), rate_limited))
        return completed[0]

    app.openapi = openapi  # type: ignore[method-assign]
