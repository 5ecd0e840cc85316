"""Transcendental kernels as JAX 0.10.2 computes them on the CPU (XLA), in numpy.

XLA emits its own code for float32 exp and log (xla/service/cpu/llvm_ir_runtime.cc,
GenerateVF32Exp and GenerateVF32Log), float64 exp (xla/codegen/math/exp.cc, CreateExpF64) and
log1p (xla/service/elemental_ir_emitter.cc, EmitLog1p). It calls the C library for the rest,
through the oldest symbol versions jaxlib links, and this CPU selects glibc 2.36's FMA
variants: sinf and cosf (sysdeps/ieee754/flt-32/s_sinf.c, s_cosf.c, sincosf_poly.h), log
behind the SVID wrapper (math/w_log_compat.c, sysdeps/ieee754/dbl-64/e_log.c), and float64 sin
and cos, which numpy calls too. Float16 exp, sin and cos call expf (flt-32/e_expf.c), sinf and
cosf and round; an array of at most 16 float32 has its last n % 8 elements computed by expf or
logf (flt-32/e_logf.c) when n % 8 is 3, 5, 6 or 7. Inside a fused kernel (softplus) float16
goes through XLA's float32 code, rounded after each op.

LLVM fuses a multiply that feeds an add into one FMA: the `fused` steps below are the FMAs of
the compiled code (read in its disassembly), the other steps separate instructions. XLA runs
with DAZ and FTZ set, and so do the C functions it calls. fused.py says how the FMAs are
computed; the glibc package holds the C library's functions.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import numpy as np

from service.core.programs.kernels.fused import (
    F16,
    F32,
    Fast,
    Float32FMA,
    Float64FMA,
    Fused,
    Kernel,
    flushed,
    from_bits,
    run_kernel,
)
from service.core.programs.kernels.glibc.float import cosf, expf, logf, sinf
from service.core.programs.kernels.glibc.log import log as log64
from service.core.programs.machine import Array

# --- XLA's float32 exp (GenerateVF32Exp: Cephes' polynomial, n clamped to [-127, 127]) ---

_EXP_LO, _EXP_HI = np.float32(-87.8), np.float32(88.8)
_LOG2EF = np.float32(1.44269504088896341)
_EXP_C1, _EXP_C2 = np.float32(0.693359375), np.float32(-2.12194440e-4)
_EXP_P = tuple(
    np.float32(p)
    for p in (1.9875691500e-4, 1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2,
              1.6666665459e-1, 5.0000001201e-1)
)  # fmt: skip
_HALF32, _ONE32 = np.float32(0.5), np.float32(1)


def _exp32(x: Array, fused: Fused) -> Array:
    x = np.minimum(np.maximum(flushed(x), _EXP_LO), _EXP_HI)  # NaN passes through
    n = fused.floor(x, _LOG2EF, _HALF32)
    n = np.minimum(np.maximum(n, np.float32(-127)), np.float32(127))
    r = x - n * _EXP_C1  # an FMA, but n * C1 is exact
    # in float64 n C2 (31 bits, none below 2^-36) + r (below 1, none below 2^-25) is exact
    r = fused.exact_sum(-n, _EXP_C2, r)
    z = fused(r, _EXP_P[0], _EXP_P[1])
    for p in _EXP_P[2:]:
        z = fused(z, r, p)
    z = fused(z, r * r, r)
    z += _ONE32
    # 2^n from its bits; n = -127 gives 0 (the result would be subnormal, so flushed anyway)
    two_n = n.astype(np.int32)
    two_n += 127
    two_n <<= 23
    z *= two_n.view(np.float32)
    return flushed(z)


# --- XLA's float32 log (GenerateVF32Log: Cephes' polynomial as Eigen evaluates it) ---

_MIN_NORMAL32 = np.float32(np.finfo(np.float32).smallest_normal)
_SQRTHF = np.float32(0.707106781186547524)
_LOG_P = tuple(
    np.float32(p)
    for p in (7.0376836292e-2, -1.1514610310e-1, 1.1676998740e-1, -1.2420140846e-1,
              1.4249322787e-1, -1.6668057665e-1, 2.0000714765e-1, -2.4999993993e-1,
              3.3333331174e-1)
)  # fmt: skip
_LOG_Q1, _LOG_Q2 = np.float32(-2.12194440e-4), np.float32(0.693359375)


def _log32_of(x: Array, fused: Fused) -> Array:
    """log of x as it is read (the caller flushes it)."""
    p = _LOG_P
    bits = np.fmax(x, _MIN_NORMAL32).view(np.int32)  # maxps: NaN gives the smallest normal
    e = ((bits >> 23) - 127).astype(np.float32)
    e += _ONE32
    m = ((bits & np.int32(-0x7F800001)) | np.int32(0x3F000000)).view(np.float32)
    below = m < _SQRTHF  # m in [0.5, 1): below sqrt(1/2) it takes 2m - 1 and e - 1
    r = m - _ONE32
    r += np.where(below, m, np.float32(0))
    e -= below
    r2 = r * r
    r3 = r2 * r
    y = fused(fused(r, p[0], p[1]), r, p[2])
    y1 = fused(fused(r, p[3], p[4]), r, p[5])
    y2 = fused(fused(r, p[6], p[7]), r, p[8])
    y = fused(fused(y, r3, y1), r3, y2)
    y = fused(y, r3, e * _LOG_Q1)
    r2 *= _HALF32
    r -= r2  # an FMA, but r2 * 0.5 is exact
    r += y
    e *= _LOG_Q2
    r += e  # an FMA, but e * Q2 is exact
    # NaN for x < 0 or NaN, -inf at zero, inf at inf
    r[~(x > 0)] = np.nan
    r[x == 0] = -np.inf
    r[x == np.inf] = np.inf
    return r


def _log32(x: Array, fused: Fused) -> Array:
    return _log32_of(flushed(x), fused)


# --- XLA's log1p (EmitLog1p: Cephes' rational function near 0, log(1 + x) elsewhere) ---

_LOG1P_Q = (15.062909083469192, 83.04756596796722, 221.76239823732857, 309.09872225312057,
            216.42788614495947, 60.11866049760384)  # fmt: skip
_LOG1P_P = (4.52700008624452e-05, 0.49854102823193375, 6.578732594206104, 29.911919328553072,
            60.94966798098779, 57.11296359058554, 20.039553499201283)  # fmt: skip
_LOG1P_EDGE = 0.41421356237309503  # sqrt(2) - 1


def _log1p_near_zero(x: Array, fused: Fused) -> Array:
    """x - x^2 / 2 + x^3 P(x) / Q(x) in x's dtype, P and Q by Horner's rule from x * 0 plus
    their leading coefficient (1 for Q)."""
    t = x.dtype.type
    q = np.full_like(x, 1)
    for c in _LOG1P_Q:
        q = fused.accurate(q, x, t(c))
    p = np.full_like(x, _LOG1P_P[0])
    for c in _LOG1P_P[1:]:
        p = fused.accurate(p, x, t(c))
    p /= q
    x2 = x * x
    tail: Array = x * x2
    tail *= p
    x2 *= t(0.5)
    tail -= x2  # an FMA, but x2 * 0.5 is exact
    tail += x
    return tail


def _log1p32_far(x: Array, fused: Fused) -> Array:
    return _log32_of(x + _ONE32, fused)


def _log1p(x: Array, far: Callable[[Array], Array], fast: Callable[[int], Fast]) -> Array:
    """log1p(x): the rational function near 0, `far` (log(1 + x)) elsewhere."""
    with np.errstate(all="ignore"):
        x = flushed(x)
        near = np.abs(x) < x.dtype.type(_LOG1P_EDGE)
        if near.all():
            return run_kernel(_log1p_near_zero, x, fast)
        out = np.empty_like(x)
        out[~near] = far(x[~near])
        if near.any():
            out[near] = run_kernel(_log1p_near_zero, x[near], fast)
    return out


# --- XLA's float64 exp (CreateExpF64: Cephes' rational function, 2^n in four factors) ---

_EXP64_LO, _EXP64_HI = -708.3964185322641, 709.782712893384
_LOG2E = 1.4426950408889634073599
_EXP64_C1, _EXP64_C2 = 0.693145751953125, 1.42860682030941723212e-6
_EXP64_C2_HIGH = from_bits(0x3EB7F7D1CF79ABCA & ~((1 << 23) - 1))  # C2 to 30 bits
_EXP64_C2_LOW = _EXP64_C2 - _EXP64_C2_HIGH
_EXP64_P = (1.26177193074810590878e-4, 3.02994407707441961300e-2, 1.0)
_EXP64_Q = (3.00198505138664455042e-6, 2.52448340349684104192e-3, 2.27265548208155028766e-1, 2.0)
_ONE_BITS = 0x3FF0000000000000


def _exp64(x: Array, fused: Fused) -> Array:
    x = flushed(x)
    xc = np.maximum(np.minimum(x, _EXP64_HI), _EXP64_LO)  # NaN passes through
    n = fused.floor(xc, _LOG2E, 0.5)
    g = xc - n * _EXP64_C1  # an FMA, but n * C1 is exact
    # fma(n, -C2, g) exactly: n has at most 11 bits, so n C2 splits into two exact
    # products, and g less the larger is exact (both are multiples of 2^-54 below 1/2)
    g -= n * _EXP64_C2_HIGH
    g -= n * _EXP64_C2_LOW
    g2 = g * g
    p = fused(fused(g2, _EXP64_P[0], _EXP64_P[1]), g2, _EXP64_P[2])
    p *= g
    q = fused(fused(fused(g2, _EXP64_Q[0], _EXP64_Q[1]), g2, _EXP64_Q[2]), g2, _EXP64_Q[3])
    q -= p
    p /= q
    p *= 2.0
    p += 1.0  # an FMA, but the doubling is exact
    # ldexp(e, n): three factors 2^(n >> 2), then 2^(n - 3 (n >> 2))
    k = np.clip(n.astype(np.int32), -2099, 2099).astype(np.int64)
    b = k >> 2
    factor = ((b << 52) + _ONE_BITS).view(np.float64)
    p *= factor
    p *= factor
    p *= factor
    k -= 3 * b
    k <<= 52
    k += _ONE_BITS
    p *= k.view(np.float64)
    p[x < _EXP64_LO] = 0.0
    p[x > _EXP64_HI] = np.inf
    return flushed(p)


def _tail(n: int) -> int:
    """How many of an array's last elements XLA's float32 exp and log leave to libm: an array
    of at most 16 goes in vectors of 8 and one of the remaining n % 8, XLA has its own code for
    vectors of 1, 2, 4 and 8, and a vector of another width calls expf or logf per element."""
    rest = n % 8
    return rest if n <= 16 and rest in (3, 5, 6, 7) else 0


def _float32(kernel: Kernel, libm: Callable[..., Array], x: Array) -> Array:
    out = run_kernel(kernel, x, Float32FMA)
    tail = _tail(x.size)
    if tail:
        with np.errstate(all="ignore"):
            out.reshape(-1)[-tail:] = libm(x.reshape(-1)[-tail:], daz=True)
    return out


# --- the kernels by dtype ---


@lru_cache(maxsize=4)
def _half_table(name: str) -> Array:
    """A float16 kernel on all 65,536 inputs: the float32 libm function, rounded."""
    every = np.arange(1 << 16, dtype=np.uint16).view(np.float16).astype(np.float32)
    with np.errstate(all="ignore"):
        libm = {"exp": expf, "sin": sinf, "cos": cosf}[name]
        table: Array = libm(every, daz=True).astype(np.float16)
    return table


def _by_table(name: str, x: Array) -> Array:
    out: Array = _half_table(name)[x.view(np.uint16)]
    return out


def _through_float32(kernel: Kernel, x: Array) -> Array:
    """A float16 op of a fused kernel: XLA's float32 code, rounded."""
    wide = run_kernel(kernel, x.astype(np.float32), Float32FMA)
    with np.errstate(all="ignore"):
        return wide.astype(np.float16)


