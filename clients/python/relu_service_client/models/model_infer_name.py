from typing import Literal

ModelInferName = Literal["abs", "hardtanh", "leaky_relu", "relu", "relu6", "softplus", "squared_relu", "step"]

MODEL_INFER_NAME_VALUES: set[ModelInferName] = {
    "abs",
    "hardtanh",
    "leaky_relu",
    "relu",
    "relu6",
    "softplus",
    "squared_relu",
    "step",
}


def check_model_infer_name(value: str) -> ModelInferName:
    if value in MODEL_INFER_NAME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MODEL_INFER_NAME_VALUES!r}")
