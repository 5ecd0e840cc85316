"""glibc 2.36's float32 functions (sysdeps/ieee754/flt-32), computed in double as glibc does:
expf (e_expf.c), logf (e_logf.c), sinf and cosf (s_sinf.c, s_cosf.c, sincosf_poly.h). powf
(pow.py) shares logf's table and expf's.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from service.core.programs.kernels.fused import (
    EXACT,
    HALF29,
    LOW29,
    PLAIN,
    Float64FMA,
    Fused,
    by_chunks,
    flushed,
    from_bits,
    pairs,
    run_kernel,
    times_minus_one,
    veltkamp,
)
from service.core.programs.machine import Array

# --- expf (e_expf.c); its table and polynomial are exp2f's (e_exp2f_data.c), as powf's ---

# __exp2f_data.tab: the bits of 2^(k/32) less k << 47
EXP2F_TABLE = np.array(
    [0x3FF0000000000000, 0x3FEFD9B0D3158574, 0x3FEFB5586CF9890F, 0x3FEF9301D0125B51,
     0x3FEF72B83C7D517B, 0x3FEF54873168B9AA, 0x3FEF387A6E756238, 0x3FEF1E9DF51FDEE1,
     0x3FEF06FE0A31B715, 0x3FEEF1A7373AA9CB, 0x3FEEDEA64C123422, 0x3FEECE086061892D,
     0x3FEEBFDAD5362A27, 0x3FEEB42B569D4F82, 0x3FEEAB07DD485429, 0x3FEEA47EB03A5585,
     0x3FEEA09E667F3BCD, 0x3FEE9F75E8EC5F74, 0x3FEEA11473EB0187, 0x3FEEA589994CCE13,
     0x3FEEACE5422AA0DB, 0x3FEEB737B0CDC5E5, 0x3FEEC49182A3F090, 0x3FEED503B23E255D,
     0x3FEEE89F995AD3AD, 0x3FEEFF76F2FB5E47, 0x3FEF199BDD85529C, 0x3FEF3720DCEF9069,
     0x3FEF5818DCFBA487, 0x3FEF7C97337B9B5F, 0x3FEFA4AFA2A490DA, 0x3FEFD0765B6E4540],
    dtype=np.uint64,
)  # fmt: skip
# __exp2f_data.poly: 2^r - 1 for |r| <= 1/64, a cubic; expf evaluates it at r / 32, its
# coefficients scaled (poly_scaled)
EXP2F_POLY = tuple(
    float.fromhex(c)
    for c in ("0x1.c6af84b912394p-5", "0x1.ebfce50fac4f3p-3", "0x1.62e42ff0c52d6p-1")
)  # fmt: skip
_EXPF_C = tuple(c / 32.0 ** (3 - i) for i, c in enumerate(EXP2F_POLY))
_EXPF_SHIFT = float.fromhex("0x1.8p52")
_EXPF_INVLN2N = float.fromhex("0x1.71547652b82fep+5")  # 32 / ln 2
_EXPF_OVER = np.float32(float.fromhex("0x1.62e42ep6"))  # log(2^128)
_EXPF_UNDER = np.float32(float.fromhex("-0x1.9fe368p6"))  # log(2^-150)
_EXPF_MAY_UNDER = np.float32(float.fromhex("-0x1.9d1d9ep6"))  # log(2^-149)


def expf(x: Array, *, daz: bool) -> Array:
    """expf of float32 x: x 32/ln 2 = k + r, 2^(k/32) from the table times a cubic in r, in
    double, rounded once to float32 (to a subnormal, or its zero under FTZ)."""
    return run_kernel(lambda v, fused: _expf(v, daz, fused), x, Float64FMA)


def _expf(y: Array, daz: bool, fused: Fused) -> Array:
    # a subnormal y gives 1, whether DAZ reads it as 0 or not
    x = y.astype(np.float64)
    kd = fused(_EXPF_INVLN2N, x, _EXPF_SHIFT)  # rounds z to an integer k in the low bits
    ki = kd.view(np.uint64)
    kd = kd - _EXPF_SHIFT
    r = fused.accurate(_EXPF_INVLN2N, x, -kd)
    t = EXP2F_TABLE[(ki & np.uint64(31)).astype(np.intp)] + (ki << np.uint64(47))
    s = t.view(np.float64)
    z = fused(r, _EXPF_C[0], _EXPF_C[1])
    poly = fused(z, r * r, fused(r, _EXPF_C[2], 1.0))
    out = (poly * s).astype(np.float32)
    if daz:
        out = flushed(out)
    # beyond log(2^128) an overflow (x + x for NaN); below log(2^-149) the smallest subnormal
    # (zero under FTZ), and below log(2^-150) zero
    out[y > _EXPF_OVER] = np.inf
    out[y < _EXPF_MAY_UNDER] = 0 if daz else np.float32(2.0**-149)
    out[y < _EXPF_UNDER] = 0
    return out


# --- logf (e_logf.c); powf's log2 (e_powf_log2_data.c) has the same 16 points c ---

# __logf_data.tab and __powf_log2_data.tab: "1/c log(c) log2(c)" for each subinterval, in order
_LOGF_TAB = """
0x1.661ec79f8f3bep+0 -0x1.57bf7808caadep-2 -0x1.efec65b963019p-2;
0x1.571ed4aaf883dp+0 -0x1.2bef0a7c06ddbp-2 -0x1.b0b6832d4fca4p-2;
0x1.49539f0f010bp+0 -0x1.01eae7f513a67p-2 -0x1.7418b0a1fb77bp-2;
0x1.3c995b0b80385p+0 -0x1.b31d8a68224e9p-3 -0x1.39de91a6dcf7bp-2;
0x1.30d190c8864a5p+0 -0x1.6574f0ac07758p-3 -0x1.01d9bf3f2b631p-2;
0x1.25e227b0b8eap+0 -0x1.1aa2bc79c81p-3 -0x1.97c1d1b3b7afp-3;
0x1.1bb4a4a1a343fp+0 -0x1.a4e76ce8c0e5ep-4 -0x1.2f9e393af3c9fp-3;
0x1.12358f08ae5bap+0 -0x1.1973c5a611cccp-4 -0x1.960cbbf788d5cp-4;
0x1.0953f419900a7p+0 -0x1.252f438e10c1ep-5 -0x1.a6f9db6475fcep-5;
0x1p+0 0x0p+0 0x0p+0;
0x1.e608cfd9a47acp-1 0x1.aa5aa5df25984p-5 0x1.338ca9f24f53dp-4;
0x1.ca4b31f026aap-1 0x1.c5e53aa362eb4p-4 0x1.476a9543891bap-3;
0x1.b2036576afce6p-1 0x1.526e57720db08p-3 0x1.e840b4ac4e4d2p-3;
0x1.9c2d163a1aa2dp-1 0x1.bc2860d22477p-3 0x1.40645f0c6651cp-2;
0x1.886e6037841edp-1 0x1.1058bc8a07ee1p-2 0x1.88e9c2c1b9ff8p-2;
0x1.767dcf5534862p-1 0x1.4043057b6ee09p-2 0x1.ce0a44eb17bccp-2
"""
_LOGF_LN2 = float.fromhex("0x1.62e42fefa39efp-1")
_LOGF_A = tuple(
    float.fromhex(a)
    for a in ("-0x1.00ea348b88334p-2", "0x1.5575b0be00b6ap-2", "-0x1.ffffef20a4123p-2")
)  # fmt: skip


@lru_cache(maxsize=1)
def logf_table() -> tuple[Array, Array, Array, Array, Array]:
    """1/c (and its halves of 26 bits, for exact products), log(c) and log2(c)."""
    table = pairs(_LOGF_TAB)
    invc = table[:, 0].copy()
    high, low = veltkamp(invc)
    return invc, high, low, table[:, 1].copy(), table[:, 2].copy()


def logf_reduce(ix: Array, daz: bool) -> tuple[Array, Array, Array]:
    """x = 2^k z with z in [0x1.66p-1, 0x1.66p0), from x's bits ix (x positive): the row of
    z's subinterval, k, and z/c - 1 rounded once (the FMA). A subnormal x is normalised as the
    bits of x 2^23 less 23 << 23, where DAZ reads x 2^23 as 0."""
    subnormal = (ix > 0) & (ix < 0x800000)
    if subnormal.any():
        scaled = np.zeros(int(subnormal.sum()), np.uint32)
        if not daz:
            scaled = (ix[subnormal].view(np.float32) * np.float32(2**23)).view(np.uint32)
        ix = ix.copy()
        ix[subnormal] = scaled - np.uint32(23 << 23)
    tmp = ix - np.uint32(0x3F330000)
    i = ((tmp >> np.uint32(19)) & np.uint32(15)).astype(np.intp)
    top = tmp & np.uint32(0xFF800000)
    k = (top.view(np.int32) >> 23).astype(np.float64)
    z = (ix - top).view(np.float32).astype(np.float64)
    invc, high, low, _, _ = logf_table()
    return i, k, times_minus_one(z, invc[i], high[i], low[i])


def logf(x: Array, *, daz: bool) -> Array:
    """logf of float32 x: x = 2^k z, log(z) = log(c) + log1p(z/c - 1) from a table of 16 c and
    a cubic, in double. x <= 0 gives -inf at zeros, NaN below; a NaN is returned as it came."""
    return run_kernel(lambda v, fused: _logf(v, daz, fused), x, Float64FMA)


def _logf(y: Array, daz: bool, fused: Fused) -> Array:
    ix = y.view(np.uint32)
    i, kd, r = logf_reduce(ix, daz)
    y0 = fused.accurate(kd, _LOGF_LN2, logf_table()[3][i])
    r2 = r * r
    p = fused(r2, _LOGF_A[0], fused(r, _LOGF_A[1], _LOGF_A[2]))
    out = fused(r2, p, r + y0).astype(np.float32)
    out[ix == 0x3F800000] = 0
    out[ix > 0x7F800000] = np.nan  # x < 0 (a subnormal too, whose sign the test sees)
    out[np.isnan(y)] = y[np.isnan(y)]
    out[(ix & np.uint32(0x7FFFFFFF)) == 0] = -np.inf
    out[ix == 0x7F800000] = np.inf
    return out


# --- sinf and cosf (s_sinf.c, s_cosf.c: computed in double) ---

_HPI_INV = float.fromhex("0x1.45F306DC9C883p+23")  # 2/pi * 2^24
_HPI = float.fromhex("0x1.921FB54442D18p0")
_PI63 = float.fromhex("0x1.921FB54442D18p-62")
_HPI_HIGH = from_bits(0x3FF921FB54442D18 & ~0x1FFF)  # pi/2 to 41 bits
_HPI_LOW = _HPI - _HPI_HIGH
_COS_C = tuple(
    float.fromhex(c)
    for c in ("0x1p0", "-0x1.ffffffd0c621cp-2", "0x1.55553e1068f19p-5", "-0x1.6c087e89a359dp-10",
              "0x1.99343027bf8c3p-16")
)  # fmt: skip
_SIN_S = tuple(
    float.fromhex(s)
    for s in ("-0x1.555545995a603p-3", "0x1.1107605230bc4p-7", "-0x1.994eb3774cf24p-13")
)  # fmt: skip
# 4/pi to 192 bits, 8 new bits a word
_INV_PIO4 = np.array(
    [0xA2, 0xA2F9, 0xA2F983, 0xA2F9836E, 0xF9836E4E, 0x836E4E44, 0x6E4E4415, 0x4E441529,
     0x441529FC, 0x1529FC27, 0x29FC2757, 0xFC2757D1, 0x2757D1F5, 0x57D1F534, 0xD1F534DD,
     0xF534DDC0, 0x34DDC0DB, 0xDDC0DB62, 0xC0DB6295, 0xDB629599, 0x6295993C, 0x95993C43,
     0x993C4390, 0x3C439041],
    dtype=np.uint64,
)  # fmt: skip


def sinf(x: Array, *, daz: bool) -> Array:
    """sinf of float32 x. DAZ changes nothing: below 2^-12 it returns x itself (a subnormal
    too), and no result is subnormal."""
    return _sin_or_cos(x, False)


def cosf(x: Array, *, daz: bool) -> Array:
    """cosf of float32 x (1 below 2^-12; DAZ changes nothing, as for sinf)."""
    return _sin_or_cos(x, True)


def _sin_or_cos(y: Array, cosine: bool) -> Array:
    """With plain multiplies and adds in place of the FMAs the double result moves by a few of
    its ulps at most, so it rounds to the same float32 unless it lies that close to halfway
    between two; those are computed again with FMAs."""

    def run(flat: Array) -> Array:
        wide = _sincosf(flat, cosine, PLAIN)
        low = wide.view(np.uint64) & np.uint64(LOW29)
        low -= np.uint64(HALF29 - _MARGIN)
        doubtful = low < np.uint64(2 * _MARGIN)
        if doubtful.any():
            again = np.flatnonzero(doubtful)
            wide[again] = _sincosf(flat[again], cosine, EXACT)
        return wide.astype(np.float32)

    return by_chunks(run, y)


_MARGIN = 1 << 6  # ulps of the double result (the FMAs move it by 3 at most)


def _sincosf(y: Array, cosine: bool, fused: Fused) -> Array:
    """sinf or cosf before the final rounding to float32: below pi/4 the polynomial in x
    itself, below 120 r = x - n pi/2 in one FMA, above reduce_large."""
    bits = y.view(np.uint32)
    top = (bits >> 20) & 0x7FF
    x, n = _reduce_fast(y.astype(np.float64))
    out = _quadrant(x, n, n, cosine, fused)
    large = top >= 0x42F
    if large.any():
        finite = large & (top < 0x7F8)
        x, n = _reduce_large(bits[finite])
        sign = (bits[finite] >> 31).astype(np.int32)
        out[finite] = _quadrant(x, n, n + sign, cosine, fused)
        out[large & ~finite] = np.nan
    tiny = top < 0x398  # returns y itself (even subnormal), or 1
    out[tiny] = 1.0 if cosine else y[tiny]
    return out


def _reduce_fast(x: Array) -> tuple[Array, Array]:
    """x - n pi/2 rounded once (the FMA), n the nearest quadrant, for |x| < 120 (n = 0 and
    x itself below pi/4, as in the small branch).

    pi/2 splits into a high part with 41 bits and the rest: n has at most 7 bits, so both
    products are exact, and x - n * high is exact (Sterbenz: the two are within a factor 2
    for n != 0); one rounding remains."""
    n = np.trunc(x * _HPI_INV).astype(np.int32)
    n += 0x800000
    n >>= 24
    nd = n.astype(np.float64)
    out = x - nd * _HPI_HIGH
    nd *= _HPI_LOW
    out -= nd
    return out, n


def _reduce_large(bits: Array) -> tuple[Array, Array]:
    """reduce_large: x mod pi/2 from 4/pi to 192 bits in fixed point, for 120 <= |x| < inf:
    the 2.62 fixed-point product of the significand with the 96 bits of 4/pi that matter, its
    nearest integer n, and the rest times pi/2."""
    xi = bits.astype(np.uint64)
    index = ((xi >> np.uint64(26)) & np.uint64(15)).astype(np.intp)
    shift = (xi >> np.uint64(23)) & np.uint64(7)
    m = ((xi & np.uint64(0xFFFFFF)) | np.uint64(0x800000)) << shift
    res0 = (m * _INV_PIO4[index]) & np.uint64(0xFFFFFFFF)  # a 32-bit product
    res1 = m * _INV_PIO4[index + 4]
    res2 = m * _INV_PIO4[index + 8]
    res0 = (res2 >> np.uint64(32)) | (res0 << np.uint64(32))
    res0 += res1
    n = (res0 + np.uint64(1 << 61)) >> np.uint64(62)
    res0 -= n << np.uint64(62)
    return res0.view(np.int64).astype(np.float64) * _PI63, n.astype(np.int32)


def _quadrant(x: Array, n: Array, q: Array, cosine: bool, fused: Fused) -> Array:
    """sinf_poly(x * sign[q & 3], x * x, table[q & 2 != 0], n (or n ^ 1 for cosf))."""
    odd = (n & 1).astype(bool)
    if cosine:
        odd = ~odd
    out = _sinf_poly(x, x * x, odd, fused)
    # sign[q & 3] is -1 for q & 3 in (1, 2), and the second table (q & 2) negates the
    # cosine: bit 1 of q + 1, or of q for the cosine, flips the result's sign bit
    q = q + ~odd
    q &= 2
    out.view(np.uint64)[...] ^= q.astype(np.uint64) << np.uint64(62)
    return out


def _sinf_poly(x: Array, x2: Array, odd: Array, fused: Fused) -> Array:
    """sinf_poly with the first table: the sine polynomial in x, or where `odd` the cosine
    polynomial. (The second table negates the cosine's coefficients, and the sign table
    negates x: each negates the result exactly, so the caller applies them afterwards.)"""
    s, c = _SIN_S, _COS_C
    x3 = x2 * x
    x7 = x2 * x3
    sine = fused(fused(x2, s[2], s[1]), x7, fused(x3, s[0], x))
    x4 = np.multiply(x2, x2, out=x3)
    x6 = np.multiply(x2, x4, out=x7)
    cosine = fused(fused(x2, c[4], c[3]), x6, fused(x4, c[2], fused(x2, c[1], c[0])))
    np.copyto(sine, cosine, where=odd)
    return sine
