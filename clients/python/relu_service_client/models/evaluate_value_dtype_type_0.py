from typing import Literal

EvaluateValueDtypeType0 = Literal["float16", "float32", "float64"]

EVALUATE_VALUE_DTYPE_TYPE_0_VALUES: set[EvaluateValueDtypeType0] = {
    "float16",
    "float32",
    "float64",
}


def check_evaluate_value_dtype_type_0(value: str) -> EvaluateValueDtypeType0:
    if value in EVALUATE_VALUE_DTYPE_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EVALUATE_VALUE_DTYPE_TYPE_0_VALUES!r}")
