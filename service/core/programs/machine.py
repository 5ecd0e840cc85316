"""Floating-point arithmetic as a framework's CPU kernels do it, in numpy.

XLA (JAX) and Eigen (TensorFlow) run with the x86 flags DAZ and FTZ set: an arithmetic
instruction reads a subnormal input as zero of the same sign and writes a subnormal result as
zero. Selects, negation and absolute value move bits and keep subnormals. PyTorch sets neither
flag. float16 is computed in float32 and rounded, where its subnormals are normal numbers, so
nothing is flushed in float16.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[Any]
Mask = npt.NDArray[Any]


def bitwise_select(mask: Mask, a: Array, b: Array) -> Array:
    """a where mask holds, else b (of one dtype; a and b broadcast to mask's shape), as
    (a & keep) | (b & ~keep) on their bits: a vector select, which moves subnormals unflushed.
    Several times faster than np.where on large arrays, whose branches a random mask defeats."""
    signed = np.dtype(f"i{a.dtype.itemsize}")
    keep = mask.astype(signed)
    np.negative(keep, out=keep)
    out = np.bitwise_and(a.view(signed), keep)
    np.invert(keep, out=keep)
    keep &= b.view(signed)
    out |= keep
    selected: Array = out.view(a.dtype)
    return selected


@dataclass(frozen=True)
class Machine:
    dtype: np.dtype[np.floating]
    flush: bool
    # PyTorch computes a float16 kernel in float32 ("opmath") and keeps a Python number given
    # to it in float32 too; the result is rounded to float16 once, at the kernel's end.
    opmath: np.dtype[np.floating]
    # A CPU kernel runs a vectorised body over whole steps of `step` elements and a scalar
    # loop over the rest, and the two can answer a tie or a NaN differently; 0: scalar only.
    step: int
    smallest_normal: np.floating
    # The bits of a value without its sign, as an unsigned integer of the dtype's width, and
    # those of the smallest normal number, less one (see _subnormal).
    unsigned: np.dtype[np.unsignedinteger]
    magnitude: np.unsignedinteger
    below_normal: np.unsignedinteger
    # The program's inputs (x and its numbers): when none is subnormal, no array of the run is,
    # since every arithmetic result is flushed and selects only move what they are given.
    inputs: tuple[Array, ...] = ()
    _clean: list[bool] = field(default_factory=list)

    @classmethod
    def of(
        cls,
        dtype: np.dtype[np.floating],
        flushes: bool,
        wide_half: bool,
        step_bytes: int,
        inputs: tuple[Array, ...] = (),
    ) -> Machine:
        template = _template(dtype, flushes, wide_half, step_bytes)
        return replace(template, inputs=inputs, _clean=[])  # a record of its own

    def _inputs_clean(self) -> bool:
        if not self._clean:
            self._clean.append(self.inputs != () and not any(map(self._subnormal, self.inputs)))
        return self._clean[0]

    def _subnormal(self, a: Array) -> bool:
        """Whether a holds a subnormal number: one whose magnitude's bits, less one, are below
        the smallest normal's (zero's wrap around to the largest unsigned integer)."""
        flat = np.asarray(a, dtype=self.dtype).reshape(-1)  # 1-d: array arithmetic wraps silently
        bits = np.bitwise_and(flat.view(self.unsigned), self.magnitude)
        return bool(np.less(bits - 1, self.below_normal).any())

    def vector_body(self, *operands: Array) -> Mask:
        """The elements the vectorised body computes (the rest go through the scalar loop).

        Exact for one thread: PyTorch splits arrays over 32,768 elements between its threads,
        and each thread's share ends with a scalar tail of its own.
        """
        shape = np.broadcast_shapes(*(np.shape(a) for a in operands))
        n = int(np.prod(shape))
        body = n - n % self.step if self.step else 0
        return (np.arange(n) < body).reshape(shape)

    def array(self, value: float) -> Array:
        return np.asarray(value, dtype=self.dtype)

    def scalar(self, value: float) -> Array:
        """A Python number as a kernel receives it."""
        return np.asarray(value, dtype=self.opmath)

    def wide(self, a: Array) -> Array:
        """An input as a kernel computes with it (float16 as float32 under PyTorch)."""
        return a.astype(self.opmath, copy=False)

    def read(self, a: Array) -> Array:
        """An input as an arithmetic instruction sees it (DAZ). Every array of a run is one of
        its inputs, a select among them or a result that write flushed, so when the inputs hold
        no subnormal, no array does."""
        if not self.flush or self._inputs_clean():
            return a
        return self._flushed(a)

    def write(self, a: Array) -> Array:
        """A result as an arithmetic instruction stores it (FTZ)."""
        a = np.asarray(a).astype(self.dtype, copy=False)
        return self._flushed(a) if self.flush else a

    def _flushed(self, a: Array) -> Array:
        if not self._subnormal(a):  # the common case, found in a few cheap passes
            return a
        magnitude = np.abs(a)
        tiny = (magnitude < self.smallest_normal) & (magnitude != 0)
        return np.where(tiny, np.copysign(0, a), a).astype(self.dtype)

    def add(self, a: Array, b: Array) -> Array:
        return self.write(np.add(self.read(a), self.read(b)))

    def sub(self, a: Array, b: Array) -> Array:
        return self.write(np.subtract(self.read(a), self.read(b)))

    def mul(self, a: Array, b: Array) -> Array:
        return self.write(np.multiply(self.read(a), self.read(b)))

    def div(self, a: Array, b: Array) -> Array:
        return self.write(np.divide(self.read(a), self.read(b)))

    def neg(self, a: Array) -> Array:
        return np.negative(a)

    def gt(self, a: Array, b: Array) -> Mask:
        return np.greater(self.read(a), self.read(b))

    def ge(self, a: Array, b: Array) -> Mask:
        return np.greater_equal(self.read(a), self.read(b))

    def lt(self, a: Array, b: Array) -> Mask:
        return np.less(self.read(a), self.read(b))

    def le(self, a: Array, b: Array) -> Mask:
        return np.less_equal(self.read(a), self.read(b))

    def eq(self, a: Array, b: Array) -> Mask:
        return np.equal(self.read(a), self.read(b))

    def ne(self, a: Array, b: Array) -> Mask:
        return np.not_equal(self.read(a), self.read(b))

    def select(self, mask: Mask, a: Array | float, b: Array | float) -> Array:
        """bitwise_select, with one pass fewer where a or b is +0.0; np.where on small
        arrays."""
        first, second = np.asarray(a, self.dtype), np.asarray(b, self.dtype)
        if np.size(mask) < 4096:
            return np.where(mask, first, second)
        bits = np.dtype(f"i{self.dtype.itemsize}")
        shape = np.broadcast_shapes(np.shape(mask), first.shape, second.shape)
        mask = np.asarray(mask)
        mask = mask if mask.shape == shape else np.broadcast_to(mask, shape)
        if first.ndim == 0 and first.view(bits) == 0:  # +0.0 where the mask holds
            keep = mask.astype(bits)
            keep -= 1  # all ones where it does not
            out = np.bitwise_and(second.view(bits), keep, out=keep)
        elif second.ndim == 0 and second.view(bits) == 0:  # +0.0 where it does not
            keep = mask.astype(bits)
            np.negative(keep, out=keep)  # all ones where the mask holds
            out = np.bitwise_and(first.view(bits), keep, out=keep)
        else:
            return bitwise_select(mask, first, second)
        selected: Array = out.view(self.dtype)
        return selected

    def zeros(self, like: Array) -> Array:
        return np.zeros(np.shape(like), dtype=self.dtype)

    def ones(self, like: Array) -> Array:
        return np.ones(np.shape(like), dtype=self.dtype)

    def unary(self, ufunc: np.ufunc, a: Array) -> Array:
        """numpy's ufunc on the flushed input, flushed: for the kernels numpy rounds as the
        framework does (sqrt, correctly rounded everywhere)."""
        with np.errstate(all="ignore"):
            return self.write(ufunc(self.read(a)))


@lru_cache(maxsize=64)
def _template(
    dtype: np.dtype[np.floating], flushes: bool, wide_half: bool, step_bytes: int
) -> Machine:
    """A machine of this dtype and framework without inputs: what is worked out once."""
    wide = np.dtype(np.float32) if wide_half and dtype == np.float16 else dtype
    normal = np.finfo(dtype).smallest_normal
    unsigned = np.dtype(f"u{dtype.itemsize}")
    magnitude = unsigned.type((1 << (8 * dtype.itemsize - 1)) - 1)
    below = unsigned.type(np.asarray(normal).view(unsigned) - 1)
    flush = flushes and dtype != np.float16
    step = step_bytes // dtype.itemsize
    return Machine(dtype, flush, wide, step, normal, unsigned, magnitude, below)
