"""Generated item families: variants drawn from a seed, keys computed from the catalogue.

Every key below is derived from the catalogue's kinks, derivatives and framework
presets, never typed in; each variant also states the numeric facts its key rests
on, which the test suite checks with one-sided difference quotients on many seeds.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np

from service.core import evaluate
from service.core.catalogue import CATALOGUE, Kink
from service.core.conventions import FRAMEWORKS, Framework, kink_values
from service.quiz.core.answers import (
    Interval,
    Numeric,
    OneSidedPair,
    PointSet,
    Response,
    Tolerance,
    TrueFalse,
    Vector,
)
from service.quiz.core.items import Alternative, Evidence, FunctionRef, Item

Params = Mapping[str, float]
FRAMEWORK_NAMES = {"pytorch": "PyTorch", "jax": "JAX", "tensorflow": "TensorFlow"}


@dataclass(frozen=True)
class Fact:
    """A numeric claim a key rests on, checked by difference quotients in the test suite."""

    kind: str  # "value", "left_derivative", "right_derivative" or "derivative"
    x: float
    value: float | None  # None: does not exist


@dataclass(frozen=True)
class Variant:
    item: Item
    f: Callable[[float], float]
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class Draft:
    """What a family's generator returns; the family adds its id, version and metadata."""

    stem: str
    key: Response
    explanation: str
    f: Callable[[float], float]
    facts: tuple[Fact, ...] = ()
    alternatives: tuple[Alternative, ...] = ()
    feedback: Mapping[str, str] | None = None
    function: FunctionRef | None = None
    evidence_at: float | None = None
    tolerance: Tolerance = field(default_factory=Tolerance)


@dataclass(frozen=True)
class Family:
    id: str
    version: int
    topics: tuple[str, ...]
    difficulty: int
    type: str
    draft: Callable[[random.Random], Draft]

    def generate(self, seed: int) -> Variant:
        """The variant for this seed; the same (id, seed) always gives the same variant."""
        d = self.draft(random.Random(f"{self.id}/{seed}"))
        item = Item(
            id=self.id,
            version=self.version,
            topics=self.topics,
            difficulty=self.difficulty,
            type=self.type,
            stem=d.stem,
            key=d.key,
            explanation=d.explanation,
            alternatives=d.alternatives,
            feedback=dict(d.feedback or {}),
            tolerance=d.tolerance,
            function=d.function,
            evidence=Evidence(d.f, d.evidence_at) if d.evidence_at is not None else None,
            length=len(d.key.values) if isinstance(d.key, Vector) else None,
        )
        return Variant(item, d.f, d.facts)


# --- the catalogue, as the families use it ----------------------------------------------


def value(name: str, x: float, params: Params | None = None) -> float:
    fn = CATALOGUE[name]
    return float(evaluate.value(fn, np.array([x], dtype=np.float64), fn.resolve(params))[0])


def derivative(name: str, x: float, params: Params | None = None) -> float:
    """f'(x) away from kinks (at a kink, the left derivative: callers avoid kinks)."""
    fn = CATALOGUE[name]
    resolved = fn.resolve(params)
    return float(evaluate.one_sided(fn, np.array([x], dtype=np.float64), resolved)[0][0])


def kink(name: str, index: int = 0, params: Params | None = None) -> Kink:
    fn = CATALOGUE[name]
    return fn.kinks(fn.resolve(params))[index]


def sides(at: Kink) -> tuple[float, float]:
    """The one-sided derivatives at a kink where both exist."""
    assert at.left_derivative is not None
    assert at.right_derivative is not None
    return at.left_derivative, at.right_derivative


RELU = kink("relu")
RELU_LEFT, RELU_RIGHT = sides(RELU)


def n(x: float) -> str:
    """A number as a stem shows it."""
    return f"{x:g}"


def signed(x: float) -> str:
    return f"+ {n(x)}" if x >= 0 else f"- {n(-x)}"


def plus(b: float) -> str:
    """+ b as a stem shows it, or nothing for 0."""
    return "" if b == 0 else " " + signed(b)


