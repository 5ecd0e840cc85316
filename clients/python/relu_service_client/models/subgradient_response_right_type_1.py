from typing import Literal

SubgradientResponseRightType1 = Literal["-Infinity", "Infinity", "NaN"]

SUBGRADIENT_RESPONSE_RIGHT_TYPE_1_VALUES: set[SubgradientResponseRightType1] = {
    "-Infinity",
    "Infinity",
    "NaN",
}


def check_subgradient_response_right_type_1(value: str) -> SubgradientResponseRightType1:
    if value in SUBGRADIENT_RESPONSE_RIGHT_TYPE_1_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBGRADIENT_RESPONSE_RIGHT_TYPE_1_VALUES!r}")
