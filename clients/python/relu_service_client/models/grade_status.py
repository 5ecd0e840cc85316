from typing import Literal

GradeStatus = Literal["failed", "pending", "sent"]

GRADE_STATUS_VALUES: set[GradeStatus] = {
    "failed",
    "pending",
    "sent",
}


def check_grade_status(value: str) -> GradeStatus:
    if value in GRADE_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GRADE_STATUS_VALUES!r}")