def shifted(c: float) -> str:
    """x - c, as a stem shows it."""
    return "x" if c == 0 else f"x {signed(-c)}"


def max0(c: float) -> str:
    return "\\max(0, " + shifted(c) + ")"


def paren(c: float) -> str:
    return "(" + shifted(c) + ")"


def bars(c: float) -> str:
    return "|" + shifted(c) + "|"


def wiggle(b: float) -> str:
    return "x^2 \\sin(" + n(b) + "/x)"


def times(a: float, what: str) -> str:
    """a * what, as a stem shows it: x, -x, 2x, 0."""
    if a == 0:
        return "0"
    if a == 1:
        return what
    if a == -1:
        return f"-{what}"
    return f"{n(a)}{what}"


# --- the families -----------------------------------------------------------------------


def _shifted_relu(rng: random.Random) -> tuple[float, float, float, Callable[[float], float]]:
    a = rng.choice([-3, -2, -1, -0.5, 0.5, 2, 3, 4])
    c = rng.choice([-2, -1, -0.5, 0.5, 1, 2, 3])
    b = rng.choice([-1, 0, 1, 2])
    return a, c, b, lambda x: a * value("relu", x - c) + b


def shifted_relu_one_sided(rng: random.Random) -> Draft:
    a, c, b, f = _shifted_relu(rng)
    # + 0.0: a negative a times a zero slope is -0.0, which a key should not show.
    left = a * RELU_LEFT + 0.0
    right = a * RELU_RIGHT + 0.0
    return Draft(
        stem=(
            f"Let $f(x) = {times(a, max0(c))}{plus(b)}$. Give the left and right "
            f"derivatives of $f$ at $x = {n(c)}$."
        ),
        key=OneSidedPair(left, right),
        explanation=(
            f"Left of {n(c)} the function is the constant {n(b)}, so the left derivative is "
            f"{n(left)}; right of it $f(x) = {times(a, paren(c))}{plus(b)}$, "
            f"slope {n(right)}."
        ),
        f=f,
        facts=(Fact("left_derivative", c, left), Fact("right_derivative", c, right)),
        alternatives=(Alternative(OneSidedPair(b, b), 0.0, "value-for-derivative"),),
        evidence_at=c,
    )


def shifted_relu_subdifferential(rng: random.Random) -> Draft:
    a = rng.choice([0.5, 1.5, 2, 3, 5])
    c = rng.choice([-2, -1, 0.5, 1, 2])
    sub = RELU.subdifferential
    assert sub is not None
    lower, upper = a * sub[0], a * sub[1]
    return Draft(
        stem=(
            f"Let $f(x) = {times(a, max0(c))}$, a convex function. Give its "
            f"subdifferential $\\partial f({n(c)})$ as an interval."
        ),
        key=Interval(lower, upper),
        explanation=(
            f"At $x = {n(c)}$ the one-sided derivatives are {n(lower)} and {n(upper)}; every slope "
            f"between them supports the graph, so $\\partial f({n(c)}) = [{n(lower)}, {n(upper)}]$."
        ),
        f=lambda x: a * value("relu", x - c),
        facts=(Fact("left_derivative", c, lower), Fact("right_derivative", c, upper)),
        alternatives=(
            Alternative(Interval(lower, upper, False, False), 0.5, "subdifferential-open"),
            Alternative(Interval(lower, lower), 0.0, "subgradient-unique"),
            Alternative(Interval(upper, upper), 0.0, "subgradient-unique"),
        ),
    )


