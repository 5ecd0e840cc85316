from typing import Literal

ListLtiGradesStatusType0 = Literal["failed", "pending", "sent"]

LIST_LTI_GRADES_STATUS_TYPE_0_VALUES: set[ListLtiGradesStatusType0] = {
    "failed",
    "pending",
    "sent",
}


def check_list_lti_grades_status_type_0(value: str) -> ListLtiGradesStatusType0:
    if value in LIST_LTI_GRADES_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_LTI_GRADES_STATUS_TYPE_0_VALUES!r}")
