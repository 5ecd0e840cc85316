from typing import Literal

EvaluateSubgradientEmulateType0 = Literal["jax", "pytorch", "tensorflow"]

EVALUATE_SUBGRADIENT_EMULATE_TYPE_0_VALUES: set[EvaluateSubgradientEmulateType0] = {
    "jax",
    "pytorch",
    "tensorflow",
}


def check_evaluate_subgradient_emulate_type_0(value: str) -> EvaluateSubgradientEmulateType0:
    if value in EVALUATE_SUBGRADIENT_EMULATE_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EVALUATE_SUBGRADIENT_EMULATE_TYPE_0_VALUES!r}")
