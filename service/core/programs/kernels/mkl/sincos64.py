"""MKL's float64 sine and cosine (vdSin and vdCos with VML_HA, the AVX-512 kernels): a
reduction by pi/16 in FMAs up to |x| = 2^24, a Payne-Hanek reduction in integers beyond."""

from __future__ import annotations

import numpy as np

from service.core.programs.kernels.fused import exact_product_error, from_bits, hex_words, quick_fma
from service.core.programs.kernels.mkl.tables import inverse_two_pi64, sin_table64
from service.core.programs.machine import Array
from service.core.programs.rounding import fma

F64, U64 = np.float64, np.uint64

# vdsin_data (and vdcos_data): sin(j pi/16), cos(j pi/16), and both remainders packed as the
# high halves of one float64 each.
_DSIN = hex_words(
    "0000000000000000 3fc8f8b83c69a60b 3fd87de2a6aea963 3fe1c73b39ae68c8 "
    "3fe6a09e667f3bcd 3fea9b66290ea1a3 3fed906bcf328d46 3fef6297cff75cb0 "
    "3ff0000000000000 3fef6297cff75cb0 3fed906bcf328d46 3fea9b66290ea1a3 "
    "3fe6a09e667f3bcd 3fe1c73b39ae68c8 3fd87de2a6aea963 3fc8f8b83c69a60b "
    "3ff0000000000000 3fef6297cff75cb0 3fed906bcf328d46 3fea9b66290ea1a3 "
    "3fe6a09e667f3bcd 3fe1c73b39ae68c8 3fd87de2a6aea963 3fc8f8b83c69a60b "
    "0000000000000000 bfc8f8b83c69a60b bfd87de2a6aea963 bfe1c73b39ae68c8 "
    "bfe6a09e667f3bcd bfea9b66290ea1a3 bfed906bcf328d46 bfef6297cff75cb0 "
    "0000000000000000 3c756217bc626d19 3c7457e6bc672ced 3c39f6303c8b25dd "
    "bc8bdd34bc8bdd34 3c8b25dd3c39f630 bc672ced3c7457e6 bc626d193c756217 "
    "0000000000000000 3c626d193c756217 3c672ced3c7457e6 bc8b25dd3c39f630 "
    "3c8bdd34bc8bdd34 bc39f6303c8b25dd bc7457e6bc672ced bc756217bc626d19 ",
    F64,
).reshape(3, 16)
_DSIN_PACKED_LOW = (_DSIN[2].view(U64) << U64(32)).view(F64)
_DSIN_STEP, _DSIN_SHIFT = from_bits(0x40145F306DC9C883), from_bits(0x4338000000000000)
_DSIN_PI = [from_bits(b) for b in (0x3FC921FB54442D18, 0x3C61A62633000000, 0x3A645C06E0E68948)]
# sin r = r (1 + r^2 P(r^2)) and cos r = 1 + r^2 Q(r^2), the coefficients highest first
_DSIN_P = [
    from_bits(b)
    for b in (0x3EC71C97D22A73DD, 0xBF2A01A00ED01EDE, 0x3F8111111110E99D, 0xBFC5555555555555)
]
_DSIN_Q = [
    from_bits(b)
    for b in (0x3EF9FFD7D9D749BC, 0xBF56C16C075D73F8, 0x3FA555555554E8D6, 0xBFDFFFFFFFFFFFFC)
]
_DSIN_LIMIT = from_bits(0x4170000000000000)


def _poly(x: Array, coefficients: list[float]) -> Array:
    """Horner's scheme in FMAs, the highest coefficient first."""
    result = np.full_like(x, coefficients[0])
    for c in coefficients[1:]:
        result = quick_fma(result, x, np.full_like(x, c))
    return result


def sin64(x: Array) -> Array:
    """mkl_vml_kernel_dSin_Z0HAynn; see _sincos64."""
    return _sincos64(np.asarray(x, F64), cosine=False)


def cos64(x: Array) -> Array:
    """mkl_vml_kernel_dCos_Z0HAynn; see _sincos64."""
    return _sincos64(np.asarray(x, F64), cosine=True)


def _sincos64(x: Array, cosine: bool) -> Array:
    """|x| <= 2^24: n = x 16/pi rounded (an FMA onto a shifter), r = x - n pi/16 in three
    parts with its rounding error, sin and cos of n pi/16 from tables, polynomials for sin r
    and cos r - 1 in FMAs, the sign from n's fifth bit (sin(-0) = -0 by a special case).
    Larger |x|: a Payne-Hanek reduction and 512 table entries (_sincos64_large)."""
    with np.errstate(all="ignore"):
        k = quick_fma(x, np.full_like(x, _DSIN_STEP), np.full_like(x, _DSIN_SHIFT))
        steps = k.view(U64)
        j = (steps & U64(15)).astype(np.intp)
        n = k - _DSIN_SHIFT
        pi = [np.full_like(x, c) for c in _DSIN_PI]
        r10 = quick_fma(-n, pi[0], x)
        r12 = quick_fma(-n, pi[1], r10)
        r = quick_fma(-n, pi[2], r12)
        low = quick_fma(-n, pi[1], r10 - r12) - quick_fma(n, pi[2], r - r12)
        s, c, packed = _DSIN[0][j], _DSIN[1][j], _DSIN[2][j]
        r2 = r * r
        sin_poly, cos_poly = _poly(r2, _DSIN_P), _poly(r2, _DSIN_Q)
        if cosine:
            head = quick_fma(-s, r, c)
            rest = quick_fma(s, r, -(c - head))
            rest = quick_fma(r, _DSIN_PACKED_LOW[j], rest)
            correction = quick_fma(-low, quick_fma(c, r, s), packed)
            poly = quick_fma(-sin_poly, r * s, c * cos_poly)
            result = head + quick_fma(r2, poly, correction - rest)
        else:
            head = quick_fma(r, c, s)
            rest = quick_fma(c, r, -(head - s))
            rest = quick_fma(r, packed, rest)
            correction = quick_fma(low, quick_fma(-s, r, c), _DSIN_PACKED_LOW[j])
            poly = quick_fma(r * c, sin_poly, cos_poly * s)
            result = head + quick_fma(poly, r2, rest + correction)
            steps = np.where(x.view(U64) == U64(1 << 63), steps ^ U64(16), steps)
        sign = (steps << U64(59)) & U64(1 << 63)
        result = (result.view(U64) ^ sign).view(F64)
        large = ~(np.abs(x) <= _DSIN_LIMIT)
        if large.any():
            result[large] = _sincos64_large(x[large], cosine)
    return result


