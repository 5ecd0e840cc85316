"""glibc 2.36's float64 exp (sysdeps/ieee754/dbl-64/e_exp.c, FMA variant), and exp_inline,
which pow (e_pow.c) shares. Older binaries link the SVID wrapper (math/w_exp_compat.c), whose
answers on overflow and underflow are exp's own.
"""

from __future__ import annotations

import decimal
from functools import lru_cache

import numpy as np

from service.core.programs.kernels.fused import Float64FMA, Fused, flushed, run_kernel
from service.core.programs.machine import Array

_INVLN2N = float.fromhex("0x1.71547652b82fep0") * 128
_NEGLN2HIN = float.fromhex("-0x1.62e42fefa0000p-8")
_NEGLN2LON = float.fromhex("-0x1.cf79abc9e3b3ap-47")
_SHIFT = float.fromhex("0x1.8p52")
_C = tuple(
    float.fromhex(c)
    for c in ("0x1.ffffffffffdbdp-2", "0x1.555555555543cp-3", "0x1.55555cf172b91p-5",
              "0x1.1111167a4d017p-7")
)  # fmt: skip
TOP_TINY, TOP_1024 = 0x3C9, 0x409  # the top 12 bits of 2^-54 and 1024


@lru_cache(maxsize=1)
def _powers_of_2() -> tuple[Array, Array]:
    """2^(k/128) = H (1 + T) for k < 128, H and T rounded to double: __exp_data.tab holds the
    bits of H less k << 45, and T, which 60 digits give correctly rounded."""
    with decimal.localcontext() as context:
        context.prec = 60
        ln2 = decimal.Decimal(2).ln()
        exact = [(decimal.Decimal(k) / 128 * ln2).exp() for k in range(128)]
        high = [float(v) for v in exact]
        tail = [
            float((v - decimal.Decimal(h)) / decimal.Decimal(h))
            for v, h in zip(exact, high, strict=True)
        ]
    bits = np.array(high).view(np.uint64) - (np.arange(128, dtype=np.uint64) << np.uint64(45))
    return bits, np.array(tail)


def exp(x: Array, *, daz: bool) -> Array:
    """exp of float64 x: 1 + x below 2^-54; 0, inf or NaN from 1024 on; exp_inline between."""
    return run_kernel(lambda v, fused: _exp(v, daz, fused), x, Float64FMA)


def _exp(y: Array, daz: bool, fused: Fused) -> Array:
    x = flushed(y) if daz else y
    abstop = (x.view(np.uint64) >> np.uint64(52)) & np.uint64(0x7FF)
    beyond = abstop >= TOP_1024
    out = exp_inline(np.where(beyond, 0.0, x), 0.0, False, daz, fused)
    out = np.where(abstop < TOP_TINY, 1.0 + x, out)
    if beyond.any():
        limit = np.where(np.isnan(x) | (x == np.inf), 1.0 + x, np.where(x < 0, 0.0, np.inf))
        out = np.where(beyond, limit, out)
    return out


def exp_inline(
    x: Array, xtail: Array | float, negative: Array | bool, daz: bool, fused: Fused
) -> Array:
    """e^(x + xtail) for 2^-54 <= |x| < 1024: 2^(k/128) e^r, 2^(k/128) = H (1 + T) from the
    table, e^r - 1 a polynomial; `negative` sets the sign (pow's)."""
    kd = fused(_INVLN2N, x, _SHIFT)
    ki = kd.view(np.uint64)
    kd = kd - _SHIFT
    r = fused(kd, _NEGLN2LON, fused.accurate(kd, _NEGLN2HIN, x)) + xtail
    high, tail = _powers_of_2()
    i = (ki & np.uint64(127)).astype(np.intp)
    sbits = high[i] + ((ki + (np.asarray(negative, np.uint64) << np.uint64(18))) << np.uint64(45))
    c2, c3, c4, c5 = _C
    r2 = r * r
    tmp = fused(r2 * r2, fused(r, c5, c4), fused(r2, fused(r, c3, c2), tail[i] + r))
    scale = sbits.view(np.float64)
    out = fused(scale, tmp, scale)
    special = ~(np.abs(x) < 512.0)  # NaN too
    if special.any():
        out = np.where(special, _special(tmp, sbits, ki, daz, fused), out)
    return out


def _special(tmp: Array, sbits: Array, ki: Array, daz: bool, fused: Fused) -> Array:
    """specialcase: scale (1 + tmp) where scale's exponent overflowed (k > 0: computed 2^1009
    times smaller) or may underflow (k < 0: computed 2^1022 times larger, rounded to double's
    precision near 1 and scaled back, to a subnormal or, under FTZ, to a zero)."""
    up = (ki & np.uint64(0x80000000)) == 0
    scale = (sbits - np.uint64(1009 << 52)).view(np.float64)
    high = 2.0**1009 * fused(scale, tmp, scale)
    scale = (sbits + np.uint64(1022 << 52)).view(np.float64)
    product = scale * tmp  # not fused here (it has two uses, in two blocks)
    y = scale + product
    one = np.copysign(1.0, y)
    lo = (scale - y) + product
    hi = one + y
    lo = ((one - hi) + y) + lo
    y = np.where(np.abs(y) < 1.0, (hi + lo) - one, y)
    zero = np.copysign(0.0, scale)  # glibc fixes the sign of a zero y
    low = y * 2.0**-1022
    low = np.where(y == 0, zero, flushed(low) if daz else low)
    return np.where(up, high, low)
