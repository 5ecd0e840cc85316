"""What PyTorch 2.13's CPU ops compute for exp, log, sin, cos, sqrt, softplus and a power by a
number, in numpy, bit for bit.

float32 and float64 exp, log, sin, cos and sqrt run through Intel MKL's vector math library
(kernels.mkl). Softplus and general powers use ATen's Vectorized<T> (aten/src/ATen/cpu/vec),
which calls Sleef (kernels.sleef) in the vector body and the C library (glibc 2.36) in the
scalar tail; float16 exp, sin and cos are Sleef's float32 functions, rounded.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from service.core.programs.kernels.fused import by_chunks
from service.core.programs.kernels.glibc import exp as glibc_exp
from service.core.programs.kernels.glibc import float as glibc_float
from service.core.programs.kernels.glibc import log1p as glibc_log1p
from service.core.programs.kernels.glibc import pow as glibc_pow
from service.core.programs.kernels.mkl import exp as mkl_exp
from service.core.programs.kernels.mkl import log as mkl_log
from service.core.programs.kernels.mkl import sincos32, sincos64
from service.core.programs.kernels.mkl import sqrt as mkl_sqrt
from service.core.programs.kernels.sleef import exp_log1p, sincosf
from service.core.programs.kernels.sleef import pow as sleef_pow
from service.core.programs.machine import Array

F32, F64 = np.float32, np.float64


def _flat(kernel: Any, x: Array) -> Array:
    """kernel on x's elements as 1-d arrays, a chunk at a time (which keeps its temporaries
    in the CPU's caches), shaped back like x."""
    return by_chunks(kernel, np.asarray(x))


def exp(x: Array) -> Array:
    """torch.exp of float32 or float64 (vsExp, vdExp)."""
    return _flat(mkl_exp.exp32 if x.dtype == F32 else mkl_exp.exp64, x)


def log(x: Array) -> Array:
    """torch.log of float32 or float64 (vsLn, vdLn)."""
    return _flat(mkl_log.log32 if x.dtype == F32 else mkl_log.log64, x)


def sin(x: Array) -> Array:
    """torch.sin of float32 or float64 (vsSin, vdSin)."""
    return _flat(sincos32.sin32 if x.dtype == F32 else sincos64.sin64, x)


def cos(x: Array) -> Array:
    """torch.cos of float32 or float64 (vsCos, vdCos)."""
    return _flat(sincos32.cos32 if x.dtype == F32 else sincos64.cos64, x)


def sqrt(x: Array) -> Array:
    """torch.sqrt of float32 or float64 (vsSqrt, vdSqrt)."""
    return _flat(mkl_sqrt.sqrt, x)


def _split(x: Array, body: Array, vector: Any, scalar: Any) -> Array:
    """`vector` on the vector body's elements, `scalar` on the scalar tail's."""
    flat, where = np.asarray(x).reshape(-1), np.asarray(body).reshape(-1)
    if where.all():
        result: Array = by_chunks(vector, flat)
    else:
        result = np.empty_like(flat)
        result[where] = by_chunks(vector, flat[where])
        result[~where] = scalar(flat[~where])
    return result.reshape(np.shape(x))


def softplus_exp(x: Array, body: Array) -> Array:
    """exp as softplus's kernels take it: Sleef in the vector body, the C library in the
    tail (aten/src/ATen/native/cpu/Activation.cpp, softplus_kernel and its backward)."""
    if x.dtype == F32:
        return _split(x, body, exp_log1p.exp32, lambda v: glibc_float.expf(v, daz=False))
    return _split(x, body, exp_log1p.exp64, lambda v: glibc_exp.exp(v, daz=False))


def softplus_log1p(z: Array, body: Array) -> Array:
    """log1p as softplus_kernel takes it, of z = e^x."""
    if z.dtype == F32:
        return _split(z, body, exp_log1p.log1p32, lambda v: glibc_log1p.log1pf(v, daz=False))
    return _split(z, body, exp_log1p.log1p64, lambda v: glibc_log1p.log1p(v, daz=False))


def power(x: Array, n: float, body: Array) -> Array:
    """pow(x, n) for a number n (PowKernel.cpp, pow_tensor_scalar_optimized_kernel): Sleef's
    pow in the vector body; in the tail C's pow of float64 (a float32 base is promoted, as
    std::pow(float, double) does), rounded to x's dtype."""

    def tail(v: Array) -> Array:
        return glibc_pow.pow(v.astype(F64), n, daz=False).astype(x.dtype)

    return _split(x, body, lambda v: sleef_pow.power(v, n), tail)


def half(name: str, x: Array) -> Array:
    """torch.exp, sin and cos of float16: vml's map converts float16 to float32 and applies
    Vectorized<float>'s exp, sin and cos (Sleef's expf_u10, sinf_u35, cosf_u35) to all of it,
    the last partial vector included; rounded to float16 once."""
    wide = np.asarray(x, F32).reshape(-1)
    if name == "exp":
        result = by_chunks(exp_log1p.exp32, wide)
    else:  # chunks of whole vectors: sincosf reduces each vector of 16 lanes alike
        result = by_chunks(lambda v: sincosf.sincos32(v, cosine=name == "cos"), wide)
    return result.astype(np.float16).reshape(np.shape(x))
