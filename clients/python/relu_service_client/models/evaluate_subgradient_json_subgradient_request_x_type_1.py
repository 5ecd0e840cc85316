from typing import Literal

EvaluateSubgradientJsonSubgradientRequestXType1 = Literal["-Infinity", "Infinity", "NaN"]

EVALUATE_SUBGRADIENT_JSON_SUBGRADIENT_REQUEST_X_TYPE_1_VALUES: set[EvaluateSubgradientJsonSubgradientRequestXType1] = {
    "-Infinity",
    "Infinity",
    "NaN",
}


def check_evaluate_subgradient_json_subgradient_request_x_type_1(
    value: str,
) -> EvaluateSubgradientJsonSubgradientRequestXType1:
    if value in EVALUATE_SUBGRADIENT_JSON_SUBGRADIENT_REQUEST_X_TYPE_1_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EVALUATE_SUBGRADIENT_JSON_SUBGRADIENT_REQUEST_X_TYPE_1_VALUES!r}"
    )