def leaky_relu_subdifferential(rng: random.Random) -> Draft:
    slope = rng.choice([0.01, 0.02, 0.05, 0.1, 0.2, 0.3])
    params = {"negative_slope": slope}
    at = kink("leaky_relu", params=params)
    assert at.subdifferential is not None
    lower, upper = at.subdifferential
    return Draft(
        stem=(
            f"Leaky ReLU with negative slope $\\alpha = {n(slope)}$ is $x$ for $x \\ge 0$ and "
            f"$\\alpha x$ for $x < 0$. Give its subdifferential at $x = 0$ as an interval."
        ),
        key=Interval(lower, upper),
        explanation=(
            f"The left derivative at 0 is $\\alpha = {n(lower)}$ and the right derivative is "
            f"{n(upper)}; the subdifferential of this convex function is the closed interval "
            "between them."
        ),
        f=lambda x: value("leaky_relu", x, params),
        facts=(Fact("left_derivative", 0, lower), Fact("right_derivative", 0, upper)),
        alternatives=(
            Alternative(Interval(0, 1), 0.25, None),
            Alternative(Interval(lower, upper, False, False), 0.5, "subdifferential-open"),
        ),
        feedback={"incorrect": "Compute the two one-sided derivatives at 0 first."},
        function=FunctionRef("leaky_relu", params),
    )


def abs_shift_one_sided(rng: random.Random) -> Draft:
    k = rng.choice([0.5, 1, 2, 3])
    c = rng.choice([-3, -1, 0, 1, 2.5])
    abs_left, abs_right = sides(kink("abs"))
    left, right = k * abs_left, k * abs_right
    return Draft(
        stem=(
            f"Give the left and right derivatives of $f(x) = {times(k, bars(c))}$ at $x = {n(c)}$."
        ),
        key=OneSidedPair(left, right),
        explanation=(
            f"Left of {n(c)}, $f(x) = {times(-k, paren(c))}$ with slope {n(left)}; right of it the "
            f"slope is {n(right)}. They differ, so $f$ has no derivative at {n(c)}."
        ),
        f=lambda x: k * value("abs", x - c),
        facts=(Fact("left_derivative", c, left), Fact("right_derivative", c, right)),
        alternatives=(Alternative(OneSidedPair(None, None), 0.0, "kink-missed"),),
        evidence_at=c,
        function=FunctionRef("abs") if k == 1 and c == 0 else None,
    )


def max_of_lines(rng: random.Random) -> Draft:
    a, b = rng.sample([-2, -1, -0.5, 0, 0.5, 1, 2, 3], 2)
    low, high = min(a, b), max(a, b)
    # max(ax, bx) = low x + (high - low) relu(x)
    left = low + (high - low) * RELU_LEFT
    right = low + (high - low) * RELU_RIGHT
    return Draft(
        stem=(
            f"Give the left and right derivatives of $f(x) = \\max({times(a, 'x')}, "
            f"{times(b, 'x')})$ "
            "at $x = 0$."
        ),
        key=OneSidedPair(left, right),
        explanation=(
            f"For $x < 0$ the larger of the two is ${times(low, 'x')}$ (multiplying by a "
            "negative $x$ "
            f"flips the order), for $x > 0$ it is ${times(high, 'x')}$: slopes {n(left)} and "
            f"{n(right)}."
        ),
        f=lambda x: max(a * x, b * x),
        facts=(Fact("left_derivative", 0, left), Fact("right_derivative", 0, right)),
        alternatives=(Alternative(OneSidedPair(high, high), 0.0, None),),
        evidence_at=0,
    )


def _kinks_of(name: str, params: Params, shift: float = 0.0) -> tuple[float, ...]:
    fn = CATALOGUE[name]
    return tuple(k.x + shift for k in fn.kinks(fn.resolve(params)) if not k.differentiable)


def relu6_kinks(rng: random.Random) -> Draft:
    c = rng.choice([-4, -2, 0, 1, 3])
    points = _kinks_of("relu6", {}, c)
    return Draft(
        stem=(
            f"$f(x) = \\min(\\max(0, {shifted(c)}), 6)$ is ReLU6 shifted by {n(c)}. List every "
            "point where $f$ is not differentiable."
        ),
        key=PointSet(points),
        explanation=(
            f"The pieces meet at $x = {n(points[0])}$ (slopes 0 and 1) and $x = {n(points[1])}$ "
            "(slopes 1 and 0); everywhere else $f$ is linear."
        ),
        f=lambda x: value("relu6", x - c),
        facts=tuple(
            fact
            for p, (left, right) in zip(points, ((0.0, 1.0), (1.0, 0.0)), strict=True)
            for fact in (Fact("left_derivative", p, left), Fact("right_derivative", p, right))
        ),
        alternatives=(
            Alternative(PointSet(points[:1]), 0.5, "kink-missed"),
            Alternative(PointSet(points[1:]), 0.5, "kink-missed"),
        ),
        function=FunctionRef("relu6") if c == 0 else None,
    )


