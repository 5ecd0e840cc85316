"""Families asking what a framework computes at a kink: the gradient autodiff returns for a
program of relus and the function's true one-sided derivatives, the value each framework's leaky
ReLU takes at 0, and a gradient descent step that starts at a kink."""

from __future__ import annotations

import math
import random
from collections.abc import Callable

from service.core.conventions import FRAMEWORKS, Framework
from service.quiz.core.answers import Numeric, OneSidedPair, Tolerance
from service.quiz.core.families.functions import (
    FRAMEWORK_NAMES,
    RELU_LEFT,
    RELU_RIGHT,
    derivative,
    framework_at_kink,
    kink,
    sides,
    value,
)
from service.quiz.core.families.registry import Draft, Fact, family, one_sided_facts
from service.quiz.core.families.text import bars, max0, n, paren_if_negative, then, times
from service.quiz.core.items import Alternative, FunctionRef

Terms = tuple[tuple[float, float], ...]

PROGRAMS: tuple[tuple[str, Terms, float], ...] = (
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


def _program(rng: random.Random) -> tuple[str, Terms, float, Callable[[float], float]]:
    text, terms, linear = rng.choice(PROGRAMS)
    if linear == 0:  # a multiple of x more, so that these programs' answers are not all 0
        extra = rng.choice([0, 1, -1, 2, 0.5])
        text, linear = text + then(extra, "x"), float(extra)

    def f(x: float) -> float:
        return sum(c * value("relu", s * x) for c, s in terms) + linear * x

    return text, terms, linear, f


def _true_one_sided(terms: Terms, linear: float) -> tuple[float, float]:
    # relu(s x) near 0 from the right behaves like relu at 0+ when s > 0 and 0- when s < 0.
    right = linear + sum(c * s * (RELU_RIGHT if s > 0 else RELU_LEFT) for c, s in terms)
    left = linear + sum(c * s * (RELU_LEFT if s > 0 else RELU_RIGHT) for c, s in terms)
    return left + 0.0, right + 0.0


def _autodiff(terms: Terms, linear: float, t: float) -> float:
    """What autodiff returns at 0: the chain rule term by term, with relu'(0) = t."""
    return linear + sum(c * s * t for c, s in terms) + 0.0


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
    t = framework_at_kink("relu", framework)
    autodiff = _autodiff(terms, linear, t)
    left, right = _true_one_sided(terms, linear)
    alternatives = [Alternative(Numeric(None), 0.0, "truth-for-convention")]
    if not math.isclose((left + right) / 2, autodiff):
        alternatives.append(Alternative(Numeric((left + right) / 2), 0.0, "autodiff-is-exact"))
    return Draft(
        stem=(
            f"In {FRAMEWORK_NAMES[framework]}, "
            f"whose built-in relu has $\\operatorname{{relu}}'(0) = {n(t)}$, "
            f"you compute $f(x) = {text}$ and {DIFFERENTIATE[framework]}. "
            "What gradient does it return?"
        ),
        key=Numeric(autodiff),
        explanation=(
            "Autodiff applies the chain rule term by term "
            f"with $\\operatorname{{relu}}'(0) = {n(t)}$, giving {n(autodiff)}. "
            f"The function's true one-sided derivatives at 0 are {n(left)} and {n(right)}: "
            "autodiff returns a value of the program, "
            "not necessarily a derivative of the function (Kakade and Lee, NeurIPS 2018)."
        ),
        f=f,
        facts=one_sided_facts(0.0, left, right),
        alternatives=tuple(alternatives),
        hints=(
            "Apply the chain rule to each term as written: "
            "$\\frac{d}{dx}\\operatorname{relu}(s x) = s \\operatorname{relu}'(s x)$.",
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
    autodiff = _autodiff(terms, linear, framework_at_kink("relu", "pytorch"))
    alternatives = []
    if not (math.isclose(autodiff, left) and math.isclose(autodiff, right)):
        alternatives.append(Alternative(OneSidedPair(autodiff, autodiff), 0.0, "autodiff-is-exact"))
    return Draft(
        stem=(
            f"Let $f(x) = {text}$. "
            "Give the left and right derivatives of the function $f$ at $x = 0$ "
            "(simplify $f$ first)."
        ),
        key=OneSidedPair(left, right),
        explanation=(
            "Near 0, $f$ is linear on each side: "
            f"slopes {n(left)} on the left and {n(right)} on the right. "
            f"Autodiff with $\\operatorname{{relu}}'(0) = 0$ would return {n(autodiff)}."
        ),
        f=f,
        facts=one_sided_facts(0.0, left, right),
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
        return float(f"{framework_at_kink('leaky_relu', by, params):.7g}")

    at_zero = returned(framework)
    others = {returned(other) for other in FRAMEWORKS} - {at_zero}
    return Draft(
        stem=(
            f"With negative slope ${n(slope)}$, "
            f"what gradient does {name}'s built-in leaky ReLU return at exactly $x = 0$?"
        ),
        key=Numeric(at_zero),
        explanation=(
            f"{name} returns {n(at_zero)}, one end of the subdifferential $[{n(slope)}, 1]$. "
            "The derivative itself does not exist at 0; "
            "each framework picks a subgradient, and they do not all pick the same one."
        ),
        f=lambda x: value("leaky_relu", x, params),
        facts=one_sided_facts(0.0, slope, 1.0),
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
            "A framework must return a number at the kink: one of the one-sided slopes. "
            "Which side does this framework's implementation take at exactly 0?",
        ),
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
    who = FRAMEWORK_NAMES[framework]
    at_kink = framework_at_kink(name, framework)
    left, right = sides(kink(name))
    # f(x) = a g(x - c): its subgradient at x0 is a g'(x0 - c), with the convention at the kink.
    slope = a * (at_kink if x0 == c else derivative(name, x0 - c))
    x1 = x0 - step * slope + 0.0
    written = {"relu": max0(c), "abs": bars(c)}[name]
    convention = {"relu": "\\operatorname{relu}'(0)", "abs": "\\frac{d}{dx}|x|\\,(0)"}[name]
    alternatives = [Alternative(Numeric(None), 0.0, "truth-for-convention")]
    if slope != 0:
        alternatives.append(Alternative(Numeric(x0 + step * slope), 0.0, "sign-error"))
    if x0 == c:
        for other in sorted({left, right} - {at_kink, -at_kink}):
            alternatives.append(
                Alternative(
                    Numeric(x0 - step * a * other + 0.0),
                    0.0,
                    None,
                    f"That step uses {n(other)} at the kink; {who} uses {n(at_kink)}.",
                )
            )
    return Draft(
        stem=(
            f"Gradient descent in {who} (where ${convention} = {n(at_kink)}$) "
            f"on $f(x) = {times(a, written)}$, with step size {n(step)}, "
            f"starts at $x_0 = {n(x0)}$. What is $x_1 = x_0 - {n(step)}\\,g_0$, "
            "where $g_0$ is the gradient it computes at $x_0$?"
        ),
        key=Numeric(x1),
        explanation=(
            (
                f"$x_0 = {n(x0)}$ is the kink, where the derivative does not exist; "
                f"{who} uses ${convention} = {n(at_kink)}$, so $g_0 = {n(slope)}$"
                if x0 == c
                else f"Away from the kink $f$ is differentiable with $f'({n(x0)}) = {n(slope)}$"
            )
            + f", and $x_1 = {n(x0)} - {n(step)} \\cdot {paren_if_negative(slope)} = {n(x1)}$."
        ),
        f=lambda x: a * value(name, x - c),
        facts=(
            (Fact("derivative", x0, slope),)
            if x0 != c
            else one_sided_facts(x0, a * left + 0.0, a * right)
        ),
        alternatives=tuple(alternatives),
        function=FunctionRef(name) if (a, c) == (1, 0) else None,
        hints=(
            "At a kink the framework uses its convention; "
            "elsewhere the gradient is the derivative, with the factor in front of the function.",
        ),
    )
