from __future__ import annotations

import json
import math
from typing import Any

import httpx
import numpy as np
import pytest

from service.core.catalogue import CATALOGUE

pytestmark = pytest.mark.anyio

HEADER = "inference-header-content-length"


def binary_request(
    x: np.ndarray, datatype: str, outputs: list[str] | None = None, **parameters: Any
) -> tuple[bytes, dict[str, str]]:
    header: dict[str, Any] = {
        "inputs": [
            {
                "name": "x",
                "shape": list(x.shape),
                "datatype": datatype,
                "parameters": {"binary_data_size": x.nbytes},
            }
        ],
        "parameters": parameters,
    }
    if outputs is not None:
        header["outputs"] = [{"name": n, "parameters": {"binary_data": True}} for n in outputs]
    head = json.dumps(header).encode()
    return head + x.tobytes(), {
        "content-type": "application/octet-stream",
        "Inference-Header-Content-Length": str(len(head)),
    }


def split_binary(response: httpx.Response) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    length = int(response.headers[HEADER])
    header: dict[str, Any] = json.loads(response.content[:length])
    arrays: dict[str, np.ndarray] = {}
    offset = length
    types = {"FP16": "<f2", "FP32": "<f4", "FP64": "<f8"}
    for output in header["outputs"]:
        size = output["parameters"]["binary_data_size"]
        data = np.frombuffer(response.content[offset : offset + size], types[output["datatype"]])
        arrays[output["name"]] = data.reshape(output["shape"])
        offset += size
    assert offset == len(response.content)
    return header, arrays


async def test_server_metadata_and_health(client: httpx.AsyncClient) -> None:
    meta = (await client.get("/v2")).json()
    assert meta["extensions"] == [
        "binary_tensor_data",
        "parameters",
        "model_repository",
        "statistics",
    ]
    assert (await client.get("/v2/health/live")).status_code == 200
    assert (await client.get("/v2/health/ready")).status_code == 200


async def test_model_metadata(client: httpx.AsyncClient) -> None:
    meta = (await client.get("/v2/models/leaky_relu")).json()
    assert meta["name"] == "leaky_relu"
    assert meta["inputs"][0]["name"] == "x"
    assert [o["name"] for o in meta["outputs"]] == [
        "value",
        "subgradient",
        "lower",
        "upper",
        "left",
        "right",
    ]
    assert meta["parameters"]["function_parameters"] == ["negative_slope"]
    tensors = [*meta["inputs"], *meta["outputs"]]
    assert {(t["datatype"], tuple(t["shape"])) for t in tensors} == {("FP64", (-1,))}
    assert meta["parameters"]["datatypes"] == ["FP16", "FP32", "FP64"]
    assert meta["parameters"]["max_rank"] == 32
    assert (await client.get("/v2/models/leaky_relu/versions/1")).status_code == 200
    assert (await client.get("/v2/models/relu/ready")).status_code == 200
    assert (await client.get("/v2/models/relu/versions/1/ready")).status_code == 200


async def test_unknown_model_uses_the_protocol_error_shape(client: httpx.AsyncClient) -> None:
    for path in ("/v2/models/gelu", "/v2/models/relu/versions/2", "/v2/models/gelu/ready"):
        response = await client.get(path)
        assert response.status_code == 404
        assert set(response.json()) == {"error"}


async def test_json_inference_defaults_to_value_and_subgradient(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v2/models/relu/infer",
        json={
            "id": "r1",
            "inputs": [
                {"name": "x", "shape": [2, 2], "datatype": "FP32", "data": [-1, 0, 2, "NaN"]}
            ],
        },
    )
    assert response.status_code == 200
    body = response.json()
    assert body["model_name"] == "relu"
    assert body["id"] == "r1"
    value, sub = body["outputs"]
    assert value == {
        "name": "value",
        "datatype": "FP32",
        "shape": [2, 2],
        "data": [0.0, 0.0, 2.0, "NaN"],
    }
    assert sub["data"] == [0.0, 0.0, 1.0, "NaN"]


async def test_json_inference_with_nested_data_and_parameters(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v2/models/leaky_relu/infer",
        json={
            "inputs": [{"name": "x", "shape": [3], "datatype": "FP64", "data": [[-10], [0], [5]]}],
            "parameters": {"negative_slope": 0.1, "convention": "jax"},
            "outputs": [{"name": "subgradient"}, {"name": "lower"}, {"name": "right"}],
        },
    )
    outputs = {o["name"]: o["data"] for o in response.json()["outputs"]}
    assert outputs == {
        "subgradient": [0.1, 1.0, 1.0],
        "lower": [0.1, 0.1, 1.0],
        "right": [0.1, 1.0, 1.0],
    }


