from typing import Literal

SubgradientResponseDtype = Literal["float16", "float32", "float64"]

SUBGRADIENT_RESPONSE_DTYPE_VALUES: set[SubgradientResponseDtype] = {
    "float16",
    "float32",
    "float64",
}


def check_subgradient_response_dtype(value: str) -> SubgradientResponseDtype:
    if value in SUBGRADIENT_RESPONSE_DTYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBGRADIENT_RESPONSE_DTYPE_VALUES!r}")
