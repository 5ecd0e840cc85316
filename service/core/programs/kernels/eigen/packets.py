"""Eigen's evaluation of an element-wise op, and numbers as its instructions see them.

TensorFlow's element-wise kernels are Eigen expressions (tensorflow/core/kernels/cwise_ops.h),
run by Eigen's TensorExecutor: the packet function over whole packets (8 floats or 4 doubles,
AVX), the scalar function over an array's last elements. TensorFlow sets DAZ and FTZ:
arithmetic reads a subnormal as zero and writes one as zero, while selects, sign operations and
integer tests see the bits as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np

from service.core.programs.kernels import fused
from service.core.programs.machine import Array

F16, F32, F64 = np.dtype(np.float16), np.dtype(np.float32), np.dtype(np.float64)
LN2 = 0.693147180559945309417232121458

Kernel = Callable[[Array], Array]


# --- the ops: the packet function on whole packets, the C function on the rest ---


class Op(NamedTuple):
    """An op's packet and scalar kernels for float and for double."""

    packet32: Kernel
    scalar32: Kernel
    packet64: Kernel
    scalar64: Kernel


def path(op: Op, dtype: np.dtype[Any], packet: bool) -> Kernel:
    """The kernel one path of op runs for dtype. Float16 goes in packets of 8 halves, each
    packet function computed in float and rounded (AVX/MathFunctions.h, F16_PACKET_FUNCTION),
    and its scalar path calls the float C function and rounds (Default/Half.h)."""
    if dtype == F64:
        return op.packet64 if packet else op.scalar64
    f = op.packet32 if packet else op.scalar32
    return f if dtype == F32 else lambda v: f(v.astype(F32)).astype(F16)


_PACKET = {F16: 8, F32: 8, F64: 4}  # elements per packet
_CHUNK = 1 << 14  # elements a kernel works on at a time: its temporaries stay in the caches


def run(
    packet: Callable[..., Array],
    scalar: Callable[..., Array],
    *operands: Array,
    vectorised: bool = True,
) -> Array:
    """packet on the operands' whole packets and scalar on the rest (on all of them if not
    `vectorised`), element by element in C order: Eigen's TensorExecutor on any number of
    threads, whose blocks are whole packets but the last."""
    shape = np.broadcast_shapes(*(a.shape for a in operands))
    flat = [np.broadcast_to(a, shape).reshape(-1) for a in operands]
    n = flat[0].size
    body = n - n % _PACKET[flat[0].dtype] if vectorised else 0
    out = np.empty_like(flat[0])
    with np.errstate(all="ignore"):
        for start in range(0, body, _CHUNK):
            end = min(start + _CHUNK, body)
            out[start:end] = packet(*(a[start:end] for a in flat))
        if body < n:
            out[body:] = scalar(*(a[body:] for a in flat))
    return out.reshape(shape)


def apply(op: Op, x: Array) -> Array:
    return run(path(op, x.dtype, True), path(op, x.dtype, False), x)


# --- numbers as the instructions see them ---


def flushed(a: Array) -> Array:
    """a with its subnormal numbers made zeros of their sign (DAZ on read, FTZ on write).
    Half arithmetic is float arithmetic, where a half's subnormals are normal: none flushed."""
    if a.dtype == F16 or not (np.abs(a) < np.finfo(a.dtype).smallest_normal).any():
        return a  # the common case, in two cheap passes
    return fused.flushed(a)


def put(a: Array, mask: Array, value: Array | float) -> Array:
    """a with value where mask holds: for special cases, which are mostly nowhere."""
    if not mask.any():
        return a
    a = a.copy()
    a[mask] = value if np.ndim(value) == 0 else np.broadcast_to(value, a.shape)[mask]
    return a


def scaled(y: Array, n: Array) -> Array:
    """pldexp(y, n) for y in [1/2, 2) (or not finite) and integers n, under FTZ: y 2^n
    exactly, zero below the smallest normal number, infinite beyond the largest. 2^n is
    built from its bits where it and the product are normal; np.ldexp takes the rest."""
    info = np.finfo(y.dtype)
    fast = (n > info.minexp) & (n < info.maxexp)  # False for NaN
    everywhere = bool(fast.all())
    integer = np.dtype(f"i{y.dtype.itemsize}")
    k = (n if everywhere else np.where(fast, n, 0)).astype(integer)
    k += integer.type(info.maxexp - 1)
    k <<= integer.type(info.nmant)
    out: Array = y * k.view(y.dtype)
    if not everywhere:
        slow = ~fast
        out[slow] = _scaled_exactly(y[slow], n[slow])
    return out


def _scaled_exactly(y: Array, n: Array) -> Array:
    """y 2^n through np.ldexp, n clamped (as pldexp clamps it); a result below the smallest
    normal is zero (np.ldexp would round it, perhaps up to that normal)."""
    k = np.clip(np.nan_to_num(n, nan=0.0), -2200, 2200).astype(np.int64)
    out = np.ldexp(y.astype(F64), k)
    exponent = np.frexp(y)[1].astype(np.int64) + k
    tiny = (exponent <= np.finfo(y.dtype).minexp) & np.isfinite(y)
    return np.where(tiny, np.copysign(0.0, y), out).astype(y.dtype)


def unsigned(dtype: np.dtype[Any]) -> np.dtype[Any]:
    """The unsigned integers of dtype's width, which hold its numbers' bits."""
    return np.dtype(f"u{dtype.itemsize}")


def frexp(x: Array) -> tuple[Array, Array]:
    """pfrexp of a normal x, from its bits: the significand in [1/2, 1) with x's sign, and the
    exponent as a number of x's dtype. (Zeros, infinities and NaNs give other numbers here:
    every caller answers those inputs itself.)"""
    info = np.finfo(x.dtype)
    bits_of = unsigned(x.dtype)
    bits = x.view(bits_of)
    biased = (bits >> bits_of.type(info.nmant)) & bits_of.type(2 * info.maxexp - 1)
    keep = bits_of.type(((1 << info.nmant) - 1) | (1 << (info.bits - 1)))
    half = np.asarray(0.5, x.dtype).view(bits_of)
    significand: Array = ((bits & keep) | half).view(x.dtype)
    return significand, biased.astype(x.dtype) - np.array(info.maxexp - 2, x.dtype)
