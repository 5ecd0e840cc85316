"""Families asking for subgradients: the subdifferential of a scaled relu or of leaky ReLU at
its kink, and the subgradients relu gets at several points under a rule for the kink."""

from __future__ import annotations

import random

import numpy as np

from service.core import evaluate
from service.core.catalogue import CATALOGUE
from service.core.conventions import FRAMEWORKS, kink_values
from service.quiz.core.answers import Interval, Vector
from service.quiz.core.families.functions import FRAMEWORK_NAMES, RELU, bounds, kink, value
from service.quiz.core.families.registry import Draft, Fact, family, one_sided_facts
from service.quiz.core.families.text import max0, n, times
from service.quiz.core.items import Alternative, FunctionRef


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
    sub = bounds(RELU)
    lower, upper = a * sub[0] + 0.0, a * sub[1]
    return Draft(
        stem=(
            f"Let $f(x) = {times(a, max0(c))}$, a convex function. "
            f"Give its subdifferential $\\partial f({n(c)})$ as an interval."
        ),
        key=Interval(lower, upper),
        explanation=(
            f"At $x = {n(c)}$ the one-sided derivatives are {n(lower)} and {n(upper)}; "
            "every slope between them supports the graph, "
            f"so $\\partial f({n(c)}) = [{n(lower)}, {n(upper)}]$."
        ),
        f=lambda x: a * value("relu", x - c),
        facts=one_sided_facts(c, lower, upper),
        alternatives=(
            Alternative(Interval(lower, upper, False, False), 0.25, "subdifferential-open"),
            Alternative(Interval(lower, lower), 0.0, "subgradient-unique"),
            Alternative(Interval(upper, upper), 0.0, "subgradient-unique"),
        ),
        hints=(
            "For a convex function of one variable, "
            "the subdifferential at a kink is bounded by the one-sided derivatives there: "
            f"compute them at $x = {n(c)}$.",
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
    lower, upper = bounds(kink("leaky_relu", params=params))
    relu = bounds(RELU)
    return Draft(
        stem=(
            f"Leaky ReLU with negative slope $\\alpha = {n(slope)}$ "
            "is $x$ for $x \\ge 0$ and $\\alpha x$ for $x < 0$. "
            "Give its subdifferential at $x = 0$ as an interval."
        ),
        key=Interval(lower, upper),
        explanation=(
            f"The left derivative at 0 is $\\alpha = {n(lower)}$ "
            f"and the right derivative is {n(upper)}; "
            "the subdifferential of this convex function is the closed interval between them."
        ),
        f=lambda x: value("leaky_relu", x, params),
        facts=one_sided_facts(0, lower, upper),
        alternatives=(
            Alternative(
                Interval(*relu),
                0.0,
                None,
                f"$[{n(relu[0])}, {n(relu[1])}]$ is relu's subdifferential; "
                f"leaky ReLU keeps the slope ${n(slope)}$ on the left.",
            ),
            Alternative(Interval(lower, upper, False, False), 0.25, "subdifferential-open"),
        ),
        feedback={"incorrect": "Compute the two one-sided derivatives at 0 first."},
        function=FunctionRef("leaky_relu", params),
        hints=(
            "The subdifferential of a convex function at a kink "
            "runs between its one-sided derivatives there.",
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
            "Away from 0 the subgradient is the derivative: "
            "0 for negative inputs, 1 for positive ones. "
            f"At 0 any value in $[0, 1]$ is a subgradient; here the rule picks {n(per_kink[0])}."
        ),
        f=lambda x: value("relu", x),
        facts=tuple(
            Fact("derivative", p, v) for p, v in zip(points, values, strict=True) if p != 0
        ),
        function=FunctionRef("relu"),
        hints=("Away from 0 relu has an ordinary derivative; only the zeros need the rule.",),
        labels=tuple(f"x = {n(p)}" for p in points),
    )
