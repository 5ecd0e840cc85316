from typing import Literal

TopicProgressMastery = Literal["mastered", "not started", "practising", "proficient"]

TOPIC_PROGRESS_MASTERY_VALUES: set[TopicProgressMastery] = {
    "mastered",
    "not started",
    "practising",
    "proficient",
}


def check_topic_progress_mastery(value: str) -> TopicProgressMastery:
    if value in TOPIC_PROGRESS_MASTERY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TOPIC_PROGRESS_MASTERY_VALUES!r}")
