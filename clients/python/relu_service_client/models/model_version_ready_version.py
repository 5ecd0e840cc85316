from typing import Literal

ModelVersionReadyVersion = Literal["1"]

MODEL_VERSION_READY_VERSION_VALUES: set[ModelVersionReadyVersion] = {
    "1",
}


def check_model_version_ready_version(value: str) -> ModelVersionReadyVersion:
    if value in MODEL_VERSION_READY_VERSION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MODEL_VERSION_READY_VERSION_VALUES!r}")
