"""MKL's float32 sine and cosine (vsSin and vsCos with VML_HA, the AVX-512 kernels): a
reduction by pi in float64 FMAs up to |x| = 10000, a Payne-Hanek reduction in integers beyond."""

from __future__ import annotations

import numpy as np

from service.core.programs.kernels.fused import (
    exact_product_error,
    from_bits,
    from_bits32,
)
from service.core.programs.kernels.mkl.tables import inverse_two_pi32, sin_table32
from service.core.programs.machine import Array
from service.core.programs.rounding import fma

F32, F64, U32, U64 = np.float32, np.float64, np.uint32, np.uint64

_SSIN_INV_PI, _SSIN_SHIFT, _SSIN_HALF_PI = (
    from_bits32(0x3EA2F983),
    from_bits32(0x4B400000),
    from_bits32(0x3FC90FDB),
)
_SSIN_PI_HIGH, _SSIN_PI_LOW = from_bits(0x400921FB54440000), from_bits(0x3D968C234C4C6629)
_SSIN_POLY = [
    from_bits(b)
    for b in (0x3EC5DBDF0E4C7DEE, 0xBF29F6FFEEA73463, 0x3F8110ED3804CA96, 0xBFC55554BC836587)
]
_SSIN_LIMIT = F32(10000)


def sin32(x: Array) -> Array:
    """mkl_vml_kernel_sSin_Z0HAynn (float32 sin); see _sincos32."""
    return _sincos32(np.asarray(x, F32), cosine=False)


def cos32(x: Array) -> Array:
    """mkl_vml_kernel_sCos_Z0HAynn (float32 cos); see _sincos32."""
    return _sincos32(np.asarray(x, F32), cosine=True)


def _sincos32(x: Array, cosine: bool) -> Array:
    """|x| <= 10000: n = |x|/pi rounded (an FMA onto a shifter; for cos, of |x| + pi/2, less
    1/2), r = |x| - n pi in float64 FMAs, an odd polynomial of degree 9 in float64, rounded
    to float32 and signed by n's parity (and x's, for sin). Larger |x|: a Payne-Hanek
    reduction in integers and a table of 256 sines (_sincos32_large)."""
    with np.errstate(all="ignore"):
        a = np.abs(x)
        k = fma(
            a + _SSIN_HALF_PI if cosine else a,
            np.full_like(a, _SSIN_INV_PI),
            np.full_like(a, _SSIN_SHIFT),
        )
        parity = (k.view(U32) & U32(1)) << U32(31)
        n = (k - _SSIN_SHIFT).astype(F64) - (0.5 if cosine else 0.0)
        wide = a.astype(F64)
        head = wide - n * _SSIN_PI_HIGH  # exact: n pi_high has at most 48 bits
        value = _sincos32_poly(head, n, fused=False)
        # Unfused, the float64 value is within a few units (and the rounding of n pi_low) of
        # the fused one: only values that close to a float32 rounding boundary are redone.
        low = (value.view(U64) & U64((1 << 29) - 1)).astype(np.int64)
        units = np.abs(low - (1 << 28)).astype(F64)
        slack = 16 + np.abs(n) * (_SSIN_PI_LOW * 2.0**-50) / np.spacing(np.abs(value))
        redo = np.flatnonzero(~(units > slack) | ~(np.abs(value) > 2.0**-120))
        if redo.size:
            value[redo] = _sincos32_poly(head[redo], n[redo], fused=True)
        bits = value.astype(F32).view(U32) ^ parity
        if not cosine:
            bits ^= x.view(U32) & U32(0x80000000)
        result: Array = bits.view(F32)
        large = ~(a <= _SSIN_LIMIT)
        if large.any():
            result[large] = _sincos32_large(x[large], cosine)
    return result


def _sincos32_poly(head: Array, n: Array, fused: bool) -> Array:
    """r = head - n pi_low, then r + r^3 P(r^2): with FMAs as the kernel has them, or not."""
    c = _SSIN_POLY
    if fused:
        r = fma(-n, np.full_like(n, _SSIN_PI_LOW), head)
        r2 = r * r
        p = fma(r2, np.full_like(r, c[0]), np.full_like(r, c[1]))
        p = fma(p, r2, np.full_like(r, c[2]))
        p = fma(p, r2, np.full_like(r, c[3]))
        return fma(p * r2, r, r)
    r = head - n * _SSIN_PI_LOW
    r2 = r * r
    p = ((r2 * c[0] + c[1]) * r2 + c[2]) * r2 + c[3]
    result: Array = (p * r2) * r + r
    return result


