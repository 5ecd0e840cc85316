"""Public request and response shapes of the evaluation routes."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict

from service.core.conventions import Convention, Framework
from service.wire.dtypes import DType

Mode = Literal["point", "interval", "one_sided"]
Number = Annotated[float, Strict(), Field(allow_inf_nan=False)]

_NUMBERS_SCHEMA: dict[str, Any] = {
    "description": (
        "A number or a rectangular nested array of numbers, of any rank up to 32. "
        'Non-finite values are the strings "NaN", "Infinity" and "-Infinity".'
    ),
    "anyOf": [
        {"type": "number"},
        {"type": "string", "enum": ["NaN", "Infinity", "-Infinity"]},
        {"type": "array", "items": {}},
    ],
}
Numbers = Annotated[Any, Field(json_schema_extra=_NUMBERS_SCHEMA)]


class ValueOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    dtype: DType = Field("float64", description="element type of the computation and the output")
    params: dict[str, Number] = Field(
        default_factory=dict, description="the function's parameters; defaults where omitted"
    )
    emulate: Framework | None = Field(
        None,
        description=(
            "return what this framework's CPU op and its autodiff return, -0.0, flushed "
            "subnormals and gradients at NaN included, instead of the exact values"
        ),
    )


class SubgradientOptions(ValueOptions):
    mode: Mode = Field(
        "point",
        description=(
            "point: one subgradient per element; interval: the subdifferential [lower, upper]; "
            "one_sided: the left and right derivatives"
        ),
    )
    convention: Convention | None = Field(
        None,
        description="which subgradient to return at a kink (point mode); default pytorch",
    )
    at_kink: Number | None = Field(
        None,
        description=(
            "the subgradient to return at every kink; it must lie in each kink's subdifferential"
        ),
    )


class ValueRequest(ValueOptions):
    x: Numbers

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"x": [-2, -0.0, 0, 1.5, "NaN"], "dtype": "float32"}]},
    )


class SubgradientRequest(SubgradientOptions):
    x: Numbers

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"x": [-1, 0, 1], "convention": "jax"},
                {"x": [[-1, 0], [0, 2]], "mode": "interval"},
            ]
        },
    )


class ReluSubgradientRequest(SubgradientRequest):
    at_zero: Number | None = Field(None, description="alias of at_kink: relu'(0) to use, in [0, 1]")

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"x": [-1, 0, 1], "at_zero": 0.5}]},
    )


class FunctionParamsQuery(BaseModel):
    """Function parameters given in the query string (each function takes its own)."""

    model_config = ConfigDict(extra="forbid")

    negative_slope: float | None = Field(None, description="leaky_relu's slope for x < 0")
    min_val: float | None = Field(None, description="hardtanh's lower level")
    max_val: float | None = Field(None, description="hardtanh's upper level")
    beta: float | None = Field(None, description="softplus's sharpness")

    def given(self) -> dict[str, float]:
        return {
            name: value
            for name in FUNCTION_PARAM_FIELDS
            if (value := getattr(self, name)) is not None
        }


FUNCTION_PARAM_FIELDS = tuple(FunctionParamsQuery.model_fields)


class ValueQuery(FunctionParamsQuery):
    """Options of a binary (.npy or raw) request, which has no JSON body to carry them."""

    dtype: DType | None = Field(
        None, description="raw bodies: element type of the bytes (default float64)"
    )
    shape: str | None = Field(
        None, description='raw bodies: the shape, e.g. "2,3" (default: one axis)'
    )
    emulate: Framework | None = Field(
        None, description="return what this framework's op and its autodiff return"
    )


class SubgradientQuery(ValueQuery):
    mode: Mode | None = Field(None, description="point (default), interval or one_sided")
    convention: Convention | None = Field(
        None, description="the subgradient at kinks in point mode (default pytorch)"
    )
    at_kink: float | None = Field(None, description="an explicit subgradient at every kink")


class ReluSubgradientQuery(SubgradientQuery):
    at_zero: float | None = Field(None, description="alias of at_kink")


class ValueResponse(BaseModel):
    function: str
    params: dict[str, float]
    dtype: DType
    shape: list[int]
    value: Numbers


class SubgradientResponse(BaseModel):
    function: str
    params: dict[str, float]
    dtype: DType
    shape: list[int]
    mode: Mode
    convention: Convention | None = Field(None, description="point mode: the convention used")
    at_kink: float | None = Field(None, description="point mode: the explicit value used")
    subgradient: Numbers = None
    lower: Numbers = None
    upper: Numbers = None
    left: Numbers = None
    right: Numbers = None


class ParamInfo(BaseModel):
    name: str
    default: float
    description: str
    minimum: float | None
    maximum: float | None
    exclusive_minimum: bool
    exclusive_maximum: bool
    range: str


class KinkInfo(BaseModel):
    x: float
    value: float
    left_limit: float
    right_limit: float
    left_derivative: float | None = Field(description="null where it does not exist")
    right_derivative: float | None = Field(description="null where it does not exist")
    continuous: bool
    differentiable: bool
    subdifferential: tuple[float, float] | None = Field(
        description="[lower, upper]; null where the function is not continuous"
    )
    conventions: dict[str, float | None] = Field(
        description="the subgradient each convention returns here; null where none applies"
    )
    note: str


class PresetInfo(BaseModel):
    op: str | None = Field(description="the framework op imitated; null when it has none")
    notes: list[str]


class FunctionInfo(BaseModel):
    name: str
    title: str
    formula: str
    latex: str
    convex: bool
    params: list[ParamInfo]
    param_values: dict[str, float]
    kinks: list[KinkInfo]
    presets: dict[Framework, PresetInfo]


class Dot(BaseModel):
    x: float
    y: float
    filled: bool = Field(description="a point of the graph; an open dot is a limit not taken")


class Segment(BaseModel):
    x: float
    lower: float
    upper: float


class Graph(BaseModel):
    """A graph as a plot draws it: polylines of [x, y] points, dots, and vertical segments
    (a subdifferential, both ends included)."""

    lo: float = Field(description="the left end of the x range")
    hi: float = Field(description="the right end of the x range")
    pieces: list[list[tuple[float, float]]]
    dots: list[Dot]
    segments: list[Segment]


class FunctionGraphs(BaseModel):
    function: Graph = Field(description="f, with a filled dot at each jump's value")
    subgradient: Graph = Field(
        description="f' where it exists, and the subdifferential at each kink as a segment"
    )
