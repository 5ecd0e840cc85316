from typing import Literal

ModelVersionMetadataName = Literal["abs", "hardtanh", "leaky_relu", "relu", "relu6", "softplus", "squared_relu", "step"]

MODEL_VERSION_METADATA_NAME_VALUES: set[ModelVersionMetadataName] = {
    "abs",
    "hardtanh",
    "leaky_relu",
    "relu",
    "relu6",
    "softplus",
    "squared_relu",
    "step",
}


def check_model_version_metadata_name(value: str) -> ModelVersionMetadataName:
    if value in MODEL_VERSION_METADATA_NAME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MODEL_VERSION_METADATA_NAME_VALUES!r}")