def hardtanh_kinks(rng: random.Random) -> Draft:
    low = rng.choice([-3, -2, -1, -0.5])
    high = rng.choice([0.5, 1, 2, 4])
    params = {"min_val": low, "max_val": high}
    points = _kinks_of("hardtanh", params)
    return Draft(
        stem=(
            f"$\\operatorname{{hardtanh}}(x) = \\min(\\max(x, {n(low)}), {n(high)})$. List "
            "every point "
            "where it is not differentiable."
        ),
        key=PointSet(points),
        explanation=(
            f"The slope is 0 below {n(low)}, 1 between the levels and 0 above {n(high)}: it "
            "changes "
            f"at $x = {n(low)}$ and $x = {n(high)}$ only."
        ),
        f=lambda x: value("hardtanh", x, params),
        facts=(
            Fact("left_derivative", low, 0.0),
            Fact("right_derivative", low, 1.0),
            Fact("left_derivative", high, 1.0),
            Fact("right_derivative", high, 0.0),
        ),
        alternatives=(
            Alternative(PointSet((low,)), 0.5, "kink-missed"),
            Alternative(PointSet((high,)), 0.5, "kink-missed"),
            Alternative(PointSet((low, 0.0, high)), 0.5, "smooth-point-included"),
        ),
        function=FunctionRef("hardtanh", params),
    )


def step_continuity(rng: random.Random) -> Draft:
    c = rng.choice([-2, -1, 0, 1, 3])
    at_jump = rng.random() < 0.6
    x0 = c if at_jump else c + rng.choice([-1.5, -0.5, 0.5, 2])
    jump = kink("step")
    continuous = jump.continuous if at_jump else True
    return Draft(
        stem=(
            f"$H(x)$ is the Heaviside step: 0 for $x \\le 0$ and 1 for $x > 0$. Is "
            f"$f(x) = H({shifted(c)})$ continuous at $x = {n(x0)}$?"
        ),
        key=TrueFalse(continuous),
        explanation=(
            f"At $x = {n(c)}$ the left limit is {n(jump.left_limit)} and the right limit is "
            f"{n(jump.right_limit)}: a jump, so $f$ is not continuous there. Everywhere else "
            "$f$ is "
            "constant near the point, hence continuous."
        ),
        f=lambda x: value("step", x - c),
        facts=(Fact("value", x0, value("step", x0 - c)),),
        alternatives=(
            (Alternative(TrueFalse(True), 0.0, "limit-is-value"),)
            if at_jump
            else (Alternative(TrueFalse(False), 0.0, None),)
        ),
        function=FunctionRef("step") if c == 0 else None,
    )


def squared_relu_derivative(rng: random.Random) -> Draft:
    x0 = rng.choice([0, 0, 0, -1, 0.5, 1.5, 2])
    slope = derivative("squared_relu", x0) if x0 != 0 else kink("squared_relu").right_derivative
    assert slope is not None
    return Draft(
        stem=(
            f"What is the derivative of $f(x) = \\max(0, x)^2$ at $x = {n(x0)}$? "
            '("does not exist" if it does not)'
        ),
        key=Numeric(slope),
        explanation=(
            "$f'(x) = 2\\max(0, x)$ for $x \\ne 0$, and at 0 both one-sided derivatives are 0, so "
            f"$f$ is differentiable everywhere (C1): $f'({n(x0)}) = {n(slope)}$."
        ),
        f=lambda x: value("squared_relu", x),
        facts=(Fact("derivative", x0, slope),),
        alternatives=(
            Alternative(Numeric(None), 0.0, "smooth-point-included"),
            Alternative(Numeric(value("squared_relu", x0)), 0.0, "value-for-derivative"),
        )
        if value("squared_relu", x0) != slope
        else (Alternative(Numeric(None), 0.0, "smooth-point-included"),),
        function=FunctionRef("squared_relu"),
        evidence_at=x0,
    )


