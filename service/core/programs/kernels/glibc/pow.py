"""glibc 2.36's powf (sysdeps/ieee754/flt-32/e_powf.c: log2 and exp2 in double) and pow
(dbl-64/e_pow.c: log in double words, then exp_inline), FMA builds, for float32 or float64
arrays x and one number y. Older binaries link pow's SVID wrapper (math/w_pow_compat.c), whose
answers are pow's own.
"""

from __future__ import annotations

import decimal
import math
from functools import lru_cache

import numpy as np

from service.core.programs.kernels.fused import (
    Float64FMA,
    Fused,
    flushed,
    product_error,
    run_kernel,
    times_minus_one,
    veltkamp,
)
from service.core.programs.kernels.glibc.exp import TOP_1024, TOP_TINY, exp_inline
from service.core.programs.kernels.glibc.float import (
    EXP2F_POLY,
    EXP2F_TABLE,
    logf_reduce,
    logf_table,
)
from service.core.programs.machine import Array


def powf(x: Array, y: float, *, daz: bool) -> Array:
    """powf(x, y) for float32 x and y (a number, rounded to float32): 2^(y log2(x)), log2(x)
    as log2(c) + k + a polynomial in z/c - 1, exp2 as 2^(k/32) from the table times a cubic,
    both in double."""
    with np.errstate(over="ignore"):
        e = float(np.float32(y))
    if e == 0 or not math.isfinite(e):
        return _zero_inf_nan_y(x, e)
    return run_kernel(lambda v, fused: _powf(v, e, daz, fused), x, Float64FMA)


def pow(x: Array, y: float, *, daz: bool) -> Array:
    """pow(x, y) for float64 x and a number y: log(x) to about 68 bits as hi + lo, y log(x)
    as ehi + elo, then exp_inline."""
    e = float(y)
    if e == 0 or not math.isfinite(e):
        return _zero_inf_nan_y(x, e)
    return run_kernel(lambda v, fused: _pow(v, e, daz, fused), x, Float64FMA)


def _zero_inf_nan_y(x: Array, y: float) -> Array:
    """y zero, infinite or NaN: 1 for y = 0 (x + y for a signaling NaN x) or x = 1; else NaN
    for a NaN x or y, 1 for x = -1, and 0 or inf as |x|^y tends to."""
    quiet = np.asarray(1 << (np.finfo(x.dtype).nmant - 1), f"u{x.dtype.itemsize}")
    signaling = np.isnan(x) & ((x.view(quiet.dtype) & quiet) == 0)
    one = np.ones_like(x)
    if y == 0:
        return np.where(signaling, np.array(np.nan, x.dtype), one)
    magnitude = np.abs(x)
    limit = np.where((magnitude < 1) == (y > 0), np.zeros_like(x), np.array(y * y, x.dtype))
    out = np.where(magnitude == 1, one, limit)
    out = np.where(np.isnan(x) | math.isnan(y), np.array(np.nan, x.dtype), out)
    return np.where(x == 1, one, out)


def _checkint(y: float, digits: int) -> int:
    """checkint: 0 if y is not an integer, 1 if odd, 2 if even (y finite and nonzero)."""
    if not y.is_integer():
        return 0
    return 1 if abs(y) < 2.0**digits and int(y) % 2 else 2


def _zero_inf_nan_x(x: Array, y: float, odd: bool, out: Array) -> Array:
    """x zero, infinite or NaN: x^2, negated for a negative x and odd y, or its reciprocal
    for y < 0; x < 0 and y not an integer: NaN."""
    negative = np.signbit(x)
    if _checkint(y, np.finfo(x.dtype).nmant + 1) == 0:
        out[negative] = np.nan
    bits = x.view(f"u{x.dtype.itemsize}")
    special = ~np.isfinite(x) | (bits << bits.dtype.type(1) == 0)
    if special.any():
        x2 = x[special] * x[special]
        if odd:  # a sign flip (a NaN's too)
            x2 = np.where(negative[special], -x2, x2)
        out[special] = 1 / x2 if y < 0 else x2
    return out


# --- powf: log2_inline (e_powf_log2_data.c's polynomial) and exp2_inline ---

