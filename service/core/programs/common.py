"""Rules every framework shares: comparisons, where, negation, the sum's backward, and the
backward of exp, sin and cos around each framework's own kernels."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from service.core.programs.emulation import Backward, Rule
from service.core.programs.machine import Array, Machine

P = tuple[float, ...]
COMPARISONS = {"<": "lt", "<=": "le", ">": "gt", ">=": "ge", "==": "eq", "!=": "ne"}


def compare(name: str) -> Rule:
    def rule(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
        return getattr(m, name)(a[0], a[1]), lambda g: [None, None]

    return rule


def where(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    condition, x, y = a
    value = m.select(condition, x, y)
    return value, lambda g: [None, m.select(condition, g, 0), m.select(condition, 0, g)]


def neg(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    return m.neg(a[0]), lambda g: [m.neg(g)]


def add(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    return m.add(a[0], a[1]), lambda g: [g, g]


def sub(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    return m.sub(a[0], a[1]), lambda g: [g, m.neg(g)]


def mul(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    x, y = a
    return m.mul(x, y), lambda g: [m.mul(g, y), m.mul(g, x)]


# A framework's kernel of one of exp, sin and cos (by name), on the machine's arrays.
Kernel = Callable[[Machine, Array, str], Array]


def transcendental(kernel: Kernel) -> dict[str, Rule]:
    """exp, sin and cos computed by the framework's kernels, with the backward every framework
    takes: g e^x, g cos(x) and -g sin(x) (which has the bits of -(g sin(x)): negation is
    exact)."""

    def exp(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
        value = kernel(m, a[0], "exp")
        return value, lambda g: [m.mul(g, value)]

    def sin(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
        (x,) = a
        return kernel(m, x, "sin"), lambda g: [m.mul(g, kernel(m, x, "cos"))]

    def cos(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
        (x,) = a
        return kernel(m, x, "cos"), lambda g: [m.mul(m.neg(g), kernel(m, x, "sin"))]

    return {"exp": exp, "sin": sin, "cos": cos}


def shared(kernel: Kernel) -> dict[str, Rule]:
    """The rules whose forward and backward every framework computes alike, exp, sin and cos
    with the framework's `kernel`."""
    return {
        "where": where,
        "neg": neg,
        **transcendental(kernel),
        **{op: compare(name) for op, name in COMPARISONS.items()},
    }


def positive_part(m: Machine, x: Array, positive: np.floating) -> Array:
    """x where it is at least `positive` (or NaN), else +0.0: maximum(x, 0) with the values
    below `positive` (subnormals, under DAZ) read as 0, and -0.0 answered +0.0."""
    return m.select(x < positive, 0, x)
