"""Families asking for a derivative where one exists: squared relu and x|x|, whose corners are
smoothed away, softplus, relu composed with a line, and x^2 sin(b/x), whose derivative exists at 0
without being continuous there."""

from __future__ import annotations

import math
import random
from collections.abc import Callable

from service.quiz.core.answers import Numeric, Tolerance, TrueFalse
from service.quiz.core.families.functions import derivative, kink, sides, value
from service.quiz.core.families.registry import Draft, Fact, family
from service.quiz.core.families.text import (
    max0,
    n,
    paren_if_negative,
    plus,
    signed,
    then,
    times,
    wiggle,
)
from service.quiz.core.items import Alternative, FunctionRef


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
            f"What is the derivative of $f(x) = {times(a, max0(c) + '^2')}$ at $x = {n(x0)}$? "
            '("does not exist" if it does not)'
        ),
        key=Numeric(slope),
        explanation=(
            f"$f'(x) = {times(2 * a, max0(c))}$ for $x \\ne {n(c)}$, "
            f"and at ${n(c)}$ both one-sided derivatives are 0, "
            f"so $f$ is differentiable everywhere (C1): $f'({n(x0)}) = {n(slope)}$."
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
            "$x|x|$ is $x^2$ for $x \\ge 0$ and $-x^2$ for $x < 0$, "
            "with derivative $2|x|$ on both sides, 0 at 0; "
            f"so $f'(x) = {times(2 * k, '|x|')}$, continuous, and $f'({n(x0)}) = {n(slope)}$."
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
            "$\\operatorname{softplus}_\\beta(x) = \\frac{1}{\\beta}\\log(1 + e^{\\beta x})$ "
            f"with $\\beta = {n(beta)}$. Give its derivative at $x = {n(x0)}$ to three decimals."
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


def _wiggly(rng: random.Random) -> tuple[float, float, Callable[[float], float]]:
    """a, b and f(x) = a x^2 sin(b/x), with f(0) = 0."""
    a = rng.choice([1, 2, 0.5, -1, 3])
    b = rng.choice([1, 2, 3, 10])
    return a, b, lambda x: 0.0 if x == 0 else a * x * x * math.sin(b / x)


@family(
    "gen.wiggle-derivative",
    version=2,
    topics=("smoothness", "differentiability"),
    difficulty=4,
    type="numeric",
)
def wiggle_derivative(rng: random.Random) -> Draft:
    a, b, wiggly = _wiggly(rng)
    c = rng.choice([-2, -1, -0.5, 0.5, 2, 3])
    cos, quotient = f"\\cos({n(b)}/x)", f"h \\sin({n(b)}/h)"
    low, high = times(-abs(a), "|h|"), times(abs(a), "|h|")
    # (f(h) - f(0)) / h = a h sin(b / h) + c, and a h sin(b / h) is squeezed between -|a h|
    # and |a h|: the quotient tends to c.
    return Draft(
        stem=(
            f"Let $f(x) = {times(a, wiggle(b))}{then(c, 'x')}$ for $x \\ne 0$ and $f(0) = 0$. "
            'What is $f\'(0)$? ("does not exist" if it does not)'
        ),
        key=Numeric(float(c)),
        explanation=(
            f"$\\frac{{f(h) - f(0)}}{{h}} = {times(a, quotient)} {signed(c)}$, "
            f"and the first term lies between ${low}$ and ${high}$, "
            f"so it tends to 0: $f'(0) = {n(c)}$. "
            f"Away from 0, $f'(x)$ contains the term ${times(-a * b, cos)}$, "
            "which has no limit at 0; $f'$ exists at 0 all the same."
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
    a, b, wiggly = _wiggly(rng)
    ask_differentiable = rng.random() < 0.5
    question = "Is $f$ differentiable at 0?" if ask_differentiable else "Is $f'$ continuous at 0?"
    sin, cos = f"x\\sin({n(b)}/x)", f"\\cos({n(b)}/x)"
    quotient = f"h \\sin({n(b)}/h)"
    return Draft(
        stem=f"Let $f(x) = {times(a, wiggle(b))}$ for $x \\ne 0$ and $f(0) = 0$. {question}",
        key=TrueFalse(ask_differentiable),
        explanation=(
            f"$f'(0) = \\lim_{{h \\to 0}} {times(a, quotient)} = 0$, "
            "so $f$ is differentiable at 0; "
            f"but for $x \\ne 0$, $f'(x) = {times(2 * a, sin)}{then(-a * b, cos)}$ "
            "oscillates without a limit as $x \\to 0$, so $f'$ is not continuous there."
        ),
        f=wiggly,
        facts=(Fact("derivative", 0.0, 0.0),),
        alternatives=(
            Alternative(TrueFalse(not ask_differentiable), 0.0, "derivative-continuous-assumed"),
        ),
        hints=(
            "$f'(0)$ is the limit of $\\frac{f(h) - f(0)}{h}$; "
            "continuity of $f'$ at 0 asks whether $f'(x)$ tends to $f'(0)$.",
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
                f"positive, so near $x_0$, $f(x) = {times(a, '(' + linear + ')')}$ "
                f"and $f'(x_0) = {n(a)} \\cdot {paren_if_negative(b)} = {n(slope)}$."
                if inner > 0
                else "negative, so $f$ is the constant 0 near $x_0$ and $f'(x_0) = 0$."
            )
        ),
        f=lambda x: a * value("relu", b * x + c),
        facts=(Fact("derivative", x0, slope),),
        alternatives=tuple(alternatives),
        hints=("Is relu's argument positive or negative at this $x$?",),
    )
