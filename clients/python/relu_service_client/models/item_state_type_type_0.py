from typing import Literal

ItemStateTypeType0 = Literal[
    "interval", "multiple_choice", "numeric", "one_sided_pair", "point_set", "single_choice", "true_false", "vector"
]

ITEM_STATE_TYPE_TYPE_0_VALUES: set[ItemStateTypeType0] = {
    "interval",
    "multiple_choice",
    "numeric",
    "one_sided_pair",
    "point_set",
    "single_choice",
    "true_false",
    "vector",
}


def check_item_state_type_type_0(value: str) -> ItemStateTypeType0:
    if value in ITEM_STATE_TYPE_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ITEM_STATE_TYPE_TYPE_0_VALUES!r}")
