"""The OpenAPI document as the whole truth about errors: every status the server answers an
operation with is documented, in the media type it is sent in, with a schema the body meets.

Each operation of the document is sent the requests that draw the answers every route can
give (a malformed or oversized Content-Length, a body that never arrives, one request over a
rate limit, no credentials, an unknown id, an unusable parameter or body), straight to the
ASGI app so that the headers can be anything; what comes back must be in the document.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest
from fastapi import FastAPI

from service.app import create_app
from service.settings import Settings
from service.state import of_app

pytestmark = pytest.mark.anyio

Answer = tuple[int, str, bytes]


def strict(database_url: str, rate: str) -> Iterator[FastAPI]:
    """Limits that a test reaches in a request or two."""
    app = create_app(
        Settings(
            database_url=database_url,
            admin_api_key="admin-key",
            body_timeout_s=0.05,
            rate_limit_quiz_create=rate,
            rate_limit_answers=rate,
            rate_limit_evaluation=rate,
        )
    )
    yield app
    of_app(app).database.dispose()


@pytest.fixture
def strict_app(database_url: str) -> Iterator[FastAPI]:
    yield from strict(database_url, "1000/minute")


@pytest.fixture
def limited_app(database_url: str) -> Iterator[FastAPI]:
    yield from strict(database_url, "1/minute")


async def call(
    app: FastAPI,
    method: str,
    path: str,
    headers: dict[str, str] | None = None,
    body: bytes | None = b"",
    query: str = "",
) -> Answer:
    """One request to the ASGI app; body None: the body never arrives."""
    raw_headers = [(b"host", b"test")] + [
        (k.lower().encode(), v.encode()) for k, v in (headers or {}).items()
    ]
    if body and "content-length" not in (headers or {}):
        raw_headers.append((b"content-length", str(len(body)).encode()))
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": raw_headers,
        "client": ("127.0.0.1", 40000),
        "server": ("test", 80),
    }
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if body is None or sent:
            await asyncio.sleep(3600)  # the rest of the body never comes
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    messages: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        messages.append(message)

    await asyncio.wait_for(app(scope, receive, send), 10)
    start = messages[0]
    content_type = dict(start["headers"]).get(b"content-type", b"").decode()
    return start["status"], content_type, b"".join(m.get("body", b"") for m in messages[1:])


def operations(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            yield path, method.upper(), operation


def concrete(path: str, value: str = "nosuchthing") -> str:
    return re.sub(r"\{[^}]+\}", value, path)


def resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with the document's components, for jsonschema to follow its $refs."""
    return {**schema, "components": document["components"]}


def check_documented(
    document: dict[str, Any], path: str, method: str, answer: Answer, why: str
) -> None:
    status, content_type, body = answer
    responses = document["paths"][path][method.lower()]["responses"]
    assert str(status) in responses, f"{method} {path} answered {status} ({why}): undocumented"
    media = content_type.split(";")[0]
    content = responses[str(status)].get("content", {})
    assert media in content, (
        f"{method} {path} {status} ({why}) came as {media}, not {list(content)}"
    )
    schema = content[media].get("schema")
    if schema and media.endswith("json"):
        jsonschema.validate(json.loads(body), resolve(document, schema))


async def test_every_status_drawn_from_every_operation_is_documented(strict_app: FastAPI) -> None:
    document = strict_app.openapi()
    drawn: set[tuple[str, str, int]] = set()
    for path, method, operation in operations(document):
        url = concrete(path)
        probes: list[tuple[str, dict[str, str], bytes | None, str]] = [
            ("a plain request with unknown ids", {}, b"", ""),
            ("a Content-Length that is no number", {"content-length": "many"}, b"", ""),
            ("a Content-Length over the limit", {"content-length": str(2**40)}, b"", ""),
        ]
        if operation.get("requestBody"):
            probes += [
                (
                    "a body that never arrives",
                    {"content-type": "application/json", "content-length": "2"},
                    None,
                    "",
                ),
                ("an empty JSON object", {"content-type": "application/json"}, b"{}", ""),
                ("a body that is not JSON", {"content-type": "application/json"}, b"{", ""),
            ]
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "query":
                probes.append(
                    (f"an unusable {parameter['name']}", {}, b"", f"{parameter['name']}=%FF!")
                )
        if operation.get("security"):
            probes.append(("no credentials", {}, b"", ""))
        for why, headers, body, query in probes:
            answer = await call(strict_app, method, url, headers, body, query)
            check_documented(document, path, method, answer, why)
            drawn.add((path, method, answer[0]))
    statuses = {status for _, _, status in drawn}
    assert {400, 401, 404, 408, 413, 422} <= statuses  # the probes reach what they aim at


