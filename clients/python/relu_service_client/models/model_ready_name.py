from typing import Literal

ModelReadyName = Literal["abs", "hardtanh", "leaky_relu", "relu", "relu6", "softplus", "squared_relu", "step"]

MODEL_READY_NAME_VALUES: set[ModelReadyName] = {
    "abs",
    "hardtanh",
    "leaky_relu",
    "relu",
    "relu6",
    "softplus",
    "squared_relu",
    "step",
}


def check_model_ready_name(value: str) -> ModelReadyName:
    if value in MODEL_READY_NAME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MODEL_READY_NAME_VALUES!r}")
