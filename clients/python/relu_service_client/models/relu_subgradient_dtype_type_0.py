from typing import Literal

ReluSubgradientDtypeType0 = Literal["float16", "float32", "float64"]

RELU_SUBGRADIENT_DTYPE_TYPE_0_VALUES: set[ReluSubgradientDtypeType0] = {
    "float16",
    "float32",
    "float64",
}


def check_relu_subgradient_dtype_type_0(value: str) -> ReluSubgradientDtypeType0:
    if value in RELU_SUBGRADIENT_DTYPE_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RELU_SUBGRADIENT_DTYPE_TYPE_0_VALUES!r}")
