from typing import Literal

ReluValueEmulateType0 = Literal["jax", "pytorch", "tensorflow"]

RELU_VALUE_EMULATE_TYPE_0_VALUES: set[ReluValueEmulateType0] = {
    "jax",
    "pytorch",
    "tensorflow",
}


def check_relu_value_emulate_type_0(value: str) -> ReluValueEmulateType0:
    if value in RELU_VALUE_EMULATE_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RELU_VALUE_EMULATE_TYPE_0_VALUES!r}")
