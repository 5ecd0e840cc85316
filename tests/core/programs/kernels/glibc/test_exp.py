"""glibc's exp: subnormal results rounded to nearest without FTZ (specialcase rounds once),
zeros with it, and glibc's own last bit where it does not round to nearest."""

from __future__ import annotations

import mpmath
import numpy as np
import pytest

from service.core.programs.kernels.glibc.exp import exp
from tests.core.programs.kernels.glibc.reference import hexes, nearest, same_bits

SMALLEST_NORMAL = np.finfo(np.float64).smallest_normal


def test_exp_rounds_into_the_subnormal_range_unless_ftz_flushes() -> None:
    x = np.linspace(-745.1, -708.5, 200)
    want = nearest(mpmath.exp, x)
    assert (want < SMALLEST_NORMAL).sum() > 150
    assert same_bits(exp(x, daz=False), want)
    assert same_bits(exp(x, daz=True), np.where(want < SMALLEST_NORMAL, 0.0, want))


@pytest.mark.parametrize("daz", [False, True])
def test_exp_at_its_edges(daz: bool) -> None:
    x = np.array([-745.2, -np.inf, 709.8, np.inf, np.nan, 5e-324, -0.0])
    assert same_bits(exp(x, daz=daz), np.array([0.0, 0.0, np.inf, np.inf, np.nan, 1.0, 1.0]))


@pytest.mark.parametrize("daz", [False, True])
def test_glibcs_own_last_bit(daz: bool) -> None:
    """Inputs that glibc 2.36 does not round to nearest, and its answers on this CPU."""
    x = hexes(["-0x1.5c53a9fbe76c9p9", "-0x1.5a721fc8f3238p9", "-0x1.59cb4c6e6d9bep9"], np.float64)
    want = hexes(["0x1.eb9365a444086p-1006", "0x1.4a8d3aa531636p-1000", "0x1.303ba1a9c1fap-998"],
                 np.float64)  # fmt: skip
    assert not same_bits(nearest(mpmath.exp, x), want)
    assert same_bits(exp(x, daz=daz), want)
