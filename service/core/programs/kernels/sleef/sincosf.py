"""Sleef's sinf and cosf (xsinf and xcosf: Sleef_sinf16_u35 and cosf16_u35), which ATen's
Vectorized<float> calls for float16 sin and cos, and rempif, their reduction of large
arguments."""

from __future__ import annotations

import numpy as np

from service.core.programs.kernels.sleef.pairs import Pair
from service.core.programs.kernels.sleef.primitives import rint32
from service.core.programs.machine import Array
from service.core.programs.rounding import fma

F32 = np.float32

_PI_A2F, _PI_B2F, _PI_C2F = (
    F32(3.1414794921875),
    F32(0.00011315941810607910156),
    F32(1.9841872589410058936e-09),
)
_M_1_PI_F = F32(0.318309886183790671537767526745028724)
# The first row of Sleef_rempitabsp (2/pi in four float32 parts): all a float16 needs.
_REMPI = [
    F32(float.fromhex(h))
    for h in ("0x1.45f300p-3", "0x1.b72720p-25", "0x1.054a80p-48", "-0x1.ec5418p-73")
]
_PI_PAIR_F = (F32(3.1415927410125732422), F32(-8.7422776573475857731e-08))


def _mulsign(x: Array, y: Array) -> Array:
    """vmulsign: x with its sign flipped where y's sign bit is set."""
    return np.where(np.signbit(y), -x, x)


def _rempisub(x: Array) -> tuple[Array, Array]:
    """rempisubf (FULL_FP_ROUNDING): x less its nearest quarter, and that quarter's count."""
    y = np.rint(x * F32(4)).astype(F32)
    quarters = np.trunc(y - np.rint(x) * F32(4)).astype(np.int64)
    return (x - y * F32(0.25)).astype(F32), quarters


def _rempi(a: Array) -> tuple[Pair, Array]:
    """rempif, for |a| < 2^25 (the table's first row): a reduced modulo pi/2 in a pair, and
    the quarter turns."""
    x = Pair.product(a, np.full_like(a, _REMPI[0]))
    rest, q = _rempisub(x.high)
    x = Pair(rest, x.low).normalized()
    x = x.plus2(Pair.product(a, np.full_like(a, _REMPI[1])))
    rest, more = _rempisub(x.high)
    q = q + more
    x = Pair(rest, x.low).normalized()
    x = x.plus2(Pair(np.full_like(a, _REMPI[2]), np.full_like(a, _REMPI[3])).times(a)).normalized()
    x = x.times(
        Pair(np.full_like(a, _PI_PAIR_F[0] * F32(2)), np.full_like(a, _PI_PAIR_F[1] * F32(2)))
    )
    small = np.abs(a) < F32(0.7)
    return Pair(np.where(small, a, x.high), np.where(small, F32(0), x.low)), q


_PI_AF, _PI_BF, _PI_CF, _PI_DF = (
    F32(3.140625),
    F32(0.0009670257568359375),
    F32(6.2771141529083251953e-07),
    F32(1.2154201256553420762e-10),
)


def sincos32(d: Array, cosine: bool) -> Array:
    """Sleef xsinf and xcosf (Sleef_sinf16_u35 and cosf16_u35: Vectorized<float>'s sin and
    cos, which the float16 kernels map over float16 converted to float32), for |d| < 2^25.
    n = d/pi rounded (for cos, an odd number of half turns), d - n pi in three FMAs, an odd
    polynomial in FMAs. The reduction is chosen for each vector of 16 lanes as a whole: four
    FMAs if a lane reaches 125, rempif if one reaches 39000 (or is not finite)."""
    d = np.asarray(d, F32).reshape(-1)
    half = F32(0.5) if cosine else F32(1)
    with np.errstate(all="ignore"):
        odd = rint32(d * _M_1_PI_F - F32(0.5)) * 2 + 1  # cos: an odd number of half turns
        q = odd if cosine else rint32(d * _M_1_PI_F)
        u = q.astype(F32)
        lane = np.where(np.abs(d) < F32(125), 0, np.where(np.abs(d) < F32(39000), 1, 2))
        padded = np.zeros(-(-d.size // 16) * 16, dtype=lane.dtype)
        padded[: d.size] = lane
        group = np.repeat(padded.reshape(-1, 16).max(axis=1), 16)[: d.size]
        x = d
        for c in (_PI_A2F, _PI_B2F, _PI_C2F) if not group.any() else ():
            x = fma(u, np.full_like(d, -c * half), x)
        if group.any():
            near, middle = d, d
            for c in (_PI_A2F, _PI_B2F, _PI_C2F):
                near = fma(u, np.full_like(d, -c * half), near)
            for c in (_PI_AF, _PI_BF, _PI_CF, _PI_DF):
                middle = fma(u, np.full_like(d, -c * half), middle)
            x = np.where(group == 0, near, middle)
            far = group == 2
            if far.any():
                reduced, quarters = _rempi(d)
                positive = reduced.high > 0
                if cosine:
                    q2 = ((quarters & 3) * 2 + np.where(positive, 8, 7)) >> 1
                    turn = (quarters & 1) == 0
                    y = np.where(positive, F32(0), F32(-1))
                else:
                    q2 = ((quarters & 3) * 2 + np.where(positive, 2, 1)) >> 2
                    turn = (quarters & 1) == 1
                    y = reduced.high
                low_pi = Pair(
                    _mulsign(np.full_like(d, _PI_PAIR_F[0] * F32(-0.5)), y),
                    _mulsign(np.full_like(d, _PI_PAIR_F[1] * F32(-0.5)), y),
                )
                turned = reduced.plus2(low_pi)
                w = np.where(turn, turned.value(), reduced.value())
                w = np.where(np.isfinite(d), w, F32(np.nan))
                q = np.where(far, q2, q)
                x = np.where(far, w, x)
        s = x * x
        flip = (q & 2) == 0 if cosine else (q & 1) == 1
        x = np.where(flip, -x, x)
        p = np.full_like(d, F32(2.6083159809786593541503e-06))
        for coefficient in (
            -0.0001981069071916863322258,
            0.00833307858556509017944336,
            -0.166666597127914428710938,
        ):
            p = fma(p, s, np.full_like(d, F32(coefficient)))
        result = s * (p * x) + x
        if not cosine:
            result = np.where((d == 0) & np.signbit(d), d, result)
    return result.astype(F32)