def x_abs_x_derivative(rng: random.Random) -> Draft:
    k = rng.choice([1, 2, -1, 0.5])
    x0 = rng.choice([0, 0, -1, 0.5, 2])
    # x|x| = relu(x)^2 - relu(-x)^2, so f'(x) = k (sq'(x) + sq'(-x)), each from the catalogue.
    sq_left, sq_right = sides(kink("squared_relu"))
    if x0 == 0:
        slope = k * (sq_right + sq_left)
    else:
        slope = k * (derivative("squared_relu", x0) + derivative("squared_relu", -x0))
    return Draft(
        stem=(
            f"What is $f'({n(x0)})$ for $f(x) = {times(k, 'x|x|')}$? "
            '("does not exist" if it does not)'
        ),
        key=Numeric(slope),
        explanation=(
            f"$x|x|$ is $x^2$ for $x \\ge 0$ and $-x^2$ for $x < 0$; its derivative is $2|x|$, "
            f"continuous, and 0 at 0. Here $f'({n(x0)}) = {n(slope)}$."
        ),
        f=lambda x: k * x * abs(x),
        facts=(Fact("derivative", x0, slope),),
        alternatives=(Alternative(Numeric(None), 0.0, "smooth-point-included"),),
        evidence_at=x0,
    )


def softplus_derivative(rng: random.Random) -> Draft:
    beta = rng.choice([0.5, 1, 2, 5])
    x0 = rng.choice([-2, -1, 0, 0.5, 1, 3])
    params = {"beta": beta}
    slope = round(derivative("softplus", x0, params), 6)
    return Draft(
        stem=(
            f"$\\operatorname{{softplus}}_\\beta(x) = \\frac{{1}}{{\\beta}}\\log(1 + "
            f"e^{{\\beta x}})$ with "
            f"$\\beta = {n(beta)}$. Give its derivative at $x = {n(x0)}$ to three decimals."
        ),
        key=Numeric(slope),
        explanation=(
            "The derivative is the logistic function $\\sigma(\\beta x) = 1/(1 + e^{-\\beta x})$; "
            f"softplus is smooth everywhere. At $x = {n(x0)}$ it is {slope:.4f}."
        ),
        f=lambda x: value("softplus", x, params),
        facts=(Fact("derivative", x0, slope),),
        alternatives=(
            Alternative(
                Numeric(round(value("softplus", x0, params), 6)), 0.0, "value-for-derivative"
            ),
        ),
        function=FunctionRef("softplus", params),
        evidence_at=x0,
        tolerance=Tolerance(absolute=1e-3, relative=0.0),
    )


def _wiggle(a: float, b: float) -> Callable[[float], float]:
    return lambda x: 0.0 if x == 0 else a * x * x * math.sin(b / x)


def wiggle_derivative(rng: random.Random) -> Draft:
    a = rng.choice([1, 2, 0.5, -1, 3])
    b = rng.choice([1, 2, 3, 10])
    # (f(h) - f(0)) / h = a h sin(b / h), squeezed between -|a h| and |a h|.
    return Draft(
        stem=(
            f"Let $f(x) = {times(a, wiggle(b))}$ for $x \\ne 0$ and $f(0) = 0$. What is "
            '$f\'(0)$? ("does not exist" if it does not)'
        ),
        key=Numeric(0.0),
        explanation=(
            f"$\\frac{{f(h) - f(0)}}{{h}} = {n(a)}\\,h \\sin({n(b)}/h)$ lies between "
            f"$-{n(abs(a))}|h|$ and ${n(abs(a))}|h|$, so it tends to 0: $f'(0) = 0$. Away from 0, "
            f"$f'(x)$ contains $-{n(a * b)}\\cos({n(b)}/x)$, which has no limit at 0."
        ),
        f=_wiggle(a, b),
        facts=(Fact("derivative", 0.0, 0.0),),
        alternatives=(Alternative(Numeric(None), 0.0, "derivative-continuous-assumed"),),
        evidence_at=0.0,
        tolerance=Tolerance(absolute=1e-9, relative=0.0),
    )


