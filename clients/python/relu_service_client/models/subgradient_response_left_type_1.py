from typing import Literal

SubgradientResponseLeftType1 = Literal["-Infinity", "Infinity", "NaN"]

SUBGRADIENT_RESPONSE_LEFT_TYPE_1_VALUES: set[SubgradientResponseLeftType1] = {
    "-Infinity",
    "Infinity",
    "NaN",
}


def check_subgradient_response_left_type_1(value: str) -> SubgradientResponseLeftType1:
    if value in SUBGRADIENT_RESPONSE_LEFT_TYPE_1_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBGRADIENT_RESPONSE_LEFT_TYPE_1_VALUES!r}")
