from typing import Literal

QuizDefaultsReveal = Literal["after_answer", "after_finish", "never"]

QUIZ_DEFAULTS_REVEAL_VALUES: set[QuizDefaultsReveal] = {
    "after_answer",
    "after_finish",
    "never",
}


def check_quiz_defaults_reveal(value: str) -> QuizDefaultsReveal:
    if value in QUIZ_DEFAULTS_REVEAL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {QUIZ_DEFAULTS_REVEAL_VALUES!r}")
