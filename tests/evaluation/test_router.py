from __future__ import annotations

import io
import math
from typing import Any

import httpx
import numpy as np
import pytest

from service.app import create_app
from service.core.conventions import PRESETS, Preset
from service.settings import Settings

pytestmark = pytest.mark.anyio

NPY = "application/x-npy"
RAW = "application/octet-stream"


def npy_bytes(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    return buffer.getvalue()


def from_npy(content: bytes) -> np.ndarray:
    return np.load(io.BytesIO(content), allow_pickle=False)


def assert_problem(
    response: httpx.Response, status: int, loc: list[Any] | None = None
) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem: dict[str, Any] = response.json()
    assert problem["status"] == status
    assert problem["type"].startswith("/problems/")
    assert problem["title"]
    assert problem["detail"]
    if loc is not None:
        assert [e["loc"] for e in problem["errors"]] == [loc]
    return problem


# --- catalogue metadata ------------------------------------------------------------------


async def test_list_functions(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/functions")
    assert response.status_code == 200
    names = [f["name"] for f in response.json()]
    assert names == [
        "relu",
        "leaky_relu",
        "relu6",
        "hardtanh",
        "abs",
        "step",
        "softplus",
        "squared_relu",
    ]


async def test_relu_metadata(client: httpx.AsyncClient) -> None:
    info = (await client.get("/v1/functions/relu")).json()
    assert info["latex"] == r"\max(0, x)"
    (kink,) = info["kinks"]
    assert kink == {
        "x": 0.0,
        "value": 0.0,
        "left_limit": 0.0,
        "right_limit": 0.0,
        "left_derivative": 0.0,
        "right_derivative": 1.0,
        "continuous": True,
        "differentiable": False,
        "subdifferential": [0.0, 1.0],
        "conventions": {
            "pytorch": 0.0,
            "jax": 0.0,
            "tensorflow": 0.0,
            "left": 0.0,
            "right": 1.0,
            "midpoint": 0.5,
        },
        "note": "",
    }
    assert info["presets"]["pytorch"]["op"] == "torch.nn.functional.relu"


async def test_metadata_kinks_follow_query_params(client: httpx.AsyncClient) -> None:
    info = (await client.get("/v1/functions/hardtanh", params={"min_val": -3, "max_val": 2})).json()
    assert [k["x"] for k in info["kinks"]] == [-3.0, 2.0]
    assert info["param_values"] == {"min_val": -3.0, "max_val": 2.0}
    assert info["presets"]["tensorflow"]["op"] == "keras.ops.hard_tanh"
    assert "fixed bounds -1, 1" in info["presets"]["tensorflow"]["notes"][0]
    assert info["kinks"][0]["conventions"]["tensorflow"] == 1.0


async def test_step_metadata_says_why_there_is_no_subgradient(client: httpx.AsyncClient) -> None:
    (kink,) = (await client.get("/v1/functions/step")).json()["kinks"]
    assert kink["subdifferential"] is None
    assert kink["right_derivative"] is None
    assert "not continuous" in kink["note"]


async def test_graphs_follow_query_params(client: httpx.AsyncClient) -> None:
    graphs = (
        await client.get("/v1/functions/hardtanh/graph", params={"min_val": -2, "max_val": 0.5})
    ).json()
    assert graphs["function"]["pieces"] == [[[-3.5, -2.0], [-2.0, -2.0], [0.5, 0.5], [3.5, 0.5]]]
    segments = graphs["subgradient"]["segments"]
    assert segments == [
        {"x": -2.0, "lower": 0.0, "upper": 1.0},
        {"x": 0.5, "lower": 0.0, "upper": 1.0},
    ]
    step = (await client.get("/v1/functions/step/graph")).json()["function"]
    assert {"x": 0.0, "y": 1.0, "filled": False} in step["dots"]
    assert_problem(await client.get("/v1/functions/gelu/graph"), 404)
    assert_problem(await client.get("/v1/functions/softplus/graph?beta=-1"), 422, ["query", "beta"])


async def test_metadata_errors(client: httpx.AsyncClient) -> None:
    assert_problem(await client.get("/v1/functions/gelu"), 404)
    assert_problem(await client.get("/v1/functions/softplus?beta=-1"), 422, ["query", "beta"])
    assert_problem(await client.get("/v1/functions/softplus?beta=abc"), 422, ["query", "beta"])
    assert_problem(await client.get("/v1/functions/relu?gamma=1"), 422, ["query", "gamma"])


# --- JSON evaluation ---------------------------------------------------------------------


async def test_relu_value_json(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1/relu", json={"x": [-2, -0.0, 0, 1.5, "NaN", "Infinity", "-Infinity"]}
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {
        "function": "relu",
        "params": {},
        "dtype": "float64",
        "shape": [7],
        "value": [0.0, 0.0, 0.0, 1.5, "NaN", "Infinity", 0.0],
    }
    assert "-0.0" not in response.text


@pytest.mark.parametrize("dtype", ["float16", "float32", "float64"])
async def test_dtype_is_kept(client: httpx.AsyncClient, dtype: str) -> None:
    body = (await client.post("/v1/relu", json={"x": [0.1, -1], "dtype": dtype})).json()
    assert body["dtype"] == dtype
    assert np.array(body["value"], dtype=dtype).tolist() == [np.dtype(dtype).type(0.1), 0.0]


async def test_scalar_and_nested_shapes(client: httpx.AsyncClient) -> None:
    scalar = (await client.post("/v1/relu", json={"x": -3})).json()
    assert scalar["shape"] == []
    assert scalar["value"] == 0.0
    nested = (await client.post("/v1/relu", json={"x": [[[1, -1]], [[-2, 2]]]})).json()
    assert nested["shape"] == [2, 1, 2]
    assert nested["value"] == [[[1.0, 0.0]], [[0.0, 2.0]]]
    empty = (await client.post("/v1/relu", json={"x": []})).json()
    assert empty["shape"] == [0]
    assert empty["value"] == []


async def test_function_value_with_params(client: httpx.AsyncClient) -> None:
    body = (
        await client.post(
            "/v1/functions/leaky_relu/value",
            json={"x": [-10, 10], "params": {"negative_slope": 0.1}},
        )
    ).json()
    assert body["params"] == {"negative_slope": 0.1}
    assert body["value"] == [-1.0, 10.0]


async def test_relu_subgradient_default_is_pytorch(client: httpx.AsyncClient) -> None:
    body = (await client.post("/v1/relu/subgradient", json={"x": [-1, 0, -0.0, 2, "NaN"]})).json()
    assert body["subgradient"] == [0.0, 0.0, 0.0, 1.0, "NaN"]
    assert body["convention"] == "pytorch"
    assert body["mode"] == "point"


@pytest.mark.parametrize("key", ["at_zero", "at_kink"])
async def test_relu_at_zero_alias(client: httpx.AsyncClient, key: str) -> None:
    body = (await client.post("/v1/relu/subgradient", json={"x": [0, 1], key: 0.5})).json()
    assert body["subgradient"] == [0.5, 1.0]
    assert body["at_kink"] == 0.5
    assert body["convention"] is None


async def test_at_zero_of_negative_zero_answers_zero(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1/relu/subgradient",
        content=b'{"x": [0.0, -0.0], "at_zero": -0.0}',
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 200
    assert b"-0" not in response.content  # the service never answers -0.0


async def test_at_zero_outside_the_subdifferential(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1/relu/subgradient", json={"x": [0], "at_zero": 2})
    problem = assert_problem(response, 422, ["body", "at_zero"])
    assert "[0, 1]" in problem["detail"]


async def test_at_zero_only_on_relu_routes(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1/functions/abs/subgradient", json={"x": [0], "at_zero": 0})
    assert_problem(response, 422, ["body", "at_zero"])


async def test_convention_and_at_kink_together(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1/functions/abs/subgradient", json={"x": [0], "at_kink": 0, "convention": "jax"}
    )
    assert_problem(response, 422, ["body", "at_kink"])


@pytest.mark.parametrize(
    ("name", "convention", "expected"),
    [
        ("abs", "pytorch", 0.0),
        ("abs", "jax", 1.0),
        ("abs", "tensorflow", 0.0),
        ("hardtanh", "jax", 1.0),
        ("leaky_relu", "jax", 1.0),
        ("leaky_relu", "pytorch", 0.01),
        ("relu6", "left", 0.0),
        ("abs", "midpoint", 0.0),
        ("abs", "left", -1.0),
    ],
)
async def test_presets_over_http(
    client: httpx.AsyncClient, name: str, convention: str, expected: float
) -> None:
    info = (await client.get(f"/v1/functions/{name}")).json()
    x = info["kinks"][0]["x"]
    body = (
        await client.post(
            f"/v1/functions/{name}/subgradient", json={"x": [x], "convention": convention}
        )
    ).json()
    assert body["subgradient"] == [expected]


async def test_framework_without_the_op(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every framework now has an op for every function; a preset without one is refused.
    no_op = Preset(None, notes=("TensorFlow has no hardtanh op",))
    monkeypatch.setitem(PRESETS["hardtanh"], "tensorflow", no_op)
    response = await client.post(
        "/v1/functions/hardtanh/subgradient", json={"x": [1], "convention": "tensorflow"}
    )
    problem = assert_problem(response, 422, ["body", "convention"])
    assert "TensorFlow has no hardtanh op" in problem["detail"]


async def test_step_has_nan_at_the_jump(client: httpx.AsyncClient) -> None:
    point = (await client.post("/v1/functions/step/subgradient", json={"x": [-1, 0, 1]})).json()
    assert point["subgradient"] == [0.0, "NaN", 0.0]
    interval = (
        await client.post("/v1/functions/step/subgradient", json={"x": [0], "mode": "interval"})
    ).json()
    assert (interval["lower"], interval["upper"]) == (["NaN"], ["NaN"])
    refused = await client.post("/v1/functions/step/subgradient", json={"x": [0], "at_kink": 0})
    assert_problem(refused, 422, ["body", "at_kink"])


async def test_interval_and_one_sided_modes(client: httpx.AsyncClient) -> None:
    interval = (
        await client.post(
            "/v1/functions/relu6/subgradient", json={"x": [[0, 3, 6]], "mode": "interval"}
        )
    ).json()
    assert interval["lower"] == [[0.0, 1.0, 0.0]]
    assert interval["upper"] == [[1.0, 1.0, 1.0]]
    assert "subgradient" not in interval
    sided = (
        await client.post(
            "/v1/functions/relu6/subgradient", json={"x": [0, 6], "mode": "one_sided"}
        )
    ).json()
    assert (sided["left"], sided["right"]) == ([0.0, 1.0], [1.0, 0.0])


async def test_convention_with_interval_mode_is_refused(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1/relu/subgradient", json={"x": [0], "mode": "interval", "convention": "jax"}
    )
    assert_problem(response, 422, ["body", "mode"])


# --- bad JSON input ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("x", "loc"),
    [
        ([[1, 2], [3]], ["body", "x", 1]),
        ([[1], 2], ["body", "x", 1]),
        ([1, True], ["body", "x", 1]),
        (True, ["body", "x"]),
        ([1, "1.5"], ["body", "x", 1]),
        ([1, "nan"], ["body", "x", 1]),
        ([1, None], ["body", "x", 1]),
        ([1, {"a": 1}], ["body", "x", 1]),
        ([[1, [2]]], ["body", "x", 0, 1]),
    ],
)
async def test_bad_arrays_are_422_with_location(
    client: httpx.AsyncClient, x: Any, loc: list[Any]
) -> None:
    assert_problem(await client.post("/v1/relu", json={"x": x}), 422, loc)


async def test_nesting_deeper_than_32(client: httpx.AsyncClient) -> None:
    x: Any = 1.0
    for _ in range(33):
        x = [x]
    assert_problem(await client.post("/v1/relu", json={"x": x}), 422)
    ok: Any = 1.0
    for _ in range(32):
        ok = [ok]
    assert (await client.post("/v1/relu", json={"x": ok})).status_code == 200


async def test_very_deep_json_is_422(database_url: str) -> None:
    body = b'{"x": ' + b"[" * 10_000 + b"]" * 10_000 + b"}"
    transport = httpx.ASGITransport(app=create_app(Settings(database_url=database_url)))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.post(
            "/v1/relu", content=body, headers={"content-type": "application/json"}
        )
    assert_problem(response, 422, ["body"])


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        (b"{", ["body"]),
        (b"[1, 2]", ["body"]),
        (b'{"x": 1e400}', ["body"]),
        (b"{}", ["body", "x"]),
        (b'{"x": 1, "y": 1}', ["body", "y"]),
        (b'{"x": 1, "dtype": "int8"}', ["body", "dtype"]),
        (b'{"x": 1, "mode": "point"}', ["body", "mode"]),
        (b'{"x": 1, "params": {"negative_slope": "0.1"}}', ["body", "params", "negative_slope"]),
        (b'{"x": 1, "params": {"negative_slope": 2}}', ["body", "params", "negative_slope"]),
        (b'"\xff"', ["body"]),
    ],
)
async def test_bad_bodies(client: httpx.AsyncClient, body: bytes, loc: list[Any]) -> None:
    route = "/v1/functions/leaky_relu/value"
    response = await client.post(route, content=body, headers={"content-type": "application/json"})
    assert_problem(response, 422, loc)


async def test_big_integers_are_read_as_floats(client: httpx.AsyncClient) -> None:
    body = b'{"x": [123456789012345678901234567890]}'
    response = await client.post(
        "/v1/relu", content=body, headers={"content-type": "application/json"}
    )
    assert response.json()["value"] == [1.2345678901234568e29]


async def test_too_large_for_float16_rounds_to_infinity(client: httpx.AsyncClient) -> None:
    body = (await client.post("/v1/relu", json={"x": [1e6], "dtype": "float16"})).json()
    assert body["value"] == ["Infinity"]


async def test_query_params_with_json_body_are_refused(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1/relu?dtype=float32", json={"x": [1]})
    assert_problem(response, 422, ["query", "dtype"])


async def test_unknown_function_is_404(client: httpx.AsyncClient) -> None:
    assert_problem(await client.post("/v1/functions/gelu/value", json={"x": [1]}), 404)


async def test_unsupported_content_type_is_415(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1/relu", content=b"x=1", headers={"content-type": "text/plain"})
    assert_problem(response, 415)


@pytest.mark.parametrize("accept", ["text/html", "application/xml, text/*", "application/json;q=0"])
async def test_unsatisfiable_accept_is_406(client: httpx.AsyncClient, accept: str) -> None:
    response = await client.post("/v1/relu", json={"x": [1]}, headers={"accept": accept})
    assert_problem(response, 406)


async def test_too_many_elements_is_413(client: httpx.AsyncClient) -> None:
    # The test settings allow 1,000 elements.
    assert (await client.post("/v1/relu", json={"x": [0.0] * 1000})).status_code == 200
    assert_problem(await client.post("/v1/relu", json={"x": [0.0] * 1001}), 413)


async def test_json_body_over_its_limit_is_413(client: httpx.AsyncClient) -> None:
    body = b'{"x": [' + b"0," * 20_000 + b"0]}"
    response = await client.post(
        "/v1/relu", content=body, headers={"content-type": "application/json"}
    )
    assert_problem(response, 413)


async def test_unknown_route_and_method_are_problems(client: httpx.AsyncClient) -> None:
    assert_problem(await client.get("/v1/nothing"), 404)
    assert_problem(await client.get("/v1/relu"), 405)


# --- binary evaluation -------------------------------------------------------------------


@pytest.mark.parametrize("dtype", ["float16", "float32", "float64"])
async def test_npy_round_trip(client: httpx.AsyncClient, dtype: str) -> None:
    x = np.array([[-1, -0.0, 0], [2, np.nan, np.inf]], dtype=dtype)
    response = await client.post(
        "/v1/relu", content=npy_bytes(x), headers={"content-type": NPY, "accept": NPY}
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == NPY
    y = from_npy(response.content)
    assert y.dtype == np.dtype(dtype)
    np.testing.assert_array_equal(y, np.maximum(x, 0) + 0)
    assert not np.signbit(y).any()


async def test_npy_in_json_out(client: httpx.AsyncClient) -> None:
    x = np.array([-1, 3], dtype=np.float32)
    response = await client.post(
        "/v1/relu/subgradient?at_zero=0.25", content=npy_bytes(x), headers={"content-type": NPY}
    )
    assert response.json()["subgradient"] == [0.0, 1.0]
    assert response.json()["dtype"] == "float32"


async def test_fortran_and_big_endian_npy(client: httpx.AsyncClient) -> None:
    x = np.asfortranarray(np.arange(-3, 3, dtype=">f8").reshape(2, 3))
    response = await client.post(
        "/v1/relu", content=npy_bytes(x), headers={"content-type": NPY, "accept": NPY}
    )
    np.testing.assert_array_equal(from_npy(response.content), np.maximum(x, 0))


async def test_two_outputs_stack_on_a_last_axis(client: httpx.AsyncClient) -> None:
    x = np.array([[-1.0, 0.0, 1.0]])
    response = await client.post(
        "/v1/functions/abs/subgradient?mode=interval",
        content=npy_bytes(x),
        headers={"content-type": NPY, "accept": NPY},
    )
    y = from_npy(response.content)
    assert y.shape == (1, 3, 2)
    assert y[0].tolist() == [[-1, -1], [-1, 1], [1, 1]]
    assert response.headers["x-array-outputs"] == "lower,upper"


async def test_raw_bytes(client: httpx.AsyncClient) -> None:
    x = np.array([-1, 0, 2, 3], dtype="<f4")
    response = await client.post(
        "/v1/functions/leaky_relu/value?dtype=float32&shape=2,2&negative_slope=0.5",
        content=x.tobytes(),
        headers={"content-type": RAW, "accept": RAW},
    )
    assert response.status_code == 200
    assert response.headers["x-array-shape"] == "2,2"
    assert response.headers["x-array-dtype"] == "float32"
    assert np.frombuffer(response.content, "<f4").tolist() == [-0.5, 0.0, 2.0, 3.0]


async def test_raw_bytes_without_a_shape_are_one_axis(client: httpx.AsyncClient) -> None:
    x = np.array([-1, 0, 2], dtype="<f8")
    response = await client.post(
        "/v1/relu/subgradient?convention=jax&dtype=float64",
        content=x.tobytes(),
        headers={"content-type": RAW, "accept": "application/json"},
    )
    assert response.json()["shape"] == [3]
    assert response.json()["subgradient"] == [0.0, 0.0, 1.0]


async def test_raw_bytes_need_their_dtype(client: httpx.AsyncClient) -> None:
    # Read as float64, these float32 bytes would be answered as two numbers of garbage.
    body = np.ones(4, np.float32).tobytes()
    response = await client.post("/v1/relu", content=body, headers={"content-type": RAW})
    assert_problem(response, 422, ["query", "dtype"])


async def test_raw_body_not_matching_dtype_and_shape(client: httpx.AsyncClient) -> None:
    headers = {"content-type": RAW}
    five = b"\x00" * 5
    assert_problem(await client.post("/v1/relu?dtype=float32", content=five, headers=headers), 422)
    eight = b"\x00" * 8
    assert_problem(
        await client.post("/v1/relu?dtype=float32&shape=3", content=eight, headers=headers), 422
    )
    assert_problem(
        await client.post("/v1/relu?dtype=float64&shape=a,b", content=eight, headers=headers),
        422,
        ["query", "shape"],
    )


async def test_raw_too_many_elements_is_413(client: httpx.AsyncClient) -> None:
    body = b"\x00" * 8 * 1001
    response = await client.post(
        "/v1/relu?dtype=float64", content=body, headers={"content-type": RAW}
    )
    assert_problem(response, 413)


async def test_raw_over_the_body_limit_is_413(client: httpx.AsyncClient) -> None:
    body = b"\x00" * 64_008
    response = await client.post(
        "/v1/relu?dtype=float16", content=body, headers={"content-type": RAW}
    )
    assert_problem(response, 413)


async def test_raw_streamed_without_length(client: httpx.AsyncClient) -> None:
    async def chunks() -> Any:
        for value in (-1.0, 2.0):
            yield np.array([value]).tobytes()

    response = await client.post(
        "/v1/relu?dtype=float64", content=chunks(), headers={"content-type": RAW, "accept": RAW}
    )
    assert np.frombuffer(response.content).tolist() == [0.0, 2.0]


async def test_npy_errors(client: httpx.AsyncClient) -> None:
    headers = {"content-type": NPY}
    assert_problem(await client.post("/v1/relu", content=b"not a npy file", headers=headers), 422)
    assert_problem(await client.post("/v1/relu", content=b"\x93NUMPY", headers=headers), 422)
    truncated = npy_bytes(np.zeros(10))[:-8]
    assert_problem(await client.post("/v1/relu", content=truncated, headers=headers), 422)
    longer = npy_bytes(np.zeros(10)) + b"\x00" * 8
    assert_problem(await client.post("/v1/relu", content=longer, headers=headers), 422)
    ints = npy_bytes(np.zeros(3, dtype=np.int32))
    assert_problem(await client.post("/v1/relu", content=ints, headers=headers), 422)
    objects = io.BytesIO()
    np.save(objects, np.array([1, "a"], dtype=object), allow_pickle=True)
    assert_problem(await client.post("/v1/relu", content=objects.getvalue(), headers=headers), 422)
    with_dtype = await client.post(
        "/v1/relu?dtype=float32", content=npy_bytes(np.zeros(1)), headers=headers
    )
    assert_problem(with_dtype, 422, ["query", "dtype"])


async def test_npy_too_many_elements_is_413_before_reading(client: httpx.AsyncClient) -> None:
    header = npy_bytes(np.zeros((1001,)))[:128]
    response = await client.post("/v1/relu", content=header, headers={"content-type": NPY})
    assert_problem(response, 413)


async def test_binary_params_in_query(client: httpx.AsyncClient) -> None:
    x = npy_bytes(np.array([0.0, -4.0]))
    response = await client.post(
        "/v1/functions/hardtanh/subgradient?min_val=-4&convention=pytorch&mode=point",
        content=x,
        headers={"content-type": NPY},
    )
    assert response.json()["subgradient"] == [1.0, 0.0]
    bad = await client.post(
        "/v1/functions/relu6/value?beta=2", content=x, headers={"content-type": NPY}
    )
    assert_problem(bad, 422, ["query", "beta"])
    unknown = await client.post("/v1/relu?gamma=2", content=x, headers={"content-type": NPY})
    assert_problem(unknown, 422, ["query", "gamma"])
    at_zero = await client.post(
        "/v1/relu/subgradient?at_zero=3", content=x, headers={"content-type": NPY}
    )
    assert_problem(at_zero, 422, ["query", "at_zero"])


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("application/x-npy", NPY),
        ("application/octet-stream;q=0.9, application/x-npy;q=0.5", RAW),
        ("*/*", "application/json"),
        ("application/*;q=0.5, application/x-npy", NPY),
    ],
)
async def test_accept_negotiation(client: httpx.AsyncClient, accept: str, media: str) -> None:
    response = await client.post("/v1/relu", json={"x": [1.0]}, headers={"accept": accept})
    assert response.headers["content-type"] == media


async def test_nan_payloads_and_subnormals_survive_binary(client: httpx.AsyncClient) -> None:
    tiny = np.finfo(np.float32).smallest_subnormal
    x = np.array([tiny, -tiny, math.nan], dtype=np.float32)
    response = await client.post(
        "/v1/relu/subgradient?at_zero=0.5",
        content=npy_bytes(x),
        headers={"content-type": NPY, "accept": NPY},
    )
    assert from_npy(response.content)[:2].tolist() == [1.0, 0.0]
    assert np.isnan(from_npy(response.content)[2])