_POWF_A = tuple(
    float.fromhex(a)
    for a in ("0x1.27616c9496e0bp-2", "-0x1.71969a075c67ap-2", "0x1.ec70a6ca7baddp-2",
              "-0x1.7154748bef6c8p-1", "0x1.71547652ab82bp0")
)  # fmt: skip
_EXP2F_SHIFT = float.fromhex("0x1.8p52") / 32
_POWF_OVER = float.fromhex("0x1.fffffffd1d571p+6")  # above, |x^y| > 0x1.ffffffp127


def _powf(x: Array, e: float, daz: bool, fused: Fused) -> Array:
    ix = x.view(np.uint32)
    odd = _checkint(e, 24) == 1
    sign = odd & (ix >= 0x80000000)
    i, k, r = logf_reduce(ix & np.uint32(0x7FFFFFFF), daz)
    a = _POWF_A
    r2 = r * r
    q = fused(a[4], r, logf_table()[4][i] + k)
    q = fused(fused(a[2], r, a[3]), r2, q)
    ylogx = e * fused(fused(a[0], r, a[1]), r2 * r2, q)
    # exp2_inline: 2^(k/32) from the table (negated for the sign) times a cubic in r
    kd = ylogx + _EXP2F_SHIFT
    ki = kd.view(np.uint64)
    kd = kd - _EXP2F_SHIFT
    r = ylogx - kd
    top = (ki + (sign.astype(np.uint64) << np.uint64(16))) << np.uint64(47)
    t = EXP2F_TABLE[(ki & np.uint64(31)).astype(np.intp)] + top
    c = EXP2F_POLY
    p = fused(fused(c[0], r, c[1]), r * r, fused(c[2], r, 1.0))
    out = (p * t.view(np.float64)).astype(np.float32)
    if daz:
        out = flushed(out)
    # overflow; underflow (below -150, and from -150 to -149 the smallest subnormal)
    signed = np.where(sign, np.float32(-1), np.float32(1))
    out = np.where(ylogx > _POWF_OVER, signed * np.inf, out)
    if not daz:
        out = np.where(ylogx < -149.0, signed * np.float32(2.0**-149), out)
    out = np.where(ylogx <= (-149.0 if daz else -150.0), signed * np.float32(0), out)
    return _zero_inf_nan_x(x, e, odd, out)


# --- pow: log_inline in double words (e_pow_log_data.c), then exp_inline ---

# __pow_log_data.tab's 1/c are these j / 256; log(c) rounded to 43 bits and the rest rounded
# to double are what 60 digits give
_POW_INVC = (
    362, 360, 358, 356, 354, 352, 350, 348, 346, 344, 342, 342, 340, 338, 336, 334, 332, 330, 330,
    328, 326, 324, 322, 320, 320, 318, 316, 314, 314, 312, 310, 308, 308, 306, 304, 304, 302, 300,
    300, 298, 296, 294, 294, 292, 292, 290, 288, 288, 286, 284, 284, 282, 282, 280, 278, 278, 276,
    276, 274, 272, 272, 270, 270, 268, 268, 266, 266, 264, 264, 262, 260, 260, 258, 258, 256, 256,
    254, 252, 250, 248, 246, 244, 242, 241, 239, 237, 235, 234, 232, 230, 229, 227, 226, 224, 223,
    221, 220, 218, 217, 215, 214, 213, 211, 210, 208, 207, 206, 205, 203, 202, 201, 200, 198, 197,
    196, 195, 194, 193, 191, 190, 189, 188, 187, 186, 185, 184, 183, 182,
)  # fmt: skip
_POW_A = tuple(
    float.fromhex(a) * m
    for a, m in (("-0x1p-1", 1), ("0x1.555555555556p-2", -2), ("-0x1.0000000000006p-2", -2),
                 ("0x1.999999959554ep-3", 4), ("-0x1.555555529a47ap-3", 4),
                 ("0x1.2495b9b4845e9p-3", -8), ("-0x1.0002b8b263fc3p-3", -8))
)  # fmt: skip
_LN2_HI, _LN2_LO = float.fromhex("0x1.62e42fefa3800p-1"), float.fromhex("0x1.ef35793c76730p-45")
_ONE_BITS = 0x3FF0000000000000


