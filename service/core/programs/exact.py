"""The true value and one-sided derivatives of a program, by one-sided Taylor arithmetic.

On each side of a point, x = x0 + s t with s = +1 or -1 and small t > 0. Every subexpression is
carried as its Taylor coefficients in t up to ORDER (in extended precision). A piecewise
primitive chooses its piece by the sign of the first nonzero coefficient of its argument (minus
the kink), which is the side the argument is on for small t: so relu(x) - relu(-x) is seen to be
x on both sides, and max(x, x) to be x. The right derivative is the t coefficient on the right,
the left derivative minus that on the left. Where a side's limit differs from the value (a jump),
that side's derivative does not exist: NaN. Numbers are the float64 values of their decimals.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from service.core.programs.machine import Array
from service.core.programs.syntax import Binary, Call, Const, Neg, Node, Power, Var, Where

ORDER = 4
WIDE = np.longdouble
Jet = Any  # shape (ORDER + 1, n): Taylor coefficients, lowest first


def _constant(value: float, n: int) -> Jet:
    jet = np.zeros((ORDER + 1, n), dtype=WIDE)
    jet[0] = value
    return jet


def _mul(a: Jet, b: Jet) -> Jet:
    out = np.zeros_like(a)
    for k in range(ORDER + 1):
        out[k] = sum(a[j] * b[k - j] for j in range(k + 1))
    return out


def _div(a: Jet, b: Jet) -> Jet:
    out = np.zeros_like(a)
    for k in range(ORDER + 1):
        out[k] = (a[k] - sum(b[j] * out[k - j] for j in range(1, k + 1))) / b[0]
    return out


def _power(a: Jet, n: int) -> Jet:
    out = _constant(1.0, a.shape[1])
    for _ in range(abs(n)):
        out = _mul(out, a)
    return _div(_constant(1.0, a.shape[1]), out) if n < 0 else out


def _exp(a: Jet) -> Jet:
    out = np.zeros_like(a)
    out[0] = np.exp(a[0])
    for k in range(1, ORDER + 1):
        out[k] = sum(j * a[j] * out[k - j] for j in range(1, k + 1)) / k
    return out


def _log(a: Jet) -> Jet:
    out = np.zeros_like(a)
    out[0] = np.log(a[0])
    for k in range(1, ORDER + 1):
        out[k] = (a[k] - sum(j * out[j] * a[k - j] for j in range(1, k)) / k) / a[0]
    return out


def _sin_cos(a: Jet) -> tuple[Jet, Jet]:
    s, c = np.zeros_like(a), np.zeros_like(a)
    s[0], c[0] = np.sin(a[0]), np.cos(a[0])
    for k in range(1, ORDER + 1):
        s[k] = sum(j * a[j] * c[k - j] for j in range(1, k + 1)) / k
        c[k] = -sum(j * a[j] * s[k - j] for j in range(1, k + 1)) / k
    return s, c


def _sqrt(a: Jet) -> Jet:
    out = np.zeros_like(a)
    out[0] = np.sqrt(a[0])
    for k in range(1, ORDER + 1):
        out[k] = (a[k] - sum(out[j] * out[k - j] for j in range(1, k))) / (2 * out[0])
    return out


def _softplus(a: Jet) -> Jet:
    """log(1 + e^a), written as max(a, 0) + log(1 + e^-|a|) so neither side overflows."""
    positive = a[0] > 0
    flipped = np.where(positive, -a, a)  # -|a| as a jet, piece by piece
    tail = _log(_constant(1.0, a.shape[1]) + _exp(flipped))
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
    n = a.shape[1]
    below, above = side_sign(a - _constant(low, n)) < 0, side_sign(a - _constant(high, n)) > 0
    return _pick(below, _constant(low, n), _pick(above, _constant(high, n), a))


_COMPARE: dict[str, Callable[[Array], Array]] = {
    "<": lambda s: s < 0,
    "<=": lambda s: s <= 0,
    ">": lambda s: s > 0,
    ">=": lambda s: s >= 0,
    "==": lambda s: s == 0,
    "!=": lambda s: s != 0,
}


def _call(name: str, args: list[Jet], params: tuple[float, ...]) -> Jet:
    a, n = args[0], args[0].shape[1]
    zero = _constant(0.0, n)
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
            return _constant(0.0, n) + side_sign(a)[None, :] * np.eye(ORDER + 1, 1)
        case "step":
            return _pick(side_sign(a) > 0, _constant(1.0, n), zero)
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


def jet(node: Node, x: Jet) -> Jet:
    """The program's Taylor coefficients, given those of x."""
    n = x.shape[1]
    match node:
        case Var():
            return x
        case Const(value):
            return _constant(value, n)
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
    with np.errstate(all="ignore"):
        point = np.zeros((ORDER + 1, flat.size), dtype=WIDE)
        point[0] = flat
        value = jet(node, point)[0]
        sides = []
        for direction in (-1.0, 1.0):
            moving = point.copy()
            moving[1] = direction
            coefficients = jet(node, moving)
            derivative = coefficients[1] * direction
            coefficients[:, np.isnan(flat)] = np.nan
            jump = (coefficients[0] != value) & ~(np.isinf(value) & (coefficients[0] == value))
            sides.append(np.where(jump | np.isnan(value), np.nan, derivative))
        value = np.where(np.isnan(flat), np.nan, value)  # NaN in, NaN out
    shaped = [np.asarray(a, dtype=x.dtype).reshape(x.shape) + 0.0 for a in (value, *sides)]
    return shaped[0], shaped[1], shaped[2]
