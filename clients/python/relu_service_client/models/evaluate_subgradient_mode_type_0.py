from typing import Literal

EvaluateSubgradientModeType0 = Literal["interval", "one_sided", "point"]

EVALUATE_SUBGRADIENT_MODE_TYPE_0_VALUES: set[EvaluateSubgradientModeType0] = {
    "interval",
    "one_sided",
    "point",
}


def check_evaluate_subgradient_mode_type_0(value: str) -> EvaluateSubgradientModeType0:
    if value in EVALUATE_SUBGRADIENT_MODE_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EVALUATE_SUBGRADIENT_MODE_TYPE_0_VALUES!r}")
