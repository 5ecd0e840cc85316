from typing import Literal

ValueResponseValueType1 = Literal["-Infinity", "Infinity", "NaN"]

VALUE_RESPONSE_VALUE_TYPE_1_VALUES: set[ValueResponseValueType1] = {
    "-Infinity",
    "Infinity",
    "NaN",
}


def check_value_response_value_type_1(value: str) -> ValueResponseValueType1:
    if value in VALUE_RESPONSE_VALUE_TYPE_1_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {VALUE_RESPONSE_VALUE_TYPE_1_VALUES!r}")
