from typing import Literal

ReluSubgradientConventionType0 = Literal["jax", "left", "midpoint", "pytorch", "right", "tensorflow"]

RELU_SUBGRADIENT_CONVENTION_TYPE_0_VALUES: set[ReluSubgradientConventionType0] = {
    "jax",
    "left",
    "midpoint",
    "pytorch",
    "right",
    "tensorflow",
}


def check_relu_subgradient_convention_type_0(value: str) -> ReluSubgradientConventionType0:
    if value in RELU_SUBGRADIENT_CONVENTION_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RELU_SUBGRADIENT_CONVENTION_TYPE_0_VALUES!r}")
