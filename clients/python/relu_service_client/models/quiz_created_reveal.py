from typing import Literal

QuizCreatedReveal = Literal["after_answer", "after_finish", "never"]

QUIZ_CREATED_REVEAL_VALUES: set[QuizCreatedReveal] = {
    "after_answer",
    "after_finish",
    "never",
}


def check_quiz_created_reveal(value: str) -> QuizCreatedReveal:
    if value in QUIZ_CREATED_REVEAL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {QUIZ_CREATED_REVEAL_VALUES!r}")
