from typing import Literal

ModelVersionReadyName = Literal["abs", "hardtanh", "leaky_relu", "relu", "relu6", "softplus", "squared_relu", "step"]

MODEL_VERSION_READY_NAME_VALUES: set[ModelVersionReadyName] = {
    "abs",
    "hardtanh",
    "leaky_relu",
    "relu",
    "relu6",
    "softplus",
    "squared_relu",
    "step",
}


def check_model_version_ready_name(value: str) -> ModelVersionReadyName:
    if value in MODEL_VERSION_READY_NAME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MODEL_VERSION_READY_NAME_VALUES!r}")
