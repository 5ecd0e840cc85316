from typing import Literal

EvaluateProgramProgramRequestDtype = Literal["float16", "float32", "float64"]

EVALUATE_PROGRAM_PROGRAM_REQUEST_DTYPE_VALUES: set[EvaluateProgramProgramRequestDtype] = {
    "float16",
    "float32",
    "float64",
}


def check_evaluate_program_program_request_dtype(value: str) -> EvaluateProgramProgramRequestDtype:
    if value in EVALUATE_PROGRAM_PROGRAM_REQUEST_DTYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EVALUATE_PROGRAM_PROGRAM_REQUEST_DTYPE_VALUES!r}")
