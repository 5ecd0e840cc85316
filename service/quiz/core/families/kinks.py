"""Families asking where a function has kinks or jumps: the points where ReLU6, hardtanh or a sum
of shifted relus is not differentiable, and where a sum of shifted steps is not continuous."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from service.quiz.core.answers import PointSet, TrueFalse
from service.quiz.core.families.functions import RELU_RIGHT, corners, kink, value
from service.quiz.core.families.registry import Draft, Fact, family, one_sided_facts
from service.quiz.core.families.text import max0, n, shifted, then, times
from service.quiz.core.items import Alternative, FunctionRef


def _two_shifted(
    rng: random.Random, name: str, first: Sequence[float], second: Sequence[float]
) -> tuple[float, float, float, float, Callable[[float], float]]:
    """c1 < c2, a drawn from `first` and b from `second`, and f(x) = a g(x - c1) + b g(x - c2)
    for the catalogue's function g called `name`."""
    low, high = sorted(rng.sample([-2.5, -2, -1, -0.5, 0.5, 1, 1.5, 2, 3], 2))
    c1, c2 = float(low), float(high)
    a, b = rng.choice(first), rng.choice(second)
    return c1, c2, a, b, lambda x: a * value(name, x - c1) + b * value(name, x - c2)


@family("gen.relu6-kinks", version=2, topics=("differentiability",), difficulty=2, type="point_set")
def relu6_kinks(rng: random.Random) -> Draft:
    c = rng.choice([-4, -2, 0, 1, 3])
    points = corners("relu6", {}, c)
    return Draft(
        stem=(
            f"$f(x) = \\min(\\max(0, {shifted(c)}), 6)$ is ReLU6 shifted by {n(c)}. "
            "List every point where $f$ is not differentiable."
        ),
        key=PointSet(points),
        explanation=(
            f"The pieces meet at $x = {n(points[0])}$ (slopes 0 and 1) "
            f"and $x = {n(points[1])}$ (slopes 1 and 0); "
            "everywhere else $f$ is linear."
        ),
        f=lambda x: value("relu6", x - c),
        facts=(*one_sided_facts(points[0], 0.0, 1.0), *one_sided_facts(points[1], 1.0, 0.0)),
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
    points = corners("hardtanh", params)
    return Draft(
        stem=(
            f"$\\operatorname{{hardtanh}}(x) = \\min(\\max(x, {n(low)}), {n(high)})$. "
            "List every point where it is not differentiable."
        ),
        key=PointSet(points),
        explanation=(
            f"The slope is 0 below {n(low)}, 1 between the levels and 0 above {n(high)}: "
            f"it changes at $x = {n(low)}$ and $x = {n(high)}$ only."
        ),
        f=lambda x: value("hardtanh", x, params),
        facts=(*one_sided_facts(low, 0.0, 1.0), *one_sided_facts(high, 1.0, 0.0)),
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
            "$H(x)$ is the Heaviside step: 0 for $x \\le 0$ and 1 for $x > 0$. "
            f"Is $f(x) = H({shifted(c)})$ continuous at $x = {n(x0)}$?"
        ),
        key=TrueFalse(continuous),
        explanation=(
            f"At $x = {n(c)}$ the left limit is {n(jump.left_limit)} "
            f"and the right limit is {n(jump.right_limit)}: "
            "a jump, so $f$ is not continuous there. "
            "Everywhere else $f$ is constant near the point, hence continuous."
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
    "gen.relu-sum-kinks",
    version=1,
    topics=("differentiability", "one-sided-derivatives"),
    difficulty=3,
    type="point_set",
)
def relu_sum_kinks(rng: random.Random) -> Draft:
    c1, c2, a, b, f = _two_shifted(rng, "relu", [-2, -1, 0.5, 1, 2, 3], [-2, -1, 0.5, 2, 3])
    # Slopes: 0 left of c1, a between, a + b right of c2; they change at both points.
    middle, last = a * RELU_RIGHT, a * RELU_RIGHT + b * RELU_RIGHT
    return Draft(
        stem=(
            f"Let $f(x) = {times(a, max0(c1))}{then(b, max0(c2))}$. "
            "List every point where $f$ is not differentiable."
        ),
        key=PointSet((c1, c2)),
        explanation=(
            f"The slope of $f$ is 0 left of {n(c1)}, {n(middle)} between {n(c1)} and {n(c2)}, "
            f"and {n(last)} right of {n(c2)}: it changes at both points, and nowhere else."
        ),
        f=f,
        facts=(*one_sided_facts(c1, 0.0, middle), *one_sided_facts(c2, middle, last)),
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
    c1, c2, a, b, f = _two_shifted(rng, "step", [-2, -1, 0.5, 1, 3], [-1, 1, 2, 4])
    jump = kink("step")
    size = jump.right_limit - jump.left_limit
    return Draft(
        stem=(
            "$H$ is the Heaviside step: $H(x) = 0$ for $x \\le 0$ and $1$ for $x > 0$. "
            f"Let $f(x) = {times(a, f'H({shifted(c1)})')}{then(b, f'H({shifted(c2)})')}$. "
            "List every point where $f$ is not continuous."
        ),
        key=PointSet((c1, c2)),
        explanation=(
            "Each term is constant except where its argument crosses 0: "
            f"$f$ jumps by {n(a * size)} at $x = {n(c1)}$ and by {n(b * size)} at $x = {n(c2)}$, "
            "and is constant near every other point, hence continuous there."
        ),
        f=f,
        facts=(*one_sided_facts(c1, 0.0, None), *one_sided_facts(c2, 0.0, None)),
        alternatives=(
            Alternative(
                PointSet(()),
                0.0,
                "limit-is-value",
                "$f$ is defined at every point, "
                "but at a jump its one-sided limits differ, so it is not continuous there.",
            ),
            Alternative(
                PointSet((0.0,)), 0.0, None, "Each term jumps where its own argument is 0."
            ),
        ),
        hints=("Where does each term jump?",),
    )
