from typing import Literal

PracticeNextReason = Literal["diagnostic", "misconception", "practice", "review"]

PRACTICE_NEXT_REASON_VALUES: set[PracticeNextReason] = {
    "diagnostic",
    "misconception",
    "practice",
    "review",
}


def check_practice_next_reason(value: str) -> PracticeNextReason:
    if value in PRACTICE_NEXT_REASON_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PRACTICE_NEXT_REASON_VALUES!r}")
