"""The CPU arithmetic model: bitwise selects, DAZ reads and the vector body's extent."""

from __future__ import annotations

import numpy as np
import pytest

from service.core.programs.machine import Machine

DTYPES = (np.float16, np.float32, np.float64)


def mixed(dtype: type[np.floating], n: int) -> np.ndarray:
    info = np.finfo(dtype)
    special = [
        np.nan,
        np.inf,
        -np.inf,
        0.0,
        -0.0,
        info.smallest_subnormal,
        -info.smallest_subnormal,
    ]
    rng = np.random.default_rng(n)
    values = rng.standard_normal(n).astype(dtype)
    values[: len(special) * (n // 50)] = np.tile(np.array(special, dtype), n // 50)
    return rng.permutation(values)


def same_bits(a: np.ndarray, b: np.ndarray) -> bool:
    width = a.dtype.itemsize
    return bool((a.view(f"u{width}") == b.view(f"u{width}")).all())


@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: d.__name__)
@pytest.mark.parametrize("n", [10, 5_000, 100_001])
@pytest.mark.parametrize("other", [0.0, -0.0, 1.5, "array"])
def test_select_moves_the_bits_np_where_would(dtype: type, n: int, other: object) -> None:
    """NaN payloads, signed zeros and subnormals come through the fast path unchanged."""
    m = Machine.of(np.dtype(dtype), flushes=False, wide_half=False, step_bytes=0)
    x = mixed(dtype, n)
    mask = mixed(dtype, n) > 0
    second = mixed(dtype, n + 1)[:n] if other == "array" else other
    for first, last in ((x, second), (second, x)):
        expected = np.where(mask, np.asarray(first, dtype), np.asarray(last, dtype))
        assert same_bits(m.select(mask, first, last), expected)


@pytest.mark.parametrize("dtype", [np.float32, np.float64], ids=lambda d: d.__name__)
def test_read_flushes_subnormals_to_zero_of_their_sign(dtype: type) -> None:
    m = Machine.of(np.dtype(dtype), flushes=True, wide_half=False, step_bytes=0)
    tiny = np.finfo(dtype).smallest_subnormal
    x = np.array([tiny, -tiny, 1.0, -0.0, np.nan], dtype)
    read = m.read(x)
    assert read[:2].tolist() == [0.0, 0.0]
    assert np.signbit(read[:2]).tolist() == [False, True]
    assert same_bits(read[2:], x[2:])
    clean = np.array([1.0, 0.0, -2.0], dtype)
    assert m.read(clean) is clean  # nothing to flush: no copy


@pytest.mark.parametrize("dtype", [np.float32, np.float64], ids=lambda d: d.__name__)
@pytest.mark.parametrize("n", [10, 100_001])
def test_a_product_that_underflows_is_flushed_though_the_inputs_are_normal(
    dtype: type, n: int
) -> None:
    """Clean inputs spare the reads, never the check of a result."""
    x = np.full(n, np.finfo(dtype).smallest_normal * 4, dtype)
    x[::2] = 1.0
    m = Machine.of(np.dtype(dtype), True, False, 0, (x, np.asarray(0.125, dtype)))
    product = m.mul(x, np.asarray(0.125, dtype))
    assert product[1::2].tolist() == [0.0] * (n // 2)  # 2^-1 of the smallest normal: flushed
    assert product[::2].tolist() == [0.125] * ((n + 1) // 2)


@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: d.__name__)
def test_subnormals_are_told_from_zeros_normals_and_non_finite_values(dtype: type) -> None:
    m = Machine.of(np.dtype(dtype), flushes=True, wide_half=False, step_bytes=0)
    info = np.finfo(dtype)
    for value in (info.smallest_subnormal, info.smallest_normal - info.smallest_subnormal):
        assert m._subnormal(np.array([1.0, -value], dtype))
        assert m._subnormal(np.array(value, dtype))
    for value in (0.0, -0.0, info.smallest_normal, -info.smallest_normal, np.inf, np.nan):
        assert not m._subnormal(np.array([value, 1.0], dtype))


def test_float16_is_never_flushed() -> None:
    m = Machine.of(np.dtype(np.float16), flushes=True, wide_half=False, step_bytes=0)
    x = np.array([np.finfo(np.float16).smallest_subnormal], np.float16)
    assert m.read(x) is x


@pytest.mark.parametrize(
    ("n", "step_bytes", "body"), [(22, 64, 16), (15, 32, 8), (7, 64, 0), (5, 0, 0)]
)
def test_the_vector_body_covers_whole_steps(n: int, step_bytes: int, body: int) -> None:
    m = Machine.of(np.dtype(np.float32), flushes=False, wide_half=False, step_bytes=step_bytes)
    assert int(m.vector_body(np.zeros(n, np.float32)).sum()) == body
