from typing import Literal

ModelVersionStatisticsName = Literal[
    "abs", "hardtanh", "leaky_relu", "relu", "relu6", "softplus", "squared_relu", "step"
]

MODEL_VERSION_STATISTICS_NAME_VALUES: set[ModelVersionStatisticsName] = {
    "abs",
    "hardtanh",
    "leaky_relu",
    "relu",
    "relu6",
    "softplus",
    "squared_relu",
    "step",
}


def check_model_version_statistics_name(value: str) -> ModelVersionStatisticsName:
    if value in MODEL_VERSION_STATISTICS_NAME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MODEL_VERSION_STATISTICS_NAME_VALUES!r}")
