from typing import Literal

SubgradientResponseSubgradientType1 = Literal["-Infinity", "Infinity", "NaN"]

SUBGRADIENT_RESPONSE_SUBGRADIENT_TYPE_1_VALUES: set[SubgradientResponseSubgradientType1] = {
    "-Infinity",
    "Infinity",
    "NaN",
}


def check_subgradient_response_subgradient_type_1(value: str) -> SubgradientResponseSubgradientType1:
    if value in SUBGRADIENT_RESPONSE_SUBGRADIENT_TYPE_1_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBGRADIENT_RESPONSE_SUBGRADIENT_TYPE_1_VALUES!r}")
