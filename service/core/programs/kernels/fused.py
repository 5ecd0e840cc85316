"""Fused multiply-adds for the kernels that follow compiled code, and where they may differ.

LLVM and GCC fuse a multiply that feeds an add into one FMA; numpy has none, and the correctly
rounded one (rounding.fma) costs some hundred passes over the data. So each kernel first runs
with a cheaper evaluation (`Fused`) that knows where it could be wrong, and runs again with
rounding.fma on those few elements (`run`), a chunk of elements at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, Protocol

import numpy as np

from service.core.programs.machine import Array
from service.core.programs.rounding import fma

F16, F32 = np.dtype(np.float16), np.dtype(np.float32)
LOW29, HALF29 = (1 << 29) - 1, 1 << 28  # float64 bits below float32's last, and their half
EXPONENT, MANTISSA = 0x7FF0000000000000, (1 << 52) - 1


class Fused(Protocol):
    """fma(a, b, c), and floor(fma(a, b, c)); then fma(a, b, c) again for a kernel step where
    the product is about as large as the sum, and for one whose float64 sum a b + c is exact
    (each of which a cheaper FMA can evaluate better)."""

    def __call__(self, a: Any, b: Any, c: Any) -> Array: ...

    def floor(self, a: Any, b: Any, c: Any) -> Array: ...

    def accurate(self, a: Any, b: Any, c: Any) -> Array: ...

    def exact_sum(self, a: Any, b: Any, c: Any) -> Array: ...


Kernel = Callable[[Array, Fused], Array]


def from_bits(bits: int) -> float:
    return float(np.array(bits, dtype=np.uint64).view(np.float64))


def from_bits32(bits: int) -> np.float32:
    """The float32 number with these bits (a float32, so that it keeps float32 arithmetic)."""
    return np.float32(np.array(bits, dtype=np.uint32).view(np.float32).item())


def hex_words(text: str, dtype: Any) -> Array:
    """A table written as hexadecimal words, read as numbers of dtype (float32 or float64)."""
    unsigned = np.uint32 if np.dtype(dtype).itemsize == 4 else np.uint64
    table: Array = np.array([int(w, 16) for w in text.split()], dtype=unsigned).view(dtype)
    return table


def flushed(a: Array) -> Array:
    """a with its subnormal numbers read as zeros of their sign (DAZ), or written so (FTZ)."""
    unsigned = np.dtype(f"u{a.dtype.itemsize}")
    magnitude = a.view(unsigned) & unsigned.type(np.iinfo(unsigned).max >> 1)
    normal = np.asarray(np.finfo(a.dtype).smallest_normal, a.dtype).view(unsigned)
    # zero's magnitude less one wraps around to the largest number
    tiny = (magnitude - unsigned.type(1)) < normal - unsigned.type(1)
    if not tiny.any():
        return a
    out = a.copy()
    out[tiny] = np.copysign(0, a[tiny])
    return out


# --- FMAs: exact, and cheaper ones that note where they may differ ---


class _Single:
    """An FMA of one kind at every step: floor, accurate and exact_sum are plain calls."""

    def __call__(self, a: Any, b: Any, c: Any) -> Array:
        raise NotImplementedError

    def floor(self, a: Any, b: Any, c: Any) -> Array:
        out: Array = np.floor(self(a, b, c))
        return out

    def accurate(self, a: Any, b: Any, c: Any) -> Array:
        return self(a, b, c)

    def exact_sum(self, a: Any, b: Any, c: Any) -> Array:
        return self(a, b, c)


class _Exact(_Single):
    """The correctly rounded FMA."""

    def __call__(self, a: Any, b: Any, c: Any) -> Array:
        return fma(a, b, c)


EXACT = _Exact()


class _Plain(_Single):
    """A multiply and an add, each rounded."""

    def __call__(self, a: Any, b: Any, c: Any) -> Array:
        out: Array = np.multiply(a, b)
        out += c
        return out


PLAIN = _Plain()


class Float32FMA(_Single):
    """FMAs of float32 numbers in float64, where their product is exact: the sum rounded to
    float64 and then to float32 is the FMA's single rounding (for a result in float32's normal
    range, as in these kernels), unless the float64 sum lies exactly halfway between two
    float32 numbers. Such elements are doubtful."""

    def __init__(self, size: int) -> None:
        self.wide = np.empty(size)
        self.low = np.empty(size, dtype=np.int64)
        self.halfway = np.empty(size, dtype=bool)
        self.doubtful = np.zeros(size, dtype=bool)

    def __call__(self, a: Any, b: Any, c: Any) -> Array:
        np.multiply(a, b, out=self.wide, dtype=np.float64)
        np.add(self.wide, c, out=self.wide)
        np.bitwise_and(self.wide.view(np.int64), LOW29, out=self.low)
        np.equal(self.low, HALF29, out=self.halfway)
        self.doubtful |= self.halfway
        return self.wide.astype(np.float32)

    def exact_sum(self, a: Any, b: Any, c: Any) -> Array:
        """No doubt: a float64 sum that is exact rounds once."""
        np.multiply(a, b, out=self.wide, dtype=np.float64)
        np.add(self.wide, c, out=self.wide)
        return self.wide.astype(np.float32)


class Float64FMA:
    """FMAs of float64 numbers as a product and a sum, where that rounds the same: the sum's
    rounding error t is exact (TwoSum) and the product's is at most half its ulp, so the
    FMA's exact value u + t + (ab - p) rounds to u while |t| + ulp(p)/2 stays below half the
    gap around u. Other elements are doubtful: those where the product's ulp is not far below
    the sum's, near ties, and NaN, infinities, zeros and subnormals."""

    def __init__(self, size: int) -> None:
        self.doubtful = np.zeros(size, dtype=bool)
        self.work = np.empty(size)
        self.bits = np.empty(size, dtype=np.int64)

    def __call__(self, a: Any, b: Any, c: Any) -> Array:
        return self._add(np.multiply(a, b), c)

    def exact_sum(self, a: Any, b: Any, c: Any) -> Array:
        return self(a, b, c)

    def floor(self, a: Any, b: Any, c: Any) -> Array:
        """floor(fma(a, b, c)) for |a b + c| < 2^11: the plain sum is within 2^-41 of the
        exact one, so its floor is the FMA's unless it lies that close to an integer."""
        v = np.multiply(a, b)
        v += c
        n: Array = np.floor(v)
        np.subtract(v, n, out=v)
        self.doubtful |= ~((v > 2.0**-40) & (v < 1 - 2.0**-40))
        return n

    def accurate(self, a: Any, b: Any, c: Any) -> Array:
        """The product's rounding error e is exact too (Dekker's TwoProduct): ab + c is
        s + t + e with s = p + c and t its error (TwoSum), and v + d with v = t + e rounded
        and d its error; s + v rounds as the FMA unless d can tip it."""
        p = np.multiply(a, b)
        e = product_error(a, b, p)
        s = p + c
        t = sum_error(p, c, s, self.work)
        v = t + e
        d = sum_error(t, e, v, self.work)
        # Dekker's error is exact while no partial product underflows
        np.bitwise_and(p.view(np.int64), EXPONENT, out=self.bits)
        self.doubtful |= (self.bits < 70 << 52) & (p != 0)
        return self._add(v, s, np.abs(d, out=d))

    def _add(self, p: Array, c: Any, slack: Array | None = None) -> Array:
        """u = p + c, noting where the exact sum, off p + c by `slack` at most (by default
        half p's ulp), rounds otherwise: where |t| + slack reaches half the gap around u, t
        being the sum's rounding error. A sum exactly known (no slack) rounds as the FMA."""
        work, bits = self.work, self.bits
        u: Array = p + c
        t = sum_error(p, c, u, work)
        np.abs(t, out=t)
        if slack is None:  # half the ulp of p, from its exponent bits (subnormals: 2^-1074)
            np.bitwise_and(p.view(np.int64), EXPONENT, out=bits)
            slack = np.multiply(bits.view(np.float64), 2.0**-53)
            slack += 2.0**-1074
            exact = p == 0
        else:
            exact = slack == 0
        t += slack
        # half the gap around u: half its ulp, halved again at a power of two (the gap below)
        np.bitwise_and(u.view(np.int64), MANTISSA, out=bits)
        at_power = bits == 0
        np.bitwise_and(u.view(np.int64), EXPONENT, out=bits)
        np.multiply(bits.view(np.float64), 2.0**-53, out=work)
        work[at_power] *= 0.5
        safe = t < work
        safe |= exact & (u != 0)
        self.doubtful |= ~safe
        return u


