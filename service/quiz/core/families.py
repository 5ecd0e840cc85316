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
from service.quiz.core.grading import degenerate, gives_away
from service.quiz.core.items import Alternative, Evidence, FunctionRef, Item, staged_hints

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
    hints: tuple[str, ...] = ()


# How many times a family may draw again for one seed before the family counts as broken.
REDRAWS = 50


@dataclass(frozen=True)
class Family:
    id: str
    version: int
    topics: tuple[str, ...]
    difficulty: int
    type: str
    draft: Callable[[random.Random], Draft]

    def generate(self, seed: int) -> Variant:
        """The variant for this seed; the same (id, seed) always gives the same variant.

        A draw whose key cannot be told apart from a wrong answer it lists (grading.degenerate)
        is rejected and drawn again from the next stream of the same seed."""
        for attempt in range(REDRAWS):
            stream = f"{self.id}/{seed}" if attempt == 0 else f"{self.id}/{seed}/{attempt}"
            variant = self._variant(random.Random(stream))
            if degenerate(variant.item) is None:
                return variant
        raise RuntimeError(f"{self.id}: no usable variant for seed {seed}")

    def _variant(self, rng: random.Random) -> Variant:
        d = self.draft(rng)
        evidence = Evidence(d.f, d.evidence_at) if d.evidence_at is not None else None
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
            evidence=evidence,
            hints=staged_hints(
                d.hints,
                None if evidence is None or gives_away(d.key, evidence, d.tolerance) else evidence,
            ),
            length=len(d.key.values) if isinstance(d.key, Vector) else None,
        )
        return Variant(item, d.f, d.facts)


FAMILIES: dict[str, Family] = {}


def family(
    id: str, *, version: int, topics: tuple[str, ...], difficulty: int, type: str
) -> Callable[[Callable[[random.Random], Draft]], Callable[[random.Random], Draft]]:
    """Registers a generator as the family `id`: one self-contained definition per family."""

    def register(draft: Callable[[random.Random], Draft]) -> Callable[[random.Random], Draft]:
        if id in FAMILIES:
            raise ValueError(f"family {id!r} is registered twice")
        FAMILIES[id] = Family(id, version, topics, difficulty, type, draft)
        return draft

    return register


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
    """(x - c), or a bare x for c = 0 (so that -3 times it reads -3x, not -3(x))."""
    return "x" if c == 0 else "(" + shifted(c) + ")"


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


def paren_if_negative(a: float) -> str:
    """A factor in a product: 2, or (-2)."""
    return f"({n(a)})" if a < 0 else n(a)


def then(a: float, what: str) -> str:
    """+ a * what as the next term of a sum: " + x", " - 3x", or nothing for 0."""
    if a == 0:
        return ""
    return (" + " if a > 0 else " - ") + times(abs(a), what)


# --- the families -----------------------------------------------------------------------


def _shifted_relu(rng: random.Random) -> tuple[float, float, float, Callable[[float], float]]:
    a = rng.choice([-3, -2, -1, -0.5, 0.5, 2, 3, 4])
    c = rng.choice([-2, -1, -0.5, 0.5, 1, 2, 3])
    b = rng.choice([-1, 0, 1, 2])
    return a, c, b, lambda x: a * value("relu", x - c) + b


@family(
    "gen.shifted-relu-one-sided",
    version=2,
    topics=("one-sided-derivatives",),
    difficulty=2,
    type="one_sided_pair",
)
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
        alternatives=(
            Alternative(
                OneSidedPair(b + 0.0, b + 0.0),
                0.0,
                "value-for-derivative",
                f"{n(b)} is the value $f({n(c)})$; the one-sided derivatives are slopes.",
            ),
        ),
        evidence_at=c,
        hints=(f"Write $f$ without the max on each side of $x = {n(c)}$.",),
    )


@family(
    "gen.shifted-relu-subdifferential",
    version=2,
    topics=("subgradients",),
    difficulty=3,
    type="interval",
)
def shifted_relu_subdifferential(rng: random.Random) -> Draft:
    a = rng.choice([0.5, 1.5, 2, 3, 5])
    c = rng.choice([-2, -1, 0.5, 1, 2])
    sub = RELU.subdifferential
    assert sub is not None
    lower, upper = a * sub[0] + 0.0, a * sub[1]
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
            Alternative(Interval(lower, upper, False, False), 0.25, "subdifferential-open"),
            Alternative(Interval(lower, lower), 0.0, "subgradient-unique"),
            Alternative(Interval(upper, upper), 0.0, "subgradient-unique"),
        ),
        hints=(
            f"For a convex function of one variable, the subdifferential at a kink is bounded by "
            f"the one-sided derivatives there: compute them at $x = {n(c)}$.",
        ),
    )


