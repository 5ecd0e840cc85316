from typing import Literal

ValueResponseDtype = Literal["float16", "float32", "float64"]

VALUE_RESPONSE_DTYPE_VALUES: set[ValueResponseDtype] = {
    "float16",
    "float32",
    "float64",
}


def check_value_response_dtype(value: str) -> ValueResponseDtype:
    if value in VALUE_RESPONSE_DTYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {VALUE_RESPONSE_DTYPE_VALUES!r}")
