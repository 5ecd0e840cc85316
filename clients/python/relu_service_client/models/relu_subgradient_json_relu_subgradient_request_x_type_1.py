from typing import Literal

ReluSubgradientJsonReluSubgradientRequestXType1 = Literal["-Infinity", "Infinity", "NaN"]

RELU_SUBGRADIENT_JSON_RELU_SUBGRADIENT_REQUEST_X_TYPE_1_VALUES: set[ReluSubgradientJsonReluSubgradientRequestXType1] = {
    "-Infinity",
    "Infinity",
    "NaN",
}


def check_relu_subgradient_json_relu_subgradient_request_x_type_1(
    value: str,
) -> ReluSubgradientJsonReluSubgradientRequestXType1:
    if value in RELU_SUBGRADIENT_JSON_RELU_SUBGRADIENT_REQUEST_X_TYPE_1_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RELU_SUBGRADIENT_JSON_RELU_SUBGRADIENT_REQUEST_X_TYPE_1_VALUES!r}"
    )