@family(
    "gen.leaky-relu-subdifferential",
    version=2,
    topics=("subgradients",),
    difficulty=2,
    type="interval",
)
def leaky_relu_subdifferential(rng: random.Random) -> Draft:
    slope = rng.choice([0.01, 0.02, 0.05, 0.1, 0.2, 0.3])
    params = {"negative_slope": slope}
    at = kink("leaky_relu", params=params)
    assert at.subdifferential is not None
    lower, upper = at.subdifferential
    relu = RELU.subdifferential
    assert relu is not None
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
            Alternative(
                Interval(*relu),
                0.0,
                None,
                f"$[{n(relu[0])}, {n(relu[1])}]$ is relu's subdifferential; leaky ReLU keeps the "
                f"slope ${n(slope)}$ on the left.",
            ),
            Alternative(Interval(lower, upper, False, False), 0.25, "subdifferential-open"),
        ),
        feedback={"incorrect": "Compute the two one-sided derivatives at 0 first."},
        function=FunctionRef("leaky_relu", params),
        hints=(
            "The subdifferential of a convex function at a kink runs between its one-sided "
            "derivatives there.",
        ),
    )


@family(
    "gen.abs-shift-one-sided",
    version=2,
    topics=("one-sided-derivatives", "differentiability"),
    difficulty=2,
    type="one_sided_pair",
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
            f"Left of {n(c)}, $f(x) = {times(-k, paren(c))}$ with slope {n(left)}; right of it "
            f"$f(x) = {times(k, paren(c))}$ with slope {n(right)}. They differ, so $f$ has no "
            f"derivative at {n(c)}."
        ),
        f=lambda x: k * value("abs", x - c),
        facts=(Fact("left_derivative", c, left), Fact("right_derivative", c, right)),
        alternatives=(
            Alternative(
                OneSidedPair(None, None),
                0.0,
                "one-sided-dne-assumed",
                f"$f$ has no derivative at {n(c)}, but each one-sided derivative exists: it is "
                "the slope of the piece on that side.",
            ),
        ),
        evidence_at=c,
        function=FunctionRef("abs") if k == 1 and c == 0 else None,
        hints=(f"Remove the absolute value on each side of $x = {n(c)}$.",),
    )


@family(
    "gen.max-of-lines",
    version=2,
    topics=("one-sided-derivatives",),
    difficulty=3,
    type="one_sided_pair",
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
            f"{times(b, 'x')})$ at $x = 0$."
        ),
        key=OneSidedPair(left, right),
        explanation=(
            f"For $x < 0$ the larger of the two is ${times(low, 'x')}$ (multiplying by a negative "
            f"$x$ flips the order), for $x > 0$ it is ${times(high, 'x')}$: slopes {n(left)} and "
            f"{n(right)}."
        ),
        f=lambda x: max(a * x, b * x),
        facts=(Fact("left_derivative", 0, left), Fact("right_derivative", 0, right)),
        alternatives=(
            Alternative(
                OneSidedPair(high, high),
                0.0,
                None,
                f"${times(high, 'x')}$ is the larger line only for $x > 0$; for $x < 0$ the "
                "order of the two lines flips.",
            ),
        ),
        evidence_at=0,
        hints=("Which of the two lines is larger for $x = -1$, and which for $x = 1$?",),
    )


def _kinks_of(name: str, params: Params, shift: float = 0.0) -> tuple[float, ...]:
    fn = CATALOGUE[name]
    return tuple(k.x + shift for k in fn.kinks(fn.resolve(params)) if not k.differentiable)


@family("gen.relu6-kinks", version=2, topics=("differentiability",), difficulty=2, type="point_set")
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
            Alternative(PointSet(points[:1]), 0.25, "kink-missed"),
            Alternative(PointSet(points[1:]), 0.25, "kink-missed"),
        ),
        function=FunctionRef("relu6") if c == 0 else None,
        hints=("Find where the argument of each of the two clippings crosses its level.",),
    )


