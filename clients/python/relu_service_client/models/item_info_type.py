from typing import Literal

ItemInfoType = Literal[
    "interval", "multiple_choice", "numeric", "one_sided_pair", "point_set", "single_choice", "true_false", "vector"
]

ITEM_INFO_TYPE_VALUES: set[ItemInfoType] = {
    "interval",
    "multiple_choice",
    "numeric",
    "one_sided_pair",
    "point_set",
    "single_choice",
    "true_false",
    "vector",
}


def check_item_info_type(value: str) -> ItemInfoType:
    if value in ITEM_INFO_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ITEM_INFO_TYPE_VALUES!r}")
