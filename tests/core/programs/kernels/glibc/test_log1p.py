"""fdlibm's log1pf and log1p as glibc 2.36 has them: a subnormal x comes back as it is, with
or without DAZ, and glibc's own last bit where it does not round to nearest."""

from __future__ import annotations

import mpmath
import numpy as np
import pytest

from service.core.programs.kernels.glibc.log1p import log1p, log1pf
from tests.core.programs.kernels.glibc.reference import hexes, nearest, same_bits


@pytest.mark.parametrize("daz", [False, True])
def test_subnormal_numbers_come_back_as_they_are(daz: bool) -> None:
    for dtype, f in ((np.float32, log1pf), (np.float64, log1p)):
        tiny = np.geomspace(np.finfo(dtype).smallest_subnormal, np.finfo(dtype).tiny, 100)
        x = np.concatenate([tiny, -tiny]).astype(dtype)
        assert same_bits(f(x, daz=daz), x)


@pytest.mark.parametrize("daz", [False, True])
def test_edges_and_glibcs_own_last_bit(daz: bool) -> None:
    edges = [-1.0, -2.0, np.inf, -np.inf, np.nan, 0.0, -0.0]
    want_edges = [-np.inf, np.nan, np.inf, np.nan, np.nan, 0.0, -0.0]
    cases = (
        (np.float32, log1pf, ["-0x1.d37deap-1", "-0x1.a0d994p-1", "-0x1.2aaf78p-1"],
         ["-0x1.38a8d4p1", "-0x1.aed084p0", "-0x1.c048f8p-1"]),
        (np.float64, log1p, ["-0x1.fae147ae147aep-1", "-0x1.250efdc9c4da9p-1"],
         ["-0x1.26bb1bbb55514p2", "-0x1.b2f4541628982p-1"]),
    )  # fmt: skip
    for dtype, f, inputs, outputs in cases:
        assert same_bits(f(np.array(edges, dtype), daz=daz), np.array(want_edges, dtype))
        x, want = hexes(inputs, dtype), hexes(outputs, dtype)
        assert not same_bits(nearest(mpmath.log1p, x), want)
        assert same_bits(f(x, daz=daz), want)