def exp(x: Array) -> Array:
    """jnp.exp: expf for float16, XLA's own exp for float32 and float64."""
    if x.dtype == F16:
        return _by_table("exp", x)
    if x.dtype == F32:
        return _float32(_exp32, expf, x)
    return run_kernel(_exp64, x, Float64FMA)


def fused_exp(x: Array) -> Array:
    """exp inside a fused kernel: XLA's own exp, float16 through float32, and no libm for
    the last elements of small arrays."""
    if x.dtype == F16:
        return _through_float32(_exp32, x)
    if x.dtype == F32:
        return run_kernel(_exp32, x, Float32FMA)
    return run_kernel(_exp64, x, Float64FMA)


def log1p(x: Array) -> Array:
    """log1p inside a fused kernel (XLA's), float16 through float32."""
    if x.dtype == F16:
        with np.errstate(all="ignore"):
            return log1p(x.astype(np.float32)).astype(np.float16)
    if x.dtype == F32:
        return _log1p(x, lambda v: run_kernel(_log1p32_far, v, Float32FMA), Float32FMA)
    return _log1p(x, lambda v: log64(v + 1.0, daz=True), Float64FMA)


def log(x: Array) -> Array:
    """jnp.log: logf for float16 (numpy's float16 log agrees on every input), XLA's own log
    for float32, glibc's for float64."""
    if x.dtype == F16:
        with np.errstate(all="ignore"):
            return np.log(x)
    if x.dtype == F32:
        return _float32(_log32, logf, x)
    return log64(x, daz=True)


def sin(x: Array) -> Array:
    """jnp.sin: glibc's sinf (float16 rounded from it), glibc's sin for float64 (numpy's)."""
    if x.dtype == F16:
        return _by_table("sin", x)
    if x.dtype == F32:
        return sinf(x, daz=True)
    with np.errstate(all="ignore"):
        return np.sin(x)  # sin(x) = x for tiny x, subnormals included


def cos(x: Array) -> Array:
    """jnp.cos: glibc's cosf (float16 rounded from it), glibc's cos for float64 (numpy's)."""
    if x.dtype == F16:
        return _by_table("cos", x)
    if x.dtype == F32:
        return cosf(x, daz=True)
    with np.errstate(all="ignore"):
        return np.cos(x)