_SSIN_SHIFT_LARGE, _SSIN_TWO_PI, _SSIN_TWO_PI_LOW = (
    from_bits32(0x47400000),
    from_bits32(0x40C90FDB),
    from_bits32(0xB43BBD2E),
)
_SSIN_LARGE_POLY = [from_bits32(b) for b in (0xBE2AAAAB, 0x3C08885C, 0xBF000000, 0x3D2AAA7C)]


def _sincos32_large(x: Array, cosine: bool) -> Array:
    """The large-argument path of sSin and sCos: the float32 significand times 96 bits of
    1/(2 pi) in 16-bit pieces (integer arithmetic modulo 2^32, as the kernel does it), the
    fraction of a turn split into three float32 parts, 256 table entries and a short
    polynomial in float32 FMAs. Infinities and NaN give NaN (vssin_cout_rare)."""
    table = sin_table32()
    if cosine:
        table = np.roll(table, -64, axis=0)
    with np.errstate(all="ignore"):
        u = x.view(U32)
        words = inverse_two_pi32()[(u >> U32(23)) & U32(0xFF)]
        t0, t1, t2 = words[:, 0], words[:, 1], words[:, 2]
        m_high = ((u >> U32(16)) & U32(0x7F)) | U32(0x80)
        m_low = u & U32(0xFFFF)
        half = U32(0xFFFF)
        a0h, a1h, a2h = t0 >> U32(16), t1 >> U32(16), t2 >> U32(16)
        a0l, a1l, a2l = t0 & half, t1 & half, t2 & half
        v7 = a0h * u + m_high * t0
        v20, v14, v10, v8 = m_low * a0l, m_low * a1h, m_low * a1l, m_low * a2h
        v17 = (v10 >> U32(16)) + m_high * a1l + (v14 & half)
        v10 = (v10 & half) + m_high * a2h
        v14 = (v14 >> U32(16)) + (v20 & half) + m_high * a1h
        v8 = v10 + ((v8 >> U32(16)) + ((m_high * a2l) >> U32(16)))
        v10 = (v8 >> U32(16)) + v17
        v12 = (v10 >> U32(16)) + v14
        v7 = (((v7 << U32(16)) + v20) & U32(0xFFFF0000)) + v12
        v10 = v10 << U32(16)
        v8 = (v10 & U32(0xFFFF0000)) | (v8 & half)
        sign = u & U32(0x80000000)

        def as_float(bits: Array) -> Array:
            return bits.astype(U32).view(F32)

        turns = as_float((v7 >> U32(9)) | sign | U32(0x3F800000))
        shifted = _SSIN_SHIFT_LARGE + turns
        turns = turns - (shifted - _SSIN_SHIFT_LARGE)
        base = sign | U32(0x28800000)
        third = as_float(((v8 << U32(5)) & U32(0x007FFFE0)) | base) - as_float(base)
        base = sign | U32(0x34000000)
        second = as_float((v10 >> U32(18)) | ((v12 << U32(14)) & U32(0x007FC000)) | base)
        second = second - as_float(base)
        high = turns + second
        low = second + (turns - high) + third
        r = high * _SSIN_TWO_PI
        error = exact_product_error(high, np.full_like(r, _SSIN_TWO_PI), r)
        error = fma(high, np.full_like(r, _SSIN_TWO_PI_LOW), error)
        r_low = fma(np.full_like(r, _SSIN_TWO_PI), low, error)
        entry = table[shifted.view(U32) & U32(0xFF)]
        e0, e1, e2, e3 = entry[:, 0], entry[:, 1], entry[:, 2], entry[:, 3]
        c = _SSIN_LARGE_POLY
        r2 = r * r
        s15 = fma(-r, e1, e0 + e3)
        s19 = fma(r_low, s15, e2)
        s8 = fma(r2, np.full_like(r, c[3]), np.full_like(r, c[2])) * r2
        s19 = fma(s8, e1, s19)
        s8 = fma(e3, r, e1)
        s14 = fma(r, e3, e1 - s8)
        s17 = fma(r, e0, s8)
        s8 = fma(r, e0, s8 - s17)
        s8 = s14 + s8
        s13 = (fma(r2, np.full_like(r, c[1]), np.full_like(r, c[0])) * r2) * r
        s15 = fma(s15, s13, s8)
        result: Array = s17 + (s19 + s15)
        result = np.where(np.isfinite(x), result, F32(np.nan))
    return result
