"""MKL's square root (vsSqrt and vdSqrt with VML_HA, the AVX-512 kernels), and VRSQRT14, the
estimate of 1/sqrt it starts from, as Intel's reference code computes it."""

from __future__ import annotations

import numpy as np

from service.core.programs.kernels.fused import quick_fma
from service.core.programs.machine import Array

F32, F64, U32, U64 = np.float32, np.float64, np.uint32, np.uint64

# Intel's reference algorithm of VRSQRT14 (RECIP14.c): c[i] - d[i] (x - y[i]) from a table of
# 32 pairs for x in [1, 2) and 32 for [2, 4), x truncated to 15 fraction bits, the result to
# 17 bits.
_RSQRT14 = np.array(
    [
        1001, 520261, 707, 367881, 955, 512437, 675, 362349, 915, 504953, 647, 357056,
        877, 497790, 619, 351992, 841, 490922, 595, 347136, 807, 484331, 571, 342475,
        775, 478001, 549, 337997, 747, 471909, 527, 333693, 719, 466046, 509, 329545,
        693, 460397, 491, 325551, 669, 454947, 473, 321697, 647, 449688, 457, 317977,
        625, 444606, 441, 314385, 603, 439694, 427, 310910, 585, 434939, 413, 307549,
        567, 430335, 401, 304295, 549, 425875, 389, 301139, 533, 421551, 377, 298079,
        517, 417355, 365, 295115, 501, 413284, 355, 292237, 487, 409329, 345, 289439,
        473, 405487, 335, 286722, 461, 401748, 325, 284080, 449, 398111, 317, 281508,
        437, 394571, 309, 279006, 425, 391127, 301, 276569, 415, 387770, 293, 274195,
        403, 384498, 285, 271882, 393, 381307, 279, 269625, 385, 378194, 271, 267425,
        375, 375155, 265, 265276, 367, 372190, 259, 263178,
    ],
    dtype=np.int64,
).reshape(32, 4)  # fmt: skip
_RSQRT14_FLAT = _RSQRT14.reshape(-1).astype(np.int32)


def _rsqrt14(x: Array) -> Array:
    """VRSQRT14PS and VRSQRT14PD, as the reference code computes them (subnormals kept)."""
    usual = (x >= np.finfo(x.dtype).smallest_normal) & (x < np.inf)
    if not usual.all():
        mixed = np.empty_like(x)
        mixed[usual] = _rsqrt14(x[usual])
        mixed[~usual] = _rsqrt14_edges(x[~usual])
        return mixed
    # x = 1.f 2^e: the table's line for 1.f (e even) or 2 1.f (e odd), times 2^-(e - e%2)/2
    if x.dtype == F32:
        bits = x.view(U32).astype(np.int64)
        exponent, fraction, width = (bits >> 23) - 127, bits & 0x7FFFFF, 23
    else:
        bits = x.view(np.int64)
        exponent, fraction, width = (bits >> 52) - 1023, bits & ((1 << 52) - 1), 52
    top = (fraction >> (width - 15)).astype(np.int32)
    odd = (exponent & 1).astype(np.int32)
    i = top >> 10
    d = _RSQRT14_FLAT[i * 4 + odd * 2]
    c = _RSQRT14_FLAT[i * 4 + odd * 2 + 1]
    value = (c * 128 - d * (top - 512 - 1024 * i)) & ~511  # its 17 leading bits
    value = np.where((odd == 0) & (fraction == 0), 1 << 26, value)
    result: Array = np.ldexp(value.astype(F64), -26 - ((exponent - odd) >> 1)).astype(x.dtype)
    return result


def _rsqrt14_edges(x: Array) -> Array:
    """_rsqrt14 for subnormals, zeros, infinities, negatives and NaN."""
    single = x.dtype == F32
    mantissa = 23 if single else 52
    bits = x.view(U32 if single else U64).astype(np.int64)
    exponent = (bits >> mantissa) & (0xFF if single else 0x7FF)
    fraction = bits & ((1 << mantissa) - 1)
    bias = 127 if single else 1023
    # subnormals normalised: shifted up to their leading bit
    subnormal = (exponent == 0) & (fraction != 0)
    lead = np.frexp(np.maximum(fraction, 1).astype(F64))[1] - 1
    places = np.where(subnormal, mantissa - lead, 0)
    fraction = np.where(subnormal, (fraction << places) & ((1 << mantissa) - 1), fraction)
    exponent = np.where(subnormal, 1 - bias - places, exponent - bias)
    odd = exponent & 1
    top = fraction >> (mantissa - 15)
    i = top >> 10
    d = np.where(odd == 1, _RSQRT14[i, 2], _RSQRT14[i, 0])
    c = np.where(odd == 1, _RSQRT14[i, 3], _RSQRT14[i, 1])
    value = (c * 128 - d * (top - 512 - 1024 * i)).astype(F64)
    value = (value.view(U64) & U64(0xFFFFFFF000000000)).view(F64) * 2.0**-26
    value = np.where((fraction == 0) & (odd == 0), 1.0, value)  # an even power of 2
    half = (exponent - odd) >> 1
    if single:
        result = (value.astype(F32).view(U32).astype(np.int64) - (half << 23)).astype(U32).view(F32)
    else:
        result = (value.view(np.int64) - (half << 52)).view(F64)
    with np.errstate(invalid="ignore"):
        result = np.where(x == 0, np.copysign(np.inf, x), result)
        result = np.where(np.isposinf(x), 0, result)
        result = np.where((x < 0) | np.isnan(x), np.nan, result)
    return result.astype(x.dtype)


def sqrt(x: Array) -> Array:
    """mkl_vml_kernel_sSqrt_Z0HAynn and dSqrt_Z0HAynn (vsSqrt, vdSqrt with VML_HA):
    y = VRSQRT14(x), s = x y and h = y/2 (float64: one Newton step on both, in FMAs),
    then s + (x - s^2) h in FMAs, the residual scaled up for tiny x. Zeros, infinities and
    negatives by vssqrt_cout_rare: +-0 and +inf kept, NaN for the negatives."""
    x = np.asarray(x)
    single = x.dtype == F32
    dtype = x.dtype.type
    with np.errstate(all="ignore"):
        y = _rsqrt14(x)
        h = y * dtype(0.5)
        s = x * y
        if not single:
            e = quick_fma(-s, h, np.full_like(s, 0.5))
            s = quick_fma(e, s, s)
            h = quick_fma(e, h, h)
        up, square, down = (
            (2.0**39, 2.0**78, 2.0**-78) if single else (2.0**458, 2.0**916, 2.0**-916)
        )
        scaled = y > dtype(up)
        s_up = np.where(scaled, s * dtype(up), s)
        residual = quick_fma(-s_up, s_up, np.where(scaled, x * dtype(square), x))
        result = quick_fma(residual, np.where(scaled, h * dtype(down), h), s)
        special = (x == 0) | np.isinf(x) | (x < 0)
        value = np.where((x < 0), dtype(np.nan), x)
        result = np.where(special, value, result)
    return result.astype(dtype)
