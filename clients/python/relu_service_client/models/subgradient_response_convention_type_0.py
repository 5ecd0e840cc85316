from typing import Literal

SubgradientResponseConventionType0 = Literal["jax", "left", "midpoint", "pytorch", "right", "tensorflow"]

SUBGRADIENT_RESPONSE_CONVENTION_TYPE_0_VALUES: set[SubgradientResponseConventionType0] = {
    "jax",
    "left",
    "midpoint",
    "pytorch",
    "right",
    "tensorflow",
}


def check_subgradient_response_convention_type_0(value: str) -> SubgradientResponseConventionType0:
    if value in SUBGRADIENT_RESPONSE_CONVENTION_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBGRADIENT_RESPONSE_CONVENTION_TYPE_0_VALUES!r}")
