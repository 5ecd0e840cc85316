from __future__ import annotations

import io
import logging
import re
import sys

import httpx
import orjson
import pytest
from fastapi import FastAPI

from service.operations.observability import Framing

pytestmark = pytest.mark.anyio


async def test_request_id_is_generated_or_echoed(client: httpx.AsyncClient) -> None:
    generated = await client.get("/healthz")
    assert len(generated.headers["x-request-id"]) == 32
    echoed = await client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert echoed.headers["x-request-id"] == "abc-123"
    unsafe = await client.get("/healthz", headers={"X-Request-ID": "a b\tc" + "x" * 200})
    assert unsafe.headers["x-request-id"] != "a b\tc" + "x" * 200


@pytest.mark.parametrize("path", ["/healthz", "/v1/functions/nope", "/v1/topics", "/metrics"])
async def test_security_headers_on_every_response(client: httpx.AsyncClient, path: str) -> None:
    response = await client.get(path)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert "default-src 'none'" in response.headers["content-security-policy"]


def test_only_the_configured_platforms_may_frame_the_quiz_and_lti_pages() -> None:
    framing = Framing(("https://lms.example.edu",))
    for path in ("/", "/lti/launch"):
        headers = dict(framing.headers(path))
        assert b"x-frame-options" not in headers
        policy = headers[b"content-security-policy"]
        assert b"frame-ancestors 'self' https://lms.example.edu" in policy
    assert (
        b"form-action 'self' https:"
        in dict(framing.headers("/lti/deep-link"))[b"content-security-policy"]
    )
    for path in ("/v1/relu", "/playground", "/static/css/app.css"):
        headers = dict(framing.headers(path))
        assert headers[b"x-frame-options"] == b"DENY"
        assert b"frame-ancestors 'none'" in headers[b"content-security-policy"]
    nobody = dict(Framing().headers("/"))
    assert nobody[b"x-frame-options"] == b"DENY"
    assert b"frame-ancestors 'none'" in nobody[b"content-security-policy"]


async def test_one_json_log_line_per_request(
    client: httpx.AsyncClient, capsys: pytest.CaptureFixture[str]
) -> None:
    access = logging.getLogger("service.access")
    try:
        access.setLevel(logging.INFO)
        await client.post("/v1/relu", json={"x": [1]}, headers={"X-Request-ID": "log-me"})
        (line,) = capsys.readouterr().err.splitlines()
        # The service.access logger's level switches the lines off.
        access.setLevel(logging.WARNING)
        await client.get("/healthz")
        assert capsys.readouterr().err == ""
    finally:
        access.setLevel(logging.NOTSET)
    fields = orjson.loads(line)
    assert fields["logger"] == "service.access"
    assert fields["level"] == "info"
    assert fields["message"] == "request"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", fields["time"])
    assert fields["request_id"] == "log-me"
    assert fields["method"] == "POST"
    assert fields["path"] == "/v1/relu"
    assert fields["route"] == "/v1/relu"
    assert fields["status"] == 200
    assert fields["duration_ms"] > 0
    assert fields["client"] == "127.0.0.1"


async def test_a_stderr_that_cannot_be_written_loses_the_line_not_the_request(
    app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    closed = io.StringIO()
    closed.close()
    access = logging.getLogger("service.access")
    # An exception after the answer would reach the server, which drops the connection.
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=True)
    try:
        access.setLevel(logging.INFO)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            for stream in (closed, None):
                monkeypatch.setattr(sys, "stderr", stream)
                assert (await client.get("/healthz")).status_code == 200
                assert (await client.post("/v1/relu", json={"x": [1]})).status_code == 200
    finally:
        access.setLevel(logging.NOTSET)


def test_the_formatter_writes_json() -> None:
    from service.operations.observability import JSONFormatter

    record = logging.LogRecord("service.access", logging.INFO, __file__, 1, "request", None, None)
    record.fields = {"status": 200}
    record.created, record.msecs = 1_700_000_000.25, 250.0
    formatter = JSONFormatter()
    line = orjson.loads(formatter.format(record))
    assert line["time"] == "2023-11-14T22:13:20.250Z"
    record.created, record.msecs = 1_700_000_061.5, 500.0  # a new second, a new text
    assert orjson.loads(formatter.format(record))["time"] == "2023-11-14T22:14:21.500Z"
    assert line["status"] == 200
    assert line["level"] == "info"
    assert line["message"] == "request"


async def test_metrics(client: httpx.AsyncClient) -> None:
    await client.post("/v1/relu", json={"x": [1, 2, 3]})
    await client.get("/v1/functions/nope")
    quiz = (await client.post("/v1/quizzes", json={"size": 1, "types": ["true_false"]})).json()
    await client.post(
        f"/v1/quizzes/{quiz['id']}/answers",
        json={"position": 1, "response": {"value": True}},
        headers={"Authorization": f"Bearer {quiz['token']}"},
    )
    text = (await client.get("/metrics")).text
    assert 'relu_http_requests_total{method="POST",route="/v1/relu",status="200"} 1.0' in text
    assert 'route="/v1/functions/{name}",status="404"' in text
    assert "relu_http_request_duration_seconds_bucket" in text
    assert "relu_elements_evaluated_total 3.0" in text
    assert "relu_quiz_answers_total{correct=" in text


async def test_a_fault_is_a_500_with_the_request_id_and_security_headers(
    app: FastAPI, caplog: pytest.LogCaptureFixture
) -> None:
    async def boom() -> None:
        raise RuntimeError("a bug")

    app.add_api_route("/boom", boom)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        response = await client.get("/boom", headers={"x-request-id": "trace-1"})
    assert response.status_code == 500
    assert response.headers["x-request-id"] == "trace-1"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.json()["type"] == "/problems/internal-error"
    assert "a bug" not in response.text
    assert any("unhandled error on GET /boom" in r.message for r in caplog.records)
