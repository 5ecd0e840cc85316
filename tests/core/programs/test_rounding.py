"""The fused multiply-add against exact rational arithmetic."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from service.core.programs.rounding import fma


def nearest(value: Fraction, dtype: type[np.floating]) -> float:
    """value rounded to nearest, ties to even, in dtype: the float64 rounding's neighbours
    in dtype compared exactly (float64 alone would round twice for float32)."""
    guess = dtype(float(value)) if abs(value) < 2**1023 else dtype(np.inf if value > 0 else -np.inf)
    if not np.isfinite(guess):
        return float(guess)
    candidates = [guess, np.nextafter(guess, dtype(-np.inf)), np.nextafter(guess, dtype(np.inf))]
    finite = [c for c in candidates if np.isfinite(c)]

    def distance(c: np.floating) -> tuple[Fraction, int]:
        odd = int(np.asarray(c).view(f"u{np.dtype(dtype).itemsize}")) & 1
        return abs(Fraction(float(c)) - value), odd

    return float(min(finite, key=distance))


def reference(a: float, b: float, c: float, dtype: type[np.floating]) -> float:
    value = Fraction(a) * Fraction(b) + Fraction(c)
    if value == 0:
        return float(dtype(a) * dtype(b) + dtype(c))
    return nearest(value, dtype)


def triples(dtype: type[np.floating], n: int, seed: int) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(seed)
    info = np.finfo(dtype)
    span = int(np.log2(info.max)) - 2

    def draw() -> np.ndarray:
        mantissa = rng.uniform(-2, 2, n)
        exponent = rng.integers(-span, span, n)
        mixed = np.ldexp(mantissa, exponent).astype(dtype)
        near_one = rng.uniform(-2, 2, n).astype(dtype)
        return np.where(rng.random(n) < 0.5, mixed, near_one)

    a, b = draw(), draw()
    # Half the addends cancel most of the product, where the rounding of a separate multiply
    # would show: c = -(a * b) rounded, nudged.
    c = np.where(rng.random(n) < 0.5, draw(), -(a * b) * (1 + rng.normal(0, 1e-3, n)))
    c = c.astype(dtype)
    return a, b, np.where(np.isfinite(c), c, draw())


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_fma_is_rounded_once(dtype: type[np.floating]) -> None:
    with np.errstate(all="ignore"):
        a, b, c = triples(dtype, 4000, seed=3)
    got = fma(a, b, c)
    assert got.dtype == dtype
    with np.errstate(all="ignore"):
        want = np.array(
            [reference(*map(float, t), dtype) for t in zip(a, b, c, strict=True)], dtype
        )
    same = got.view(f"u{np.dtype(dtype).itemsize}") == want.view(f"u{np.dtype(dtype).itemsize}")
    same |= np.isnan(got) & np.isnan(want)
    assert same.all(), list(
        zip(a[~same], b[~same], c[~same], got[~same], want[~same], strict=True)
    )[:5]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_fma_differs_from_a_multiply_then_an_add(dtype: type[np.floating]) -> None:
    """1 + eps and 1 - eps multiply to 1 - eps^2: an FMA keeps the -eps^2 that a separate
    multiply rounds away."""
    eps = np.finfo(dtype).eps
    a, b, c = (np.array([v], dtype) for v in (1 + eps, 1 - eps, -1.0))
    assert fma(a, b, c)[0] == -(eps * eps)
    assert (a * b + c)[0] == 0


def test_fma_rounds_float32_once_at_a_midpoint() -> None:
    """(1 + 2^-23) + 2^-24 - 2^-70 is just below the midpoint 1 + 3 * 2^-24: float64 rounds it
    onto the midpoint, and a second rounding would then go to the even 1 + 2^-22."""
    a = np.array([2.0**-12 * (1 + 2.0**-23)], np.float32)
    b = np.array([2.0**-12 * (1 - 2.0**-23)], np.float32)
    c = np.array([1 + 2.0**-23], np.float32)
    assert fma(a, b, c)[0] == np.float32(1 + 2.0**-23)
    assert fma(-a, b, -c)[0] == -np.float32(1 + 2.0**-23)
    assert (a.astype(np.float64) * b + c).astype(np.float32)[0] == np.float32(1 + 2.0**-22)


def test_fma_keeps_special_values() -> None:
    inf, nan = np.inf, np.nan
    a = np.array([inf, 0.0, nan, 1.0, -0.0, 1e300])
    b = np.array([0.0, inf, 1.0, inf, 1.0, 1e300])
    c = np.array([1.0, 1.0, 1.0, -inf, -0.0, -inf])
    got = fma(a, b, c)
    assert np.isnan(got[:4]).all()
    assert got[4] == 0
    assert np.signbit(got[4])
    assert got[5] == -inf


def test_fma_takes_only_float32_and_float64() -> None:
    with pytest.raises(TypeError):
        fma(np.ones(2, np.float16), np.ones(2, np.float16), np.ones(2, np.float16))