@pytest.mark.parametrize(("datatype", "dtype"), [("FP16", "<f2"), ("FP32", "<f4"), ("FP64", "<f8")])
async def test_binary_inference(client: httpx.AsyncClient, datatype: str, dtype: str) -> None:
    x = np.array([[-2, -0.0, 0, 3, math.inf]], dtype=dtype)
    body, headers = binary_request(x, datatype, ["value", "subgradient", "left"], at_kink=0.75)
    response = await client.post("/v2/models/relu/infer", content=body, headers=headers)
    assert response.status_code == 200, response.text
    header, arrays = split_binary(response)
    assert header["outputs"][0]["datatype"] == datatype
    np.testing.assert_array_equal(arrays["value"], np.maximum(x, 0) + 0)
    assert arrays["subgradient"].tolist() == [[0, 0.75, 0.75, 1, 1]]
    assert arrays["left"].tolist() == [[0, 0, 0, 1, 1]]


async def test_binary_output_requested_globally(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v2/models/abs/infer",
        json={
            "inputs": [{"name": "x", "shape": [2], "datatype": "FP32", "data": [-1, 0]}],
            "parameters": {"binary_data_output": True},
        },
    )
    _, arrays = split_binary(response)
    assert arrays["value"].tolist() == [1.0, 0.0]
    assert arrays["subgradient"].tolist() == [-1.0, 0.0]


@pytest.mark.parametrize(
    ("request_body", "status"),
    [
        ({"inputs": []}, 400),
        ({"inputs": [{"name": "y", "shape": [1], "datatype": "FP32", "data": [1]}]}, 400),
        ({"inputs": [{"name": "x", "shape": [1], "datatype": "INT32", "data": [1]}]}, 400),
        ({"inputs": [{"name": "x", "shape": [2], "datatype": "FP32", "data": [1]}]}, 400),
        ({"inputs": [{"name": "x", "shape": [1], "datatype": "FP32"}]}, 400),
        ({"inputs": [{"name": "x", "shape": [1], "datatype": "FP32", "data": [True]}]}, 400),
        ({"inputs": [{"name": "x", "shape": [-1], "datatype": "FP32", "data": [1]}]}, 400),
        (
            {
                "inputs": [{"name": "x", "shape": [1], "datatype": "FP32", "data": [1]}],
                "outputs": [{"name": "hessian"}],
            },
            400,
        ),
        (
            {
                "inputs": [{"name": "x", "shape": [1], "datatype": "FP32", "data": [1]}],
                "parameters": {"gamma": 1},
            },
            400,
        ),
        (
            {
                "inputs": [{"name": "x", "shape": [1], "datatype": "FP32", "data": [1]}],
                "parameters": {"at_kink": 3},
            },
            400,
        ),
        (
            {
                "inputs": [{"name": "x", "shape": [1], "datatype": "FP32", "data": [1]}],
                "parameters": {"convention": "mxnet"},
            },
            400,
        ),
        ({"inputs": [{"name": "x", "shape": [2000], "datatype": "FP32", "data": [1]}]}, 413),
    ],
)
async def test_bad_inference_requests(
    client: httpx.AsyncClient, request_body: dict[str, Any], status: int
) -> None:
    response = await client.post("/v2/models/relu/infer", json=request_body)
    assert response.status_code == status, response.text
    assert set(response.json()) == {"error"}


async def test_binary_size_must_match_shape(client: httpx.AsyncClient) -> None:
    body, headers = binary_request(np.zeros(3, "<f4"), "FP32")
    header = json.loads(body[: int(headers["Inference-Header-Content-Length"])])
    header["inputs"][0]["parameters"]["binary_data_size"] = 8
    head = json.dumps(header).encode()
    headers["Inference-Header-Content-Length"] = str(len(head))
    response = await client.post(
        "/v2/models/relu/infer", content=head + b"\x00" * 8, headers=headers
    )
    assert response.status_code == 400
    assert "binary_data_size" in response.json()["error"]


