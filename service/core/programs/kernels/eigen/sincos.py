"""Eigen's float sine and cosine packet function (Eigen/src/Core/arch/Default/
GenericPacketMathFunctions.h: psincos_float, and trig_reduce_huge for large arguments), without
FMA: each pmadd is a multiply then an add, each rounded. Double has no packet sine or cosine
without AVX2: np.sin and np.cos are glibc's sin and cos, which Eigen's scalar path calls.
"""

from __future__ import annotations

import numpy as np

from service.core.programs.kernels.eigen.packets import F32, F64, flushed
from service.core.programs.machine import Array, bitwise_select

# 2/pi's bits, repeated in 8-bit steps so that three words hold the 96 bits an exponent needs
_TWO_OVER_PI = np.array(
    [0x00000028, 0x000028BE, 0x0028BE60, 0x28BE60DB, 0xBE60DB93, 0x60DB9391, 0xDB939105,
     0x9391054A, 0x91054A7F, 0x054A7F09, 0x4A7F09D5, 0x7F09D5F4, 0x09D5F47D, 0xD5F47D4D,
     0xF47D4D37, 0x7D4D3770, 0x4D377036, 0x377036D8, 0x7036D8A5, 0x36D8A566, 0xD8A5664F,
     0xA5664F10, 0x664F10E4, 0x4F10E410, 0x10E41000, 0xE4100000],
    dtype=np.uint64,
)  # fmt: skip
# pi/2 in four parts, for x - y pi/2 without FMA
_PI_2_PARTS = tuple(
    np.float32(c)
    for c in (-1.5703125, -0.000483989715576171875, 1.62865035235881805419921875e-07,
              5.5644315544167710640977020375430583953857421875e-11)
)  # fmt: skip
_COS32 = tuple(
    np.float32(c)
    for c in (2.4372266125283204019069671630859375e-05, -0.00138865201734006404876708984375,
              0.041666619479656219482421875, -0.5, 1.0)
)  # fmt: skip
_SIN32 = tuple(
    np.float32(c)
    for c in (-0.0001959234114083702898469196984621021329076029360294342041015625,
              0.0083326873655616851693794799871284340042620897293090820312500000,
              -0.1666666203982298255503735617821803316473960876464843750000000000)
)  # fmt: skip


def sincos32(x: Array, sine: bool) -> Array:
    """psincos_float without FMA: r = |x| - y pi/2, y the nearest integer to |x| 2/pi (by
    adding 2^23 + 2^22, whose low bits are then the quadrant); trig_reduce_huge from 25966
    (sine) or 18838 (cosine) up; then a polynomial for sin(r) or cos(r), and the sign."""
    x = flushed(x)
    magnitude = np.abs(x)
    magic = np.float32(12582912)
    rounded = magnitude * np.float32(0.636619746685028076171875) + magic
    quadrant = rounded.view(np.uint32)
    y = rounded - magic
    r = magnitude
    for part in _PI_2_PARTS:
        r = y * part + r
    huge = (magnitude >= np.float32(25966 if sine else 18838)) & np.isfinite(magnitude)
    if huge.any():
        r, quadrant = r.copy(), quadrant.copy()
        r[huge], quadrant[huge] = _reduce_huge(magnitude[huge])
    r2 = r * r
    c0, c1, c2, c3, c4 = _COS32
    cos_r = (((c0 * r2 + c1) * r2 + c2) * r2 + c3) * r2 + c4
    s0, s1, s2 = _SIN32
    sin_r = ((s0 * r2 + s1) * r2 + s2) * r2
    sin_r = sin_r * r + r
    even = (quadrant & np.uint32(1)) == 0
    out = bitwise_select(even, sin_r, cos_r) if sine else bitwise_select(even, cos_r, sin_r)
    # the sign: bit 1 of the quadrant (of the quadrant + 1 for cos), and x's for sin
    if sine:
        sign = x.view(np.uint32) ^ (quadrant << np.uint32(30))
    else:
        sign = (quadrant + np.uint32(1)) << np.uint32(30)
    result: Array = (out.view(np.uint32) ^ (sign & np.uint32(0x80000000))).view(F32)
    return result


def _reduce_huge(a: Array) -> tuple[Array, Array]:
    """trig_reduce_huge (scalar C, no FMA) for finite a >= 2^14: the 2.62 fixed-point product
    of a's significand with 2/pi's 96 bits that matter, its nearest integer q (the quadrant)
    and (p - q) pi/2 in double, rounded to float."""
    bits = a.view(np.uint32).astype(np.uint64)
    e = (bits >> np.uint64(23)) - np.uint64(118)
    xi = ((bits & np.uint64(0x7FFFFF)) | np.uint64(0x800000)) << (e & np.uint64(7))
    i = (e >> np.uint64(3)).astype(np.intp)
    first, second, third = _TWO_OVER_PI[i - 1], _TWO_OVER_PI[i + 3], _TWO_OVER_PI[i + 7]
    p = xi * third
    p = xi * second + (p >> np.uint64(32))
    p = (((xi * first) & np.uint64(0xFFFFFFFF)) << np.uint64(32)) + p  # a 32-bit product first
    q = (p + np.uint64(1 << 61)) >> np.uint64(62)
    p = p - (q << np.uint64(62))
    r = p.view(np.int64).astype(F64) * 3.4061215800865545e-19  # pi/2 2^-62
    return r.astype(F32), q.astype(np.uint32)
