"""glibc's powf and pow for one number y: subnormal results rounded to nearest without FTZ,
zeros of their sign with it, C's special cases (Annex F), and glibc's own last bit where it
does not round to nearest."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from service.core.programs.kernels.glibc.pow import pow, powf
from tests.core.programs.kernels.glibc.reference import Array, hexes, nearest, same_bits

FUNCTIONS = [(np.float32, powf), (np.float64, pow)]


@pytest.mark.parametrize(("dtype", "f"), FUNCTIONS, ids=["powf", "pow"])
@pytest.mark.parametrize("y", [3.0, -2.0])
def test_subnormal_results(dtype: type, f: Callable[..., Array], y: float) -> None:
    info = np.finfo(dtype)
    # |x|^y from well below the smallest subnormal number to the smallest normal one
    low = float(info.smallest_subnormal) ** (1 / y) * 4.0 ** (-1 / y)
    high = float(info.tiny) ** (1 / y)
    magnitudes = np.geomspace(low, high, 100).astype(dtype)
    x = np.concatenate([magnitudes, -magnitudes])
    want = nearest(lambda v: v**y, x)
    assert (want == 0).any()
    assert (want != 0).any()
    assert same_bits(f(x, y, daz=False), want)
    tiny = np.abs(want) < info.tiny
    assert same_bits(f(x, y, daz=True), np.where(tiny, np.copysign(dtype(0), want), want))


def test_powf_near_its_underflow_thresholds() -> None:
    """Where y log2(x) lies between -150 and -149 glibc answers 2^-149 outright."""
    half = np.array([0.5, -0.5], np.float32)
    assert same_bits(powf(half, 149.5, daz=False), np.array([2.0**-149, np.nan], np.float32))
    assert same_bits(powf(half, 149.0, daz=False), np.array([2.0**-149, -(2.0**-149)], np.float32))
    assert same_bits(powf(half, 149.0, daz=True), np.array([0.0, -0.0], np.float32))
    assert same_bits(powf(half, 150.0, daz=False), np.zeros(2, np.float32))


SPECIAL = [
    (0.0, -1.0, np.inf), (-0.0, -1.0, -np.inf), (-0.0, -2.0, np.inf), (0.0, 3.0, 0.0),
    (-0.0, 3.0, -0.0), (np.inf, -1.0, 0.0), (-np.inf, 3.0, -np.inf), (-np.inf, -3.0, -0.0),
    (-np.inf, 2.0, np.inf), (-1.0, np.inf, 1.0), (-1.0, -np.inf, 1.0), (1.0, np.nan, 1.0),
    (np.nan, 0.0, 1.0), (0.5, np.inf, 0.0), (2.0, np.inf, np.inf), (0.5, -np.inf, np.inf),
    (2.0, -np.inf, 0.0), (-2.0, 0.5, np.nan), (np.nan, 2.0, np.nan), (2.0, np.nan, np.nan),
    (-2.0, 3.0, -8.0), (-2.0, -1.0, -0.5), (3.0, 2.0**-70, 1.0), (0.5, 2.0**70, 0.0),
    (2.0, 2.0**70, np.inf), (-1.0, 2.0**70, 1.0), (2.0, -(2.0**70), 0.0), (0.5, -(2.0**-70), 1.0),
]  # fmt: skip


@pytest.mark.parametrize("daz", [False, True])
@pytest.mark.parametrize(("dtype", "f"), FUNCTIONS, ids=["powf", "pow"])
@pytest.mark.parametrize(("x", "y", "want"), SPECIAL)
def test_special_cases(
    dtype: type, f: Callable[..., Array], x: float, y: float, want: float, daz: bool
) -> None:
    assert same_bits(f(np.array([x], dtype), y, daz=daz), np.array([want], dtype))


MISROUNDED: list[tuple[Any, ...]] = [
    (np.float32, powf, 2.5, ["0x1.e4a6dcp-33", "0x1.01286ap-32", "0x1.4f953ap-32"],
     ["0x1.be580cp-81", "0x1.02e78cp-80", "0x1.f7a99ep-80"]),
    (np.float64, pow, -3.0, ["0x1.0709bcabf9443p-326", "0x1.52b7de4181079p-320"],
     ["0x1.d7fdd4a7a065p977", "0x1.ba1553cd0467dp958"]),
]  # fmt: skip


@pytest.mark.parametrize("daz", [False, True])
@pytest.mark.parametrize(("dtype", "f", "y", "inputs", "outputs"), MISROUNDED, ids=["powf", "pow"])
def test_glibcs_own_last_bit(
    dtype: type,
    f: Callable[..., Array],
    y: float,
    inputs: list[str],
    outputs: list[str],
    daz: bool,
) -> None:
    """Inputs that glibc 2.36 does not round to nearest, and its answers on this CPU."""
    x, want = hexes(inputs, dtype), hexes(outputs, dtype)
    assert not same_bits(nearest(lambda v: v**y, x), want)
    assert same_bits(f(x, y, daz=daz), want)
