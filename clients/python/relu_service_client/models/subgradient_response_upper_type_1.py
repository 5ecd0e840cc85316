from typing import Literal

SubgradientResponseUpperType1 = Literal["-Infinity", "Infinity", "NaN"]

SUBGRADIENT_RESPONSE_UPPER_TYPE_1_VALUES: set[SubgradientResponseUpperType1] = {
    "-Infinity",
    "Infinity",
    "NaN",
}


def check_subgradient_response_upper_type_1(value: str) -> SubgradientResponseUpperType1:
    if value in SUBGRADIENT_RESPONSE_UPPER_TYPE_1_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBGRADIENT_RESPONSE_UPPER_TYPE_1_VALUES!r}")
