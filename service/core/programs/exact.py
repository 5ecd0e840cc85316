"""The true value and one-sided derivatives of a program, by one-sided Taylor arithmetic.

On each side of a point, x = x0 + s t with s = +1 or -1 and small t > 0. Every subexpression is
carried as its Taylor coefficients in t up to an order at least the program's polynomial
degree (in extended precision). A piecewise
primitive chooses its piece by the sign of the first nonzero coefficient of its argument (minus
the kink), which is the side the argument is on for small t: so relu(x) - relu(-x) is seen to be
x on both sides, and max(x, x) to be x. The right derivative is the t coefficient on the right,
the left derivative minus that on the left. Where a side's limit differs from the value (a jump),
that side's derivative does not exist: NaN. Numbers are the float64 values of their decimals.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

import numpy as np

from service.core.programs import precise
from service.core.programs.machine import Array
from service.core.programs.syntax import (
    Binary,
    Call,
    Const,
    Neg,
    Node,
    Power,
    Var,
    Where,
    children,
)

ORDER = 4  # at least; more for programs of higher degree (x^5 at 0 is 0 to 4th order)
MAX_ORDER = 16
WIDE = np.longdouble
Jet = Any  # shape (order + 1, n): Taylor coefficients, lowest first


def _constant(value: float, like: Jet) -> Jet:
    """A constant, as a jet of the same order and length as `like`."""
    jet = np.zeros(like.shape, dtype=WIDE)
    jet[0] = value
    return jet


def _times(a: Jet, b: Jet) -> Jet:
    """a * b where a zero factor wins (an infinite value times a zero slope is 0)."""
    return np.where((a == 0) | (b == 0), 0, a * b)


def _mul(a: Jet, b: Jet) -> Jet:
    out = np.zeros_like(a)
    for k in range(len(a)):
        out[k] = sum(_times(a[j], b[k - j]) for j in range(k + 1))
    return out


def _div(a: Jet, b: Jet) -> Jet:
    out = np.zeros_like(a)
    # A denominator that is 0 here is a zero of the sign it has on this side (1/x: -inf on
    # the left, so a jump from the value +inf)
    lead = np.where(b[0] == 0, np.copysign(0, side_sign(b)), b[0])
    for k in range(len(a)):
        out[k] = (a[k] - sum(_times(b[j], out[k - j]) for j in range(1, k + 1))) / lead
    return out


def _power(a: Jet, n: int) -> Jet:
    out = _constant(1.0, a)
    for _ in range(abs(n)):
        out = _mul(out, a)
    return _div(_constant(1.0, a), out) if n < 0 else out


def _exp(a: Jet) -> Jet:
    out = np.zeros_like(a)
    out[0] = np.exp(a[0])
    for k in range(1, len(a)):
        out[k] = sum(j * a[j] * out[k - j] for j in range(1, k + 1)) / k
    return out


def _log(a: Jet) -> Jet:
    out = np.zeros_like(a)
    out[0] = np.log(a[0])
    for k in range(1, len(a)):
        out[k] = (a[k] - sum(j * out[j] * a[k - j] for j in range(1, k)) / k) / a[0]
    return out


def _sin_cos(a: Jet) -> tuple[Jet, Jet]:
    s, c = np.zeros_like(a), np.zeros_like(a)
    s[0], c[0] = np.sin(a[0]), np.cos(a[0])
    for k in range(1, len(a)):
        s[k] = sum(j * a[j] * c[k - j] for j in range(1, k + 1)) / k
        c[k] = -sum(j * a[j] * s[k - j] for j in range(1, k + 1)) / k
    return s, c


def _sqrt(a: Jet) -> Jet:
    out = np.zeros_like(a)
    out[0] = np.sqrt(a[0])
    for k in range(1, len(a)):
        out[k] = (a[k] - sum(out[j] * out[k - j] for j in range(1, k))) / (2 * out[0])
    return out


def _softplus(a: Jet) -> Jet:
    """log(1 + e^a), written as max(a, 0) + log(1 + e^-|a|) so neither side overflows."""
    positive = a[0] > 0
    flipped = np.where(positive, -a, a)  # -|a| as a jet, piece by piece
    tail = _log(_constant(1.0, a) + _exp(flipped))
    return np.where(positive, a + tail, tail)


def side_sign(a: Jet) -> Array:
    """The sign of a for small t > 0: of its first nonzero coefficient (0 if all are)."""
    nonzero = a != 0
    first = np.argmax(nonzero, axis=0)
    sign = np.sign(a[first, np.arange(a.shape[1])])
    return np.where(np.isnan(a).any(axis=0), np.nan, sign)


def _pick(condition: Array, a: Jet, b: Jet) -> Jet:
    return np.where(condition.astype(bool), a, b)


def _clamp(a: Jet, low: float, high: float) -> Jet:
    below, above = side_sign(a - _constant(low, a)) < 0, side_sign(a - _constant(high, a)) > 0
    return _pick(below, _constant(low, a), _pick(above, _constant(high, a), a))


_COMPARE: dict[str, Callable[[Array], Array]] = {
    "<": lambda s: s < 0,
    "<=": lambda s: s <= 0,
    ">": lambda s: s > 0,
    ">=": lambda s: s >= 0,
    "==": lambda s: s == 0,
    "!=": lambda s: s != 0,
}


def _call(name: str, args: list[Jet], params: tuple[float, ...]) -> Jet:
    a = args[0]
    zero = _constant(0.0, a)
    match name:
        case "relu":
            return _pick(side_sign(a) > 0, a, zero)
        case "leaky_relu":
            return _pick(side_sign(a) >= 0, a, a * params[0])
        case "relu6":
            return _clamp(a, 0.0, 6.0)
        case "hardtanh" | "clamp":
            return _clamp(a, params[0], params[1])
        case "abs":
            return a * np.where(side_sign(a) < 0, -1, 1)
        case "sign":
            return _constant(0.0, a) + side_sign(a)[None, :] * np.eye(len(a), 1)
        case "step":
            return _pick(side_sign(a) > 0, _constant(1.0, a), zero)
        case "max" | "min":
            difference = side_sign(args[0] - args[1])
            first = difference >= 0 if name == "max" else difference <= 0
            return _pick(first, args[0], args[1])
        case "softplus":
            return _softplus(a)
        case "exp":
            return _exp(a)
        case "log":  # only where the argument is positive on this side
            outside = np.full_like(a, np.nan)
            outside[0] = np.where(a[0] == 0, -np.inf, np.nan)
            return np.where(side_sign(a) > 0, _log(a), outside)
        case "sin" | "cos":
            sine, cosine = _sin_cos(a)
            return sine if name == "sin" else cosine
        case "sqrt":
            return np.where(side_sign(a) >= 0, _sqrt(a), np.nan)
    raise AssertionError(name)


@lru_cache(maxsize=1024)
def order(node: Node) -> int:
    """Enough Taylor terms to see which side of a kink a polynomial argument is on."""
    return max(ORDER, min(MAX_ORDER, _degree(node)))


def _degree(node: Node) -> int:
    match node:
        case Var():
            return 1
        case Const():
            return 0
        case Binary("*", left, right):
            return _degree(left) + _degree(right)
        case Power(base, exponent):
            return _degree(base) * abs(exponent)
    return max((_degree(child) for child in children(node)), default=0)


def jet(node: Node, x: Jet) -> Jet:
    """The program's Taylor coefficients, given those of x."""
    match node:
        case Var():
            return x
        case Const(value):
            return _constant(value, x)
        case Neg(arg):
            return -jet(arg, x)
        case Binary(op, left, right):
            a, b = jet(left, x), jet(right, x)
            if op == "+":
                return a + b
            if op == "-":
                return a - b
            return _mul(a, b) if op == "*" else _div(a, b)
        case Power(base, exponent):
            return _power(jet(base, x), exponent)
        case Call(name, args, params):
            return _call(name, [jet(arg, x) for arg in args], params)
        case Where(op, left, right, then, otherwise):
            condition = _COMPARE[op](side_sign(jet(left, x) - jet(right, x)))
            nan = np.isnan(jet(left, x)[0]) | np.isnan(jet(right, x)[0])
            condition = np.where(nan, op == "!=", condition)
            return _pick(condition, jet(then, x), jet(otherwise, x))
    raise AssertionError(node)


