from typing import Literal

EvaluateSubgradientJsonSubgradientRequestMode = Literal["interval", "one_sided", "point"]

EVALUATE_SUBGRADIENT_JSON_SUBGRADIENT_REQUEST_MODE_VALUES: set[EvaluateSubgradientJsonSubgradientRequestMode] = {
    "interval",
    "one_sided",
    "point",
}


def check_evaluate_subgradient_json_subgradient_request_mode(
    value: str,
) -> EvaluateSubgradientJsonSubgradientRequestMode:
    if value in EVALUATE_SUBGRADIENT_JSON_SUBGRADIENT_REQUEST_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EVALUATE_SUBGRADIENT_JSON_SUBGRADIENT_REQUEST_MODE_VALUES!r}"
    )
