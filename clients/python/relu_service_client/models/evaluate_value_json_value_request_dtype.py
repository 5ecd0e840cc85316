from typing import Literal

EvaluateValueJsonValueRequestDtype = Literal["float16", "float32", "float64"]

EVALUATE_VALUE_JSON_VALUE_REQUEST_DTYPE_VALUES: set[EvaluateValueJsonValueRequestDtype] = {
    "float16",
    "float32",
    "float64",
}


def check_evaluate_value_json_value_request_dtype(value: str) -> EvaluateValueJsonValueRequestDtype:
    if value in EVALUATE_VALUE_JSON_VALUE_REQUEST_DTYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EVALUATE_VALUE_JSON_VALUE_REQUEST_DTYPE_VALUES!r}")
