"""Sleef's building blocks as ATen's vectorised builds compile them (helperavx2.h and
helperavx512f.h, estrin.h, misc.h): rounding to integers, powers of two built in the exponent
field, ldexp, polynomials in Estrin's scheme, and the constants of ln 2."""

from __future__ import annotations

from typing import Any

import numpy as np

from service.core.programs.kernels.fused import quick_fma
from service.core.programs.machine import Array

F32, F64, U32 = np.float32, np.float64, np.uint32

R_LN2F, L2UF, L2LF = (
    F32(1.442695040888963407),
    F32(0.693145751953125),
    F32(1.428606765330187045e-06),
)
R_LN2, L2U, L2L = (
    1.442695040888963407359924681001892137426645954152985934135449406931,
    0.69314718055966295651160180568695068359375,
    0.28235290563031577122588448175013436025525412068e-12,
)
LN2_PAIR_F = (F32(0.69314718246459960938), F32(-1.904654323148236017e-09))
LN2_PAIR = (0.693147180559945286226764, 2.319046813846299558417771e-17)


def rint32(x: Array) -> Array:
    """cvtps2dq / cvtpd2dq: to nearest even, INT_MIN where out of range, as int64."""
    with np.errstate(all="ignore"):
        r = np.rint(x.astype(F64))
        inside = np.abs(r) < 2.0**31
        return np.where(inside, r, -(2.0**31)).astype(np.int64)


def _pow2i(q: Array, dtype: Any) -> Array:
    """vpow2i: 2^q by building the exponent field (wrapping as int32 and int64 do)."""
    if dtype == F32:
        return ((q + 0x7F) << 23).astype(U32).view(F32)
    return ((q + 0x3FF) << 52).astype(np.int64).view(F64)


def ldexp2(d: Array, q: Array) -> Array:
    """vldexp2: d 2^(q >> 1) 2^(q - (q >> 1)), two products."""
    half = q >> 1
    result: Array = (d * _pow2i(half, d.dtype)) * _pow2i(q - half, d.dtype)
    return result


def ldexp32(x: Array, q: Array) -> Array:
    """vldexp_vf_vf_vi2: x scaled by 2^q in five products, saturating."""
    m = q >> 31
    m = (((m + q) >> 6) - m) << 4
    q = q - (m << 2)
    m = np.clip(m + 0x7F, 0, 0xFF)
    u = (m << 23).astype(U32).view(F32)
    x = (((x * u) * u) * u) * u
    result: Array = x * ((q + 0x7F) << 23).astype(U32).view(F32)
    return result


def estrin(x: Array, coefficients: list[float]) -> Array:
    """Sleef's POLY7, POLY9 and POLY10 (estrin.h), highest coefficient first, in FMAs."""
    x2 = x * x
    x4 = x2 * x2
    c = [np.full_like(x, v) for v in coefficients]

    def p2(i: int) -> Array:
        return quick_fma(x, c[i], c[i + 1])

    def p4(i: int) -> Array:
        return quick_fma(x2, p2(i), p2(i + 2))

    def p8(i: int) -> Array:
        return quick_fma(x4, p4(i), p4(i + 4))

    if len(c) == 7:
        return quick_fma(x4, quick_fma(x2, c[0], p2(1)), p4(3))
    x8 = x4 * x4
    if len(c) == 9:
        return quick_fma(x8, c[0], p8(1))
    return quick_fma(x8, p2(0), p8(2))
