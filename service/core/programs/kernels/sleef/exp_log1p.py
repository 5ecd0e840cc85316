"""Sleef's exp and log1p (xexpf, xlog1pf, xexp, xlog1p: Sleef_expf8_u10 and the like, the AVX2
builds with FMA), which ATen's Vectorized<float> and <double> call for softplus."""

from __future__ import annotations

import numpy as np

from service.core.programs.kernels.fused import quick_fma
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
    rint32,
)
from service.core.programs.machine import Array
from service.core.programs.rounding import fma

F32, F64, U32, U64 = np.float32, np.float64, np.uint32, np.uint64


def exp32(d: Array) -> Array:
    """Sleef xexpf (Sleef_expf8_u10, AVX2 with FMA)."""
    d = np.asarray(d, F32)
    with np.errstate(all="ignore"):
        q = rint32(d * R_LN2F)
        qf = q.astype(F32)
        s = fma(qf, np.full_like(d, -L2UF), d)
        s = fma(qf, np.full_like(d, -L2LF), s)
        u = np.full_like(d, F32(0.000198527617612853646278381))
        for c in (0.00139304355252534151077271, 0.00833336077630519866943359,
                  0.0416664853692054748535156, 0.166666671633720397949219, 0.5):  # fmt: skip
            u = fma(u, s, np.full_like(d, F32(c)))
        u = F32(1) + fma(s * s, u, s)
        u = ldexp2(u, q)
        u = np.where(d < F32(-104), F32(0), u)
        result: Array = np.where(F32(100) < d, F32(np.inf), u)
    return result


def log1p32(d: Array) -> Array:
    """Sleef xlog1pf (Sleef_log1pf8_u10, AVX2 with FMA), for d up to 1e38 (beyond, Sleef
    switches to its logf, which softplus never needs)."""
    d = np.asarray(d, F32)
    with np.errstate(all="ignore"):
        dp1 = d + F32(1)
        tiny = dp1 < F32(1.17549435e-38)
        dp1 = np.where(tiny, dp1 * F32(2.0**64), dp1)
        e = (((dp1 * F32(1.0 / 0.75)).view(U32) >> U32(23)) & U32(0xFF)).astype(np.int64) - 0x7F
        t = ((0x3F800000 - (e << 23)) & 0xFFFFFFFF).astype(U32).view(F32)
        m = fma(d, t, t - F32(1))
        e = np.where(tiny, e - 64, e)
        s = Pair(np.full_like(d, LN2_PAIR_F[0]), np.full_like(d, LN2_PAIR_F[1])).times(
            e.astype(F32)
        )
        x = Pair(m, np.full_like(d, F32(0))).divided(Pair.add(np.full_like(d, F32(2)), m))
        x2 = x.high * x.high
        t = fma(
            fma(np.full_like(d, F32(0.3027294874)), x2, np.full_like(d, F32(0.3996108174))),
            x2,
            np.full_like(d, F32(0.6666694880)),
        )
        s = s.plus(x.scale(F32(2)))
        s = s.plus((x2 * x.high) * t)
        r = s.value()
        r = np.where(np.isposinf(d), F32(np.inf), r)
        r = np.where(F32(-1) > d, F32(np.nan), r)
        r = np.where(d == F32(-1), F32(-np.inf), r)
        result: Array = np.where((d == 0) & np.signbit(d), F32(-0.0), r)
    return result


def exp64(d: Array) -> Array:
    """Sleef xexp (Sleef_expd4_u10, AVX2 with FMA)."""
    d = np.asarray(d, F64)
    with np.errstate(all="ignore"):
        u = np.rint(d * R_LN2)
        q = rint32(u)
        s = quick_fma(u, np.full_like(d, -L2U), d)
        s = quick_fma(u, np.full_like(d, -L2L), s)
        u = estrin(s, [
            0.2081276378237164457e-8, 0.2511210703042288022e-7, 0.2755762628169491192e-6,
            0.2755723402025388239e-5, 0.2480158687479686264e-4, 0.1984126989855865850e-3,
            0.1388888888914497797e-2, 0.8333333333314938210e-2, 0.4166666666666602598e-1,
            0.1666666666666669072e0,
        ])  # fmt: skip
        for c in (0.5, 1.0, 1.0):
            u = quick_fma(u, s, np.full_like(d, c))
        u = ldexp2(u, q)
        u = np.where(d > 709.782712893383996732224, np.inf, u)
        result: Array = np.where(d < -1000, 0.0, u)
    return result


def log1p64(d: Array) -> Array:
    """Sleef xlog1p (Sleef_log1pd4_u10, AVX2 with FMA), for d up to 1e307."""
    d = np.asarray(d, F64)
    with np.errstate(all="ignore"):
        dp1 = d + 1.0
        tiny = dp1 < 2.2250738585072014e-308
        dp1 = np.where(tiny, dp1 * 2.0**64, dp1)
        e = ((dp1 * (1.0 / 0.75)).view(U64) >> U64(52)).astype(np.int64) & 0x7FF
        e = e - 0x3FF
        t = (0x3FF0000000000000 - (e << 52)).view(F64)
        m = quick_fma(d, t, t - 1.0)
        e = np.where(tiny, e - 64, e)
        s = Pair(np.full_like(d, LN2_PAIR[0]), np.full_like(d, LN2_PAIR[1])).times(e.astype(F64))
        x = Pair(m, np.full_like(d, 0.0)).divided(Pair.add(np.full_like(d, 2.0), m))
        x2 = x.high * x.high
        t = estrin(x2, [
            0.1532076988502701353e0, 0.1525629051003428716e0, 0.1818605932937785996e0,
            0.2222214519839380009e0, 0.2857142932794299317e0, 0.3999999999635251990e0,
            0.6666666666667333541e0,
        ])  # fmt: skip
        s = s.plus(x.scale(2.0))
        s = s.plus((x2 * x.high) * t)
        r = s.value()
        r = np.where(np.isposinf(d), np.inf, r)
        r = np.where((d < -1) | np.isnan(d), np.nan, r)
        r = np.where(d == -1, -np.inf, r)
        result: Array = np.where((d == 0) & np.signbit(d), -0.0, r)
    return result
