"""The function catalogue: ReLU and its piecewise relatives, as pure numpy.

Every function declares its parameters, its kinks (the points where the formula
changes piece) and, at each kink, the one-sided limits and derivatives that the
evaluators and the quiz derive everything else from.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from service.core import softplus
from service.core.errors import Invalid

Array = npt.NDArray[np.floating]
Params = Mapping[str, float]


class UnknownFunction(LookupError):
    def __init__(self, name: str) -> None:
        super().__init__(f"no function named {name!r}; known: {', '.join(CATALOGUE)}")
        self.name = name


@dataclass(frozen=True)
class Param:
    name: str
    default: float
    description: str
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: bool = False
    exclusive_maximum: bool = False

    def range_text(self) -> str:
        low = (
            "(-inf"
            if self.minimum is None
            else ("(" if self.exclusive_minimum else "[") + f"{self.minimum:g}"
        )
        high = (
            "inf)"
            if self.maximum is None
            else f"{self.maximum:g}" + (")" if self.exclusive_maximum else "]")
        )
        return f"{low}, {high}"

    def check(self, value: float) -> None:
        too_low = self.minimum is not None and (
            value < self.minimum or (self.exclusive_minimum and value == self.minimum)
        )
        too_high = self.maximum is not None and (
            value > self.maximum or (self.exclusive_maximum and value == self.maximum)
        )
        if not math.isfinite(value) or too_low or too_high:
            raise Invalid(
                f"{self.name} must be a finite number in {self.range_text()}, got {value!r}",
                ("params", self.name),
            )


@dataclass(frozen=True)
class Kink:
    """A point where the formula changes piece, with its one-sided behaviour.

    A derivative is None where it does not exist (a jump makes the one-sided
    difference quotient diverge).
    """

    x: float
    value: float
    left_limit: float
    right_limit: float
    left_derivative: float | None
    right_derivative: float | None
    note: str = ""

    @property
    def continuous(self) -> bool:
        return self.left_limit == self.value == self.right_limit

    @property
    def differentiable(self) -> bool:
        return (
            self.continuous
            and self.left_derivative is not None
            and self.left_derivative == self.right_derivative
        )

    @property
    def subdifferential(self) -> tuple[float, float] | None:
        """The Clarke subdifferential: the interval between the one-sided derivatives."""
        left, right = self.left_derivative, self.right_derivative
        if not self.continuous or left is None or right is None:
            return None
        return (min(left, right), max(left, right))


def _cut(c: float, dtype: np.dtype[np.floating]) -> np.floating:
    """A comparison scalar that is exact for `x <op> c` whatever x's dtype.

    When c is representable in the array's dtype the comparison stays in that
    dtype (fast); otherwise it is done in float64 so a value near c is never
    moved onto c by rounding (nor is a c beyond the dtype's range a warning).
    """
    with np.errstate(over="ignore"):
        narrow = dtype.type(c)
    return narrow if float(narrow) == c else np.float64(c)


class Function(ABC):
    name: str
    title: str
    formula: str
    latex: str
    convex: bool
    params: tuple[Param, ...] = ()

    def resolve(self, given: Mapping[str, float] | None = None) -> dict[str, float]:
        """Defaults filled in, every value range-checked, unknown names refused."""
        given = dict(given or {})
        known = {p.name: p for p in self.params}
        for name in given:
            if name not in known:
                accepted = ", ".join(known) or "none"
                raise Invalid(
                    f"{self.name} has no parameter {name!r} (parameters: {accepted})",
                    ("params", name),
                )
        resolved: dict[str, float] = {}
        for param in self.params:
            value = given.get(param.name, param.default)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise Invalid(f"{param.name} must be a number", ("params", param.name))
            param.check(float(value))
            resolved[param.name] = float(value)
        self.check_together(resolved)
        return resolved

    def check_together(self, params: Params) -> None:  # noqa: B027 - an optional hook
        """Constraints between parameters; none by default."""

    @abstractmethod
    def kinks(self, params: Params) -> tuple[Kink, ...]: ...

    @abstractmethod
    def value(self, x: Array, params: Params, out: Array | None = None) -> Array:
        """f(x) in x's dtype; NaN stays NaN and infinities follow the limit.

        May reuse `out` (which may be x itself) and returns the result either way.
        """

    @abstractmethod
    def derivative(self, x: Array, params: Params) -> Array:
        """f'(x) for every x that is not a kink (values at kinks are overwritten)."""


class ReLU(Function):
    name = "relu"
    title = "Rectified linear unit"
    formula = "max(0, x)"
    latex = r"\max(0, x)"
    convex = True

    def kinks(self, params: Params) -> tuple[Kink, ...]:
        return (Kink(0.0, 0.0, 0.0, 0.0, 0.0, 1.0),)

    def value(self, x: Array, params: Params, out: Array | None = None) -> Array:
        return np.maximum(x, 0, out=out)

    def derivative(self, x: Array, params: Params) -> Array:
        return (x > 0).astype(x.dtype)


class LeakyReLU(Function):
    name = "leaky_relu"
    title = "Leaky ReLU"
    formula = "x if x >= 0 else negative_slope * x"
    latex = r"\begin{cases} x & x \ge 0 \\ \alpha x & x < 0 \end{cases}"
    convex = True
    params = (
        Param(
            "negative_slope",
            0.01,
            "slope alpha for x < 0",
            minimum=0.0,
            maximum=1.0,
            exclusive_maximum=True,
        ),
    )

    def kinks(self, params: Params) -> tuple[Kink, ...]:
        return (Kink(0.0, 0.0, 0.0, 0.0, params["negative_slope"], 1.0),)

    def value(self, x: Array, params: Params, out: Array | None = None) -> Array:
        slope = params["negative_slope"]
        if slope == 0.0:  # 0 * -inf would be NaN; the limit is 0
            return np.maximum(x, 0, out=out)
        # slope x with the float64 slope, rounded once to x's dtype (float32(slope) would round
        # twice); as 0 < slope < 1, max(x, slope x) picks x for x >= 0 and slope x below
        scaled = np.multiply(x, slope, out=np.empty_like(x), dtype=np.float64, casting="same_kind")
        return np.maximum(x, scaled, out=scaled if out is None else out)

    def derivative(self, x: Array, params: Params) -> Array:
        # each slope rounded once to x's dtype, looked up (a branch per element is slower)
        slopes = np.array([1.0, params["negative_slope"]], dtype=x.dtype)
        negative = np.asarray(x < 0).view(np.uint8)
        return slopes.take(negative, out=np.empty_like(x), mode="clip")


class ReLU6(Function):
    name = "relu6"
    title = "ReLU6"
    formula = "min(max(0, x), 6)"
    latex = r"\min(\max(0, x), 6)"
    convex = False

    def kinks(self, params: Params) -> tuple[Kink, ...]:
        return (
            Kink(0.0, 0.0, 0.0, 0.0, 0.0, 1.0),
            Kink(6.0, 6.0, 6.0, 6.0, 1.0, 0.0),
        )

    def value(self, x: Array, params: Params, out: Array | None = None) -> Array:
        return np.clip(x, 0, 6, out=out)

    def derivative(self, x: Array, params: Params) -> Array:
        return ((x > 0) & (x < 6)).astype(x.dtype)


class HardTanh(Function):
    name = "hardtanh"
    title = "Hard tanh"
    formula = "min(max(x, min_val), max_val)"
    latex = r"\min(\max(x, a), b)"
    convex = False
    params = (
        Param("min_val", -1.0, "lower saturation level a", minimum=-1e6, maximum=1e6),
        Param("max_val", 1.0, "upper saturation level b", minimum=-1e6, maximum=1e6),
    )

    def check_together(self, params: Params) -> None:
        if not params["min_val"] < params["max_val"]:
            raise Invalid(
                f"min_val must be below max_val, got {params['min_val']:g} >= "
                f"{params['max_val']:g}",
                ("params", "min_val"),
            )

    def kinks(self, params: Params) -> tuple[Kink, ...]:
        low, high = params["min_val"], params["max_val"]
        return (
            Kink(low, low, low, low, 0.0, 1.0),
            Kink(high, high, high, high, 1.0, 0.0),
        )

    def value(self, x: Array, params: Params, out: Array | None = None) -> Array:
        low, high = x.dtype.type(params["min_val"]), x.dtype.type(params["max_val"])
        return np.clip(x, low, high, out=out)

    def derivative(self, x: Array, params: Params) -> Array:
        low, high = _cut(params["min_val"], x.dtype), _cut(params["max_val"], x.dtype)
        return ((x > low) & (x < high)).astype(x.dtype)


class Abs(Function):
    name = "abs"
    title = "Absolute value"
    formula = "|x|"
    latex = r"|x|"
    convex = True

    def kinks(self, params: Params) -> tuple[Kink, ...]:
        return (Kink(0.0, 0.0, 0.0, 0.0, -1.0, 1.0),)

    def value(self, x: Array, params: Params, out: Array | None = None) -> Array:
        return np.abs(x, out=out)

    def derivative(self, x: Array, params: Params) -> Array:
        return np.sign(x)


class Step(Function):
    name = "step"
    title = "Heaviside step"
    formula = "0 if x <= 0 else 1"
    latex = r"H(x) = \begin{cases} 0 & x \le 0 \\ 1 & x > 0 \end{cases}"
    convex = False

    def kinks(self, params: Params) -> tuple[Kink, ...]:
        note = (
            "the function jumps from 0 to 1 at 0, so it is not continuous there: "
            "the right difference quotient (1 - 0)/h diverges, nothing is a subgradient, "
            "and every point or interval derivative output at 0 is NaN"
        )
        return (Kink(0.0, 0.0, 0.0, 1.0, 0.0, None, note),)

    def value(self, x: Array, params: Params, out: Array | None = None) -> Array:
        return np.heaviside(x, x.dtype.type(0), out=out)

    def derivative(self, x: Array, params: Params) -> Array:
        return np.zeros_like(x)


class Softplus(Function):
    name = "softplus"
    title = "Softplus"
    formula = "log(1 + exp(beta * x)) / beta"
    latex = r"\frac{1}{\beta}\log\left(1 + e^{\beta x}\right)"
    convex = True
    params = (
        Param("beta", 1.0, "sharpness beta", minimum=0.0, maximum=1e6, exclusive_minimum=True),
    )

    def kinks(self, params: Params) -> tuple[Kink, ...]:
        return ()

    def value(self, x: Array, params: Params, out: Array | None = None) -> Array:
        return softplus.value(x, params["beta"])  # wider and rounded once: see the module

    def derivative(self, x: Array, params: Params) -> Array:
        return softplus.slope(x, params["beta"])


class SquaredReLU(Function):
    name = "squared_relu"
    title = "Squared ReLU"
    formula = "max(0, x)^2"
    latex = r"\max(0, x)^2"
    convex = True

    def kinks(self, params: Params) -> tuple[Kink, ...]:
        note = (
            "a breakpoint, not a kink of the graph: both one-sided derivatives are 0, so "
            "the function is differentiable (C1) there; only the second derivative jumps"
        )
        return (Kink(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, note),)

    def value(self, x: Array, params: Params, out: Array | None = None) -> Array:
        positive = np.maximum(x, 0, out=out)
        return np.multiply(positive, positive, out=positive)

    def derivative(self, x: Array, params: Params) -> Array:
        return 2 * np.maximum(x, 0)


CATALOGUE: dict[str, Function] = {
    f.name: f
    for f in (ReLU(), LeakyReLU(), ReLU6(), HardTanh(), Abs(), Step(), Softplus(), SquaredReLU())
}


def get_function(name: str) -> Function:
    try:
        return CATALOGUE[name]
    except KeyError:
        raise UnknownFunction(name) from None