async def test_binary_body_shorter_than_declared(client: httpx.AsyncClient) -> None:
    body, headers = binary_request(np.zeros(3, "<f4"), "FP32")
    response = await client.post("/v2/models/relu/infer", content=body[:-4], headers=headers)
    assert response.status_code == 422
    assert set(response.json()) == {"error"}


async def test_invalid_header_json(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v2/models/relu/infer",
        content=b"{nope",
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 400
    assert "JSON" in response.json()["error"]


async def test_infer_on_versioned_path(client: httpx.AsyncClient) -> None:
    request_body = {"inputs": [{"name": "x", "shape": [1], "datatype": "FP32", "data": [2]}]}
    ok = await client.post("/v2/models/relu/versions/1/infer", json=request_body)
    assert ok.status_code == 200
    missing = await client.post("/v2/models/relu/versions/7/infer", json=request_body)
    assert missing.status_code == 404


def _json_infer(datatype: str, shape: list[int]) -> dict[str, Any]:
    return {
        "inputs": [
            {"name": "x", "shape": shape, "datatype": datatype, "data": [-1.0] * math.prod(shape)}
        ]
    }


async def test_the_metadata_s_claims_hold(client: httpx.AsyncClient) -> None:
    """Every datatype the metadata names, at the advertised shape [-1], at other ranks and at
    the largest; the outputs in x's datatype and shape."""
    meta = (await client.get("/v2/models/relu")).json()
    max_rank = meta["parameters"]["max_rank"]
    for datatype in meta["parameters"]["datatypes"]:
        for shape in ([4], [], [2, 3, 1], [1] * max_rank):
            response = await client.post("/v2/models/relu/infer", json=_json_infer(datatype, shape))
            assert response.status_code == 200, response.text
            for output in response.json()["outputs"]:
                assert (output["datatype"], output["shape"]) == (datatype, shape)
    too_deep = await client.post("/v2/models/relu/infer", json=_json_infer("FP32", [1] * 33))
    assert too_deep.status_code == 400
    assert "at most 32 sizes" in too_deep.json()["error"]


async def test_repository_index(client: httpx.AsyncClient) -> None:
    everything = await client.post("/v2/repository/index")
    assert everything.status_code == 200
    assert everything.json()[0] == {"name": "relu", "version": "1", "state": "READY", "reason": ""}
    assert [m["name"] for m in everything.json()] == list(CATALOGUE)
    ready = await client.post("/v2/repository/index", json={"ready": True})
    assert ready.json() == everything.json()
    for body, status in (
        ({"repository_name": "elsewhere"}, 404),
        ({"repository": ""}, 400),
        ({"ready": "maybe"}, 400),
        ([], 400),
    ):
        response = await client.post("/v2/repository/index", json=body)
        assert response.status_code == status, body
        assert set(response.json()) == {"error"}
    broken = await client.post("/v2/repository/index", content=b"{nope")
    assert broken.status_code == 400


def _counts(body: dict[str, Any]) -> tuple[int, int, int, int]:
    (entry,) = body["model_stats"]
    stats = entry["inference_stats"]
    return (
        entry["inference_count"],
        entry["execution_count"],
        stats["success"]["count"],
        stats["fail"]["count"],
    )


async def test_statistics_routes(client: httpx.AsyncClient) -> None:
    every = (await client.get("/v2/models/stats")).json()["model_stats"]
    assert [(m["name"], m["version"]) for m in every] == [(n, "1") for n in CATALOGUE]
    assert set(every[0]["inference_stats"]) == {
        "success",
        "fail",
        "queue",
        "compute_input",
        "compute_infer",
        "compute_output",
    }
    before = (await client.get("/v2/models/relu6/stats")).json()
    body = {"inputs": [{"name": "x", "shape": [2], "datatype": "FP32", "data": [-1, 7]}]}
    assert (await client.post("/v2/models/relu6/infer", json=body)).status_code == 200
    bad = {"inputs": [{"name": "x", "shape": [3], "datatype": "FP32", "data": [-1, 7]}]}
    assert (await client.post("/v2/models/relu6/infer", json=bad)).status_code == 400
    after = (await client.get("/v2/models/relu6/versions/1/stats")).json()
    assert [a - b for a, b in zip(_counts(after), _counts(before), strict=True)] == [1, 1, 1, 1]
    assert after["model_stats"][0]["last_inference"] > 0
    for path in ("/v2/models/gelu/stats", "/v2/models/relu/versions/2/stats"):
        missing = await client.get(path)
        assert missing.status_code == 404
        assert set(missing.json()) == {"error"}
