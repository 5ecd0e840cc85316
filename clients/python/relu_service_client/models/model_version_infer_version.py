from typing import Literal

ModelVersionInferVersion = Literal["1"]

MODEL_VERSION_INFER_VERSION_VALUES: set[ModelVersionInferVersion] = {
    "1",
}


def check_model_version_infer_version(value: str) -> ModelVersionInferVersion:
    if value in MODEL_VERSION_INFER_VERSION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MODEL_VERSION_INFER_VERSION_VALUES!r}")