def wiggle_derivative_continuity(rng: random.Random) -> Draft:
    a = rng.choice([1, 2, 0.5, -1, 3])
    b = rng.choice([1, 2, 3, 10])
    ask_differentiable = rng.random() < 0.5
    question = "Is $f$ differentiable at 0?" if ask_differentiable else "Is $f'$ continuous at 0?"
    return Draft(
        stem=(f"Let $f(x) = {times(a, wiggle(b))}$ for $x \\ne 0$ and $f(0) = 0$. {question}"),
        key=TrueFalse(ask_differentiable),
        explanation=(
            f"$f'(0) = \\lim_{{h \\to 0}} {n(a)}\\,h\\sin({n(b)}/h) = 0$, so $f$ is "
            "differentiable at 0; "
            f"but for $x \\ne 0$, $f'(x) = {n(2 * a)}x\\sin({n(b)}/x) - {n(a * b)}\\cos({n(b)}/x)$ "
            "oscillates without a limit as $x \\to 0$, so $f'$ is not continuous there."
        ),
        f=_wiggle(a, b),
        facts=(Fact("derivative", 0.0, 0.0),),
        alternatives=(
            Alternative(TrueFalse(not ask_differentiable), 0.0, "derivative-continuous-assumed"),
        ),
    )


PROGRAMS: tuple[tuple[str, tuple[tuple[float, float], ...], float], ...] = (
    # (program, ((coefficient, sign inside relu), ...), coefficient of x)
    ("\\operatorname{relu}(-x) + x", ((1, -1),), 1),
    (
        "\\tfrac{1}{2}(\\operatorname{relu}(x) + \\operatorname{relu}(-x) + x)",
        ((0.5, 1), (0.5, -1)),
        0.5,
    ),
    ("\\operatorname{relu}(x) - \\operatorname{relu}(-x)", ((1, 1), (-1, -1)), 0),
    ("\\operatorname{relu}(-x) + x - \\operatorname{relu}(x)", ((1, -1), (-1, 1)), 1),
    ("\\operatorname{relu}(x) + \\operatorname{relu}(-x)", ((1, 1), (1, -1)), 0),
    ("2\\operatorname{relu}(x) - \\operatorname{relu}(-x) - x", ((2, 1), (-1, -1)), -1),
    ("3\\operatorname{relu}(-x) + 2x", ((3, -1),), 2),
)


def _program(
    rng: random.Random,
) -> tuple[str, tuple[tuple[float, float], ...], float, Callable[[float], float]]:
    text, terms, linear = rng.choice(PROGRAMS)

    def f(x: float) -> float:
        return sum(c * value("relu", s * x) for c, s in terms) + linear * x

    return text, terms, linear, f


def _true_one_sided(terms: tuple[tuple[float, float], ...], linear: float) -> tuple[float, float]:
    # relu(s x) near 0 from the right behaves like relu at 0+ when s > 0 and 0- when s < 0.
    right = linear + sum(c * s * (RELU_RIGHT if s > 0 else RELU_LEFT) for c, s in terms)
    left = linear + sum(c * s * (RELU_LEFT if s > 0 else RELU_RIGHT) for c, s in terms)
    return left, right


