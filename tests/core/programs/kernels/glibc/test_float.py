"""glibc's expf, logf, sinf and cosf: correctly rounded where glibc is (subnormal results
without FTZ), glibc's own last bit where it is not, and what DAZ and FTZ change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import mpmath
import numpy as np
import pytest

from service.core.programs.kernels.glibc.float import cosf, expf, logf, sinf
from tests.core.programs.kernels.glibc.reference import Array, hexes, nearest, same_bits

F32 = np.float32
SMALLEST_NORMAL = np.finfo(F32).smallest_normal
SUBNORMAL = np.geomspace(1.5e-45, 1.1e-38, 200).astype(F32)


def test_expf_rounds_into_the_subnormal_range_unless_ftz_flushes() -> None:
    x = np.linspace(-103.2, -87.4, 200).astype(F32)
    want = nearest(mpmath.exp, x)
    assert (want < SMALLEST_NORMAL).sum() > 150
    assert same_bits(expf(x, daz=False), want)
    assert same_bits(expf(x, daz=True), np.where(want < SMALLEST_NORMAL, F32(0), want))


def test_expf_near_its_underflow_thresholds() -> None:
    """From log(2^-150) up to log(2^-149) glibc answers 2^-149 outright (0 under FTZ)."""
    log150, log149 = F32(float.fromhex("-0x1.9fe368p6")), F32(float.fromhex("-0x1.9d1d9ep6"))
    x = np.array([np.nextafter(log150, F32(-np.inf)), log150, np.nextafter(log149, F32(-np.inf))])
    assert same_bits(expf(x, daz=False), np.array([0, 2.0**-149, 2.0**-149], F32))
    assert same_bits(expf(x, daz=True), np.zeros(3, F32))


def test_logf_of_subnormal_numbers() -> None:
    assert same_bits(logf(SUBNORMAL, daz=False), nearest(mpmath.log, SUBNORMAL))
    # DAZ reads the normalising x 2^23 as 0, whose bits less 23 << 23 unpack as 2^-150
    log150 = nearest(mpmath.log, np.array([2.0**-150]))[0]
    assert same_bits(logf(SUBNORMAL, daz=True), np.full_like(SUBNORMAL, log150))
    for daz in (False, True):
        assert np.isnan(logf(-SUBNORMAL, daz=daz)).all()


@pytest.mark.parametrize("daz", [False, True])
def test_sinf_and_cosf_of_subnormal_numbers(daz: bool) -> None:
    """Below 2^-12 sinf returns x itself and cosf 1, without arithmetic."""
    x = np.concatenate([SUBNORMAL, -SUBNORMAL])
    assert same_bits(sinf(x, daz=daz), x)
    assert same_bits(cosf(x, daz=daz), np.ones_like(x))


# Inputs that glibc 2.36 does not round to nearest, and its answers (bit for bit on this CPU)
MISROUNDED = [
    (expf, mpmath.exp, ["-0x1.4cbd7p6", "-0x1.45a29p6", "-0x1.3f7852p5"],
     ["0x1.fc41fep-121", "0x1.775334p-118", "0x1.4ef1b4p-58"]),
    (logf, mpmath.log, ["0x1.685b88p-79", "0x1.25dd2ap-46", "0x1.b17f24p-46"],
     ["-0x1.b3556cp5", "-0x1.fbf306p4", "-0x1.f5baap4"]),
    (sinf, mpmath.sin, ["-0x1.88p6", "-0x1.79999ap6", "-0x1.38ccccp6"],
     ["0x1.25924ep-1", "-0x1.368c46p-3", "-0x1.555102p-2"]),
    (cosf, mpmath.cos, ["-0x1.8p6", "-0x1.41999ap6", "-0x1.d33334p5"],
     ["-0x1.718586p-3", "0x1.243722p-2", "-0x1.1b845ep-2"]),
]  # fmt: skip


@pytest.mark.parametrize("daz", [False, True])
@pytest.mark.parametrize(
    ("f", "exact", "inputs", "outputs"), MISROUNDED, ids=["expf", "logf", "sinf", "cosf"]
)
def test_glibcs_own_last_bit(
    f: Callable[..., Array],
    exact: Callable[[Any], Any],
    inputs: list[str],
    outputs: list[str],
    daz: bool,
) -> None:
    x, want = hexes(inputs, F32), hexes(outputs, F32)
    assert not same_bits(nearest(exact, x), want)
    assert same_bits(f(x, daz=daz), want)
