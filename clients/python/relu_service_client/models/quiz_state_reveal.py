from typing import Literal

QuizStateReveal = Literal["after_answer", "after_finish", "never"]

QUIZ_STATE_REVEAL_VALUES: set[QuizStateReveal] = {
    "after_answer",
    "after_finish",
    "never",
}


def check_quiz_state_reveal(value: str) -> QuizStateReveal:
    if value in QUIZ_STATE_REVEAL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {QUIZ_STATE_REVEAL_VALUES!r}")
