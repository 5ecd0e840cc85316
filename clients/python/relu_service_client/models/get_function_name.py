from typing import Literal

GetFunctionName = Literal["abs", "hardtanh", "leaky_relu", "relu", "relu6", "softplus", "squared_relu", "step"]

GET_FUNCTION_NAME_VALUES: set[GetFunctionName] = {
    "abs",
    "hardtanh",
    "leaky_relu",
    "relu",
    "relu6",
    "softplus",
    "squared_relu",
    "step",
}


def check_get_function_name(value: str) -> GetFunctionName:
    if value in GET_FUNCTION_NAME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_FUNCTION_NAME_VALUES!r}")
