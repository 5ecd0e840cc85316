"""The real Triton HTTP client against a live server, in binary and in JSON."""

from __future__ import annotations

import numpy as np
import pytest
import tritonclient.http as httpclient

from tests.conftest import LiveServer


@pytest.fixture
def triton(live_server: LiveServer) -> httpclient.InferenceServerClient:
    return httpclient.InferenceServerClient(url=live_server.url.removeprefix("http://"))


def test_server_and_model_are_ready(triton: httpclient.InferenceServerClient) -> None:
    assert triton.is_server_live()
    assert triton.is_server_ready()
    assert triton.is_model_ready("relu")
    assert triton.get_model_metadata("relu")["name"] == "relu"
    assert "binary_tensor_data" in triton.get_server_metadata()["extensions"]


@pytest.mark.parametrize("binary", [True, False])
@pytest.mark.parametrize(
    ("datatype", "dtype"), [("FP16", np.float16), ("FP32", np.float32), ("FP64", np.float64)]
)
def test_infer_matches_numpy(
    triton: httpclient.InferenceServerClient, binary: bool, datatype: str, dtype: type[np.floating]
) -> None:
    rng = np.random.default_rng(7)
    x = rng.normal(size=(4, 250)).astype(dtype)
    x[0, :4] = [0.0, -0.0, np.inf, -np.inf]
    tensor = httpclient.InferInput("x", list(x.shape), datatype)
    tensor.set_data_from_numpy(x, binary_data=binary)
    outputs = [
        httpclient.InferRequestedOutput(name, binary_data=binary)
        for name in ("value", "subgradient", "lower", "upper")
    ]
    result = triton.infer("relu", [tensor], outputs=outputs, parameters={"convention": "pytorch"})
    value = result.as_numpy("value")
    assert value.dtype == dtype
    np.testing.assert_array_equal(value, np.maximum(x, 0) + 0)
    np.testing.assert_array_equal(result.as_numpy("subgradient"), (x > 0).astype(dtype))
    np.testing.assert_array_equal(result.as_numpy("lower"), (x > 0).astype(dtype))
    np.testing.assert_array_equal(result.as_numpy("upper"), (x >= 0).astype(dtype))


def test_infer_with_function_parameters(triton: httpclient.InferenceServerClient) -> None:
    x = np.array([-4.0, -2.0, 0.0, 3.0], dtype=np.float32)
    tensor = httpclient.InferInput("x", [4], "FP32")
    tensor.set_data_from_numpy(x)
    result = triton.infer(
        "hardtanh",
        [tensor],
        outputs=[
            httpclient.InferRequestedOutput("value"),
            httpclient.InferRequestedOutput("subgradient"),
        ],
        parameters={"min_val": -2.0, "max_val": 2.0, "convention": "jax"},
    )
    np.testing.assert_array_equal(result.as_numpy("value"), np.clip(x, -2, 2))
    assert result.as_numpy("subgradient").tolist() == [0.0, 1.0, 1.0, 0.0]


def test_infer_nan_over_json(triton: httpclient.InferenceServerClient) -> None:
    x = np.array([np.nan, 1.0], dtype=np.float64)
    tensor = httpclient.InferInput("x", [2], "FP64")
    tensor.set_data_from_numpy(x, binary_data=False)
    result = triton.infer(
        "relu", [tensor], outputs=[httpclient.InferRequestedOutput("value", binary_data=False)]
    )
    value = result.as_numpy("value")
    assert np.isnan(value[0])
    assert value[1] == 1.0


def test_errors_reach_the_client(triton: httpclient.InferenceServerClient) -> None:
    tensor = httpclient.InferInput("x", [1], "FP32")
    tensor.set_data_from_numpy(np.zeros(1, np.float32))
    with pytest.raises(Exception, match="not a subgradient"):
        triton.infer("relu", [tensor], parameters={"at_kink": 2.0})
