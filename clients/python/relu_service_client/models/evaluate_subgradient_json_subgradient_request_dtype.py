from typing import Literal

EvaluateSubgradientJsonSubgradientRequestDtype = Literal["float16", "float32", "float64"]

EVALUATE_SUBGRADIENT_JSON_SUBGRADIENT_REQUEST_DTYPE_VALUES: set[EvaluateSubgradientJsonSubgradientRequestDtype] = {
    "float16",
    "float32",
    "float64",
}


def check_evaluate_subgradient_json_subgradient_request_dtype(
    value: str,
) -> EvaluateSubgradientJsonSubgradientRequestDtype:
    if value in EVALUATE_SUBGRADIENT_JSON_SUBGRADIENT_REQUEST_DTYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EVALUATE_SUBGRADIENT_JSON_SUBGRADIENT_REQUEST_DTYPE_VALUES!r}"
    )
