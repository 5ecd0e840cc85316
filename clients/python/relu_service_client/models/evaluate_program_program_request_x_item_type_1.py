from typing import Literal

EvaluateProgramProgramRequestXItemType1 = Literal["-Infinity", "Infinity", "NaN"]

EVALUATE_PROGRAM_PROGRAM_REQUEST_X_ITEM_TYPE_1_VALUES: set[EvaluateProgramProgramRequestXItemType1] = {
    "-Infinity",
    "Infinity",
    "NaN",
}


def check_evaluate_program_program_request_x_item_type_1(value: str) -> EvaluateProgramProgramRequestXItemType1:
    if value in EVALUATE_PROGRAM_PROGRAM_REQUEST_X_ITEM_TYPE_1_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EVALUATE_PROGRAM_PROGRAM_REQUEST_X_ITEM_TYPE_1_VALUES!r}"
    )
