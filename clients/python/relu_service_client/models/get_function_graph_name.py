from typing import Literal

GetFunctionGraphName = Literal["abs", "hardtanh", "leaky_relu", "relu", "relu6", "softplus", "squared_relu", "step"]

GET_FUNCTION_GRAPH_NAME_VALUES: set[GetFunctionGraphName] = {
    "abs",
    "hardtanh",
    "leaky_relu",
    "relu",
    "relu6",
    "softplus",
    "squared_relu",
    "step",
}


def check_get_function_graph_name(value: str) -> GetFunctionGraphName:
    if value in GET_FUNCTION_GRAPH_NAME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GET_FUNCTION_GRAPH_NAME_VALUES!r}")
