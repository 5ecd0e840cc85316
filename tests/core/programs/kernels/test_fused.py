"""The helpers the PyTorch kernels share through fused.py: quick_fma and exact_product_error
give rounding.fma's bits on every input, edges included, and the tables read as written."""

from __future__ import annotations

import numpy as np
import pytest

from service.core.programs.kernels.fused import (
    exact_product_error,
    from_bits32,
    hex_words,
    quick_fma,
)
from service.core.programs.rounding import fma
from tests.core.programs.test_rounding import triples


def same_bits(a: np.ndarray, b: np.ndarray) -> bool:
    width = a.dtype.itemsize
    return a.dtype == b.dtype and bool(np.all(a.view(f"u{width}") == b.view(f"u{width}")))


def edges(dtype: type[np.floating], n: int, seed: int) -> np.ndarray:
    """Special values, subnormals, the largest numbers and any bit patterns, mixed."""
    rng = np.random.default_rng(seed)
    info = np.finfo(dtype)
    unsigned = np.uint32 if dtype == np.float32 else np.uint64
    special = np.array(
        [0.0, -0.0, np.inf, -np.inf, np.nan, info.max, -info.max, info.smallest_normal,
         info.smallest_subnormal, -info.smallest_subnormal, 1.0, -1.0, 2.0**-500, 2.0**500],
        dtype=dtype,
    )  # fmt: skip
    any_bits = rng.integers(0, np.iinfo(unsigned).max, n, dtype=unsigned).view(dtype)
    return np.where(rng.random(n) < 0.2, rng.choice(special, n), any_bits)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_quick_fma_is_the_fma(dtype: type[np.floating]) -> None:
    with np.errstate(all="ignore"):
        a, b, c = triples(dtype, 20_000, seed=11)
        rng = np.random.default_rng(5)
        small = (rng.standard_normal(20_000) * 1e-3).astype(dtype)  # products below addends
        cases = [
            (a, b, c),
            (a, small, c),
            (edges(dtype, 20_000, 1), edges(dtype, 20_000, 2), edges(dtype, 20_000, 3)),
            (a, b, edges(dtype, 20_000, 4)),
        ]
        for x, y, z in cases:
            assert same_bits(quick_fma(x, y, z), fma(x, y, z))
            assert same_bits(quick_fma(x, dtype(0.75), z), fma(x, np.full_like(x, 0.75), z))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_exact_product_error_is_an_fma(dtype: type[np.floating]) -> None:
    with np.errstate(all="ignore"):
        a, b, _ = triples(dtype, 20_000, seed=12)
        for x, y in ((a, b), (edges(dtype, 20_000, 6), edges(dtype, 20_000, 7))):
            p = x * y
            finite = np.isfinite(p)
            expected = fma(x, y, -p)
            assert same_bits(exact_product_error(x, y, p)[finite], expected[finite])


def test_tables_are_read_as_written() -> None:
    assert from_bits32(0x3F800000) == np.float32(1)
    assert isinstance(from_bits32(0), np.float32)
    words = hex_words("3f800000 c0000000", np.float32)
    assert words.dtype == np.float32
    assert words.tolist() == [1.0, -2.0]
    assert hex_words("3ff0000000000000", np.float64).tolist() == [1.0]