_DSIN_LARGE_POLY = [from_bits(b) for b in (0x3F81110FABB3551C, 0xBFC5555555554448)]
_DSIN_LARGE_POLY2 = [
    from_bits(b) for b in (0xBF56C16AB163B2D7, 0x3FA5555555554CCF, 0xBFE0000000000000)
]
_DSIN_TWO_PI, _DSIN_TWO_PI_LOW = from_bits(0x401921FB54442D18), from_bits(0x3CB1A62633145C07)


def _sincos64_large(x: Array, cosine: bool) -> Array:
    """The large-argument path of dSin and dCos: |x|'s significand times 192 bits of
    1/(2 pi) in 32-bit pieces (integer arithmetic modulo 2^64, as the kernel does it), the
    fraction of a turn in three float64 parts, 512 table entries, short polynomials in FMAs,
    then x's sign for sin. Infinities and NaN give NaN."""
    table = sin_table64()
    if cosine:
        table = np.roll(table, -128, axis=0)
    with np.errstate(all="ignore"):
        a = np.abs(x)
        u = a.view(U64)
        words = inverse_two_pi64()[((u >> U64(52)) & U64(0x7FF)).astype(np.intp)]
        g0, g1, g2 = words[:, 0], words[:, 1], words[:, 2]
        low32, s32 = U64(0xFFFFFFFF), U64(32)
        m_high = ((u >> s32) & U64(0xFFFFF)) | U64(0x100000)
        m_low = u & low32
        g0h, g1h, g2h = g0 >> s32, g1 >> s32, g2 >> s32
        z4 = u * g0h + m_high * g0
        z3 = m_low * g1h
        z6 = m_low * (g1 & low32)
        z11 = (z3 & low32) + (z6 >> s32) + m_high * (g1 & low32)
        z6 = (z6 & low32) + m_high * g2h + ((m_low * g2h) >> s32)
        z12 = m_low * (g0 & low32)
        z13 = (z12 & low32) + m_high * g1h + (z3 >> s32)
        z3 = ((m_high * (g2 & low32)) >> s32) + z6
        z6 = (z3 >> s32) + z11
        z8 = (z6 >> s32) + z13
        z10 = (((z4 << s32) + z12) & U64(0xFFFFFFFF00000000)) + z8
        z9 = (z6 << s32) | (z3 & U64(0xFF000000))

        def as_float(bits: Array) -> Array:
            return bits.view(F64)

        turns = as_float((z10 >> U64(12)) | U64(0x3FF0000000000000))
        shifted = 13194139533312.0 + turns
        turns = turns - (shifted - 13194139533312.0)
        base = U64(0x3CB0000000000000)
        second = as_float((z9 >> U64(24)) | ((z8 << U64(40)) & U64(0x000FFF0000000000)) | base)
        second = second - as_float(np.asarray(base))
        entry = table[(shifted.view(U64) & U64(511)).astype(np.intp)]
        e0, e1, e2, e3 = entry[:, 0], entry[:, 1], entry[:, 2], entry[:, 3]
        high = turns + second
        r = high * _DSIN_TWO_PI
        z24 = fma(r, e1, e2)
        z16 = fma(e0, r, z24)
        z25 = fma(r, e1, e2 - z24)
        z24 = fma(e0, r, z24 - z16) + z25
        r2 = r * r
        p = (
            fma(r2, np.full_like(r, _DSIN_LARGE_POLY[0]), np.full_like(r, _DSIN_LARGE_POLY[1]))
            * r2
            * r
        )
        p = fma(e0 + e1, p, z24)
        q = _poly(r2, _DSIN_LARGE_POLY2) * r2
        q = fma(e2, q, p)
        third = as_float(U64(0x3970000000000000) | ((z3 << U64(28)) & U64(0x000FFFFFF0000000)))
        third = third - from_bits(0x3970000000000000)
        low = ((turns - high) + second) + third
        error = exact_product_error(high, np.full_like(r, _DSIN_TWO_PI), r)
        error = fma(np.full_like(r, _DSIN_TWO_PI_LOW), high, error)
        error = fma(np.full_like(r, _DSIN_TWO_PI), low, error)
        result = z16 + (q + fma(error, fma(-r, e2, e0 + e1), e3))
        if not cosine:
            result = (result.view(U64) ^ (x.view(U64) & U64(1 << 63))).view(F64)
        result = np.where(np.isfinite(x), result, np.nan)
    return result