@family(
    "gen.hardtanh-kinks", version=2, topics=("differentiability",), difficulty=2, type="point_set"
)
def hardtanh_kinks(rng: random.Random) -> Draft:
    low = rng.choice([-3, -2, -1, -0.5])
    high = rng.choice([0.5, 1, 2, 4])
    params = {"min_val": low, "max_val": high}
    points = _kinks_of("hardtanh", params)
    return Draft(
        stem=(
            f"$\\operatorname{{hardtanh}}(x) = \\min(\\max(x, {n(low)}), {n(high)})$. List every "
            "point where it is not differentiable."
        ),
        key=PointSet(points),
        explanation=(
            f"The slope is 0 below {n(low)}, 1 between the levels and 0 above {n(high)}: it "
            f"changes at $x = {n(low)}$ and $x = {n(high)}$ only."
        ),
        f=lambda x: value("hardtanh", x, params),
        facts=(
            Fact("left_derivative", low, 0.0),
            Fact("right_derivative", low, 1.0),
            Fact("left_derivative", high, 1.0),
            Fact("right_derivative", high, 0.0),
        ),
        alternatives=(
            Alternative(PointSet((low,)), 0.25, "kink-missed"),
            Alternative(PointSet((high,)), 0.25, "kink-missed"),
            Alternative(PointSet((low, 0.0, high)), 0.25, "smooth-point-included"),
        ),
        function=FunctionRef("hardtanh", params),
        hints=("Write down the slope of each of the three pieces.",),
    )


@family(
    "gen.step-continuity",
    version=1,
    topics=("continuity", "one-sided-limits"),
    difficulty=1,
    type="true_false",
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
            "$f$ is constant near the point, hence continuous."
        ),
        f=lambda x: value("step", x - c),
        facts=(Fact("value", x0, value("step", x0 - c)),),
        alternatives=(
            (Alternative(TrueFalse(True), 0.0, "limit-is-value"),)
            if at_jump
            else (Alternative(TrueFalse(False), 0.0, None),)
        ),
        function=FunctionRef("step") if c == 0 else None,
        hints=(f"Where does $f$ jump? Compare that point with $x = {n(x0)}$.",),
    )


@family(
    "gen.squared-relu-derivative",
    version=2,
    topics=("smoothness", "differentiability"),
    difficulty=2,
    type="numeric",
)
def squared_relu_derivative(rng: random.Random) -> Draft:
    a = rng.choice([0.5, 1, 2, 3])
    c = rng.choice([-1, 0, 0, 1, 2])
    x0 = c + rng.choice([0, 0.5, 1.5, 2])  # at the breakpoint one draw in four
    # f(x) = a sq(x - c), so f'(x0) = a sq'(x0 - c), both one-sided derivatives at the breakpoint.
    slope = (
        a * derivative("squared_relu", x0 - c) if x0 != c else a * sides(kink("squared_relu"))[1]
    )
    slope += 0.0
    f_x0 = a * value("squared_relu", x0 - c)
    alternatives = [Alternative(Numeric(None), 0.0, "smooth-point-included")]
    if f_x0 != slope:
        alternatives.append(Alternative(Numeric(f_x0), 0.0, "value-for-derivative"))
    return Draft(
        stem=(
            f"What is the derivative of $f(x) = {times(a, max0(c) + '^2')}$ "
            f'at $x = {n(x0)}$? ("does not exist" if it does not)'
        ),
        key=Numeric(slope),
        explanation=(
            f"$f'(x) = {times(2 * a, max0(c))}$ for $x \\ne {n(c)}$, and at ${n(c)}$ both "
            "one-sided derivatives are 0, so $f$ is differentiable everywhere (C1): "
            f"$f'({n(x0)}) = {n(slope)}$."
        ),
        f=lambda x: a * value("squared_relu", x - c),
        facts=(Fact("derivative", x0, slope),),
        alternatives=tuple(alternatives),
        function=FunctionRef("squared_relu") if (a, c) == (1, 0) else None,
        evidence_at=x0,
        hints=("Squaring a corner can flatten it: compare the two one-sided quotients.",),
    )


