from typing import Literal

QuizSummaryReveal = Literal["after_answer", "after_finish", "never"]

QUIZ_SUMMARY_REVEAL_VALUES: set[QuizSummaryReveal] = {
    "after_answer",
    "after_finish",
    "never",
}


def check_quiz_summary_reveal(value: str) -> QuizSummaryReveal:
    if value in QUIZ_SUMMARY_REVEAL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {QUIZ_SUMMARY_REVEAL_VALUES!r}")
