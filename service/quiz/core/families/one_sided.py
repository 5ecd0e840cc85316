"""Families asking for the left and right derivatives at a kink: a scaled and shifted relu, a
scaled and shifted absolute value, the larger of two lines through 0."""

from __future__ import annotations

import random

from service.quiz.core.answers import OneSidedPair
from service.quiz.core.families.functions import RELU_LEFT, RELU_RIGHT, kink, sides, value
from service.quiz.core.families.registry import Draft, family, one_sided_facts
from service.quiz.core.families.text import bars, max0, n, paren, plus, times
from service.quiz.core.items import Alternative, FunctionRef


@family(
    "gen.shifted-relu-one-sided",
    version=2,
    topics=("one-sided-derivatives",),
    difficulty=2,
    type="one_sided_pair",
)
def shifted_relu_one_sided(rng: random.Random) -> Draft:
    a = rng.choice([-3, -2, -1, -0.5, 0.5, 2, 3, 4])
    c = rng.choice([-2, -1, -0.5, 0.5, 1, 2, 3])
    b = rng.choice([-1, 0, 1, 2])
    # + 0.0: a negative a times a zero slope is -0.0, which a key should not show.
    left = a * RELU_LEFT + 0.0
    right = a * RELU_RIGHT + 0.0
    return Draft(
        stem=(
            f"Let $f(x) = {times(a, max0(c))}{plus(b)}$. "
            f"Give the left and right derivatives of $f$ at $x = {n(c)}$."
        ),
        key=OneSidedPair(left, right),
        explanation=(
            f"Left of {n(c)} the function is the constant {n(b)}, "
            f"so the left derivative is {n(left)}; "
            f"right of it $f(x) = {times(a, paren(c))}{plus(b)}$, slope {n(right)}."
        ),
        f=lambda x: a * value("relu", x - c) + b,
        facts=one_sided_facts(c, left, right),
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
            f"Left of {n(c)}, $f(x) = {times(-k, paren(c))}$ with slope {n(left)}; "
            f"right of it $f(x) = {times(k, paren(c))}$ with slope {n(right)}. "
            f"They differ, so $f$ has no derivative at {n(c)}."
        ),
        f=lambda x: k * value("abs", x - c),
        facts=one_sided_facts(c, left, right),
        alternatives=(
            Alternative(
                OneSidedPair(None, None),
                0.0,
                "one-sided-dne-assumed",
                f"$f$ has no derivative at {n(c)}, but each one-sided derivative exists: "
                "it is the slope of the piece on that side.",
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
    larger = f"\\max({times(a, 'x')}, {times(b, 'x')})"
    return Draft(
        stem=f"Give the left and right derivatives of $f(x) = {larger}$ at $x = 0$.",
        key=OneSidedPair(left, right),
        explanation=(
            f"For $x < 0$ the larger of the two is ${times(low, 'x')}$ "
            "(multiplying by a negative $x$ flips the order), "
            f"for $x > 0$ it is ${times(high, 'x')}$: slopes {n(left)} and {n(right)}."
        ),
        f=lambda x: max(a * x, b * x),
        facts=one_sided_facts(0, left, right),
        alternatives=(
            Alternative(
                OneSidedPair(high, high),
                0.0,
                None,
                f"${times(high, 'x')}$ is the larger line only for $x > 0$; "
                "for $x < 0$ the order of the two lines flips.",
            ),
        ),
        evidence_at=0,
        hints=("Which of the two lines is larger for $x = -1$, and which for $x = 1$?",),
    )
