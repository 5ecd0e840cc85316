"""Softplus and its slope, each within 1 ulp: computed wider than the input, rounded once.

softplus(x) = max(x, 0) + log1p(e^-|z|) / beta with z = beta x (so a finite x stays finite),
and its slope is logistic(z). float16 and float32 inputs are computed in float64. float64
inputs need more bits than float64 has, so they are computed in numpy's long double: the
x87 80-bit format on x86 Linux and Intel macOS (a 64-bit mantissa, and an exponent range in
which beta x cannot overflow), IEEE quad on arm64 Linux (as good, but done in software, so
slow). Where long double is just float64 (Windows, arm64 macOS) float16 and float32 results
are still within 1 ulp but float64 results are not: they can be a few ulps off.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.floating]

# Rounding z costs < 1/4 ulp while |z| < 1024. Below this beta, values past |z| = 1024 can
# still be normal floats, so there z's rounding is undone.
_SMALL_BETA = 1e-100
# Past these e^-|z| cannot move a rounded output: above 45 the outputs are x and 1
# (e^-45 / 45 < 2^-68), below -746 - log(1/beta) both are 0 (e^-746 < 2^-1076).
_SATURATED, _UNDERFLOWED = 45.0, 746.0
_PIECE = 1 << 14  # elements at a time, so the wide temporaries stay in cache (~20% faster)


def value(x: Array, beta: float) -> Array:
    """softplus(x) = log(1 + e^(beta x)) / beta, in x's dtype."""
    return _in_pieces(_value, x, beta)


def slope(x: Array, beta: float) -> Array:
    """softplus'(x) = 1 / (1 + e^(-beta x)), in x's dtype."""
    return _in_pieces(_slope, x, beta)


def _in_pieces(compute: Callable[[Array, float], Array], x: Array, beta: float) -> Array:
    flat = x.reshape(-1)
    out = np.empty_like(flat)
    for at in range(0, flat.size, _PIECE):
        out[at : at + _PIECE] = compute(flat[at : at + _PIECE], beta)
    return out.reshape(x.shape)


def _parts(x: Array, beta: float) -> tuple[Array, Array, Array, npt.NDArray[np.bool_]]:
    """x and z = beta x widened, e^-|z| (0 where not needed), and where it was needed."""
    xw: Array = x.astype(np.float64 if x.dtype.itemsize < 8 else np.longdouble)
    z = xw * beta  # a Python float takes the array's dtype, exactly
    needed = ~((z >= _SATURATED) | (z < -_UNDERFLOWED - max(0.0, -math.log(beta))))
    return xw, z, np.exp(-np.abs(z), out=np.zeros_like(z), where=needed), needed


def _value(x: Array, beta: float) -> Array:
    xw, z, e, needed = _parts(x, beta)
    if beta < _SMALL_BETA and xw.dtype == np.longdouble:  # e^(z + dz) = e^z (1 + dz)
        far, (m, exponent) = np.flatnonzero((z < -512) & (e > 0)), math.frexp(beta)
        high = math.ldexp(math.floor(m * 2048), exponent - 11)  # 11 bits: exact high x - z
        e[far] *= 1 + ((xw[far] * high - z[far]) + xw[far] * (beta - high))
    y = np.divide(np.log1p(e, out=e, where=needed), beta, out=e)
    return np.add(y, xw, out=y, where=z > 0).astype(x.dtype)


def _slope(x: Array, beta: float) -> Array:
    _, z, e, _ = _parts(x, beta)  # 1 / (1 + e^-z), and e^z / (1 + e^z) below 0
    return np.divide(np.where(z >= 0, 1, e), e + 1).astype(x.dtype)
