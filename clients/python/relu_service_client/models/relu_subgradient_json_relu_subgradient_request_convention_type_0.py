from typing import Literal

ReluSubgradientJsonReluSubgradientRequestConventionType0 = Literal[
    "jax", "left", "midpoint", "pytorch", "right", "tensorflow"
]

RELU_SUBGRADIENT_JSON_RELU_SUBGRADIENT_REQUEST_CONVENTION_TYPE_0_VALUES: set[
    ReluSubgradientJsonReluSubgradientRequestConventionType0
] = {
    "jax",
    "left",
    "midpoint",
    "pytorch",
    "right",
    "tensorflow",
}


def check_relu_subgradient_json_relu_subgradient_request_convention_type_0(
    value: str,
) -> ReluSubgradientJsonReluSubgradientRequestConventionType0:
    if value in RELU_SUBGRADIENT_JSON_RELU_SUBGRADIENT_REQUEST_CONVENTION_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RELU_SUBGRADIENT_JSON_RELU_SUBGRADIENT_REQUEST_CONVENTION_TYPE_0_VALUES!r}"
    )