@family("gen.x-abs-x-derivative", version=2, topics=("smoothness",), difficulty=3, type="numeric")
def x_abs_x_derivative(rng: random.Random) -> Draft:
    k = rng.choice([1, 2, -1, 0.5, 3])
    x0 = rng.choice([0, -1, 0.5, 2, -1.5])
    # x|x| = relu(x)^2 - relu(-x)^2, so f'(x) = k (sq'(x) + sq'(-x)), each from the catalogue.
    sq_left, sq_right = sides(kink("squared_relu"))
    if x0 == 0:
        slope = k * (sq_right + sq_left)
    else:
        slope = k * (derivative("squared_relu", x0) + derivative("squared_relu", -x0))
    slope += 0.0  # a negative k times a zero slope is -0.0, which a key should not show
    return Draft(
        stem=(
            f"What is $f'({n(x0)})$ for $f(x) = {times(k, 'x|x|')}$? "
            '("does not exist" if it does not)'
        ),
        key=Numeric(slope),
        explanation=(
            "$x|x|$ is $x^2$ for $x \\ge 0$ and $-x^2$ for $x < 0$, with derivative $2|x|$ on "
            f"both sides, 0 at 0; so $f'(x) = {times(2 * k, '|x|')}$, continuous, and "
            f"$f'({n(x0)}) = {n(slope)}$."
        ),
        f=lambda x: k * x * abs(x),
        facts=(Fact("derivative", x0, slope),),
        alternatives=(Alternative(Numeric(None), 0.0, "smooth-point-included"),),
        evidence_at=x0,
        hints=("Write $f$ without the absolute value on each side of 0 and differentiate.",),
    )


@family("gen.softplus-derivative", version=2, topics=("smoothness",), difficulty=2, type="numeric")
def softplus_derivative(rng: random.Random) -> Draft:
    beta = rng.choice([0.5, 1, 2, 5])
    # Beyond |beta x| = 4 the logistic is within 0.02 of 0 or 1, and the answer to three
    # decimals would come too close to relu's derivative to tell the two apart.
    x0 = rng.choice([x for x in (-2, -1, 0, 0.5, 1, 3) if abs(beta * x) <= 4])
    params = {"beta": beta}
    slope = round(derivative("softplus", x0, params), 6)
    relu_like = (
        Alternative(Numeric(None), 0.0, "smooth-point-included")
        if x0 == 0
        else Alternative(Numeric(derivative("relu", x0)), 0.0, "kinked-for-smooth")
    )
    return Draft(
        stem=(
            f"$\\operatorname{{softplus}}_\\beta(x) = \\frac{{1}}{{\\beta}}\\log(1 + "
            f"e^{{\\beta x}})$ with $\\beta = {n(beta)}$. Give its derivative at $x = {n(x0)}$ "
            "to three decimals."
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
            relu_like,
        ),
        function=FunctionRef("softplus", params),
        evidence_at=x0,
        tolerance=Tolerance(absolute=1e-3, relative=0.0),
        hints=("Differentiate $\\log(1 + e^{\\beta x})$ with the chain rule.",),
    )


def _wiggle(a: float, b: float) -> Callable[[float], float]:
    return lambda x: 0.0 if x == 0 else a * x * x * math.sin(b / x)


@family(
    "gen.wiggle-derivative",
    version=2,
    topics=("smoothness", "differentiability"),
    difficulty=4,
    type="numeric",
)
def wiggle_derivative(rng: random.Random) -> Draft:
    a = rng.choice([1, 2, 0.5, -1, 3])
    b = rng.choice([1, 2, 3, 10])
    c = rng.choice([-2, -1, -0.5, 0.5, 2, 3])
    cos, quotient = f"\\cos({n(b)}/x)", f"h \\sin({n(b)}/h)"
    wiggly = _wiggle(a, b)
    # (f(h) - f(0)) / h = a h sin(b / h) + c, and a h sin(b / h) is squeezed between -|a h|
    # and |a h|: the quotient tends to c.
    return Draft(
        stem=(
            f"Let $f(x) = {times(a, wiggle(b))}{then(c, 'x')}$ for $x \\ne 0$ and $f(0) = 0$. "
            'What is $f\'(0)$? ("does not exist" if it does not)'
        ),
        key=Numeric(float(c)),
        explanation=(
            f"$\\frac{{f(h) - f(0)}}{{h}} = {times(a, quotient)} {signed(c)}$, and the first "
            f"term lies between ${times(-abs(a), '|h|')}$ and ${times(abs(a), '|h|')}$, so it "
            f"tends to 0: $f'(0) = {n(c)}$. Away from 0, $f'(x)$ contains the term "
            f"${times(-a * b, cos)}$, which has no limit at 0; $f'$ exists at 0 all the same."
        ),
        f=lambda x: wiggly(x) + c * x,
        facts=(Fact("derivative", 0.0, float(c)),),
        alternatives=(Alternative(Numeric(None), 0.0, "derivative-continuous-assumed"),),
        evidence_at=0.0,
        tolerance=Tolerance(absolute=1e-9, relative=0.0),
        hints=("Use the definition: the limit of $\\frac{f(h) - f(0)}{h}$, not of $f'(x)$.",),
    )


