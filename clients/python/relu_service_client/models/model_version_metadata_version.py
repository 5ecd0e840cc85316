from typing import Literal

ModelVersionMetadataVersion = Literal["1"]

MODEL_VERSION_METADATA_VERSION_VALUES: set[ModelVersionMetadataVersion] = {
    "1",
}


def check_model_version_metadata_version(value: str) -> ModelVersionMetadataVersion:
    if value in MODEL_VERSION_METADATA_VERSION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MODEL_VERSION_METADATA_VERSION_VALUES!r}")
