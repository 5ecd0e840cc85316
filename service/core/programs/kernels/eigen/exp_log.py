"""Eigen's exp and log packet functions (Eigen/src/Core/arch/Default/
GenericPacketMathFunctions.h: pexp_float, pexp_double, plog_impl_float, plog_impl_double,
generic_log1p), without FMA: each pmadd is a multiply then an add, each rounded.
"""

from __future__ import annotations

import numpy as np

from service.core.programs.kernels.eigen.packets import F32, LN2, flushed, frexp, put, scaled
from service.core.programs.machine import Array

# --- exp: pexp_float, pexp_double ---

_EXP32_P = tuple(
    np.float32(c)
    for c in (0.49999988079071044921875, 0.16666518151760101318359375,
              4.166965186595916748046875e-2, 8.36894474923610687255859375e-3,
              1.37449637986719608306884765625e-3)
)  # fmt: skip
LOG2E32 = np.float32(1.44269504088896341)
LN2_HI32, LN2_LO32 = np.float32(-0.693359375), np.float32(2.12194440e-4)  # Cephes' C1, C2


def exp32(x: Array) -> Array:
    """pexp_float: exp(x) = 2^m exp(r), m = floor(x log2(e) + 1/2), r = x - m ln 2 with
    ln 2 in two parts (Cody and Waite), exp(r) by a degree 6 polynomial."""
    x = flushed(x)
    clamped = np.minimum(x, np.float32(88.723))
    m = np.floor(clamped * LOG2E32 + np.float32(0.5))
    r = m * LN2_HI32 + clamped
    r = m * LN2_LO32 + r
    p2, p3, p4, p5, p6 = _EXP32_P
    r2 = r * r
    even = r2 * p6 + p4
    odd = r2 * p5 + p3
    even = r2 * even + p2
    y = r * odd + even
    y = r2 * y + (r + np.float32(1))
    # pmax(y 2^m, x) tells only at +inf and NaN, where np.maximum answers alike
    out = np.maximum(scaled(y, m), x)
    return put(out, x < np.float32(-104), 0)


_EXP64_P = (1.26177193074810590878e-4, 3.02994407707441961300e-2, 9.99999999999999999910e-1)
_EXP64_Q = (3.00198505138664455042e-6, 2.52448340349684104192e-3, 2.27265548208155028766e-1,
            2.00000000000000000009e0)  # fmt: skip


def exp64(x: Array) -> Array:
    """pexp_double: Cephes' exp, 2^n exp(r) with r = x - n ln 2 (ln 2 in two parts) and
    exp(r) = 1 + 2 r P(r^2) / (Q(r^2) - r P(r^2))."""
    x = flushed(x)
    clamped = np.minimum(x, 709.784)
    n = np.floor(1.4426950408889634073599 * clamped + 0.5)
    r = clamped - n * 0.693145751953125
    r = r - n * 1.42860682030941723212e-6
    r2 = r * r
    p0, p1, p2 = _EXP64_P
    px = ((p0 * r2 + p1) * r2 + p2) * r
    q0, q1, q2, q3 = _EXP64_Q
    qx = ((q0 * r2 + q1) * r2 + q2) * r2 + q3
    y = 2.0 * (px / (qx - px)) + 1.0
    out = np.maximum(scaled(y, n), x)
    return put(out, x < -745.519, 0)


# --- log: plog_impl_float, plog_impl_double ---


def _log_reduce(x: Array) -> tuple[Array, Array]:
    """x = 2^e (1 + f), 1 + f in [sqrt(1/2), sqrt(2))."""
    m, e = frexp(x)
    below = m < np.array(0.70710678118654752440, x.dtype)
    f = m - np.ones((), x.dtype)
    f += m * below  # pand(m, below): m or +0
    e -= below
    return f, e


def _log_special(x: Array, y: Array) -> Array:
    """plog's last step: -inf at 0 (a subnormal too), +inf at +inf, NaN below 0 and at NaN."""
    if not (~(x > 0) | (x == np.inf)).any():
        return y
    y = np.where(x == np.inf, x, y)
    y = np.where((x < 0) | np.isnan(x), np.array(np.nan, x.dtype), y)
    return np.where(x == 0, np.array(-np.inf, x.dtype), y)


_LOG32_P = tuple(
    np.float32(a) for a in (0.18256296349849254, 1.0000000190281063, 1.0000000190281136)
)
_LOG32_Q = tuple(
    np.float32(b) for b in (0.049616247954120038, 0.59923249590823520, 1.4999999999999927, 1.0)
)


def log32(x: Array) -> Array:
    """plog_impl_float: log(1 + f) as f P(f) / Q(f), plus e ln 2."""
    x = flushed(x)
    f, e = _log_reduce(x)
    a0, a1, a2 = _LOG32_P
    b0, b1, b2, b3 = _LOG32_Q
    p = f * ((a0 * f + a1) * f + a2)
    q = ((b0 * f + b1) * f + b2) * f + b3
    y = e * np.float32(LN2) + p / q
    return _log_special(x, y)


_LOG64_P = (
    1.01875663804580931796e-4,
    4.97494994976747001425e-1,
    4.70579119878881725854e0,
    1.44989225341610930846e1,
    1.79368678507819816313e1,
    7.70838733755885391666e0,
)
_LOG64_Q = (1.0, 1.12873587189167450590e1, 4.52279145837532221105e1, 8.29875266912776603211e1,
            7.11544750618563894466e1, 2.31251620126765340583e1)  # fmt: skip


def log64(x: Array) -> Array:
    """plog_impl_double: Cephes' log, f - f^2/2 + f^3 P(f) / Q(f), plus e ln 2."""
    x = flushed(x)
    f, e = _log_reduce(x)
    f2 = f * f
    f3 = f2 * f
    p0, p1, p2, p3, p4, p5 = _LOG64_P
    p = ((p0 * f + p1) * f + p2) * f3 + ((p3 * f + p4) * f + p5)
    q0, q1, q2, q3, q4, q5 = _LOG64_Q
    q = ((q0 * f + q1) * f + q2) * f3 + ((q3 * f + q4) * f + q5)
    y = -0.5 * f2 + (p * f3) / q
    y = e * LN2 + (f + y)
    return _log_special(x, y)


# --- log1p: generic_log1p, on the packet log ---


def generic_log1p(x: Array) -> Array:
    """generic_log1p (Kahan): x log(1 + x) / ((1 + x) - 1) with 1 + x rounded; x itself where
    1 + x rounds to 1 or its log is infinite (zero for a subnormal x, as TensorFlow gives)."""
    one = np.ones((), x.dtype)
    x = flushed(x)
    big = x + one
    log = log32(big) if x.dtype == F32 else log64(big)
    out = flushed(x * (log / (big - one)))
    keep = (big == one) | (big == log)
    return put(out, keep, x)