@family(
    "gen.wiggle-derivative-continuity",
    version=2,
    topics=("smoothness",),
    difficulty=4,
    type="true_false",
)
def wiggle_derivative_continuity(rng: random.Random) -> Draft:
    a = rng.choice([1, 2, 0.5, -1, 3])
    b = rng.choice([1, 2, 3, 10])
    ask_differentiable = rng.random() < 0.5
    question = "Is $f$ differentiable at 0?" if ask_differentiable else "Is $f'$ continuous at 0?"
    sin, cos = f"x\\sin({n(b)}/x)", f"\\cos({n(b)}/x)"
    quotient = f"h \\sin({n(b)}/h)"
    return Draft(
        stem=f"Let $f(x) = {times(a, wiggle(b))}$ for $x \\ne 0$ and $f(0) = 0$. {question}",
        key=TrueFalse(ask_differentiable),
        explanation=(
            f"$f'(0) = \\lim_{{h \\to 0}} {times(a, quotient)} = 0$, so $f$ is "
            f"differentiable at 0; but for $x \\ne 0$, "
            f"$f'(x) = {times(2 * a, sin)}{then(-a * b, cos)}$ oscillates without a limit as "
            "$x \\to 0$, so $f'$ is not continuous there."
        ),
        f=_wiggle(a, b),
        facts=(Fact("derivative", 0.0, 0.0),),
        alternatives=(
            Alternative(TrueFalse(not ask_differentiable), 0.0, "derivative-continuous-assumed"),
        ),
        hints=(
            "$f'(0)$ is the limit of $\\frac{f(h) - f(0)}{h}$; continuity of $f'$ at 0 asks "
            "whether $f'(x)$ tends to $f'(0)$.",
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

# How each framework's user asks for the derivative at 0.
DIFFERENTIATE = {
    "pytorch": "call `backward()` on it at $x = 0$",
    "jax": "evaluate `jax.grad(f)(0.0)`",
    "tensorflow": "ask a `tf.GradientTape` for its gradient at $x = 0$",
}


def _program(
    rng: random.Random,
) -> tuple[str, tuple[tuple[float, float], ...], float, Callable[[float], float]]:
    text, terms, linear = rng.choice(PROGRAMS)
    if linear == 0:  # a multiple of x more, so that these programs' answers are not all 0
        extra = rng.choice([0, 1, -1, 2, 0.5])
        text, linear = text + then(extra, "x"), float(extra)

    def f(x: float) -> float:
        return sum(c * value("relu", s * x) for c, s in terms) + linear * x

    return text, terms, linear, f


def _true_one_sided(terms: tuple[tuple[float, float], ...], linear: float) -> tuple[float, float]:
    # relu(s x) near 0 from the right behaves like relu at 0+ when s > 0 and 0- when s < 0.
    right = linear + sum(c * s * (RELU_RIGHT if s > 0 else RELU_LEFT) for c, s in terms)
    left = linear + sum(c * s * (RELU_LEFT if s > 0 else RELU_RIGHT) for c, s in terms)
    return left + 0.0, right + 0.0


@family(
    "gen.autodiff-program",
    version=2,
    topics=("autodiff-conventions",),
    difficulty=4,
    type="numeric",
)
def autodiff_program(rng: random.Random) -> Draft:
    text, terms, linear, f = _program(rng)
    framework = rng.choice(FRAMEWORKS)
    (t,) = kink_values(CATALOGUE["relu"], {}, framework)
    autodiff = linear + sum(c * s * t for c, s in terms) + 0.0  # the chain rule, relu'(0) = t
    left, right = _true_one_sided(terms, linear)
    alternatives = [Alternative(Numeric(None), 0.0, "truth-for-convention")]
    if not math.isclose((left + right) / 2, autodiff):
        alternatives.append(Alternative(Numeric((left + right) / 2), 0.0, "autodiff-is-exact"))
    return Draft(
        stem=(
            f"In {FRAMEWORK_NAMES[framework]}, whose built-in relu has "
            f"$\\operatorname{{relu}}'(0) = {n(t)}$, you compute $f(x) = {text}$ and "
            f"{DIFFERENTIATE[framework]}. What gradient does it return?"
        ),
        key=Numeric(autodiff),
        explanation=(
            f"Autodiff applies the chain rule term by term with $\\operatorname{{relu}}'(0) = "
            f"{n(t)}$, giving {n(autodiff)}. The function's true one-sided derivatives at 0 are "
            f"{n(left)} and {n(right)}: autodiff returns a value of the program, not necessarily "
            "a derivative of the function (Kakade and Lee, NeurIPS 2018)."
        ),
        f=f,
        facts=(Fact("left_derivative", 0.0, left), Fact("right_derivative", 0.0, right)),
        alternatives=tuple(alternatives),
        hints=(
            "Apply the chain rule to each term as written: $\\frac{d}{dx}"
            "\\operatorname{relu}(s x) = s \\operatorname{relu}'(s x)$.",
        ),
    )


@family(
    "gen.program-true-derivatives",
    version=2,
    topics=("autodiff-conventions", "one-sided-derivatives"),
    difficulty=4,
    type="one_sided_pair",
)
def program_true_derivatives(rng: random.Random) -> Draft:
    text, terms, linear, f = _program(rng)
    left, right = _true_one_sided(terms, linear)
    (t,) = kink_values(CATALOGUE["relu"], {}, "pytorch")
    autodiff = linear + sum(c * s * t for c, s in terms) + 0.0
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
            "on the right. Autodiff with $\\operatorname{relu}'(0) = 0$ would return "
            f"{n(autodiff)}."
        ),
        f=f,
        facts=(Fact("left_derivative", 0.0, left), Fact("right_derivative", 0.0, right)),
        alternatives=tuple(alternatives),
        evidence_at=0.0,
        hints=("Write $f$ for $x < 0$ and for $x > 0$ without any relu.",),
    )


