from typing import Literal

ModelVersionStatisticsVersion = Literal["1"]

MODEL_VERSION_STATISTICS_VERSION_VALUES: set[ModelVersionStatisticsVersion] = {
    "1",
}


def check_model_version_statistics_version(value: str) -> ModelVersionStatisticsVersion:
    if value in MODEL_VERSION_STATISTICS_VERSION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MODEL_VERSION_STATISTICS_VERSION_VALUES!r}")
