"""glibc's log behind the old SVID wrapper: subnormal numbers are logged without DAZ, and
under DAZ the wrapper's x <= 0 test reads them (negative ones too) as zeros: -inf."""

from __future__ import annotations

import mpmath
import numpy as np
import pytest

from service.core.programs.kernels.glibc.log import log
from tests.core.programs.kernels.glibc.reference import hexes, nearest, same_bits

SUBNORMAL = np.geomspace(5e-324, 2.2e-308, 200)


def test_log_of_subnormal_numbers() -> None:
    assert same_bits(log(SUBNORMAL, daz=False), nearest(mpmath.log, SUBNORMAL))
    assert np.isnan(log(-SUBNORMAL, daz=False)).all()
    for x in (SUBNORMAL, -SUBNORMAL):
        assert same_bits(log(x, daz=True), np.full_like(x, -np.inf))


@pytest.mark.parametrize("daz", [False, True])
def test_log_at_its_edges_and_its_own_last_bit(daz: bool) -> None:
    x = np.array([0.0, -0.0, -1.0, np.inf, -np.inf, np.nan, 1.0])
    want = np.array([-np.inf, -np.inf, np.nan, np.inf, np.nan, np.nan, 0.0])
    assert same_bits(log(x, daz=daz), want)
    # an input that glibc 2.36 does not round to nearest, and its answer on this CPU
    x, want = hexes(["0x1.7640df7812b87p4"], np.float64), hexes(["0x1.9380058e1ad98p1"], np.float64)
    assert not same_bits(nearest(mpmath.log, x), want)
    assert same_bits(log(x, daz=daz), want)