@family(
    "gen.framework-leaky-relu",
    version=2,
    topics=("autodiff-conventions",),
    difficulty=3,
    type="numeric",
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
            Alternative(Numeric(None), 0.0, "truth-for-convention"),
            *(
                Alternative(
                    Numeric(v),
                    0.0,
                    None,
                    f"{n(v)} is another framework's choice at 0, not {name}'s.",
                )
                for v in sorted(others)
            ),
        ),
        tolerance=Tolerance(absolute=1e-6, relative=0.0),
        function=FunctionRef("leaky_relu", params),
        hints=(
            "A framework must return a number at the kink: one of the one-sided slopes. Which "
            "side does this framework's implementation take at exactly 0?",
        ),
    )


@family(
    "gen.relu-subgradient-vector",
    version=2,
    topics=("subgradients", "autodiff-conventions"),
    difficulty=2,
    type="vector",
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
            f"{rule}, in the same order."
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
        hints=("Away from 0 relu has an ordinary derivative; only the zeros need the rule.",),
    )


def _two_points(rng: random.Random) -> tuple[float, float]:
    low, high = sorted(rng.sample([-2.5, -2, -1, -0.5, 0.5, 1, 1.5, 2, 3], 2))
    return float(low), float(high)


@family(
    "gen.relu-sum-kinks",
    version=1,
    topics=("differentiability", "one-sided-derivatives"),
    difficulty=3,
    type="point_set",
)
def relu_sum_kinks(rng: random.Random) -> Draft:
    c1, c2 = _two_points(rng)
    a, b = rng.choice([-2, -1, 0.5, 1, 2, 3]), rng.choice([-2, -1, 0.5, 2, 3])
    # Slopes: 0 left of c1, a between, a + b right of c2; they change at both points.
    middle, last = a * RELU_RIGHT, a * RELU_RIGHT + b * RELU_RIGHT
    return Draft(
        stem=(
            f"Let $f(x) = {times(a, max0(c1))}{then(b, max0(c2))}$. List every point where $f$ "
            "is not differentiable."
        ),
        key=PointSet((c1, c2)),
        explanation=(
            f"The slope of $f$ is 0 left of {n(c1)}, {n(middle)} between {n(c1)} and {n(c2)}, "
            f"and {n(last)} right of {n(c2)}: it changes at both points, and nowhere else."
        ),
        f=lambda x: a * value("relu", x - c1) + b * value("relu", x - c2),
        facts=(
            Fact("left_derivative", c1, 0.0),
            Fact("right_derivative", c1, middle),
            Fact("left_derivative", c2, middle),
            Fact("right_derivative", c2, last),
        ),
        alternatives=(
            Alternative(PointSet((c1,)), 0.25, "kink-missed"),
            Alternative(PointSet((c2,)), 0.25, "kink-missed"),
            Alternative(
                PointSet((0.0,)),
                0.0,
                None,
                "0 is where relu itself bends; each term here bends where its own argument is 0.",
            ),
        ),
        hints=("Each term $\\max(0, x - c)$ bends where its argument $x - c$ is 0.",),
    )


