from typing import Literal

EvaluateSubgradientJsonSubgradientRequestEmulateType0 = Literal["jax", "pytorch", "tensorflow"]

EVALUATE_SUBGRADIENT_JSON_SUBGRADIENT_REQUEST_EMULATE_TYPE_0_VALUES: set[
    EvaluateSubgradientJsonSubgradientRequestEmulateType0
] = {
    "jax",
    "pytorch",
    "tensorflow",
}


def check_evaluate_subgradient_json_subgradient_request_emulate_type_0(
    value: str,
) -> EvaluateSubgradientJsonSubgradientRequestEmulateType0:
    if value in EVALUATE_SUBGRADIENT_JSON_SUBGRADIENT_REQUEST_EMULATE_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EVALUATE_SUBGRADIENT_JSON_SUBGRADIENT_REQUEST_EMULATE_TYPE_0_VALUES!r}"
    )
