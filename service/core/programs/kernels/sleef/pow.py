"""Sleef's pow (xpowf and xpow: Sleef_powf16_u10 and Sleef_powd8_u10, the AVX-512 builds),
which ATen's Vectorized<float> and <double> call for a power of a tensor by a number: e^(y
log|x|) carried in pairs (logkf and logk, expkf and expk)."""

from __future__ import annotations

import numpy as np

from service.core.programs.kernels.sleef.pairs import Pair
from service.core.programs.kernels.sleef.primitives import (
    L2L,
    L2LF,
    L2U,
    L2UF,
    LN2_PAIR,
    LN2_PAIR_F,
    R_LN2,
    R_LN2F,
    estrin,
    ldexp2,
    ldexp32,
    rint32,
)
from service.core.programs.machine import Array
from service.core.programs.rounding import fma

F32, F64 = np.float32, np.float64


def _getexp(d: Array) -> Array:
    """vgetexp: floor(log2 |d|) (subnormals too), -inf at 0, +inf at inf, NaN at NaN."""
    with np.errstate(all="ignore"):
        e = np.frexp(np.abs(d).astype(F64))[1] - 1
        result = np.where(d == 0, -np.inf, np.where(np.isfinite(d), e, np.abs(d)))
    return result.astype(d.dtype)


def _getmant(d: Array) -> Array:
    """vgetmant with the interval [0.75, 1.5), of d > 0."""
    m = np.frexp(d.astype(F64))[0] * 2
    return np.where(m >= 1.5, m / 2, m).astype(d.dtype)


def _log_pair(d: Array) -> Pair:
    """Sleef logkf and logk (the AVX-512 builds: getexp of d 4/3 and getmant): log d as a
    pair."""
    single = d.dtype == F32
    e = _getexp(d * (F32(1.0 / 0.75) if single else 1.0 / 0.75))
    e = np.where(e == np.inf, 128.0 if single else 1024.0, e).astype(d.dtype)
    m = _getmant(d)
    one = np.full_like(d, 1)
    x = Pair.add2(-one, m).divided(Pair.add2(one, m))
    x2 = x.square()
    pair = LN2_PAIR_F if single else LN2_PAIR
    s = Pair(np.full_like(d, pair[0]), np.full_like(d, pair[1])).times(e)
    s = s.plus(x.scale(d.dtype.type(2)))
    if single:
        t = fma(
            fma(
                np.full_like(d, F32(0.240320354700088500976562)),
                x2.high,
                np.full_like(d, F32(0.285112679004669189453125)),
            ),
            x2.high,
            np.full_like(d, F32(0.400007992982864379882812)),
        )
        c = Pair(
            np.full_like(d, F32(0.66666662693023681640625)),
            np.full_like(d, F32(3.69183861259614332084311e-09)),
        )
        return s.plus(x2.times(x).times(x2.times(t).plus2(c)))
    t = estrin(x2.high, [
        0.116255524079935043668677, 0.103239680901072952701192, 0.117754809412463995466069,
        0.13332981086846273921509, 0.153846227114512262845736, 0.181818180850050775676507,
        0.222222222230083560345903, 0.285714285714249172087875, 0.400000000000000077715612,
    ])  # fmt: skip
    c = Pair(
        np.full_like(d, 0.666666666666666629659233), np.full_like(d, 3.80554962542412056336616e-17)
    )
    x = x2.times(x)
    s = s.plus(x.times(c))
    x = x2.times(x)
    return s.plus(x.times(t))


def _exp_pair(d: Pair) -> Array:
    """Sleef expkf and expk: e^(high + low)."""
    single = d.high.dtype == F32
    r_ln2, l2u, l2l = (R_LN2F, L2UF, L2LF) if single else (R_LN2, L2U, L2L)
    u = (d.high + d.low) * r_ln2
    if single:
        q = rint32(u)
        qf = q.astype(F32)
    else:
        qf = np.rint(u)
        q = rint32(qf)
    s = d.plus2(qf * -l2u).plus2(qf * -l2l).normalized()
    if single:
        u = np.full_like(s.high, F32(0.00136324646882712841033936))
        for c in (0.00836596917361021041870117, 0.0416710823774337768554688,
                  0.166665524244308471679688, 0.499999850988388061523438):  # fmt: skip
            u = fma(u, s.high, np.full_like(s.high, F32(c)))
        t = s.plus(s.square().times(u))
        t = _add_one(t)
        return np.where(d.high < F32(-104), F32(0), ldexp32(t.value(), q))
    u = estrin(s.high, [
        2.51069683420950419527139e-08, 2.76286166770270649116855e-07,
        2.75572496725023574143864e-06, 2.48014973989819794114153e-05,
        0.000198412698809069797676111, 0.0013888888939977128960529,
        0.00833333333332371417601081, 0.0416666666665409524128449,
        0.166666666666666740681535, 0.500000000000000999200722,
    ])  # fmt: skip
    t = _add_one(s).plus(s.square().times(u))
    return np.where(d.high < -1000, 0.0, ldexp2(t.value(), q))


def _add_one(t: Pair) -> Pair:
    """dfadd_vf2_vf_vf2(1, t)."""
    s = 1 + t.high
    return Pair(s, ((1 - s) + t.high) + t.low)


def power(x: Array, y: float) -> Array:
    """Sleef xpowf and xpow (Sleef_powf16_u10 and Sleef_powd8_u10, the AVX-512 builds):
    e^(y log|x|) in pairs, then the sign and special cases of C's pow."""
    dtype = x.dtype.type
    with np.errstate(all="ignore"):
        yy = np.full_like(x, y)
        if dtype == F32:
            integral = (np.trunc(yy) == yy) | (np.abs(yy) > F32(1 << 24))
            truncated = np.where(np.abs(yy) < 2.0**31, np.trunc(yy), 0).astype(np.int64)
            odd = ((truncated & 1) == 1) & integral & (np.abs(yy) < F32(1 << 24))
        else:
            integral = np.rint(yy) == yy
            odd = (np.rint(yy * 0.5) != yy * 0.5) & integral
        d = _log_pair(np.abs(x)).times(yy)
        result = _exp_pair(d)
        if dtype == F32:
            result = np.where(np.isnan(result), F32(np.inf), result)
        else:
            result = np.where(d.high > 709.782712893383996732224, np.inf, result)
        sign = np.where(x > 0, 1, np.where(integral, np.where(odd, -1, 1), np.nan))
        result = result * sign.astype(dtype)
        efx = np.where(np.signbit(yy), dtype(1) - np.abs(x), np.abs(x) - dtype(1))  # mulsign
        inf_y = np.where(efx < 0, 0.0, np.where(efx == 0, 1.0, np.inf)).astype(dtype)
        result = np.where(np.isinf(yy), inf_y, result)
        zero = x == 0
        edge = np.where(np.signbit(yy) ^ zero, 0.0, np.inf).astype(dtype)
        edge = np.copysign(edge, np.where(odd, x, dtype(1)))
        result = np.where(np.isinf(x) | zero, edge, result)
        result = np.where(np.isnan(x) | np.isnan(yy), dtype(np.nan), result)
        result = np.where((yy == 0) | (x == 1), dtype(1), result)
    return result.astype(dtype)
