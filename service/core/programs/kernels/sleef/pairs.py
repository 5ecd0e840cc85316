"""Sleef's double-float and double-double arithmetic (df.h and dd.h, the FMA builds): a number
carried as an unevaluated sum high + low, each step's rounding error kept exactly."""

from __future__ import annotations

from typing import Any

import numpy as np

from service.core.programs.kernels.fused import exact_product_error, quick_fma
from service.core.programs.machine import Array


class Pair:
    """A double-float or double-double: an unevaluated sum high + low (Sleef's df.h, dd.h,
    the FMA versions)."""

    def __init__(self, high: Array, low: Array) -> None:
        self.high, self.low = high, low

    @staticmethod
    def add(x: Array, y: Array) -> Pair:  # dfadd_vf2_vf_vf (|x| >= |y|)
        s = x + y
        return Pair(s, (x - s) + y)

    @staticmethod
    def add2(x: Array, y: Array) -> Pair:  # dfadd2_vf2_vf_vf
        s = x + y
        v = s - x
        return Pair(s, (x - (s - v)) + (y - v))

    @staticmethod
    def product(x: Array, y: Array) -> Pair:  # dfmul_vf2_vf_vf
        s = x * y
        return Pair(s, exact_product_error(x, y, s))

    def plus(self, y: Pair | Array) -> Pair:  # dfadd_vf2_vf2_vf2 and _vf2_vf
        if isinstance(y, Pair):
            s = self.high + y.high
            return Pair(s, (((self.high - s) + y.high) + self.low) + y.low)
        s = self.high + y
        return Pair(s, ((self.high - s) + y) + self.low)

    def plus2(self, y: Pair | Array) -> Pair:  # dfadd2_vf2_vf2_vf2 and _vf2_vf
        high = y.high if isinstance(y, Pair) else y
        s = self.high + high
        v = s - self.high
        t = (self.high - (s - v)) + (high - v)
        return Pair(s, t + (self.low + y.low) if isinstance(y, Pair) else t + self.low)

    def times(self, y: Pair | Array) -> Pair:  # dfmul_vf2_vf2_vf2 and _vf2_vf
        if isinstance(y, Pair):
            s = self.high * y.high
            low = quick_fma(
                self.high,
                y.low,
                quick_fma(self.low, y.high, exact_product_error(self.high, y.high, s)),
            )
            return Pair(s, low)
        s = self.high * y
        return Pair(s, quick_fma(self.low, y, exact_product_error(self.high, y, s)))

    def square(self) -> Pair:  # dfsqu_vf2_vf2
        s = self.high * self.high
        return Pair(
            s,
            quick_fma(
                self.high + self.high, self.low, exact_product_error(self.high, self.high, s)
            ),
        )

    def scale(self, s: Any) -> Pair:
        return Pair(self.high * s, self.low * s)

    def divided(self, d: Pair) -> Pair:  # dfdiv_vf2_vf2_vf2
        one = np.full_like(d.high, 1)
        t = one / d.high
        s = self.high * t
        u = exact_product_error(t, self.high, s)
        v = quick_fma(-d.low, t, quick_fma(-d.high, t, one))
        return Pair(s, quick_fma(s, v, quick_fma(self.low, t, u)))

    def normalized(self) -> Pair:
        s = self.high + self.low
        return Pair(s, (self.high - s) + self.low)

    def value(self) -> Array:
        result: Array = self.high + self.low
        return result
