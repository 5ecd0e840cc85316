"""Reference values for glibc's functions: correctly rounded results from mpmath, where glibc
rounds correctly, and comparison bit for bit."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import mpmath
import numpy as np

Array = np.ndarray[Any, Any]


def nearest(f: Callable[[Any], Any], x: Array) -> Array:
    """f at each x (float32 or float64) to 300 bits, rounded to nearest in x's dtype, subnormal
        numbers included: to the nearest multiple of the spacing of the dtype's numbers there (a
    zero keeps the value's sign)."""
    info = np.finfo(x.dtype)
    out = []
    with mpmath.workprec(300):
        for v in x.tolist():
            value = f(mpmath.mpf(v))
            if value == 0:
                out.append(0.0)
                continue
            binade = max(int(mpmath.floor(mpmath.log(abs(value), 2))), info.minexp)
            spacing = mpmath.mpf(2) ** (binade - info.nmant)
            out.append(math.copysign(float(mpmath.nint(value / spacing) * spacing), value))
    return np.array(out, x.dtype)


def same_bits(a: Array, b: Array) -> bool:
    """a and b hold the same numbers, bit for bit (any NaN equal to any NaN)."""
    assert a.dtype == b.dtype
    assert a.shape == b.shape
    unsigned = f"u{a.dtype.itemsize}"
    equal = (a.view(unsigned) == b.view(unsigned)) | (np.isnan(a) & np.isnan(b))
    return bool(equal.all())


def hexes(values: list[str], dtype: Any) -> Array:
    """Numbers written as hexadecimal floats."""
    return np.array([float.fromhex(v) for v in values], dtype)
