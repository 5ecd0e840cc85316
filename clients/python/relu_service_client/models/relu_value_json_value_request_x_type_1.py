from typing import Literal

ReluValueJsonValueRequestXType1 = Literal["-Infinity", "Infinity", "NaN"]

RELU_VALUE_JSON_VALUE_REQUEST_X_TYPE_1_VALUES: set[ReluValueJsonValueRequestXType1] = {
    "-Infinity",
    "Infinity",
    "NaN",
}


def check_relu_value_json_value_request_x_type_1(value: str) -> ReluValueJsonValueRequestXType1:
    if value in RELU_VALUE_JSON_VALUE_REQUEST_X_TYPE_1_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RELU_VALUE_JSON_VALUE_REQUEST_X_TYPE_1_VALUES!r}")
