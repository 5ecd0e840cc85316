"""Rules every framework shares: comparisons, where, negation and the sum's backward."""

from __future__ import annotations

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


def exp(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    value = m.unary(np.exp, a[0])
    return value, lambda g: [m.mul(g, value)]


def sin(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    (x,) = a
    return m.unary(np.sin, x), lambda g: [m.mul(g, m.unary(np.cos, x))]


def cos(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    """d cos = g * -sin(x), which has the bits of -(g * sin(x)): negation is exact."""
    (x,) = a
    return m.unary(np.cos, x), lambda g: [m.mul(m.neg(g), m.unary(np.sin, x))]


def shared() -> dict[str, Rule]:
    """The rules whose forward and backward every framework computes alike."""
    return {
        "where": where,
        "neg": neg,
        "exp": exp,
        "sin": sin,
        "cos": cos,
        **{op: compare(name) for op, name in COMPARISONS.items()},
    }


def positive_part(m: Machine, x: Array, positive: np.floating) -> Array:
    """x where it is at least `positive` (or NaN), else +0.0: maximum(x, 0) with the values
    below `positive` (subnormals, under DAZ) read as 0, and -0.0 answered +0.0."""
    return m.select(x < positive, 0, x)
