from typing import Literal

SubgradientResponseMode = Literal["interval", "one_sided", "point"]

SUBGRADIENT_RESPONSE_MODE_VALUES: set[SubgradientResponseMode] = {
    "interval",
    "one_sided",
    "point",
}


def check_subgradient_response_mode(value: str) -> SubgradientResponseMode:
    if value in SUBGRADIENT_RESPONSE_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBGRADIENT_RESPONSE_MODE_VALUES!r}")
