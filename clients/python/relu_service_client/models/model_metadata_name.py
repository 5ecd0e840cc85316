from typing import Literal

ModelMetadataName = Literal["abs", "hardtanh", "leaky_relu", "relu", "relu6", "softplus", "squared_relu", "step"]

MODEL_METADATA_NAME_VALUES: set[ModelMetadataName] = {
    "abs",
    "hardtanh",
    "leaky_relu",
    "relu",
    "relu6",
    "softplus",
    "squared_relu",
    "step",
}


def check_model_metadata_name(value: str) -> ModelMetadataName:
    if value in MODEL_METADATA_NAME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MODEL_METADATA_NAME_VALUES!r}")