def sum_error(a: Any, b: Any, s: Array, work: Array) -> Array:
    """a + b - s exactly, s the rounded sum (Knuth's TwoSum)."""
    t: Array = np.subtract(s, a)  # b' = s - a, then (a - (s - b')) + (b - b')
    np.subtract(s, t, out=work)
    np.subtract(a, work, out=work)
    np.subtract(b, t, out=t)
    t += work
    return t


def veltkamp(a: Any) -> tuple[Any, Any]:
    """Veltkamp's split of a into halves of 26 bits, whose products are exact."""
    t = a * 134217729.0  # 2^27 + 1
    high = t - (t - a)
    return high, a - high


def product_error(a: Any, b: Any, p: Array) -> Array:
    """a b - p exactly, p the rounded product (Dekker)."""
    ah, al = veltkamp(a)
    bh, bl = veltkamp(b)
    e: Array = ah * bh - p
    e += ah * bl
    e += al * bh
    e += al * bl
    return e


def times_minus_one(z: Array, b: Array, high: Array, low: Array) -> Array:
    """fma(z, b, -1) where z b is within a factor 2 of 1 (z near a table's c, b = 1/c), b
    split by veltkamp into `high` and `low`: the product p is rounded, p - 1 is exact
    (Sterbenz), and so is p's rounding error (Dekker), so one rounding remains."""
    p = z * b
    zh, zl = veltkamp(z)
    error = zh * high
    error -= p
    error += zh * low
    error += zl * high
    error += zl * low
    p -= 1.0
    p += error
    return p