def autodiff_program(rng: random.Random) -> Draft:
    text, terms, linear, f = _program(rng)
    framework = rng.choice(FRAMEWORKS)
    (t,) = kink_values(CATALOGUE["relu"], {}, framework)
    autodiff = linear + sum(c * s * t for c, s in terms)  # the chain rule, with relu'(0) = t
    left, right = _true_one_sided(terms, linear)
    alternatives = [Alternative(Numeric(None), 0.0, "truth-for-convention")]
    if not math.isclose((left + right) / 2, autodiff):
        alternatives.append(Alternative(Numeric((left + right) / 2), 0.0, "autodiff-is-exact"))
    return Draft(
        stem=(
            f"In {FRAMEWORK_NAMES[framework]}, which uses $\\operatorname{{relu}}'(0) = "
            f"{n(t)}$, you "
            f"compute $f(x) = {text}$ and call backward at $x = 0$. What gradient does it return?"
        ),
        key=Numeric(autodiff),
        explanation=(
            f"Autodiff applies the chain rule term by term with $\\operatorname{{relu}}'(0) = "
            f"{n(t)}$, "
            f"giving {n(autodiff)}. The function's true one-sided derivatives at 0 are "
            f"{n(left)} and "
            f"{n(right)}: autodiff returns a value of the program, not necessarily a derivative of "
            "the function (Kakade and Lee, NeurIPS 2018)."
        ),
        f=f,
        facts=(Fact("left_derivative", 0.0, left), Fact("right_derivative", 0.0, right)),
        alternatives=tuple(alternatives),
    )


def program_true_derivatives(rng: random.Random) -> Draft:
    text, terms, linear, f = _program(rng)
    left, right = _true_one_sided(terms, linear)
    (t,) = kink_values(CATALOGUE["relu"], {}, "pytorch")
    autodiff = linear + sum(c * s * t for c, s in terms)
    alternatives = []
    if not (math.isclose(autodiff, left) and math.isclose(autodiff, right)):
        alternatives.append(Alternative(OneSidedPair(autodiff, autodiff), 0.0, "autodiff-is-exact"))
    return Draft(
        stem=(
            f"Let $f(x) = {text}$. Give the left and right derivatives of the function $f$ at "
            "$x = 0$ (simplify $f$ first)."
        ),
        key=OneSidedPair(left, right),
        explanation=(
            f"Near 0, $f$ is linear on each side: slopes {n(left)} on the left and {n(right)} "
            "on the "
            f"right. Autodiff with $\\operatorname{{relu}}'(0) = 0$ would return {n(autodiff)}."
        ),
        f=f,
        facts=(Fact("left_derivative", 0.0, left), Fact("right_derivative", 0.0, right)),
        alternatives=tuple(alternatives),
        evidence_at=0.0,
    )


def framework_leaky(rng: random.Random) -> Draft:
    slope = rng.choice([0.01, 0.05, 0.1, 0.2, 0.25])
    framework = rng.choice(FRAMEWORKS)
    params = {"negative_slope": slope}
    name = FRAMEWORK_NAMES[framework]

    def returned(by: Framework) -> float:
        # Seven significant digits: TensorFlow's float32 slope, 0.0500000007..., reads as 0.05.
        return float(f"{kink_values(CATALOGUE['leaky_relu'], params, by)[0]:.7g}")

    at_zero = returned(framework)
    others = {returned(other) for other in FRAMEWORKS} - {at_zero}
    return Draft(
        stem=(
            f"With negative slope ${n(slope)}$, what gradient does {name}'s built-in leaky ReLU "
            "return at exactly $x = 0$?"
        ),
        key=Numeric(at_zero),
        explanation=(
            f"{name} returns {n(at_zero)}, one end of the subdifferential $[{n(slope)}, 1]$. "
            "The derivative itself does not exist at 0; each framework picks a subgradient, and "
            "they do not all pick the same one."
        ),
        f=lambda x: value("leaky_relu", x, params),
        facts=(Fact("left_derivative", 0.0, slope), Fact("right_derivative", 0.0, 1.0)),
        alternatives=(
            Alternative(Numeric(None), 0.25, "truth-for-convention"),
            *(Alternative(Numeric(v), 0.0, None) for v in sorted(others)),
        ),
        tolerance=Tolerance(absolute=1e-6, relative=0.0),
        function=FunctionRef("leaky_relu", params),
    )