def rate_limited(operation: dict[str, Any]) -> bool:
    success = next(r for status, r in operation["responses"].items() if status < "300")
    return "RateLimit-Limit" in success["headers"]


async def test_a_request_over_a_rate_limit_gets_a_documented_429(limited_app: FastAPI) -> None:
    document = limited_app.openapi()
    limited = [(p, m) for p, m, operation in operations(document) if rate_limited(operation)]
    assert {p for p, _ in limited} >= {"/v1/relu", "/v1/quizzes", "/v1/programs/evaluate"}
    for path, method in limited:
        url = concrete(path, "relu")
        for _ in range(2):
            answer = await call(
                limited_app, method, url, {"content-type": "application/json"}, b"{}"
            )
        assert answer[0] == 429, (path, answer)
        check_documented(document, path, method, answer, "over the limit")
    for path, method, operation in operations(document):
        if not rate_limited(operation):  # never counted, so never refused
            answers = [await call(limited_app, method, concrete(path)) for _ in range(3)]
            assert 429 not in [status for status, _, _ in answers], (method, path)


def test_every_error_has_the_schema_and_an_example_it_meets() -> None:
    document = create_app(Settings()).openapi()
    for path, method, operation in operations(document):
        for status, response in operation["responses"].items():
            assert "X-Request-ID" in response["headers"], (method, path, status)
            if int(status) < 400:
                continue
            names = {
                "application/json": "InferenceError",
                "application/problem+json": "Problem",
            }
            for media, content in response["content"].items():
                assert content["schema"] == {"$ref": f"#/components/schemas/{names[media]}"}
                jsonschema.validate(content["example"], resolve(document, content["schema"]))
            v2 = path.startswith("/v2")
            assert ("application/json" in response["content"]) == v2, (method, path, status)
            if status in ("429", "503"):
                assert "Retry-After" in response["headers"]
    assert "HTTPValidationError" not in json.dumps(document)  # never sent, never documented


def test_credentials_are_security_schemes_not_header_parameters() -> None:
    document = create_app(Settings()).openapi()
    schemes = document["components"]["securitySchemes"]
    assert schemes["quizToken"] == schemes["quizToken"] | {"type": "http", "scheme": "bearer"}
    assert schemes["adminKey"] == schemes["adminKey"] | {"type": "http", "scheme": "bearer"}
    assert schemes["learnerToken"] == schemes["learnerToken"] | {"type": "http", "scheme": "bearer"}
    security = {
        (method, path): operation.get("security")
        for path, method, operation in operations(document)
    }
    assert security[("GET", "/v1/quizzes/{quiz_id}")] == [{"quizToken": []}]
    assert security[("POST", "/v1/quizzes/{quiz_id}/answers")] == [{"quizToken": []}]
    assert security[("GET", "/v1/stats/items")] == [{"adminKey": []}]
    # The admin key, or a learner's token, or neither.
    assert security[("POST", "/v1/quizzes")] == [{"adminKey": []}, {"learnerToken": []}, {}]
    assert security[("GET", "/v1/learners/{learner_id}/progress")] == [{"learnerToken": []}]
    assert security[("POST", "/v1/practice/{practice_id}/next")] == [{"quizToken": []}]
    assert security[("POST", "/v1/learners")] is None
    assert security[("GET", "/v1/topics")] is None
    for path, method, operation in operations(document):
        names = [p["name"].lower() for p in operation.get("parameters", [])]
        assert "authorization" not in names, (method, path)


def test_relu_routes_list_no_parameter_they_refuse() -> None:
    document = create_app(Settings()).openapi()
    for path in ("/v1/relu", "/v1/relu/subgradient"):
        names = {p["name"] for p in document["paths"][path]["post"]["parameters"]}
        assert not names & {"negative_slope", "min_val", "max_val", "beta"}, path
        assert {"dtype", "shape", "emulate"} <= names


def test_answers_and_keys_are_unions_told_apart_by_type() -> None:
    document = create_app(Settings()).openapi()
    schemas = document["components"]["schemas"]
    response = schemas["AnswerSubmit"]["properties"]["response"]
    assert response["discriminator"]["propertyName"] == "type"
    assert len(response["oneOf"]) == 8
    assert set(schemas["PublicItem"]["properties"]["type"]["enum"]) == set(
        response["discriminator"]["mapping"]
    )
    key = json.dumps(schemas["AnswerResult"]["properties"]["key"])
    assert all(ref["$ref"] in key for ref in response["oneOf"])
