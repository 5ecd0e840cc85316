from typing import Literal

EvaluateSubgradientDtypeType0 = Literal["float16", "float32", "float64"]

EVALUATE_SUBGRADIENT_DTYPE_TYPE_0_VALUES: set[EvaluateSubgradientDtypeType0] = {
    "float16",
    "float32",
    "float64",
}


def check_evaluate_subgradient_dtype_type_0(value: str) -> EvaluateSubgradientDtypeType0:
    if value in EVALUATE_SUBGRADIENT_DTYPE_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EVALUATE_SUBGRADIENT_DTYPE_TYPE_0_VALUES!r}")
