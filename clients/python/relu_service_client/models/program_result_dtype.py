from typing import Literal

ProgramResultDtype = Literal["float16", "float32", "float64"]

PROGRAM_RESULT_DTYPE_VALUES: set[ProgramResultDtype] = {
    "float16",
    "float32",
    "float64",
}


def check_program_result_dtype(value: str) -> ProgramResultDtype:
    if value in PROGRAM_RESULT_DTYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PROGRAM_RESULT_DTYPE_VALUES!r}")
