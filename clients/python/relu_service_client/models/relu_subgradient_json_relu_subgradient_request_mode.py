from typing import Literal

ReluSubgradientJsonReluSubgradientRequestMode = Literal["interval", "one_sided", "point"]

RELU_SUBGRADIENT_JSON_RELU_SUBGRADIENT_REQUEST_MODE_VALUES: set[ReluSubgradientJsonReluSubgradientRequestMode] = {
    "interval",
    "one_sided",
    "point",
}


def check_relu_subgradient_json_relu_subgradient_request_mode(
    value: str,
) -> ReluSubgradientJsonReluSubgradientRequestMode:
    if value in RELU_SUBGRADIENT_JSON_RELU_SUBGRADIENT_REQUEST_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RELU_SUBGRADIENT_JSON_RELU_SUBGRADIENT_REQUEST_MODE_VALUES!r}"
    )
