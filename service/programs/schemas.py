"""Public request and response shapes of the program explorer."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict

from service.core.programs.syntax import MAX_LENGTH
from service.wire.dtypes import DType

MAX_POINTS = 10_000
# Calls of the frameworks' transcendental kernels (and powers) times the points: their bit-for-bit
# emulation costs up to a few microseconds per element and framework, so a request stays under
# about half a second.
MAX_KERNEL_POINTS = 40_000
FrameworkName = Literal["pytorch", "jax", "tensorflow"]
FRAMEWORK_NAMES: tuple[FrameworkName, ...] = ("pytorch", "jax", "tensorflow")
# A number (never a bool or a numeric string) or one of the three words, as on every /v1 route
Point = (
    Annotated[float, Strict(), Field(allow_inf_nan=False)] | Literal["NaN", "Infinity", "-Infinity"]
)
Numbers = Annotated[
    list[float | str | None],
    Field(description='numbers; non-finite ones are "NaN", "Infinity" and "-Infinity"'),
]


class ProgramRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"program": "relu(x) - relu(-x)", "x": [-1, 0, 1]}]},
    )

    program: str = Field(
        max_length=MAX_LENGTH,
        description="one expression in x, e.g. relu(x) - relu(-x); see GET /v1/programs/examples. "
        "Its calls of exp, log, sin, cos, sqrt, softplus and powers times the points are at "
        f"most {MAX_KERNEL_POINTS:,}",
    )
    x: list[Point] = Field(min_length=1, max_length=MAX_POINTS, description="the points")
    dtype: DType = Field("float64", description="element type of x and of every output")
    frameworks: list[FrameworkName] = Field(
        default_factory=lambda: list(FRAMEWORK_NAMES),
        description="whose autodiff to run",
    )


class FrameworkResult(BaseModel):
    ops: str | None = Field(description="the program written with the framework's ops")
    value: Numbers | None = Field(description="the framework's forward value")
    derivative: Numbers | None = Field(description="what its reverse-mode autodiff returns")
    in_subdifferential: list[bool | None] | None = Field(
        description="whether the derivative lies in [lower, upper]; null where there is none"
    )
    error: str | None = Field(description="why there is no result (no op, no derivative)")


class ProgramResult(BaseModel):
    program: str = Field(description="the program's canonical text")
    dtype: DType
    x: Numbers
    value: Numbers = Field(description="the true value")
    left: Numbers = Field(description="the true left derivative; NaN where none exists")
    right: Numbers = Field(description="the true right derivative; NaN where none exists")
    lower: Numbers = Field(description="the Clarke subdifferential's lower end")
    upper: Numbers = Field(description="the Clarke subdifferential's upper end")
    frameworks: dict[FrameworkName, FrameworkResult]


class ExampleInfo(BaseModel):
    name: str
    program: str
    shows: str
