from typing import Literal

ReluSubgradientEmulateType0 = Literal["jax", "pytorch", "tensorflow"]

RELU_SUBGRADIENT_EMULATE_TYPE_0_VALUES: set[ReluSubgradientEmulateType0] = {
    "jax",
    "pytorch",
    "tensorflow",
}


def check_relu_subgradient_emulate_type_0(value: str) -> ReluSubgradientEmulateType0:
    if value in RELU_SUBGRADIENT_EMULATE_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RELU_SUBGRADIENT_EMULATE_TYPE_0_VALUES!r}")
