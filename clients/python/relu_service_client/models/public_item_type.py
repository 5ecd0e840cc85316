from typing import Literal

PublicItemType = Literal[
    "interval", "multiple_choice", "numeric", "one_sided_pair", "point_set", "single_choice", "true_false", "vector"
]

PUBLIC_ITEM_TYPE_VALUES: set[PublicItemType] = {
    "interval",
    "multiple_choice",
    "numeric",
    "one_sided_pair",
    "point_set",
    "single_choice",
    "true_false",
    "vector",
}


def check_public_item_type(value: str) -> PublicItemType:
    if value in PUBLIC_ITEM_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PUBLIC_ITEM_TYPE_VALUES!r}")
