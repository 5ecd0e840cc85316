from typing import Literal

PracticeCreatedReveal = Literal["after_answer", "after_finish", "never"]

PRACTICE_CREATED_REVEAL_VALUES: set[PracticeCreatedReveal] = {
    "after_answer",
    "after_finish",
    "never",
}


def check_practice_created_reveal(value: str) -> PracticeCreatedReveal:
    if value in PRACTICE_CREATED_REVEAL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PRACTICE_CREATED_REVEAL_VALUES!r}")
