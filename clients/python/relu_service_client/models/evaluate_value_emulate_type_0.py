from typing import Literal

EvaluateValueEmulateType0 = Literal["jax", "pytorch", "tensorflow"]

EVALUATE_VALUE_EMULATE_TYPE_0_VALUES: set[EvaluateValueEmulateType0] = {
    "jax",
    "pytorch",
    "tensorflow",
}


def check_evaluate_value_emulate_type_0(value: str) -> EvaluateValueEmulateType0:
    if value in EVALUATE_VALUE_EMULATE_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EVALUATE_VALUE_EMULATE_TYPE_0_VALUES!r}")
