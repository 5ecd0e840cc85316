from typing import Literal

QuizCreateRevealType0 = Literal["after_answer", "after_finish", "never"]

QUIZ_CREATE_REVEAL_TYPE_0_VALUES: set[QuizCreateRevealType0] = {
    "after_answer",
    "after_finish",
    "never",
}


def check_quiz_create_reveal_type_0(value: str) -> QuizCreateRevealType0:
    if value in QUIZ_CREATE_REVEAL_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {QUIZ_CREATE_REVEAL_TYPE_0_VALUES!r}")
