"""glibc 2.36's log1pf (sysdeps/ieee754/flt-32/s_log1pf.c, no FMA build) and log1p
(dbl-64/s_log1p.c, FMA build): fdlibm's, branching on the (high) word of x.

Neither meets a subnormal number on the way: below 2^-54 they return x itself (a subnormal
too), and every other input and intermediate is normal; so DAZ and FTZ change nothing.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np

from service.core.programs.kernels.fused import (
    PLAIN,
    Float64FMA,
    Fused,
    by_chunks,
    flushed,
    run_kernel,
)
from service.core.programs.machine import Array

_LP32 = tuple(
    np.float32(v)
    for v in (6.6666668653e-01, 4.0000000596e-01, 2.8571429849e-01, 2.2222198546e-01,
              1.8183572590e-01, 1.5313838422e-01, 1.4798198640e-01)
)  # fmt: skip
_LP64 = (6.666666666666735130e-01, 3.999999999940941908e-01, 2.857142874366239149e-01,
         2.222219843214978396e-01, 1.818357216161805012e-01, 1.531383769920937332e-01,
         1.479819860511658591e-01)  # fmt: skip


class _Words(NamedTuple):
    """s_log1pf.c's and s_log1p.c's thresholds on the (high) word of x, and its layout."""

    below: int  # 0.41422
    minus: int  # -0.2929, as a signed word
    tiny: int  # 2^-29
    tinier: int  # 2^-54
    huge: int  # 2^25 (float), 2^53 (double): 1 + x is x
    root2: int  # significand bits of sqrt(2)
    shift: int  # significand bits in the word
    bias: int
    ln2_hi: float
    ln2_lo: float


_WORDS32 = _Words(0x3ED413D7, -0x416A09E1, 0x31000000, 0x24800000, 0x5A000000,
                  0x3504F7, 23, 127, 6.9313812256e-01, 9.0580006145e-06)  # fmt: skip
_WORDS64 = _Words(0x3FDA827A, -0x402D413D, 0x3E200000, 0x3C900000, 0x43400000,
                  0x6A09E, 20, 1023, 6.93147180369123816490e-01,
                  1.90821492927058770002e-10)  # fmt: skip


def log1pf(x: Array, *, daz: bool) -> Array:
    """log1pf of float32 x, every step rounded to float."""
    return by_chunks(lambda v: _log1p(v, daz, PLAIN), x)


def log1p(x: Array, *, daz: bool) -> Array:
    """log1p of float64 x, with the FMAs of its FMA build."""
    return run_kernel(lambda v, fused: _log1p(v, daz, fused), x, Float64FMA)


def _log1p(y: Array, daz: bool, fused: Fused) -> Array:
    """u = 1 + x rounded, its exponent k and c, the rounding's correction; log(u) = k ln 2 +
    log(1 + f), log(1 + f) = f - (f^2/2 - s (f^2/2 + R)) with s = f / (2 + f) and R a
    polynomial in s^2."""
    single = y.dtype == np.float32
    dtype, w = y.dtype, _WORDS32 if single else _WORDS64
    one, two, half = (np.array(v, dtype) for v in (1, 2, 0.5))
    x = flushed(y) if daz else y
    hx = _high_word(y)
    ax = hx & 0x7FFFFFFF
    mask = (1 << w.shift) - 1
    # k = 0 and f = x for -0.2929 < x < 0.41422; else u = 1 + x (x itself from 2^53 on)
    scaled = ~((hx < w.below) & ((hx > 0) | (hx <= w.minus)))
    u = np.where(hx < w.huge, one + x, x)
    hu = _high_word(u)
    k = (hu >> w.shift) - w.bias
    c = np.where(k > 0, one - (u - x), x - (u - one))
    c = np.where(hx < w.huge, c / u, 0).astype(dtype)
    hu &= mask
    normal = hu < w.root2  # u's significand below sqrt(2): else u / 2 and k + 1
    k += ~normal
    exponent = np.where(normal, (w.bias << w.shift), ((w.bias - 1) << w.shift))
    u = _with_high_word(u, hu | exponent)
    hu = np.where(normal, hu, ((mask + 1) - hu) >> 2)
    f = np.where(scaled, u - one, x)
    hu = np.where(scaled, hu, 1)
    c = np.where(scaled, c, 0).astype(dtype)
    kf = np.where(scaled, k, 0).astype(dtype)
    hfsq = half * f * f
    s = f / (two + f)
    z = s * s
    if single:  # every step rounded
        ln2_hi, ln2_lo = np.float32(w.ln2_hi), np.float32(w.ln2_lo)
        low = kf * ln2_lo + c

        def ln2_hi_less(a: Any) -> Array:
            out: Array = kf * ln2_hi - a
            return out

        r_small = hfsq * (one - np.float32(0.66666666666666666) * f)
        p = _LP32
        r = z * (p[0] + z * (p[1] + z * (p[2] + z * (p[3] + z * (p[4] + z * (p[5] + z * p[6]))))))
    else:  # the FMA build, as compiled
        low = fused.accurate(kf, w.ln2_lo, c)

        def ln2_hi_less(a: Any) -> Array:
            return fused.accurate(kf, w.ln2_hi, -a)

        r_small = fused.accurate(-f, 0.66666666666666666, 1.0) * hfsq
        q = _LP64
        z2 = z * z
        z4 = z2 * z2
        r = fused.accurate(z, q[0], z2 * fused(z, q[2], q[1]))
        r = fused(z4 * z2, fused(z, q[6], q[5]), fused(z4, fused(z, q[4], q[3]), r))
    # |f| < 2^-20 where hu is 0
    small = np.where(kf == 0, f - r_small, ln2_hi_less((r_small - low) - f))
    small = np.where(f == 0, np.where(kf == 0, 0, ln2_hi_less(-low)), small)
    big = np.where(
        kf == 0, f - (hfsq - s * (hfsq + r)), ln2_hi_less((hfsq - (s * (hfsq + r) + low)) - f)
    )
    out = np.where(hu == 0, small, big).astype(dtype)
    out = np.where(hx >= (0x7F800000 if single else 0x7FF00000), y + y, out)
    out = np.where(ax < w.tiny, x - x * x * half, out)
    out = np.where(ax < w.tinier, y, out)  # x itself, a subnormal too
    invalid = np.where(x == -1, np.array(-np.inf, dtype), np.array(np.nan, dtype))
    return np.where((hx < w.below) & (ax >= (w.bias << w.shift)), invalid, out)


def _high_word(u: Array) -> Array:
    """GET_HIGH_WORD (a float's only word), as signed integers."""
    bits = u.view(np.uint32 if u.dtype == np.float32 else np.uint64).astype(np.int64)
    if u.dtype == np.float64:
        bits >>= 32
    return np.where(bits >= 2**31, bits - 2**32, bits)


def _with_high_word(u: Array, high: Array) -> Array:
    """SET_HIGH_WORD: u with its (high) word replaced."""
    if u.dtype == np.float32:
        out: Array = high.astype(np.uint32).view(np.float32)
        return out
    low = u.view(np.uint64) & np.uint64(0xFFFFFFFF)
    return ((high.astype(np.uint64) << np.uint64(32)) | low).view(np.float64)
