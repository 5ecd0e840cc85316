from typing import Literal

EvaluateValueJsonValueRequestXType1 = Literal["-Infinity", "Infinity", "NaN"]

EVALUATE_VALUE_JSON_VALUE_REQUEST_X_TYPE_1_VALUES: set[EvaluateValueJsonValueRequestXType1] = {
    "-Infinity",
    "Infinity",
    "NaN",
}


def check_evaluate_value_json_value_request_x_type_1(value: str) -> EvaluateValueJsonValueRequestXType1:
    if value in EVALUATE_VALUE_JSON_VALUE_REQUEST_X_TYPE_1_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EVALUATE_VALUE_JSON_VALUE_REQUEST_X_TYPE_1_VALUES!r}"
    )