def evaluate(node: Node, x: Array) -> tuple[Array, Array, Array]:
    """(value, left derivative, right derivative) at each x, rounded once to x's dtype."""
    flat = x.reshape(-1).astype(WIDE) + 0.0  # -0.0 is 0
    n = flat.size
    with np.errstate(all="ignore"):
        # One pass over the tree for the point itself, its left side and its right side.
        x_jet = np.zeros((order(node) + 1, 3 * n), dtype=WIDE)
        x_jet[0] = np.tile(flat, 3)
        x_jet[1, n : 2 * n], x_jet[1, 2 * n :] = -1.0, 1.0
        coefficients = jet(node, x_jet)
        value = coefficients[0, :n]
        sides = []
        for direction, side in (
            (-1.0, coefficients[:, n : 2 * n]),
            (1.0, coefficients[:, 2 * n :]),
        ):
            derivative = side[1] * direction
            limit = np.where(np.isnan(flat), np.nan, side[0])
            jump = (limit != value) & ~(np.isinf(value) & (limit == value))
            sides.append(np.where(jump | np.isnan(value), np.nan, derivative))
        value = np.where(np.isnan(flat), np.nan, value)  # NaN in, NaN out
        # rounded once to x's dtype (beyond its range: infinite), never -0.0
        outputs = [np.asarray(a, dtype=x.dtype) + 0.0 for a in (value, *sides)]
        for i in np.flatnonzero(precise.suspects(node, flat)):
            for out, answer in zip(outputs, precise.point(node, float(flat[i])), strict=True):
                out[i] = out.dtype.type(answer) + 0  # rounded to the dtype, then -0.0 is 0
    value, left, right = (out.reshape(x.shape) for out in outputs)
    return value, left, right