@lru_cache(maxsize=1)
def _pow_table() -> tuple[Array, Array, Array, Array, Array]:
    """1/c (and its halves of 26 bits), log(c) to 43 bits, and the rest of log(c)."""
    rows = []
    with decimal.localcontext() as context:
        context.prec = 60
        for j in _POW_INVC:
            log_c = -(decimal.Decimal(j) / 256).ln()
            high = float(round(log_c * 2**43) / decimal.Decimal(2**43))
            rows.append((j / 256, high, float(log_c - decimal.Decimal(high))))
    table = np.array(rows)
    invc = table[:, 0].copy()
    return invc, *veltkamp(invc), table[:, 1].copy(), table[:, 2].copy()


def _pow(x: Array, e: float, daz: bool, fused: Fused) -> Array:
    ix = x.view(np.uint64)
    odd = _checkint(e, 53) == 1
    magnitude = ix & np.uint64(0x7FFFFFFFFFFFFFFF)
    if not 2.0**-65 <= abs(e) < 2.0**63:  # |y| tiny: 1 +- y; huge: 0 or inf (y even)
        above = magnitude > _ONE_BITS
        if abs(e) < 2.0**-65:
            out = np.where(above, 1.0 + e, 1.0 - e)
        else:
            out = np.where(above == (e > 0), np.inf, 0.0)
        out[magnitude == _ONE_BITS] = 1.0
        return _zero_inf_nan_x(x, e, odd, out)
    # a subnormal x is normalised as the bits of |x| 2^52 (which DAZ reads as 0) less 52 << 52
    subnormal = (magnitude - np.uint64(1)) < np.uint64((1 << 52) - 1)
    if subnormal.any():
        scaled = np.zeros(int(subnormal.sum()), np.uint64)
        if not daz:
            scaled = (magnitude[subnormal].view(np.float64) * 2.0**52).view(np.uint64)
        magnitude[subnormal] = scaled - np.uint64(52 << 52)
    hi, lo = _log_inline(magnitude, fused)
    ehi = e * hi
    # fma(y, hi, -ehi) is the product's rounding error: Dekker's, exact for these operands
    elo = fused.accurate(e, lo, product_error(e, hi, ehi))
    sign = odd & (ix >= np.uint64(1 << 63))
    abstop = (ehi.view(np.uint64) >> np.uint64(52)) & np.uint64(0x7FF)
    beyond = abstop >= TOP_1024
    out = exp_inline(np.where(beyond, 0.0, ehi), elo, sign, daz, fused)
    out = np.where(abstop < TOP_TINY, 1.0 + ehi, out)
    out = np.where(beyond, np.where(ehi < 0, 0.0, np.inf), out)
    out = np.where(sign & ((abstop < TOP_TINY) | beyond), -out, out)
    return _zero_inf_nan_x(x, e, odd, out)


def _log_inline(ix: Array, fused: Fused) -> tuple[Array, Array]:
    """log_inline: x = 2^k z, log(c) + k ln 2 + log1p(r) with r = z/c - 1 exact; the error of
    the r^2/2 term (an FMA) and the rest of log(c) go to the low part."""
    tmp = ix - np.uint64(0x3FE6955500000000)
    i = ((tmp >> np.uint64(45)) & np.uint64(127)).astype(np.intp)
    k = (tmp.view(np.int64) >> 52).astype(np.float64)
    z = (ix - (tmp & np.uint64(0xFFF << 52))).view(np.float64)
    invc, high, low, logc, logctail = _pow_table()
    r = times_minus_one(z, invc[i], high[i], low[i])
    t1 = fused.accurate(k, _LN2_HI, logc[i])
    t2 = t1 + r
    lo1 = fused.accurate(k, _LN2_LO, logctail[i])
    lo2 = (t1 - t2) + r
    a = _POW_A
    ar = a[0] * r
    ar2 = r * ar
    ar3 = r * ar2
    hi = t2 + ar2
    lo3 = fused.accurate(ar, r, -ar2)
    lo4 = (t2 - hi) + ar2
    poly = fused(ar2, fused(ar2, fused(r, a[6], a[5]), fused(r, a[4], a[3])), fused(r, a[2], a[1]))
    lo = fused.accurate(ar3, poly, ((lo1 + lo2) + lo3) + lo4)
    y = hi + lo
    return y, (hi - y) + lo
