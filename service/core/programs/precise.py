"""The points extended precision cannot vouch for, and their answers from mpmath.

exact.py computes with a 64-bit significand. Where the argument of a piecewise primitive,
the two sides of a comparison or the result itself is small against the magnitudes it was made
from (a cancellation: (x + 1) - 1 at 1e-10, x^3 - x just above 1, where(x + 1 > 1, ...) at
5e-324), it may be rounding noise, so `suspects` marks those points and `point` recomputes one:
the value at 2,400 bits (room for the sum of any two float64 values and for products of a
few), every piece chosen by an exact comparison, and each one-sided derivative as a difference
quotient with a step of 2^-200 times the point's binade, checked against a step 2^64 times
smaller (where they disagree there is no derivative: a jump).
"""

from __future__ import annotations

import math
import operator
from typing import Any

import mpmath  # type: ignore[import-untyped]
import numpy as np
from mpmath import mp, mpf

from service.core.programs.syntax import Binary, Call, Const, Neg, Node, Power, Var, Where

WIDE = np.longdouble
NOISE = WIDE(2.0**-56)  # a few roundings of a 64-bit significand, relative to the magnitude
FAINT = WIDE(2.0**-8)  # a result this small against its magnitude may have lost float64 bits
PRECISION = 2400

_KINKS = {"relu": (0.0,), "leaky_relu": (0.0,), "abs": (0.0,), "sign": (0.0,), "step": (0.0,)}


_PIECEWISE: dict[str, Any] = {
    "relu": lambda a, p: np.maximum(a, 0),
    "leaky_relu": lambda a, p: np.where(a >= 0, a, p[0] * a),
    "relu6": lambda a, p: np.clip(a, 0, 6),
    "hardtanh": lambda a, p: np.clip(a, p[0], p[1]),
    "clamp": lambda a, p: np.clip(a, p[0], p[1]),
    "abs": lambda a, p: np.abs(a),
    "sign": lambda a, p: np.sign(a),
    "step": lambda a, p: (a > 0).astype(WIDE),
}
_SMOOTH: dict[str, Any] = {
    "exp": np.exp,
    "log": np.log,
    "sin": np.sin,
    "cos": np.cos,
    "sqrt": np.sqrt,
    "softplus": lambda a: np.logaddexp(0, a),
}


def _near(value: Any, kink: float, magnitude: Any) -> Any:
    return np.abs(value - kink) <= (magnitude + abs(kink)) * NOISE


def _sum_rounds(a: Any, b: Any, s: Any) -> Any:
    """Whether s = a + b was rounded (Knuth's TwoSum: its error term is exact)."""
    bb = s - a
    return ((a - (s - bb)) + (b - bb)) != 0


_SPLIT = WIDE(2.0**32 + 1)


def _product_rounds(a: Any, b: Any, p: Any) -> Any:
    """Whether p = a * b was rounded (Dekker's TwoProduct, by splitting each factor)."""
    ca, cb = _SPLIT * a, _SPLIT * b
    ah, bh = ca - (ca - a), cb - (cb - b)
    al, bl = a - ah, b - bh
    return (((ah * bh - p) + ah * bl + al * bh) + al * bl) != 0


Risk = tuple[Any, Any, Any, Any]  # value, magnitude, rounded so far, suspect


def _multiply(a: Risk, b: Risk) -> Risk:
    (va, ma, ia, ra), (vb, mb, ib, rb) = a, b
    p = va * vb
    return p, ma * mb, ia | ib | _product_rounds(va, vb, p), ra | rb


def _risk(node: Node, x: Any) -> Risk:
    """Per element: the value in long double, a bound on the magnitude of the terms it was made
    of, whether any step so far was rounded, and whether a choice of piece may be wrong."""
    none = np.zeros(x.shape, bool)
    match node:
        case Var():
            return x, np.abs(x), none, none
        case Const(value):
            return np.full(x.shape, WIDE(value)), np.full(x.shape, WIDE(abs(value))), none, none
        case Neg(arg):
            v, m, i, r = _risk(arg, x)
            return -v, m, i, r
        case Binary(op, left, right):
            a, b = _risk(left, x), _risk(right, x)
            if op == "*":
                return _multiply(a, b)
            (va, ma, ia, ra), (vb, mb, ib, rb) = a, b
            if op in "+-":
                vb = vb if op == "+" else -vb
                s = va + vb
                return s, ma + mb, ia | ib | _sum_rounds(va, vb, s), ra | rb
            q = va / vb
            rounded = ia | ib | _product_rounds(q, vb, q * vb) | (q * vb != va)
            return q, ma / np.abs(vb), rounded, ra | rb | (ib & _near(vb, 0.0, mb))
        case Power(base, exponent):
            a = _risk(base, x)
            out: Risk = (np.ones(x.shape, WIDE), np.ones(x.shape, WIDE), none, a[3])
            for _ in range(abs(exponent)):
                out = _multiply(out, a)
            if exponent >= 0:
                return out
            v, m, i, r = out
            return 1 / v, 1 / np.abs(v), i | (1 / v * v != 1), r | (i & _near(v, 0.0, m))
        case Where(op, left, right, then, otherwise):
            (a, ma, ia, ra), (b, mb, ib, rb) = _risk(left, x), _risk(right, x)
            (t, mt, it, rt), (o, mo, io, ro) = _risk(then, x), _risk(otherwise, x)
            chosen = _COMPARE[op](a, b)
            suspect = ra | rb | rt | ro | ((ia | ib) & _near(a - b, 0.0, ma + mb))
            return (
                np.where(chosen, t, o),
                np.where(chosen, mt, mo),
                np.where(chosen, it, io),
                suspect,
            )
        case Call(name, args, params):
            parts = [_risk(arg, x) for arg in args]
            a, ma, ia, suspect = parts[0]
            if name in ("max", "min"):
                b, mb, ib, rb = parts[1]
                tie = (ia | ib) & _near(a - b, 0.0, ma + mb)
                value = np.maximum(a, b) if name == "max" else np.minimum(a, b)
                return value, np.maximum(ma, mb), ia | ib, suspect | rb | tie
            if name in _PIECEWISE:
                kinks = _KINKS.get(name, (0.0, 6.0) if name == "relu6" else params)
                for kink in kinks:
                    suspect = suspect | (ia & _near(a, kink, ma))
                rounded = ia | (name == "leaky_relu")
                value = _PIECEWISE[name](a, params)
                return value, ma + max((abs(k) for k in kinks), default=0.0), rounded, suspect
            value = _SMOOTH[name](a)  # exp, log, sin, cos, sqrt, softplus: rounded
            return value, np.abs(value), ~none, suspect
    raise AssertionError(node)


