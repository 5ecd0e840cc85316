"""Hostile and broken input: bounded memory, clear 4xx answers, no 500, no guessing."""

from __future__ import annotations

import time
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import httpx
import pytest

from service.db import upgrade
from tests.conftest import LiveServer


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    database = f"sqlite:///{tmp_path_factory.mktemp('abuse') / 'abuse.db'}"
    upgrade(database)
    live = LiveServer(
        {
            "DATABASE_URL": database,
            "RELU_BODY_TIMEOUT_S": "1",
            "RELU_RATE_LIMIT_QUIZ_CREATE": "1000/minute",
            "RELU_ADMIN_API_KEY": "abuse-admin",
        }
    )
    yield live
    live.stop()


def _rss(server: LiveServer, field: str = "VmHWM") -> int:
    for line in Path(f"/proc/{server.process.pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise KeyError(field)


def test_a_100_mb_json_body_is_refused_in_bounded_memory(server: LiveServer) -> None:
    chunk = b"[" + b"1," * 500_000  # about 1 MB of a JSON array that never ends

    def body() -> Iterator[bytes]:
        yield b'{"x": '
        for _ in range(100):
            yield chunk

    Path(f"/proc/{server.process.pid}/clear_refs").write_text("5")
    before = _rss(server, "VmRSS")
    start = time.monotonic()
    response = httpx.post(
        f"{server.url}/v1/relu",
        content=body(),
        headers={"content-type": "application/json"},
        timeout=60,
    )
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
    assert time.monotonic() - start < 20
    # The JSON limit is 8 MiB: the stream is cut there, and nothing much is held.
    assert _rss(server) - before < 100 * 2**20
    assert httpx.get(f"{server.url}/healthz").status_code == 200


def test_a_huge_declared_length_is_refused_at_once(server: LiveServer) -> None:
    head = (
        b"POST /v1/relu HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
        b"Content-Length: 99999999999\r\n\r\n"
    )
    answer, elapsed = server.raw(head, b'{"x": [')
    assert answer.startswith(b"HTTP/1.1 413")
    assert elapsed < 5
    assert httpx.get(f"{server.url}/healthz").status_code == 200


def _quiz(server: LiveServer) -> dict[str, Any]:
    created: dict[str, Any] = httpx.post(
        f"{server.url}/v1/quizzes", json={"size": 1, "types": ["point_set"]}
    ).json()
    return created


@pytest.mark.parametrize(
    "path", ["/v1/quizzes", "/v1/quizzes/{id}/answers", "/v1/quizzes/{id}/hints"]
)
def test_a_quiz_route_refuses_a_huge_declared_body_before_anything_else(
    server: LiveServer, path: str
) -> None:
    # An unknown quiz and a wrong token: the 413 comes first, without reading the body.
    url = path.replace("{id}", "0" * 32)
    head = (
        f"POST {url} HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
        "Authorization: Bearer wrong\r\nContent-Length: 2147483648\r\n\r\n"
    ).encode()
    answer, elapsed = server.raw(head, b'{"position": 1, "response": {"values": [')
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b"x-request-id" in answer.lower()
    assert elapsed < 5


def test_a_quiz_body_over_its_limit_is_cut_while_streaming(server: LiveServer) -> None:
    quiz = _quiz(server)

    def body() -> Iterator[bytes]:
        yield b'{"position": 1, "response": {"values": ['
        for _ in range(200):  # about 2 MB, far over the 64 KiB of a quiz route
            yield b"1," * 5000

    response = httpx.post(
        f"{server.url}/v1/quizzes/{quiz['id']}/answers",
        content=body(),
        headers={"content-type": "application/json", "authorization": f"Bearer {quiz['token']}"},
        timeout=30,
    )
    assert response.status_code == 413
    assert (
        httpx.get(
            f"{server.url}/v1/quizzes/{quiz['id']}",
            headers={"authorization": f"Bearer {quiz['token']}"},
        ).json()["items"][0]["tries_used"]
        == 0
    )


def test_an_answer_longer_than_its_item_needs_is_a_422(server: LiveServer) -> None:
    quiz = _quiz(server)
    response = httpx.post(
        f"{server.url}/v1/quizzes/{quiz['id']}/answers",
        json={"position": 1, "response": {"values": list(range(51))}},
        headers={"authorization": f"Bearer {quiz['token']}"},
    )
    assert response.status_code == 422
    assert "no try was used" in response.json()["detail"]


def test_json_of_empty_arrays_is_refused_before_it_is_parsed(server: LiveServer) -> None:
    # Under the byte limit, but millions of arrays: refused by a scan, in a moment.
    body = b'{"x": [' + b"[]," * 2_000_000 + b"[]]}"
    Path(f"/proc/{server.process.pid}/clear_refs").write_text("5")
    before = _rss(server, "VmRSS")
    start = time.monotonic()
    response = httpx.post(
        f"{server.url}/v1/relu", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert "arrays and objects" in response.json()["detail"]
    assert time.monotonic() - start < 5
    assert _rss(server) - before < 100 * 2**20


def test_v2_json_is_under_the_json_limit(server: LiveServer) -> None:
    head = (
        b"POST /v2/models/relu/infer HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
        b"Content-Length: 100000000\r\n\r\n"
    )
    answer, elapsed = server.raw(head, b'{"inputs": [')
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert elapsed < 5


def _npy(shape: str) -> bytes:
    text = f"{{'descr': '<f4', 'fortran_order': False, 'shape': {shape}, }}".encode()
    text += b" " * (63 - (10 + len(text)) % 64) + b"\n"
    return b"\x93NUMPY\x01\x00" + len(text).to_bytes(2, "little") + text


@pytest.mark.parametrize(
    ("path", "content_type", "body", "headers"),
    [
        (
            "/v1/relu?dtype=float32&shape=0,99999999999999999999",
            "application/octet-stream",
            b"",
            {},
        ),
        ("/v1/relu", "application/octet-stream", b"\x00" * 8, {}),  # raw bytes without a dtype
        ("/v1/relu", "application/x-npy", _npy("(-1,)"), {}),
        ("/v1/relu", "application/x-npy", _npy("(-2, -2)"), {}),
        ("/v1/relu", "application/x-npy", _npy("(0, 10**20)"), {}),
        ("/v1/relu", "application/x-npy", _npy("(" + "1," * 65 + ")"), {}),
        ("/v1/relu", "application/x-npy", _npy("(True,)"), {}),
        (
            "/v2/models/relu/infer",
            "application/json",
            b'{"inputs": [{"name": "x", "shape": [0, 9223372036854775807], "datatype": "FP32", '
            b'"data": []}]}',
            {},
        ),
        (
            "/v2/models/relu/infer",
            "application/octet-stream",
            b"{}",
            {"inference-header-content-length": b"\xb2"},
        ),
    ],
)
def test_inputs_that_once_caused_a_500(
    server: LiveServer, path: str, content_type: str, body: bytes, headers: dict[str, bytes]
) -> None:
    response = httpx.post(
        f"{server.url}{path}",
        content=body,
        headers=[
            (b"content-type", content_type.encode()),
            *((k.encode(), v) for k, v in headers.items()),
        ],
    )
    assert 400 <= response.status_code < 500, response.text[:300]
    assert response.headers["x-request-id"]


def test_a_numeric_answer_of_four_hundred_digits_is_a_422(server: LiveServer) -> None:
    quiz = httpx.post(f"{server.url}/v1/quizzes", json={"size": 1, "types": ["numeric"]}).json()
    response = httpx.post(
        f"{server.url}/v1/quizzes/{quiz['id']}/answers",
        content=b'{"position": 1, "response": {"value": 1' + b"0" * 400 + b"}}",
        headers={"content-type": "application/json", "authorization": f"Bearer {quiz['token']}"},
    )
    assert response.status_code == 422


def test_a_quiz_id_that_cannot_exist_is_a_404(server: LiveServer) -> None:
    for quiz_id in ("a%00b", "%2e%2e", "Z" * 32):
        response = httpx.get(
            f"{server.url}/v1/quizzes/{quiz_id}", headers={"authorization": "Bearer t"}
        )
        assert response.status_code == 404, quiz_id


def test_a_slow_body_times_out(server: LiveServer) -> None:
    head = (
        b"POST /v1/relu HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
        b"Content-Length: 100\r\n\r\n"
    )
    # The server answers while the body is still missing.
    answer, elapsed = server.raw(head, b'{"x": [1, ')
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    assert b"did not arrive within 1 s" in answer
    assert elapsed < 5
    assert httpx.get(f"{server.url}/healthz").status_code == 200


@pytest.mark.parametrize(
    ("path", "body", "statuses"),
    [
        ("/v1/relu", b'{"x": "\xff\xfe"}', {422}),
        ("/v1/relu", b'{"x": [1, 2]}\x00', {422}),
        ("/v1/relu", b'{"x": ["\\u0000"]}', {422}),
        ("/v1/relu", b'{"x": [1e400]}', {422}),
        ("/v1/relu", b'{"x": [' + b"9" * 400 + b"]}", {422}),
        ("/v1/relu", b'{"x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", {413, 422}),
        ("/v1/quizzes", b'{"size": 1, "topics": ["\xff"]}', {400, 422}),
        ("/v1/quizzes", b'{"size": 1, "topics": ["\\u0000"]}', {422}),
        ("/v1/quizzes", b'{"size": 99999999999999999999999}', {422}),
        ("/v2/models/relu/infer", b"\x00\x01\x02", {400}),
    ],
)
def test_malformed_input_is_a_clear_4xx(
    server: LiveServer, path: str, body: bytes, statuses: set[int]
) -> None:
    response = httpx.post(
        f"{server.url}{path}", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code in statuses, response.text[:300]
    assert response.json()


def test_integers_beyond_64_bits_have_a_documented_value(server: LiveServer) -> None:
    response = httpx.post(
        f"{server.url}/v1/relu",
        content=b'{"x": [18446744073709551617]}',
        headers={"content-type": "application/json"},
    )
    assert response.json()["value"] == [1.8446744073709552e19]


def test_tokens_and_ids_cannot_be_guessed(server: LiveServer) -> None:
    quizzes = [httpx.post(f"{server.url}/v1/quizzes", json={"size": 1}).json() for _ in range(20)]
    ids = [q["id"] for q in quizzes]
    tokens = [q["token"] for q in quizzes]
    assert len(set(ids)) == len(set(tokens)) == 20
    assert all(len(i) == 32 and int(i, 16) >= 0 for i in ids)  # 128 random bits
    assert all(len(t) >= 43 for t in tokens)  # 256 random bits, base64url
    # Not sequential: consecutive ids are far apart (equal within 2**64 by chance: 2**-63).
    assert all(abs(int(a, 16) - int(b, 16)) > 2**64 for a, b in pairwise(ids))
    # Another quiz's token opens nothing.
    other = httpx.get(
        f"{server.url}/v1/quizzes/{ids[0]}", headers={"Authorization": f"Bearer {tokens[1]}"}
    )
    assert other.status_code == 401


def _operations(server: LiveServer) -> list[tuple[str, str, dict[str, Any]]]:
    spec = httpx.get(f"{server.url}/openapi.json").json()
    return [
        (method.upper(), path, operation)
        for path, methods in spec["paths"].items()
        if path.startswith("/v1")
        for method, operation in methods.items()
    ]


def test_every_v1_route_without_and_with_a_wrong_token(server: LiveServer) -> None:
    quiz = httpx.post(f"{server.url}/v1/quizzes", json={"size": 1}).json()
    learner = httpx.post(f"{server.url}/v1/learners").json()
    practice = httpx.post(
        f"{server.url}/v1/learners/{learner['id']}/practice",
        json={},
        headers={"Authorization": f"Bearer {learner['token']}"},
    ).json()
    protected = {"getQuiz", "answerItem", "takeHint", "finishQuiz", "itemStats"}
    protected |= {"startPractice", "nextPracticeItem", "getProgress", "exportLearner"}
    protected |= {"deleteLearner"}
    walked = 0
    for method, path, operation in _operations(server):
        url = server.url + path.replace("{quiz_id}", quiz["id"]).replace("{name}", "relu")
        url = url.replace("{learner_id}", learner["id"]).replace("{practice_id}", practice["id"])
        body = {"position": 1, "response": {}} if path.endswith("/answers") else None
        if path.endswith("/hints"):
            body = {"position": 1}
        if path.endswith(("/value", "/subgradient")) or path in (
            "/v1/relu",
            "/v1/relu/subgradient",
        ):
            body = {"x": [1]}
        if path == "/v1/quizzes":
            body = {"size": 1}
        if path == "/v1/programs/evaluate":
            body = {"program": "relu(x)", "x": [0]}
        if path.endswith("/practice"):
            body = {}
        for headers in ({}, {"Authorization": "Bearer wrong-token"}):
            response = httpx.request(method, url, json=body, headers=headers)
            if operation["operationId"] in protected:
                assert response.status_code == 401, (method, path, headers)
                assert response.headers["www-authenticate"] == "Bearer"
            else:
                assert response.status_code < 400, (method, path, response.text[:200])
            walked += 1
    assert walked == 2 * len(_operations(server))
