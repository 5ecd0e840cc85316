from typing import Literal

EvaluateValueName = Literal["abs", "hardtanh", "leaky_relu", "relu", "relu6", "softplus", "squared_relu", "step"]

EVALUATE_VALUE_NAME_VALUES: set[EvaluateValueName] = {
    "abs",
    "hardtanh",
    "leaky_relu",
    "relu",
    "relu6",
    "softplus",
    "squared_relu",
    "step",
}


def check_evaluate_value_name(value: str) -> EvaluateValueName:
    if value in EVALUATE_VALUE_NAME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EVALUATE_VALUE_NAME_VALUES!r}")
