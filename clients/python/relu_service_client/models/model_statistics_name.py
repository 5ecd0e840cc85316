from typing import Literal

ModelStatisticsName = Literal["abs", "hardtanh", "leaky_relu", "relu", "relu6", "softplus", "squared_relu", "step"]

MODEL_STATISTICS_NAME_VALUES: set[ModelStatisticsName] = {
    "abs",
    "hardtanh",
    "leaky_relu",
    "relu",
    "relu6",
    "softplus",
    "squared_relu",
    "step",
}


def check_model_statistics_name(value: str) -> ModelStatisticsName:
    if value in MODEL_STATISTICS_NAME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MODEL_STATISTICS_NAME_VALUES!r}")
