"""Eigen's pow packet function (Eigen/src/Core/arch/Default/GenericPacketMathFunctions.h:
generic_pow), whose log2 and exp2 keep y log2(x) in double-word arithmetic (pairs hi + lo),
without FMA: each pmadd is a multiply then an add, each rounded.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from service.core.programs.kernels.eigen.exp_log import exp32, exp64
from service.core.programs.kernels.eigen.packets import (
    F32,
    F64,
    LN2,
    flushed,
    frexp,
    put,
    scaled,
    unsigned,
)
from service.core.programs.kernels.fused import exact_product_error
from service.core.programs.machine import Array

# --- double-word arithmetic ---

Word = tuple[Array, Array]  # hi + lo, |lo| at most half an ulp of hi


def _round(a: Array) -> Array:
    """pround for AVX: a + (1/2 less an ulp, with a's sign), truncated."""
    almost = np.array(0.49999997 if a.dtype == F32 else 0.49999999999999994, a.dtype)
    rounded: Array = np.trunc(a + np.copysign(almost, a))
    return rounded


def _fast_two_sum(x: Array, y: Array) -> Word:
    s = x + y
    return s, y - (s - x)


def _two_product(x: Array, y: Array) -> Word:
    """x y = hi + lo exactly."""
    p = x * y
    return p, exact_product_error(x, y, p)


def _word_times(x: Word, y: Array) -> Word:
    """A double word times a number (Muller's Algorithm 7)."""
    c_hi, c_lo1 = _two_product(x[0], y)
    t_hi, t_lo1 = _fast_two_sum(c_hi, x[1] * y)
    return _fast_two_sum(t_hi, t_lo1 + c_lo1)


def _word_product(x: Word, y: Word) -> Word:
    return _word_sum(_word_times(x, y[0]), _word_times(x, y[1]))


def _word_sum(x: Word, y: Word) -> Word:
    """fast_twosum of two double words, |x| >= |y|."""
    r_hi, r_lo = _fast_two_sum(x[0], y[0])
    return _fast_two_sum(r_hi, (y[1] + r_lo) + x[1])


def _plus_word(x: Array, y: Word) -> Word:
    r_hi, r_lo = _fast_two_sum(x, y[0])
    return _fast_two_sum(r_hi, y[1] + r_lo)


def _word_over(x: Word, y: Array) -> Word:
    """A double word over a number (Joldes, Muller and Popescu's Algorithm 15)."""
    t_hi = x[0] / y
    p_hi, p_lo = _two_product(t_hi, y)
    delta = ((x[0] - p_hi) - p_lo) + x[1]
    return _fast_two_sum(t_hi, delta / y)


def _word(value: float, dtype: np.dtype[Any]) -> Word:
    """A constant as the double word of dtype closest to it."""
    hi = np.array(value, dtype)
    return hi, np.array(value - float(hi), dtype)


# --- accurate_log2 and generic_exp2 ---

_LOG2_32 = tuple(
    np.float32(c)
    for c in (9.7010828554630279541015625e-02, -1.6896486282348632812500000e-01,
              1.7200836539268493652343750e-01, -1.7892272770404815673828125e-01,
              2.0505344867706298828125000e-01, -2.4046677350997924804687500e-01,
              2.8857553005218505859375000e-01, -3.6067414283752441406250000e-01,
              4.8089790344238281250000000e-01)
)  # fmt: skip
_LOG2_32_C1 = _word(-7.2134751588268664068692714863573201000690460205078125e-01, F32)
_LOG2_32_C0 = _word(1.442695041742110273474963832995854318141937255859375e00, F32)


def _log2_32(z: Array) -> Word:
    """accurate_log2<float>: log2(z) for z in [sqrt(1/2), sqrt(2)) as x P(x), x = z - 1,
    the last two steps of Horner's rule in double words."""
    x = z - np.float32(1)
    p = np.full_like(x, _LOG2_32[0])
    for c in _LOG2_32[1:]:
        p = p * x + c
    word = _word_sum(_LOG2_32_C1, _two_product(x, p))
    word = _word_sum(_LOG2_32_C0, _word_times(word, x))
    return _word_times(word, x)


_LOG2_64_Q = (2.87074255468000586e-9, 2.38957980901884082e-8, 2.31032094540014656e-7,
              2.27279857398537278e-6, 2.31271023278625638e-5, 2.47556738444535513e-4,
              2.88543873228900172e-3)  # fmt: skip
_TWO_LOG2E: Word = (np.array(2.88539008177792677), np.array(4.07660016854549667e-17))
_LOG2_64_C: Word = (np.array(0.0400377511598501157), np.array(-4.77726582251425391e-19))


def _log2_64(x: Array) -> Word:
    """accurate_log2<double>: with r = c (x - 1) / (x + 1), c = 2 / ln 2, log2(x) is an odd
    polynomial in r whose low terms are summed in double words."""
    one = np.ones((), F64)
    r = _word_over(_word_times(_TWO_LOG2E, x - one), x + one)
    r2 = _word_product(r, r)
    r4 = _word_product(r2, r2)[0]
    q12, q10, q8, q6, q4, q2, q0 = _LOG2_64_Q
    even = ((q12 * r4 + q8) * r4 + q4) * r4 + q0
    odd = (q10 * r4 + q6) * r4 + q2
    q = odd * r2[0] + even
    p = _word_sum(_LOG2_64_C, _word_times(r2, q))
    p = _plus_word(one, _word_product(r2, p))
    return _word_product(p, r)


def _exp2(x: Array) -> Array:
    """generic_exp2: exp(hi) (1 + lo) with hi + lo = x ln 2 exactly, x clamped."""
    info = np.finfo(x.dtype)
    x = np.minimum(x, np.array(info.maxexp + 1, x.dtype))
    x = np.maximum(x, np.array(-(info.maxexp + info.nmant), x.dtype))
    hi, lo = _two_product(np.array(LN2, x.dtype), x)
    e = exp32(hi) if x.dtype == F32 else exp64(hi)
    out: Array = e * (np.ones((), x.dtype) + lo)
    return out


# --- generic_pow ---


def _pow_positive(x: Array, y: Array) -> Array:
    """generic_pow_impl for x >= 0: y log2(x) in double words, split into an integer n and
    r in [-1/2, 1/2], then exp2(r) 2^n."""
    m, e = frexp(x)
    below = m < np.array(0.70710678118654752440, x.dtype)
    m = m * (below + np.ones((), x.dtype))  # 2 m where below (exact)
    e -= below
    log2 = _log2_32(m) if x.dtype == F32 else _log2_64(m)
    f = _word_sum(_two_product(e, y), _word_times(log2, y))
    n = _round(f[0])
    r = (f[0] - n) + f[1]
    n_r = _round(r)
    return scaled(_exp2(r - n_r), n + n_r)


def generic_pow(x: Array, y: float) -> Array:
    """generic_pow(x, y): generic_pow_impl of |x|, then C's special cases in Eigen's order:
    negative x and y not an integer, zero x, the sign for odd y, |y| so large that x^y is 0,
    1 or infinite, infinite x, NaN, and at last x = 1 or y = 0, and y = 1."""
    dtype = x.dtype
    b = np.array(y, dtype)
    if b == 1:
        return x  # pselect(y == 1, x, ...) moves x's bits, a subnormal's too
    x = flushed(x)
    zero, inf = np.zeros((), dtype), np.array(np.inf, dtype)
    magnitude = np.abs(x)
    out = _pow_positive(magnitude, b)
    integer = bool(np.floor(b) == b) and bool(np.isfinite(b))
    half = b * np.array(0.5, dtype)
    odd = integer and bool(_round(half) != half)
    if not integer:
        out = put(out, x < 0, np.nan)
    out = put(out, x == 0, inf if b < 0 else zero)
    if odd:  # pnegate (a sign flip) where x has its sign bit
        sign = unsigned(dtype).type(1 << (8 * dtype.itemsize - 1))
        out = (out.view(sign.dtype) ^ (x.view(sign.dtype) & sign)).view(dtype)
    info = np.finfo(dtype)
    huge = np.array(info.maxexp, dtype) * np.array(LN2, dtype) / np.array(info.eps, dtype)
    if abs(b) >= huge:
        out = np.where((b < 0) & (x == 0) | ((b < 0) ^ (magnitude > 1)), inf, zero)
        out = put(out, x == -1, 1.0)
    at_inf = zero if b < 0 else inf
    out = put(out, magnitude == inf, np.where(x < 0, -at_inf if odd else at_inf, at_inf))
    out = put(out, np.isnan(x) | bool(np.isnan(b)), np.nan)
    return put(out, x == 1, 1.0) if b != 0 else np.ones_like(out)
