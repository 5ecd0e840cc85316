from typing import Literal

ReluValueDtypeType0 = Literal["float16", "float32", "float64"]

RELU_VALUE_DTYPE_TYPE_0_VALUES: set[ReluValueDtypeType0] = {
    "float16",
    "float32",
    "float64",
}


def check_relu_value_dtype_type_0(value: str) -> ReluValueDtypeType0:
    if value in RELU_VALUE_DTYPE_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RELU_VALUE_DTYPE_TYPE_0_VALUES!r}")
