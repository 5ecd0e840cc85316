"""Eigen's reciprocal and logistic function as TensorFlow computes them: preciprocal (rcpps
and a Newton step, arch/AVX/PacketMath.h), scalar_logistic_op's float packet code and the
generic e / (1 + e) (Eigen/src/Core/functors/UnaryFunctors.h), and their scalar paths.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from service.core.programs.kernels.eigen.exp_log import LN2_HI32, LN2_LO32, LOG2E32, exp64
from service.core.programs.kernels.eigen.packets import F32, Kernel, flushed, put, scaled
from service.core.programs.kernels.glibc.exp import exp
from service.core.programs.kernels.glibc.float import expf
from service.core.programs.machine import Array

# --- reciprocal: preciprocal for float, a division for double and on the scalar path ---


def one_over(x: Array) -> Array:
    """1 / x, a division."""
    return flushed(np.ones((), x.dtype) / flushed(x))


def reciprocal32(x: Array) -> Array:
    """preciprocal for AVX (EIGEN_FAST_MATH): rcpps's 12-bit estimate r and one Newton step,
    r + r (1 - x r); r itself where 1 - x r is NaN (x zero or infinite)."""
    x = flushed(x)
    r = _rcpps(x)
    error = np.float32(1) - x * r  # about 2^-12, or NaN
    refined = flushed(flushed(r * error) + r)
    nan = np.isnan(error)
    return put(refined, nan, r) if nan.any() else refined


def _rcpps(x: Array) -> Array:
    """rcpps on this CPU, from x's bits: the exponent 253 - e and a 12-bit significand from a
    table of x's top 11 significand bits; zero if that exponent is not positive, infinity for
    zero (or a subnormal), NaN for NaN."""
    bits = x.view(np.uint32)
    exponent = (bits >> np.uint32(23)) & np.uint32(0xFF)
    out = np.take(_rcpps_table(), (bits >> np.uint32(12)) & np.uint32(0x7FF))
    out |= (np.uint32(253) - exponent) << np.uint32(23)
    if ((exponent - np.uint32(1)) >= np.uint32(252)).any():  # 0, 253, 254 or 255
        out = np.where(exponent >= 253, np.uint32(0), out)
        out = np.where(exponent == 0, np.uint32(0x7F800000), out)
        nan = (exponent == 255) & ((bits & np.uint32(0x7FFFFF)) != 0)
        out = np.where(nan, bits | np.uint32(0x400000), out)
    result: Array = (out | (bits & np.uint32(0x80000000))).view(F32)
    return result


@lru_cache(maxsize=1)
def _rcpps_table() -> Array:
    """For the top 11 significand bits i: 2^25 / (4097 + 2 i) rounded to an integer is 2^12
    plus the 12 bits rcpps returns (checked against the instruction on every float)."""
    i = np.arange(2048)
    twelve = np.floor((1 << 25) / (4097 + 2 * i) + 0.5).astype(np.int64) - 4096
    return (twelve << 11).astype(np.uint32)


# --- the logistic function ---

_LOGISTIC32_P = tuple(
    np.float32(p)
    for p in (0.49999141693115234375, 0.16666877269744873046875,
              4.1898667812347412109375e-2, 8.33471305668354034423828125e-3)
)  # fmt: skip


def logistic32(x: Array) -> Array:
    """scalar_logistic_op<float>'s packet path: e = exp(x/2)^2 (exp by a degree 5 polynomial,
    no subnormal on the way), e / (1 + e); x capped at 16.6355324, and 0 below -104."""
    x = flushed(x)
    half, one = np.float32(0.5), np.float32(1)
    h = np.minimum(x, np.float32(16.6355324)) * half
    m = np.floor(h * LOG2E32 + half)
    r = m * LN2_HI32 + h
    r = m * LN2_LO32 + r
    r2 = r * r
    p2, p3, p4, p5 = _LOGISTIC32_P
    p = r * (r2 * p5 + p3) + (r2 * p4 + p2)
    p = r2 * p + (r + one)
    e = scaled(p, m)
    e = flushed(e * e)
    return put(e / (one + e), x < np.float32(-104), 0)


def logistic64(x: Array) -> Array:
    """The generic scalar_logistic_op: e / (1 + e) with e = pexp(x), 1 where e is infinite."""
    e = exp64(x)
    return put(flushed(e / (1.0 + e)), e == np.inf, 1.0)


def logistic_half(exp_half: Kernel) -> Kernel:
    """The generic scalar_logistic_op on halves: e / (1 + e), each op rounded to half."""

    def kernel(v: Array) -> Array:
        e = exp_half(v)
        return put(e / (np.float16(1) + e), e == np.inf, 1.0)

    return kernel


def logistic_tail32(x: Array) -> Array:
    """scalar_logistic_op<float>'s scalar path: e / (1 + e), e = expf(min(x, 16.6355324))."""
    e = expf(np.minimum(x, np.float32(16.6355324)), daz=True)
    return flushed(e / (np.float32(1) + e))


def logistic_tail64(x: Array) -> Array:
    e = exp(x, daz=True)
    return put(flushed(e / (1.0 + e)), e == np.inf, 1.0)
