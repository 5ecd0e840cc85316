from typing import Literal

ReluValueJsonValueRequestEmulateType0 = Literal["jax", "pytorch", "tensorflow"]

RELU_VALUE_JSON_VALUE_REQUEST_EMULATE_TYPE_0_VALUES: set[ReluValueJsonValueRequestEmulateType0] = {
    "jax",
    "pytorch",
    "tensorflow",
}


def check_relu_value_json_value_request_emulate_type_0(value: str) -> ReluValueJsonValueRequestEmulateType0:
    if value in RELU_VALUE_JSON_VALUE_REQUEST_EMULATE_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RELU_VALUE_JSON_VALUE_REQUEST_EMULATE_TYPE_0_VALUES!r}"
    )