@family(
    "gen.step-sum-jumps",
    version=1,
    topics=("continuity", "one-sided-limits"),
    difficulty=2,
    type="point_set",
)
def step_sum_jumps(rng: random.Random) -> Draft:
    c1, c2 = _two_points(rng)
    a, b = rng.choice([-2, -1, 0.5, 1, 3]), rng.choice([-1, 1, 2, 4])
    jump = kink("step")
    size = jump.right_limit - jump.left_limit
    return Draft(
        stem=(
            "$H$ is the Heaviside step: $H(x) = 0$ for $x \\le 0$ and $1$ for $x > 0$. Let "
            f"$f(x) = {times(a, f'H({shifted(c1)})')}{then(b, f'H({shifted(c2)})')}$. List every "
            "point where $f$ is not continuous."
        ),
        key=PointSet((c1, c2)),
        explanation=(
            f"Each term is constant except where its argument crosses 0: $f$ jumps by "
            f"{n(a * size)} at $x = {n(c1)}$ and by {n(b * size)} at $x = {n(c2)}$, and is "
            "constant near every other point, hence continuous there."
        ),
        f=lambda x: a * value("step", x - c1) + b * value("step", x - c2),
        facts=(
            Fact("left_derivative", c1, 0.0),
            Fact("right_derivative", c1, None),
            Fact("left_derivative", c2, 0.0),
            Fact("right_derivative", c2, None),
        ),
        alternatives=(
            Alternative(
                PointSet(()),
                0.0,
                "limit-is-value",
                "$f$ is defined at every point, but at a jump its one-sided limits differ, so it "
                "is not continuous there.",
            ),
            Alternative(
                PointSet((0.0,)), 0.0, None, "Each term jumps where its own argument is 0."
            ),
        ),
        hints=("Where does each term jump?",),
    )


