from typing import Literal

ReluSubgradientJsonReluSubgradientRequestEmulateType0 = Literal["jax", "pytorch", "tensorflow"]

RELU_SUBGRADIENT_JSON_RELU_SUBGRADIENT_REQUEST_EMULATE_TYPE_0_VALUES: set[
    ReluSubgradientJsonReluSubgradientRequestEmulateType0
] = {
    "jax",
    "pytorch",
    "tensorflow",
}


def check_relu_subgradient_json_relu_subgradient_request_emulate_type_0(
    value: str,
) -> ReluSubgradientJsonReluSubgradientRequestEmulateType0:
    if value in RELU_SUBGRADIENT_JSON_RELU_SUBGRADIENT_REQUEST_EMULATE_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RELU_SUBGRADIENT_JSON_RELU_SUBGRADIENT_REQUEST_EMULATE_TYPE_0_VALUES!r}"
    )
