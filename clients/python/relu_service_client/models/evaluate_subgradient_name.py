from typing import Literal

EvaluateSubgradientName = Literal["abs", "hardtanh", "leaky_relu", "relu", "relu6", "softplus", "squared_relu", "step"]

EVALUATE_SUBGRADIENT_NAME_VALUES: set[EvaluateSubgradientName] = {
    "abs",
    "hardtanh",
    "leaky_relu",
    "relu",
    "relu6",
    "softplus",
    "squared_relu",
    "step",
}


def check_evaluate_subgradient_name(value: str) -> EvaluateSubgradientName:
    if value in EVALUATE_SUBGRADIENT_NAME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EVALUATE_SUBGRADIENT_NAME_VALUES!r}")