@family(
    "gen.subgradient-step",
    version=1,
    topics=("gradient-descent", "autodiff-conventions"),
    difficulty=3,
    type="numeric",
)
def subgradient_step(rng: random.Random) -> Draft:
    name = rng.choice(["relu", "abs"])
    a = rng.choice([0.5, 1, 2, 3])
    c = rng.choice([-1, 0, 1, 2])
    x0 = c + rng.choice([0, 0, -1, 0.5, 2])  # at the kink two draws in five
    step = rng.choice([0.1, 0.25, 0.5])
    framework = rng.choice(FRAMEWORKS)
    (at_kink,) = kink_values(CATALOGUE[name], {}, framework)
    at = kink(name)
    # f(x) = a g(x - c): its subgradient at x0 is a g'(x0 - c), with the convention at the kink.
    slope = a * (at_kink if x0 == c else derivative(name, x0 - c))
    x1 = x0 - step * slope + 0.0
    written = {"relu": max0(c), "abs": bars(c)}[name]
    convention = {"relu": "\\operatorname{relu}'(0)", "abs": "\\frac{d}{dx}|x|\\,(0)"}[name]
    alternatives = [Alternative(Numeric(None), 0.0, "truth-for-convention")]
    if slope != 0:
        alternatives.append(Alternative(Numeric(x0 + step * slope), 0.0, "sign-error"))
    if x0 == c:
        for other in sorted({*sides(at)} - {at_kink, -at_kink}):
            alternatives.append(
                Alternative(
                    Numeric(x0 - step * a * other + 0.0),
                    0.0,
                    None,
                    f"That step uses {n(other)} at the kink; {FRAMEWORK_NAMES[framework]} uses "
                    f"{n(at_kink)}.",
                )
            )
    return Draft(
        stem=(
            f"Gradient descent in {FRAMEWORK_NAMES[framework]} (where ${convention} = "
            f"{n(at_kink)}$) on $f(x) = {times(a, written)}$, with step size {n(step)}, starts "
            f"at $x_0 = {n(x0)}$. What is $x_1 = x_0 - {n(step)}\\,g_0$, where $g_0$ is the "
            "gradient it computes at $x_0$?"
        ),
        key=Numeric(x1),
        explanation=(
            (
                f"$x_0 = {n(x0)}$ is the kink, where the derivative does not exist; "
                f"{FRAMEWORK_NAMES[framework]} uses ${convention} = {n(at_kink)}$, so "
                f"$g_0 = {n(slope)}$"
                if x0 == c
                else f"Away from the kink $f$ is differentiable with $f'({n(x0)}) = {n(slope)}$"
            )
            + f", and $x_1 = {n(x0)} - {n(step)} \\cdot {paren_if_negative(slope)} = {n(x1)}$."
        ),
        f=lambda x: a * value(name, x - c),
        facts=(
            (Fact("derivative", x0, slope),)
            if x0 != c
            else (
                Fact("left_derivative", x0, a * sides(at)[0] + 0.0),
                Fact("right_derivative", x0, a * sides(at)[1]),
            )
        ),
        alternatives=tuple(alternatives),
        function=FunctionRef(name) if (a, c) == (1, 0) else None,
        hints=(
            "At a kink the framework uses its convention; elsewhere the gradient is the "
            "derivative, with the factor in front of the function.",
        ),
    )


@family(
    "gen.chain-rule-relu",
    version=1,
    topics=("differentiability",),
    difficulty=2,
    type="numeric",
)
def chain_rule_relu(rng: random.Random) -> Draft:
    a = rng.choice([-2, -1, 0.5, 2, 3])
    b = rng.choice([-2, -0.5, 2, 3])
    c = rng.choice([-1, 1, 2])
    active = rng.random() < 0.75  # on the side where relu's argument is positive
    points = [x for x in (-2, -1, -0.5, 0, 0.5, 1, 2) if b * x + c != 0]
    x0 = float(rng.choice([x for x in points if (b * x + c > 0) == active] or points))
    inner = b * x0 + c
    slope = a * b * derivative("relu", inner) + 0.0
    linear = f"{times(b, 'x')}{plus(c)}"
    relu_of = "\\operatorname{relu}(" + linear + ")"
    alternatives = [Alternative(Numeric(None), 0.0, "smooth-point-included")]
    if inner > 0:
        alternatives.append(
            Alternative(
                Numeric(float(a)),
                0.0,
                None,
                f"The chain rule also multiplies by the inner derivative, {n(b)}.",
            )
        )
    return Draft(
        stem=(
            f"What is the derivative of $f(x) = {times(a, relu_of)}$ at $x = {n(x0)}$? "
            '("does not exist" if it does not)'
        ),
        key=Numeric(slope),
        explanation=(
            f"At $x = {n(x0)}$ the argument ${linear}$ is {n(inner)}, "
            + (
                f"positive, so near $x_0$, $f(x) = {times(a, '(' + linear + ')')}$ and "
                f"$f'(x_0) = {n(a)} \\cdot {paren_if_negative(b)} = {n(slope)}$."
                if inner > 0
                else "negative, so $f$ is the constant 0 near $x_0$ and $f'(x_0) = 0$."
            )
        ),
        f=lambda x: a * value("relu", b * x + c),
        facts=(Fact("derivative", x0, slope),),
        alternatives=tuple(alternatives),
        hints=("Is relu's argument positive or negative at this $x$?",),
    )
