from typing import Literal

EvaluateSubgradientJsonSubgradientRequestConventionType0 = Literal[
    "jax", "left", "midpoint", "pytorch", "right", "tensorflow"
]

EVALUATE_SUBGRADIENT_JSON_SUBGRADIENT_REQUEST_CONVENTION_TYPE_0_VALUES: set[
    EvaluateSubgradientJsonSubgradientRequestConventionType0
] = {
    "jax",
    "left",
    "midpoint",
    "pytorch",
    "right",
    "tensorflow",
}


def check_evaluate_subgradient_json_subgradient_request_convention_type_0(
    value: str,
) -> EvaluateSubgradientJsonSubgradientRequestConventionType0:
    if value in EVALUATE_SUBGRADIENT_JSON_SUBGRADIENT_REQUEST_CONVENTION_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EVALUATE_SUBGRADIENT_JSON_SUBGRADIENT_REQUEST_CONVENTION_TYPE_0_VALUES!r}"
    )