def exact_product_error(a: Array, b: Array, p: Array) -> Array:
    """a b - p exactly, p the rounded product of float32 or float64 numbers: in float64 for
    float32 (where the product is exact), by product_error for float64, and by the FMA where
    a split could overflow or the error underflow."""
    a, b, p = np.broadcast_arrays(np.asarray(a), np.asarray(b), np.asarray(p))
    with np.errstate(all="ignore"):
        if p.dtype == F32:
            error32: Array = (a.astype(np.float64) * b - p).astype(np.float32)
            return error32
        error = product_error(a, b, p)
        size = np.abs(p)
        doubtful = ~(size > 2.0**-960) | ~(size < 2.0**1000)
        doubtful |= ~(np.abs(a) < 2.0**995) | ~(np.abs(b) < 2.0**995)
        where = np.flatnonzero(doubtful)
        if where.size:
            flat = error.reshape(-1)
            flat[where] = fma(a.reshape(-1)[where], b.reshape(-1)[where], -p.reshape(-1)[where])
    return error


def quick_fma(a: Any, b: Any, c: Any) -> Array:
    """rounding.fma(a, b, c) bit for bit, sooner: for float64, a product and a sum that
    Float64FMA checks (where the product is small beside the addend, nearly all pass), else
    its exact product and sums (Float64FMA.accurate) when many are doubtful, then the FMA
    itself on the few elements left in doubt. A kernel's array, 1-d."""
    a, b, c = np.broadcast_arrays(np.asarray(a), np.asarray(b), np.asarray(c))
    if np.result_type(a, b, c) != np.float64 or a.ndim != 1:
        return fma(a, b, c)
    with np.errstate(all="ignore"):
        screen = Float64FMA(a.size)
        out = screen(a, b, c)
        if 8 * np.count_nonzero(screen.doubtful) > a.size:
            screen = Float64FMA(a.size)
            out = screen.accurate(a, b, c)
    again = np.flatnonzero(screen.doubtful)
    if again.size:
        out[again] = fma(a[again], b[again], c[again])
    return out


Fast = Float32FMA | Float64FMA


def run_kernel(kernel: Kernel, x: Array, fast: Callable[[int], Fast]) -> Array:
    """A kernel with the cheaper FMAs, and again with the exact ones where they were doubtful."""

    def run(flat: Array) -> Array:
        screen = fast(flat.size)
        out = kernel(flat, screen)
        if screen.doubtful.any():
            again = np.flatnonzero(screen.doubtful)
            out[again] = kernel(flat[again], EXACT)
        return out

    return by_chunks(run, x)


_CHUNK = 1 << 15  # elements at a time: a kernel's arrays then stay in the CPU's caches


def by_chunks(f: Callable[[Array], Array], x: Array) -> Array:
    """f, elementwise, over x's elements a chunk at a time."""
    flat = x.reshape(-1)
    with np.errstate(all="ignore"):
        if flat.size <= _CHUNK:
            return f(flat).reshape(x.shape)
        out = np.empty_like(flat)
        for start in range(0, flat.size, _CHUNK):
            out[start : start + _CHUNK] = f(flat[start : start + _CHUNK])
    return out.reshape(x.shape)


@lru_cache(maxsize=2)
def pairs(text: str) -> Array:
    """A table written as "a b; c d; ..." in hexadecimal floats."""
    return np.array([[float.fromhex(v) for v in row.split()] for row in text.split(";")])