def suspects(node: Node, x: Any) -> Any:
    """The elements of x (a 1-D long double array) to recompute with `point`."""
    with np.errstate(all="ignore"):
        value, magnitude, rounded, suspect = _risk(node, x)
        faint = rounded & (np.abs(value) < magnitude * FAINT)
    return (suspect | faint) & np.isfinite(x) & np.isfinite(magnitude)


def _divide(a: mpf, b: mpf) -> mpf:
    if b == 0:
        return mpf("nan") if a == 0 or mpmath.isnan(a) else mpf("inf") * mpmath.sign(a)
    return a / b


def _call(name: str, a: list[mpf], params: tuple[float, ...]) -> mpf:
    u = a[0]
    if mpmath.isnan(u):
        return u
    match name:
        case "relu":
            return max(u, mpf(0))
        case "leaky_relu":
            return u if u >= 0 else params[0] * u
        case "relu6":
            return min(max(u, mpf(0)), mpf(6))
        case "hardtanh" | "clamp":
            return min(max(u, mpf(params[0])), mpf(params[1]))
        case "abs":
            return abs(u)
        case "sign":
            return mpf(mpmath.sign(u))
        case "step":
            return mpf(1) if u > 0 else mpf(0)
        case "max" | "min":
            v = a[1]
            if mpmath.isnan(v):
                return v
            return max(u, v) if name == "max" else min(u, v)
        case "softplus":
            return mpmath.log1p(mpmath.exp(-abs(u))) + max(u, mpf(0))
        case "exp":
            return mpmath.exp(u)
        case "log":
            return mpf("nan") if u < 0 else mpf("-inf") if u == 0 else mpmath.log(u)
        case "sin" | "cos":
            return mpmath.sin(u) if name == "sin" else mpmath.cos(u)
        case "sqrt":
            return mpf("nan") if u < 0 else mpmath.sqrt(u)
    raise AssertionError(name)


_COMPARE = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
}


def _value(node: Node, x: mpf) -> mpf:
    match node:
        case Var():
            return x
        case Const(value):
            return mpf(value)
        case Neg(arg):
            return -_value(arg, x)
        case Binary(op, left, right):
            a, b = _value(left, x), _value(right, x)
            if op == "/":
                return _divide(a, b)
            return a + b if op == "+" else a - b if op == "-" else a * b
        case Power(base, exponent):
            a = _value(base, x)
            return _divide(mpf(1), a ** (-exponent)) if exponent < 0 else a**exponent
        case Call(name, args, params):
            return _call(name, [_value(arg, x) for arg in args], params)
        case Where(op, left, right, then, otherwise):
            chosen = _COMPARE[op](_value(left, x), _value(right, x))
            return _value(then if chosen else otherwise, x)
    raise AssertionError(node)


def _slope(node: Node, x: mpf, at: mpf, step: mpf) -> float:
    """The one-sided derivative in the direction of step's sign, or NaN where none exists."""
    near, nearer = _value(node, x + step), _value(node, x + step / 2**64)
    if not all(mpmath.isfinite(v) for v in (at, near, nearer)):
        return math.nan
    first, second = (near - at) / step, (nearer - at) / (step / 2**64)
    if abs(first - second) > max(mpf(1), abs(second)) * mpf(2) ** -60:
        return math.nan  # the quotient does not settle: a jump or an unbounded slope
    return float(second)


def point(node: Node, x: float) -> tuple[float, float, float]:
    """(value, left derivative, right derivative) at x, each correctly rounded to float64."""
    with mp.workprec(PRECISION):
        where = mpf(x)
        at = _value(node, where)
        binade = mpf(2) ** (math.frexp(x)[1] if x != 0 else -1074)
        step = binade * mpf(2) ** -200
        value = float(at) if not mpmath.isnan(at) else math.nan
        return value, _slope(node, where, at, -step), _slope(node, where, at, step)
