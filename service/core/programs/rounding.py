"""A fused multiply-add for numpy arrays: a * b + c rounded once, as an FMA instruction does.

numpy has no FMA, and the frameworks' vectorised kernels use one wherever the compiler fuses a
multiply and an add, so their polynomials round differently from a multiply then an add.

float32: the product of two float32 numbers is exact in float64; the sum is rounded to odd
(its last bit set when inexact), which makes the final rounding to float32 correct.
float64: Dekker's exact product and Boldo and Melquiond's emulation (an exact sum of the
product's two parts and c, the low parts added with rounding to odd, then one rounding).
The few elements whose product overflows or underflows on the way are computed exactly with
fractions.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[Any]

_LOW29, _HALF29 = (1 << 29) - 1, 1 << 28  # float64 bits below float32's last, and their half
_NORMAL32 = float(np.finfo(np.float32).smallest_normal)
_SPLIT = 134217729.0  # 2**27 + 1: Veltkamp's constant for float64
_HUGE = 2.0**995  # above this a split or a product may overflow
_TINY = 2.0**-960  # below this a product's low part may be subnormal, so inexact
_SMALL = 2.0**-850  # an addend at least this large swamps such a product's low part


def fma(a: Array, b: Array, c: Array) -> Array:
    """a * b + c rounded once to the common dtype (float32 or float64), elementwise."""
    a, b, c = np.broadcast_arrays(np.asarray(a), np.asarray(b), np.asarray(c))
    dtype = np.result_type(a, b, c)
    with np.errstate(all="ignore"):
        if dtype == np.float32:
            return _fma32(a, b, c)
        if dtype == np.float64:
            return _fma64(a.astype(np.float64), b.astype(np.float64), c.astype(np.float64))
    raise TypeError(f"fma takes float32 or float64, not {dtype}")


def _two_sum(x: Array, y: Array) -> tuple[Array, Array]:
    """s = x + y rounded and its exact error (Knuth's TwoSum, no branch on magnitudes)."""
    s = x + y
    y_part = s - x
    x_part = s - y_part
    return s, (x - x_part) + (y - y_part)


def _to_odd(s: Array, error: Array) -> Array:
    """The sum s + error (s its rounding, error exact) rounded to odd: truncated towards zero,
    then with its last bit set when the sum was inexact. A float's bits order its magnitudes,
    so one less is the next float towards zero."""
    inexact = (error != 0) & np.isfinite(s)
    towards_zero = inexact & (np.signbit(error) != np.signbit(s))
    bits = s.view(np.int64) - towards_zero
    bits |= inexact
    odd: Array = bits.view(np.float64)
    return odd


def _fma32(a: Array, b: Array, c: Array) -> Array:
    """The float64 sum rounded to float32 is the FMA unless that rounds twice: unless the sum
    sits exactly halfway between two float32 numbers (its 29 low bits 1 then zeros) or below
    float32's normal range. Only those few are summed again, rounded to odd."""
    product = a.astype(np.float64) * b  # exact: 24 + 24 bits < 53
    s = product + c
    low = s.view(np.int64) & _LOW29
    suspect = np.flatnonzero((low == _HALF29) | (np.abs(s) < _NORMAL32))
    result = s.astype(np.float32)
    if suspect.size:
        p, addend = product[suspect], c[suspect].astype(np.float64)
        total, error = _two_sum(p, addend)
        exact = np.where(np.isfinite(p), _to_odd(total, error), total)
        result[suspect] = exact.astype(np.float32)
    return result


def _split(x: Array) -> tuple[Array, Array]:
    t = _SPLIT * x
    high = t - (t - x)
    return high, x - high


def _fma64(a: Array, b: Array, c: Array) -> Array:
    high, low = a * b, _exact_low(a, b)
    th, tl = _two_sum(c, high)
    v, error = _two_sum(tl, low)
    result: Array = th + _to_odd(v, error)
    finite = np.isfinite(a) & np.isfinite(b) & np.isfinite(c)
    magnitude = np.maximum(np.abs(a), np.abs(b))
    rare = finite & (
        (magnitude > _HUGE)
        | ((np.abs(high) < _TINY) & (a != 0) & (b != 0) & (np.abs(c) < _SMALL))
        | ~np.isfinite(high)
        | ~np.isfinite(result)
    )
    # Inputs that are not finite, and sums that are exactly zero (whose sign the split parts
    # lose), are what the plain expression gives: its product is exact there.
    plain = ~finite | (result == 0)
    if plain.any():
        # An infinite addend to a finite product is the sum, though the product may overflow.
        addend = np.isinf(c) & np.isfinite(a) & np.isfinite(b)
        result = np.where(plain, np.where(addend, c, a * b + c), result)
    for i in np.flatnonzero(rare):
        result.flat[i] = _exact(float(a.flat[i]), float(b.flat[i]), float(c.flat[i]))
    return result


def _exact_low(a: Array, b: Array) -> Array:
    """The error of the rounded product a * b (Dekker), exact when nothing over- or
    underflows."""
    ah, al = _split(a)
    bh, bl = _split(b)
    low: Array = ((ah * bh - a * b) + ah * bl + al * bh) + al * bl
    return low


def _exact(a: float, b: float, c: float) -> float:
    value = Fraction(a) * Fraction(b) + Fraction(c)
    if value == 0:  # an exact zero sum is +0.0, or -0.0 when both parts are -0.0
        return a * b + c
    try:
        return float(value)  # Fraction's division of integers is correctly rounded
    except OverflowError:
        return np.inf if value > 0 else -np.inf
