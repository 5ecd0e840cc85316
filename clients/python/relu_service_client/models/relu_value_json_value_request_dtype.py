from typing import Literal

ReluValueJsonValueRequestDtype = Literal["float16", "float32", "float64"]

RELU_VALUE_JSON_VALUE_REQUEST_DTYPE_VALUES: set[ReluValueJsonValueRequestDtype] = {
    "float16",
    "float32",
    "float64",
}


def check_relu_value_json_value_request_dtype(value: str) -> ReluValueJsonValueRequestDtype:
    if value in RELU_VALUE_JSON_VALUE_REQUEST_DTYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RELU_VALUE_JSON_VALUE_REQUEST_DTYPE_VALUES!r}")
