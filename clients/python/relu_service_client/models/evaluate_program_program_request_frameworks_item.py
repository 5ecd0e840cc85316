from typing import Literal

EvaluateProgramProgramRequestFrameworksItem = Literal["jax", "pytorch", "tensorflow"]

EVALUATE_PROGRAM_PROGRAM_REQUEST_FRAMEWORKS_ITEM_VALUES: set[EvaluateProgramProgramRequestFrameworksItem] = {
    "jax",
    "pytorch",
    "tensorflow",
}


def check_evaluate_program_program_request_frameworks_item(value: str) -> EvaluateProgramProgramRequestFrameworksItem:
    if value in EVALUATE_PROGRAM_PROGRAM_REQUEST_FRAMEWORKS_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EVALUATE_PROGRAM_PROGRAM_REQUEST_FRAMEWORKS_ITEM_VALUES!r}"
    )
