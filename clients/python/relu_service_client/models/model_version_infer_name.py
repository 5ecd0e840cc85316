from typing import Literal

ModelVersionInferName = Literal["abs", "hardtanh", "leaky_relu", "relu", "relu6", "softplus", "squared_relu", "step"]

MODEL_VERSION_INFER_NAME_VALUES: set[ModelVersionInferName] = {
    "abs",
    "hardtanh",
    "leaky_relu",
    "relu",
    "relu6",
    "softplus",
    "squared_relu",
    "step",
}


def check_model_version_infer_name(value: str) -> ModelVersionInferName:
    if value in MODEL_VERSION_INFER_NAME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MODEL_VERSION_INFER_NAME_VALUES!r}")
