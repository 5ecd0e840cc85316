from typing import Literal

ReluSubgradientJsonReluSubgradientRequestDtype = Literal["float16", "float32", "float64"]

RELU_SUBGRADIENT_JSON_RELU_SUBGRADIENT_REQUEST_DTYPE_VALUES: set[ReluSubgradientJsonReluSubgradientRequestDtype] = {
    "float16",
    "float32",
    "float64",
}


def check_relu_subgradient_json_relu_subgradient_request_dtype(
    value: str,
) -> ReluSubgradientJsonReluSubgradientRequestDtype:
    if value in RELU_SUBGRADIENT_JSON_RELU_SUBGRADIENT_REQUEST_DTYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RELU_SUBGRADIENT_JSON_RELU_SUBGRADIENT_REQUEST_DTYPE_VALUES!r}"
    )
