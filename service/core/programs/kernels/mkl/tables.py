"""The tables of MKL's sin and cos that follow from pi: the bits of 1/(2 pi) their Payne-Hanek
reductions read for each exponent, and the sines and cosines of a turn's 256 or 512 steps,
computed here in integers rather than copied out of the library.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from service.core.programs.machine import Array

_PI_BITS = 1600


@lru_cache(maxsize=1)
def _pi() -> int:
    """floor(pi * 2^_PI_BITS), by Machin's formula in integers (64 guard bits)."""
    one = 1 << (_PI_BITS + 64)

    def arctan_inverse(n: int) -> int:
        total, power, k = 0, one // n, 1
        while power:
            total += power // k if k % 4 == 1 else -(power // k)
            power //= n * n
            k += 2
        return total

    return (16 * arctan_inverse(5) - 4 * arctan_inverse(239)) >> 64


def _windows(offset: int, width: int, words: int, count: int) -> Array:
    """floor(2^(e - offset) / (2 pi)) mod 2^(width * words) for each biased exponent e, in
    words of `width` bits, high first: the bits of 1/(2 pi) a Payne-Hanek reduction uses."""
    inverse = (1 << (2 * _PI_BITS)) // (2 * _pi())  # floor(2^_PI_BITS / (2 pi)), nearly
    mask = (1 << width) - 1
    rows = []
    for e in range(count):
        shift = e - offset
        window = inverse >> (_PI_BITS - shift) if shift <= _PI_BITS else 0
        rows.append([(window >> (width * (words - 1 - i))) & mask for i in range(words)])
    return np.array(rows, dtype=np.uint32 if width == 32 else np.uint64)


@lru_cache(maxsize=1)
def inverse_two_pi32() -> Array:
    """_VAPI_COMMON_DATA_NAME of sSin and sCos: 96 bits of 1/(2 pi) for each exponent."""
    return _windows(54, 32, 3, 256)


@lru_cache(maxsize=1)
def inverse_two_pi64() -> Array:
    """_VAPI_COMMON_DATA_NAME of dSin and dCos: 192 bits of 1/(2 pi) for each exponent."""
    return _windows(883, 64, 3, 2048)


def _round_fixed(value: int, point: int, precision: int) -> float:
    """value / 2^point rounded to `precision` significant bits (nearest, ties to even)."""
    if value == 0:
        return 0.0
    magnitude = abs(value)
    shift = magnitude.bit_length() - precision
    if shift > 0:
        quotient, rest = divmod(magnitude, 1 << shift)
        half = 1 << (shift - 1)
        if rest > half or (rest == half and quotient & 1):
            quotient += 1
        magnitude, exponent = quotient, shift - point
    else:
        exponent = -point
    return math.copysign(math.ldexp(magnitude, exponent), value)


def _turn_table(steps: int) -> list[tuple[int, int, int]]:
    """sin and cos of 2 pi j / steps as integers over 2^point, with point, for each j."""
    point = 320
    one = 1 << point
    angle = ((2 * _pi()) >> (_PI_BITS - point)) // steps
    # Taylor series of the first step, then rotations (an error of a few units in 2^-320).
    s, c, term, k = 0, 0, one, 0
    while term:
        if k % 2 == 0:
            c += term if k % 4 == 0 else -term
        else:
            s += term if k % 4 == 1 else -term
        k += 1
        term = term * angle // (k << point)
    rows, sj, cj = [], 0, one
    for j in range(steps):
        quarter = j * 4 % steps == 0  # sin or cos exactly 0 or +-1
        if quarter:
            exact = [(0, one), (one, 0), (0, -one), (-one, 0)][j * 4 // steps]
            sj, cj = exact
        rows.append((sj, cj, point))
        sj, cj = (sj * c + cj * s) >> point, (cj * c - sj * s) >> point
    return rows


def _unit(c: int, point: int, nearest: bool) -> float:
    """+-2^e (0 for c = 0): the power of 2 a table entry's cos is split at, the nearest to c
    on a log scale (the largest 2^e <= |c| sqrt 2) or the largest 2^e <= 4/3 |c|."""
    if c == 0:
        return 0.0
    if nearest:  # 2^(2e) <= 2 c^2
        e = ((2 * c * c).bit_length() - 1 >> 1) + point
    else:
        e = (abs(c) * 4 // 3).bit_length() - 1 + point
    return math.copysign(math.ldexp(1.0, e - 2 * point), c)


@lru_cache(maxsize=1)
def sin_table32() -> Array:
    """vssin_data: for 2 pi j/256, cos - u, sin, sin's remainder and u, in float32, u the
    power of 2 nearest cos on a log scale (ties, where cos = +-1/sqrt 2, go up)."""
    rows = []
    for j, (s, c, point) in enumerate(_turn_table(256)):
        tie = j % 32 == 0 and j % 64 != 0
        unit = math.copysign(1.0, c) if tie else _unit(c, point, nearest=True)
        high = _round_fixed(s, point, 24)
        low = _round_fixed(s - int(high * 2**point), point, 24)
        rest = _round_fixed(c - int(unit * 2**point), point, 24)
        rows.append([rest, high, low, unit])
    return np.array(rows, dtype=np.float32)


@lru_cache(maxsize=1)
def sin_table64() -> Array:
    """vdsin_data_ha: for 2 pi j/512, cos - u, u, sin and sin's remainder, in float64, u the
    largest power of 2 at most 4/3 |cos|; the remainder kept to float32's 24 bits (its low
    29 bits cleared)."""
    rows = []
    for s, c, point in _turn_table(512):
        unit = _unit(c, point, nearest=False)
        high = _round_fixed(s, point, 53)
        low = _round_fixed(s - int(high * 2**point), point, 53)
        low = _clear_low(low)
        rest = _round_fixed(c - int(unit * 2**point), point, 53)
        rows.append([rest, unit, high, low])
    return np.array(rows, dtype=np.float64)


def _clear_low(value: float) -> float:
    """value with the 29 low bits of its float64 significand cleared."""
    bits = np.array(value, np.float64).view(np.uint64) & np.uint64(0xFFFFFFFFE0000000)
    return float(bits.view(np.float64))
