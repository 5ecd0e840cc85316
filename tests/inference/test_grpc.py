"""The real Triton gRPC client against a live server: every function, dtype and error, each
answer held to what the HTTP route answers on the same server."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
import tritonclient.grpc as grpcclient
import tritonclient.http as httpclient
from tritonclient.utils import InferenceServerException

from service.core.catalogue import CATALOGUE
from service.core.evaluate import OUTPUTS
from tests.inference.conftest import MAX_BODY_BYTES, MAX_ELEMENTS, GrpcLiveServer

DATATYPES = [("FP16", np.float16), ("FP32", np.float32), ("FP64", np.float64)]


@pytest.fixture
def rpc(grpc_live: GrpcLiveServer) -> Iterator[grpcclient.InferenceServerClient]:
    client = grpcclient.InferenceServerClient(grpc_live.target)
    yield client
    client.close()


@pytest.fixture
def http(grpc_live: GrpcLiveServer) -> httpclient.InferenceServerClient:
    return httpclient.InferenceServerClient(grpc_live.http.url.removeprefix("http://"))


def edge_input(dtype: type[np.floating]) -> np.ndarray:
    """Every kink of the catalogue's defaults, their neighbours, signed zeros, infinities, NaN
    and random numbers, in two rows."""
    edges = [-7, -6, -2, -1, -0.5, -0.0, 0.0, 1e-3, 0.5, 1, 2, 6, 7, np.inf, -np.inf, np.nan]
    rng = np.random.default_rng(11)
    return np.concatenate([edges, rng.normal(scale=4, size=184)]).astype(dtype).reshape(2, 100)


def infer_both(
    rpc: grpcclient.InferenceServerClient,
    http: httpclient.InferenceServerClient,
    model: str,
    x: np.ndarray,
    datatype: str,
    outputs: tuple[str, ...] = OUTPUTS,
    **parameters: Any,
) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    tensor = grpcclient.InferInput("x", list(x.shape), datatype)
    tensor.set_data_from_numpy(x)
    by_grpc = rpc.infer(
        model,
        [tensor],
        outputs=[grpcclient.InferRequestedOutput(name) for name in outputs],
        parameters=parameters,
    )
    web = httpclient.InferInput("x", list(x.shape), datatype)
    web.set_data_from_numpy(x)
    by_http = http.infer(
        model,
        [web],
        outputs=[httpclient.InferRequestedOutput(name) for name in outputs],
        parameters=parameters,
    )
    return (
        {name: by_grpc.as_numpy(name) for name in outputs},
        {name: by_http.as_numpy(name) for name in outputs},
    )


def assert_same(got: dict[str, np.ndarray], expected: dict[str, np.ndarray]) -> None:
    assert list(got) == list(expected)
    for name, array in got.items():
        assert array.dtype == expected[name].dtype, name
        assert array.shape == expected[name].shape, name
        # Bit for bit: -0.0 and 0.0 differ, NaN equals NaN.
        assert array.tobytes() == expected[name].tobytes(), name


def test_health_and_metadata(rpc: grpcclient.InferenceServerClient) -> None:
    assert rpc.is_server_live()
    assert rpc.is_server_ready()
    assert rpc.is_model_ready("relu")
    assert rpc.is_model_ready("relu", "1")
    server = rpc.get_server_metadata(as_json=True)
    assert server["name"] == "relu-service"
    assert set(server["extensions"]) == {
        "binary_tensor_data",
        "parameters",
        "model_repository",
        "statistics",
    }
    meta = rpc.get_model_metadata("hardtanh", as_json=True)
    assert meta["name"] == "hardtanh"
    assert meta["versions"] == ["1"]
    assert meta["inputs"] == [{"name": "x", "datatype": "FP64", "shape": ["-1"]}]
    assert [o["name"] for o in meta["outputs"]] == list(OUTPUTS)
    assert {o["datatype"] for o in meta["outputs"]} == {"FP64"}


@pytest.mark.parametrize("model", list(CATALOGUE))
@pytest.mark.parametrize(("datatype", "dtype"), DATATYPES)
def test_every_function_and_dtype_equals_the_http_route(
    rpc: grpcclient.InferenceServerClient,
    http: httpclient.InferenceServerClient,
    model: str,
    datatype: str,
    dtype: type[np.floating],
) -> None:
    x = edge_input(dtype)
    by_grpc, by_http = infer_both(rpc, http, model, x, datatype)
    assert by_grpc["value"].dtype == dtype
    assert by_grpc["value"].shape == x.shape
    assert_same(by_grpc, by_http)


def test_relu_values_are_right(rpc: grpcclient.InferenceServerClient) -> None:
    x = edge_input(np.float32)
    tensor = grpcclient.InferInput("x", list(x.shape), "FP32")
    tensor.set_data_from_numpy(x)
    result = rpc.infer("relu", [tensor], parameters={"at_kink": 0.25})
    np.testing.assert_array_equal(result.as_numpy("value"), np.maximum(x, 0) + 0)
    expected = np.where(x > 0, 1, np.where(x == 0, 0.25, 0)).astype(np.float32)
    expected[np.isnan(x)] = np.nan
    np.testing.assert_array_equal(result.as_numpy("subgradient"), expected)


@pytest.mark.parametrize(
    ("model", "parameters"),
    [
        ("hardtanh", {"min_val": -2.0, "max_val": 3, "convention": "jax"}),
        ("leaky_relu", {"negative_slope": 0.1, "convention": "tensorflow"}),
        ("softplus", {"beta": 2.5}),
        ("relu", {"emulate": "pytorch"}),
        ("relu6", {"emulate": "jax"}),
        ("leaky_relu", {"emulate": "tensorflow"}),
    ],
)
@pytest.mark.parametrize(("datatype", "dtype"), DATATYPES)
def test_parameters_and_emulate_equal_the_http_route(
    rpc: grpcclient.InferenceServerClient,
    http: httpclient.InferenceServerClient,
    model: str,
    parameters: dict[str, Any],
    datatype: str,
    dtype: type[np.floating],
) -> None:
    outputs = ("value", "subgradient")
    by_grpc, by_http = infer_both(
        rpc, http, model, edge_input(dtype), datatype, outputs, **parameters
    )
    assert_same(by_grpc, by_http)


def _grpc_error(call: Any) -> InferenceServerException:
    with pytest.raises(InferenceServerException) as caught:
        call()
    return caught.value


def _infer(
    client: grpcclient.InferenceServerClient | httpclient.InferenceServerClient,
    model: str = "relu",
    x: np.ndarray | None = None,
    datatype: str = "FP32",
    **options: Any,
) -> Any:
    module: Any = grpcclient if isinstance(client, grpcclient.InferenceServerClient) else httpclient
    x = np.zeros(3, np.float32) if x is None else x
    tensor = module.InferInput("x", list(x.shape), datatype)
    tensor.set_data_from_numpy(x)
    return client.infer(model, [tensor], **options)


@pytest.mark.parametrize(
    ("options", "status"),
    [
        ({"model": "gelu"}, "NOT_FOUND"),
        ({"model_version": "2"}, "NOT_FOUND"),
        ({"parameters": {"at_kink": 3.0}}, "INVALID_ARGUMENT"),
        ({"parameters": {"gamma": 1.0}}, "INVALID_ARGUMENT"),
        ({"parameters": {"convention": "mxnet"}}, "INVALID_ARGUMENT"),
        ({"parameters": {"emulate": "caffe"}}, "INVALID_ARGUMENT"),
        ({"model": "hardtanh", "parameters": {"min_val": 5.0}}, "INVALID_ARGUMENT"),
        (
            {"model": "hardtanh", "parameters": {"min_val": -2.0, "emulate": "jax"}},
            "INVALID_ARGUMENT",
        ),
        ({"model": "step", "parameters": {"emulate": "pytorch"}}, "INVALID_ARGUMENT"),
        ({"x": np.zeros(3, np.int32), "datatype": "INT32"}, "INVALID_ARGUMENT"),
        ({"x": np.zeros(MAX_ELEMENTS + 1, np.float16), "datatype": "FP16"}, "RESOURCE_EXHAUSTED"),
    ],
)
def test_errors_have_the_http_route_s_message(
    rpc: grpcclient.InferenceServerClient,
    http: httpclient.InferenceServerClient,
    options: dict[str, Any],
    status: str,
) -> None:
    error = _grpc_error(lambda: _infer(rpc, **options))
    assert error.status() == f"StatusCode.{status}"
    with pytest.raises(InferenceServerException) as over_http:
        _infer(http, **options)
    assert error.message() == over_http.value.message()


def test_outputs_and_inputs_that_do_not_exist(rpc: grpcclient.InferenceServerClient) -> None:
    x = grpcclient.InferInput("x", [1], "FP32")
    x.set_data_from_numpy(np.zeros(1, np.float32))
    y = grpcclient.InferInput("y", [1], "FP32")
    y.set_data_from_numpy(np.zeros(1, np.float32))
    hessian = [grpcclient.InferRequestedOutput("hessian")]
    error = _grpc_error(lambda: rpc.infer("relu", [x], outputs=hessian))
    assert error.status() == "StatusCode.INVALID_ARGUMENT"
    assert "hessian" in error.message()
    error = _grpc_error(lambda: rpc.infer("relu", [x, y]))
    assert error.status() == "StatusCode.INVALID_ARGUMENT"
    assert "exactly one input named 'x'" in error.message()


def test_a_message_over_the_body_limit(rpc: grpcclient.InferenceServerClient) -> None:
    x = np.zeros(MAX_BODY_BYTES // 8 + 1, np.float64)  # within the element limit
    assert x.size < MAX_ELEMENTS
    error = _grpc_error(lambda: _infer(rpc, x=x, datatype="FP64"))
    assert error.status() == "StatusCode.RESOURCE_EXHAUSTED"
    assert str(MAX_BODY_BYTES) in error.message()


def test_unknown_models_and_unserved_methods(rpc: grpcclient.InferenceServerClient) -> None:
    for call in (
        lambda: rpc.get_model_metadata("gelu"),
        lambda: rpc.get_model_metadata("relu", "7"),
        lambda: rpc.is_model_ready("gelu"),
        lambda: rpc.get_inference_statistics("gelu"),
    ):
        assert _grpc_error(call).status() == "StatusCode.NOT_FOUND"
    assert _grpc_error(lambda: rpc.get_model_config("relu")).status() == "StatusCode.UNIMPLEMENTED"


def test_repository_index_over_both(
    rpc: grpcclient.InferenceServerClient, http: httpclient.InferenceServerClient
) -> None:
    index = rpc.get_model_repository_index(as_json=True)["models"]
    assert [m["name"] for m in index] == list(CATALOGUE)
    assert {(m["version"], m["state"]) for m in index} == {("1", "READY")}
    over_http = http.get_model_repository_index()
    assert [(m["name"], m["version"], m["state"], m["reason"]) for m in over_http] == [
        (name, "1", "READY", "") for name in CATALOGUE
    ]


def _stats(client: Any, model: str) -> dict[str, Any]:
    """One model's statistics, with every count a number (gRPC's JSON writes them as strings
    and leaves zeros out)."""
    if isinstance(client, grpcclient.InferenceServerClient):
        found = client.get_inference_statistics(model, as_json=True)["model_stats"]
    else:
        found = client.get_inference_statistics(model)["model_stats"]
    (entry,) = found
    stages = ("success", "fail", "queue", "compute_input", "compute_infer", "compute_output")
    return {
        "name": entry["name"],
        "version": entry["version"],
        **{
            key: int(entry.get(key, 0))
            for key in ("last_inference", "inference_count", "execution_count")
        },
        **{
            f"{stage}.{part}": int(entry["inference_stats"].get(stage, {}).get(part, 0))
            for stage in stages
            for part in ("count", "ns")
        },
    }


def test_statistics_count_inferences_over_both_transports(
    rpc: grpcclient.InferenceServerClient, http: httpclient.InferenceServerClient
) -> None:
    model = "squared_relu"
    before = _stats(rpc, model)
    assert _stats(http, model) == before
    started_ms = time.time() * 1000
    _infer(rpc, model)
    _infer(rpc, model, x=np.zeros(70_000, np.float32))  # on a worker thread
    _infer(http, model)
    with pytest.raises(InferenceServerException):
        _infer(rpc, model, parameters={"gamma": 1.0})
    after = _stats(rpc, model)
    assert _stats(http, model) == after
    assert (after["name"], after["version"]) == (model, "1")
    for key in ("inference_count", "execution_count", "success.count"):
        assert after[key] - before[key] == 3, key
    for stage in ("queue", "compute_input", "compute_infer", "compute_output"):
        assert after[f"{stage}.count"] - before[f"{stage}.count"] == 3, stage
        assert after[f"{stage}.ns"] > before[f"{stage}.ns"], stage
    assert after["fail.count"] - before["fail.count"] == 1
    assert after["fail.ns"] > before["fail.ns"]
    assert after["success.ns"] - before["success.ns"] >= sum(
        after[f"{s}.ns"] - before[f"{s}.ns"] for s in ("compute_infer", "compute_output")
    )
    assert started_ms - 1 <= after["last_inference"] <= time.time() * 1000 + 1
    everything = rpc.get_inference_statistics(as_json=True)["model_stats"]
    assert [m["name"] for m in everything] == list(CATALOGUE)
