"""The gRPC service in this process, called with grpc.aio: typed tensor contents, the rate
limit it shares with HTTP, the status of each kind of error, and when the server runs."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from typing import Any, TypeVar

import grpc
import httpx
import numpy as np
import pytest
from fastapi import FastAPI
from google.protobuf.message import Message
from pydantic import ValidationError

from service.app import create_app
from service.inference import grpc_server
from service.inference.proto import grpc_service_pb2 as pb
from service.settings import Settings
from service.state import of_app
from tests.inference.conftest import reserve_port

pytestmark = pytest.mark.anyio
R = TypeVar("R", bound=Message)
Tensor = pb.ModelInferRequest.InferInputTensor


async def call(target: str, method: str, request: Message, response_type: type[R]) -> R:
    async with grpc.aio.insecure_channel(target) as channel:
        stub = channel.unary_unary(
            f"/inference.GRPCInferenceService/{method}",
            request_serializer=type(request).SerializeToString,
            response_deserializer=response_type.FromString,
        )
        response: R = await stub(request)
        return response


async def infer(target: str, request: pb.ModelInferRequest) -> pb.ModelInferResponse:
    return await call(target, "ModelInfer", request, pb.ModelInferResponse)


async def refused(target: str, request: pb.ModelInferRequest) -> grpc.aio.AioRpcError:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await infer(target, request)
    return caught.value


@pytest.fixture
async def target(app: FastAPI) -> AsyncIterator[str]:
    server, port = await grpc_server.start(of_app(app), 0)
    yield f"127.0.0.1:{port}"
    await server.stop(None)


def request(*tensors: Tensor, model: str = "relu", **parameters: Any) -> pb.ModelInferRequest:
    message = pb.ModelInferRequest(model_name=model, inputs=list(tensors))
    for name, value in parameters.items():
        kind = {bool: "bool_param", int: "int64_param", float: "double_param", str: "string_param"}
        setattr(message.parameters[name], kind[type(value)], value)
    return message


def raw(message: pb.ModelInferRequest, *arrays: np.ndarray) -> pb.ModelInferRequest:
    message.raw_input_contents.extend(a.tobytes() for a in arrays)
    return message


async def test_typed_contents(target: str) -> None:
    x = Tensor(name="x", datatype="FP64", shape=[2, 2])
    x.contents.fp64_contents.extend([-1.5, 0.0, 2.0, float("nan")])
    message = request(x, model="leaky_relu", negative_slope=0.5, convention="jax")
    message.id = "r-7"
    message.outputs.add(name="value")
    message.outputs.add(name="right")
    answer = await infer(target, message)
    assert (answer.model_name, answer.model_version, answer.id) == ("leaky_relu", "1", "r-7")
    assert [(o.name, o.datatype, list(o.shape)) for o in answer.outputs] == [
        ("value", "FP64", [2, 2]),
        ("right", "FP64", [2, 2]),
    ]
    value, right = (np.frombuffer(b, "<f8").tolist() for b in answer.raw_output_contents)
    assert value[:3] == [-0.75, 0.0, 2.0]
    assert right[:3] == [0.5, 1.0, 1.0]
    x32 = Tensor(name="x", datatype="FP32", shape=[3])
    x32.contents.fp32_contents.extend([-1, 0, 3])
    answer = await infer(target, request(x32, model="hardtanh", min_val=-2, max_val=2.0))
    assert np.frombuffer(answer.raw_output_contents[0], "<f4").tolist() == [-1, 0, 2]


def _fp16_typed() -> pb.ModelInferRequest:
    return request(Tensor(name="x", datatype="FP16", shape=[1]))


def _wrong_field() -> pb.ModelInferRequest:
    x = Tensor(name="x", datatype="FP32", shape=[1])
    x.contents.fp64_contents.append(1.0)
    return request(x)


def _raw_and_typed() -> pb.ModelInferRequest:
    x = Tensor(name="x", datatype="FP32", shape=[1])
    x.contents.fp32_contents.append(1.0)
    return raw(request(x), np.zeros(1, "<f4"))


def _too_many_typed() -> pb.ModelInferRequest:
    x = Tensor(name="x", datatype="FP64", shape=[1001])
    x.contents.fp64_contents.extend([0.0] * 1001)
    return request(x)


CASES: list[tuple[Callable[[], pb.ModelInferRequest], grpc.StatusCode, str]] = [
    (_fp16_typed, grpc.StatusCode.INVALID_ARGUMENT, "FP16 has no field in InferTensorContents"),
    (_wrong_field, grpc.StatusCode.INVALID_ARGUMENT, "go in fp32_contents, not fp64_contents"),
    (_raw_and_typed, grpc.StatusCode.INVALID_ARGUMENT, "both contents and raw_input_contents"),
    (
        lambda: raw(request(Tensor(name="x", datatype="FP32", shape=[3])), np.zeros(2, "<f4")),
        grpc.StatusCode.INVALID_ARGUMENT,
        "raw_input_contents[0] has 8 bytes, but shape [3] of FP32 needs 12",
    ),
    (
        lambda: raw(request(Tensor(name="x", datatype="FP32", shape=[1])), *[np.zeros(1)] * 2),
        grpc.StatusCode.INVALID_ARGUMENT,
        "raw_input_contents has 2 entries for 1 inputs",
    ),
    (
        lambda: raw(request(Tensor(name="x", datatype="FP32", shape=[-1])), np.zeros(0, "<f4")),
        grpc.StatusCode.INVALID_ARGUMENT,
        "inputs.0.shape: shape [-1] has a size that is not a whole number",
    ),
    (
        lambda: raw(
            request(Tensor(name="x", datatype="FP16", shape=[1001])), np.zeros(1001, "<f2")
        ),
        grpc.StatusCode.RESOURCE_EXHAUSTED,
        "above the limit of 1000 elements",
    ),
    (  # the element limit first, as over HTTP
        lambda: raw(request(Tensor(name="x", datatype="FP16", shape=[2000])), np.zeros(1)),
        grpc.StatusCode.RESOURCE_EXHAUSTED,
        "inputs.0.shape: shape [2000] has a size above the limit of 1000 elements",
    ),
    (_too_many_typed, grpc.StatusCode.RESOURCE_EXHAUSTED, "above the limit of 1000 elements"),
    (
        lambda: raw(
            request(Tensor(name="x", datatype="FP32", shape=[1]), model="gelu"), np.zeros(1)
        ),
        grpc.StatusCode.NOT_FOUND,
        "no model named 'gelu'",
    ),
]


@pytest.mark.parametrize(("build", "code", "message"), CASES)
async def test_what_is_refused(
    target: str, build: Callable[[], pb.ModelInferRequest], code: grpc.StatusCode, message: str
) -> None:
    error = await refused(target, build())
    assert error.code() == code
    assert message in (error.details() or "")


async def test_typed_contents_say_what_json_data_says(
    target: str, client: httpx.AsyncClient
) -> None:
    x = Tensor(name="x", datatype="FP32", shape=[2])
    x.contents.fp32_contents.append(1.0)
    error = await refused(target, request(x))
    over_http = await client.post(
        "/v2/models/relu/infer",
        json={"inputs": [{"name": "x", "shape": [2], "datatype": "FP32", "data": [1.0]}]},
    )
    assert over_http.status_code == 400
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert over_http.json()["error"] == "input x has 1 elements in data, but its shape [2] needs 2"
    assert error.details() == over_http.json()["error"].replace("in data", "in fp32_contents")


def _limited_app(database_url: str, **more: Any) -> FastAPI:
    return create_app(Settings(database_url=database_url, rate_limit_evaluation="3/minute", **more))


async def test_one_rate_limit_for_http_and_grpc(database_url: str) -> None:
    app = _limited_app(database_url)
    server, port = await grpc_server.start(of_app(app), 0)
    body = {"inputs": [{"name": "x", "shape": [1], "datatype": "FP32", "data": [1]}]}
    message = raw(request(Tensor(name="x", datatype="FP32", shape=[1])), np.ones(1, "<f4"))
    transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 5000))
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as web:
            for _ in range(2):
                assert (await web.post("/v2/models/relu/infer", json=body)).status_code == 200
            await infer(f"127.0.0.1:{port}", message)
            error = await refused(f"127.0.0.1:{port}", message)
            assert error.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
            assert (error.details() or "").startswith(
                "over the limit of 3 evaluation requests per 60 s from this address; retry in "
            )
            trailing = dict(error.trailing_metadata() or ())
            assert 1 <= int(trailing["retry-after"]) <= 60
            assert (await web.post("/v2/models/relu/infer", json=body)).status_code == 429
            # Other methods are not limited.
            await call(
                f"127.0.0.1:{port}", "ServerLive", pb.ServerLiveRequest(), pb.ServerLiveResponse
            )
    finally:
        await server.stop(None)
        of_app(app).database.dispose()


async def test_a_trusted_proxy_s_forwarded_address_has_its_own_budget(database_url: str) -> None:
    app = _limited_app(database_url, trusted_proxies=["127.0.0.1"])
    server, port = await grpc_server.start(of_app(app), 0)
    message = raw(request(Tensor(name="x", datatype="FP32", shape=[1])), np.ones(1, "<f4"))
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
            stub = channel.unary_unary(
                "/inference.GRPCInferenceService/ModelInfer",
                request_serializer=pb.ModelInferRequest.SerializeToString,
                response_deserializer=pb.ModelInferResponse.FromString,
            )
            for _ in range(3):
                await stub(message)
            with pytest.raises(grpc.aio.AioRpcError):
                await stub(message)
            await stub(message, metadata=(("x-forwarded-for", "203.0.113.9"),))
    finally:
        await server.stop(None)
        of_app(app).database.dispose()


async def test_a_fault_is_internal_and_logged(
    target: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(repository: str = "") -> list[dict[str, str]]:
        raise RuntimeError("the secret detail")

    monkeypatch.setattr(grpc_server, "repository_index", broken)
    with (
        caplog.at_level(logging.ERROR, "service.inference.grpc_server"),
        pytest.raises(grpc.aio.AioRpcError) as caught,
    ):
        await call(
            target, "RepositoryIndex", pb.RepositoryIndexRequest(), pb.RepositoryIndexResponse
        )
    assert caught.value.code() == grpc.StatusCode.INTERNAL
    assert "secret" not in (caught.value.details() or "")
    assert any(r.exc_info and "the secret detail" in str(r.exc_info[1]) for r in caplog.records)


async def test_repository_and_statistics_requests(target: str) -> None:
    index = await call(
        target, "RepositoryIndex", pb.RepositoryIndexRequest(ready=True), pb.RepositoryIndexResponse
    )
    assert index.models[0].name == "relu"
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call(
            target,
            "RepositoryIndex",
            pb.RepositoryIndexRequest(repository_name="elsewhere"),
            pb.RepositoryIndexResponse,
        )
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    stats = await call(
        target,
        "ModelStatistics",
        pb.ModelStatisticsRequest(name="abs", version="1"),
        pb.ModelStatisticsResponse,
    )
    assert [(m.name, m.version) for m in stats.model_stats] == [("abs", "1")]


async def test_serving_follows_the_settings(database_url: str) -> None:
    for settings in (
        Settings(database_url=database_url, grpc_port=0),
        Settings(database_url=database_url, exam_mode=True),
    ):
        app = create_app(settings)
        async with grpc_server.serving(of_app(app)) as port:
            assert port is None
        of_app(app).database.dispose()
    reservation = reserve_port()
    chosen = reservation.getsockname()[1]
    app = create_app(Settings(database_url=database_url, grpc_port=chosen))
    try:
        async with grpc_server.serving(of_app(app)) as port:
            reservation.close()
            assert port == chosen
            live = await call(
                f"127.0.0.1:{port}", "ServerLive", pb.ServerLiveRequest(), pb.ServerLiveResponse
            )
            assert live.live
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await call(
                f"127.0.0.1:{chosen}", "ServerLive", pb.ServerLiveRequest(), pb.ServerLiveResponse
            )
        assert caught.value.code() == grpc.StatusCode.UNAVAILABLE
    finally:
        reservation.close()
        of_app(app).database.dispose()


def test_the_grpc_port_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RELU_GRPC_PORT", raising=False)
    assert Settings().grpc_port == 8001
    monkeypatch.setenv("RELU_GRPC_PORT", "9101")
    assert Settings().grpc_port == 9101
    monkeypatch.setenv("RELU_GRPC_PORT", "-1")
    with pytest.raises(ValidationError):
        Settings()


@pytest.mark.parametrize(
    ("peer", "address"),
    [
        ("ipv4:127.0.0.1:50123", "127.0.0.1"),
        ("ipv6:%5B::1%5D:50123", "::1"),
        ("ipv6:[2001:db8::7]:50123", "2001:db8::7"),
        ("unix:/tmp/socket", "unix:/tmp/socket"),
    ],
)
def test_peer_addresses(peer: str, address: str) -> None:
    assert grpc_server._peer_address(peer) == address