def relu_subgradient_vector(rng: random.Random) -> Draft:
    points = rng.sample([-2.0, -1.0, -0.5, 0.0, 0.0, 0.5, 1.0, 3.0], 4)
    if 0.0 not in points:
        points[rng.randrange(4)] = 0.0
    relu = CATALOGUE["relu"]
    if rng.random() < 0.25:
        t = rng.choice([0.25, 0.5, 1.0])
        per_kink = kink_values(relu, {}, at_kink=t)
        rule = f"with $\\operatorname{{relu}}'(0)$ set to {n(t)}"
    else:
        framework = rng.choice(FRAMEWORKS)
        per_kink = kink_values(relu, {}, framework)
        rule = f"as {FRAMEWORK_NAMES[framework]} does"
    values = evaluate.subgradient(relu, np.array(points), {}, per_kink).tolist()
    listed = ", ".join(n(p) for p in points)
    return Draft(
        stem=(
            f"Give the subgradients of $\\operatorname{{relu}}$ at the points $({listed})$, "
            f"{rule}, "
            "in the same order."
        ),
        key=Vector(tuple(values)),
        explanation=(
            "Away from 0 the subgradient is the derivative: 0 for negative inputs, 1 for positive "
            "ones. At 0 any value in $[0, 1]$ is a subgradient; here the rule picks "
            f"{n(per_kink[0])}."
        ),
        f=lambda x: value("relu", x),
        facts=tuple(
            Fact("derivative", p, v) for p, v in zip(points, values, strict=True) if p != 0
        ),
        function=FunctionRef("relu"),
    )


FAMILIES: dict[str, Family] = {
    family.id: family
    for family in (
        Family(
            "gen.shifted-relu-one-sided",
            1,
            ("one-sided-derivatives",),
            2,
            "one_sided_pair",
            shifted_relu_one_sided,
        ),
        Family(
            "gen.shifted-relu-subdifferential",
            1,
            ("subgradients",),
            3,
            "interval",
            shifted_relu_subdifferential,
        ),
        Family(
            "gen.leaky-relu-subdifferential",
            1,
            ("subgradients",),
            2,
            "interval",
            leaky_relu_subdifferential,
        ),
        Family(
            "gen.abs-shift-one-sided",
            1,
            ("one-sided-derivatives", "differentiability"),
            2,
            "one_sided_pair",
            abs_shift_one_sided,
        ),
        Family(
            "gen.max-of-lines", 1, ("one-sided-derivatives",), 3, "one_sided_pair", max_of_lines
        ),
        Family("gen.relu6-kinks", 1, ("differentiability",), 2, "point_set", relu6_kinks),
        Family("gen.hardtanh-kinks", 1, ("differentiability",), 2, "point_set", hardtanh_kinks),
        Family(
            "gen.step-continuity",
            1,
            ("continuity", "one-sided-limits"),
            1,
            "true_false",
            step_continuity,
        ),
        Family(
            "gen.squared-relu-derivative",
            1,
            ("smoothness", "differentiability"),
            2,
            "numeric",
            squared_relu_derivative,
        ),
        Family("gen.x-abs-x-derivative", 1, ("smoothness",), 3, "numeric", x_abs_x_derivative),
        Family("gen.softplus-derivative", 1, ("smoothness",), 2, "numeric", softplus_derivative),
        Family(
            "gen.wiggle-derivative",
            1,
            ("smoothness", "differentiability"),
            4,
            "numeric",
            wiggle_derivative,
        ),
        Family(
            "gen.wiggle-derivative-continuity",
            1,
            ("smoothness",),
            4,
            "true_false",
            wiggle_derivative_continuity,
        ),
        Family(
            "gen.autodiff-program", 1, ("autodiff-conventions",), 4, "numeric", autodiff_program
        ),
        Family(
            "gen.program-true-derivatives",
            1,
            ("autodiff-conventions", "one-sided-derivatives"),
            4,
            "one_sided_pair",
            program_true_derivatives,
        ),
        Family(
            "gen.framework-leaky-relu", 1, ("autodiff-conventions",), 3, "numeric", framework_leaky
        ),
        Family(
            "gen.relu-subgradient-vector",
            1,
            ("subgradients", "autodiff-conventions"),
            2,
            "vector",
            relu_subgradient_vector,
        ),
    )
}
