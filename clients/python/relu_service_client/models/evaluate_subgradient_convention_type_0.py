from typing import Literal

EvaluateSubgradientConventionType0 = Literal["jax", "left", "midpoint", "pytorch", "right", "tensorflow"]

EVALUATE_SUBGRADIENT_CONVENTION_TYPE_0_VALUES: set[EvaluateSubgradientConventionType0] = {
    "jax",
    "left",
    "midpoint",
    "pytorch",
    "right",
    "tensorflow",
}


def check_evaluate_subgradient_convention_type_0(value: str) -> EvaluateSubgradientConventionType0:
    if value in EVALUATE_SUBGRADIENT_CONVENTION_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EVALUATE_SUBGRADIENT_CONVENTION_TYPE_0_VALUES!r}")
