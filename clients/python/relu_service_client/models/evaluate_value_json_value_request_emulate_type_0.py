from typing import Literal

EvaluateValueJsonValueRequestEmulateType0 = Literal["jax", "pytorch", "tensorflow"]

EVALUATE_VALUE_JSON_VALUE_REQUEST_EMULATE_TYPE_0_VALUES: set[EvaluateValueJsonValueRequestEmulateType0] = {
    "jax",
    "pytorch",
    "tensorflow",
}


def check_evaluate_value_json_value_request_emulate_type_0(value: str) -> EvaluateValueJsonValueRequestEmulateType0:
    if value in EVALUATE_VALUE_JSON_VALUE_REQUEST_EMULATE_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EVALUATE_VALUE_JSON_VALUE_REQUEST_EMULATE_TYPE_0_VALUES!r}"
    )
