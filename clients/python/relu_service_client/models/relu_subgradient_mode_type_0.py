from typing import Literal

ReluSubgradientModeType0 = Literal["interval", "one_sided", "point"]

RELU_SUBGRADIENT_MODE_TYPE_0_VALUES: set[ReluSubgradientModeType0] = {
    "interval",
    "one_sided",
    "point",
}


def check_relu_subgradient_mode_type_0(value: str) -> ReluSubgradientModeType0:
    if value in RELU_SUBGRADIENT_MODE_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RELU_SUBGRADIENT_MODE_TYPE_0_VALUES!r}")
