from typing import Literal

QuizStateStatus = Literal["expired", "finished", "open"]

QUIZ_STATE_STATUS_VALUES: set[QuizStateStatus] = {
    "expired",
    "finished",
    "open",
}


def check_quiz_state_status(value: str) -> QuizStateStatus:
    if value in QUIZ_STATE_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {QUIZ_STATE_STATUS_VALUES!r}")
