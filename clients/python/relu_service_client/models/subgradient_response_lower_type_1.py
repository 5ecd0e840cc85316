from typing import Literal

SubgradientResponseLowerType1 = Literal["-Infinity", "Infinity", "NaN"]

SUBGRADIENT_RESPONSE_LOWER_TYPE_1_VALUES: set[SubgradientResponseLowerType1] = {
    "-Infinity",
    "Infinity",
    "NaN",
}


def check_subgradient_response_lower_type_1(value: str) -> SubgradientResponseLowerType1:
    if value in SUBGRADIENT_RESPONSE_LOWER_TYPE_1_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBGRADIENT_RESPONSE_LOWER_TYPE_1_VALUES!r}")
