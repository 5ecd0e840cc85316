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
with DAZ and FTZ set, and so do the C functions it calls.

numpy has no FMA, and the correctly rounded one (rounding.fma) costs some hundred passes over
the data, so each kernel first runs with a cheaper evaluation that knows where it could be
wrong, and runs again with rounding.fma on those few elements.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, Protocol

import numpy as np

from service.core.programs.machine import Array
from service.core.programs.rounding import fma

F16, F32 = np.dtype(np.float16), np.dtype(np.float32)
_LOW29, _HALF29 = (1 << 29) - 1, 1 << 28  # float64 bits below float32's last, and their half
_EXPONENT, _MANTISSA = 0x7FF0000000000000, (1 << 52) - 1


class Fused(Protocol):
    """fma(a, b, c), and floor(fma(a, b, c)); then fma(a, b, c) again for a kernel step where
    the product is about as large as the sum, and for one whose float64 sum a b + c is exact
    (each of which a cheaper FMA can evaluate better)."""

    def __call__(self, a: Any, b: Any, c: Any) -> Array: ...

    def floor(self, a: Any, b: Any, c: Any) -> Array: ...

    def accurate(self, a: Any, b: Any, c: Any) -> Array: ...

    def exact_sum(self, a: Any, b: Any, c: Any) -> Array: ...


Kernel = Callable[[Array, Fused], Array]


def _f64(bits: int) -> float:
    return float(np.array(bits, dtype=np.uint64).view(np.float64))


def _flushed(a: Array) -> Array:
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


class _Exact:
    """The correctly rounded FMA."""

    def __call__(self, a: Any, b: Any, c: Any) -> Array:
        return fma(a, b, c)

    def floor(self, a: Any, b: Any, c: Any) -> Array:
        out: Array = np.floor(fma(a, b, c))
        return out

    def accurate(self, a: Any, b: Any, c: Any) -> Array:
        return fma(a, b, c)

    def exact_sum(self, a: Any, b: Any, c: Any) -> Array:
        return fma(a, b, c)


_EXACT = _Exact()


class _Plain:
    """A multiply and an add, each rounded."""

    def __call__(self, a: Any, b: Any, c: Any) -> Array:
        out: Array = np.multiply(a, b)
        out += c
        return out

    def floor(self, a: Any, b: Any, c: Any) -> Array:
        out: Array = np.floor(self(a, b, c))
        return out

    def accurate(self, a: Any, b: Any, c: Any) -> Array:
        return self(a, b, c)

    def exact_sum(self, a: Any, b: Any, c: Any) -> Array:
        return self(a, b, c)


_PLAIN = _Plain()


class _Float32FMA:
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
        np.bitwise_and(self.wide.view(np.int64), _LOW29, out=self.low)
        np.equal(self.low, _HALF29, out=self.halfway)
        self.doubtful |= self.halfway
        return self.wide.astype(np.float32)

    def floor(self, a: Any, b: Any, c: Any) -> Array:
        out: Array = np.floor(self(a, b, c))
        return out

    def accurate(self, a: Any, b: Any, c: Any) -> Array:
        return self(a, b, c)

    def exact_sum(self, a: Any, b: Any, c: Any) -> Array:
        """No doubt: a float64 sum that is exact rounds once."""
        np.multiply(a, b, out=self.wide, dtype=np.float64)
        np.add(self.wide, c, out=self.wide)
        return self.wide.astype(np.float32)


class _Float64FMA:
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
        e = _product_error(a, b, p)
        s = p + c
        t = _sum_error(p, c, s, self.work)
        v = t + e
        d = _sum_error(t, e, v, self.work)
        # Dekker's error is exact while no partial product underflows
        np.bitwise_and(p.view(np.int64), _EXPONENT, out=self.bits)
        self.doubtful |= (self.bits < 70 << 52) & (p != 0)
        return self._add(v, s, np.abs(d, out=d))

    def _add(self, p: Array, c: Any, slack: Array | None = None) -> Array:
        """u = p + c, noting where the exact sum, off p + c by `slack` at most (by default
        half p's ulp), rounds otherwise: where |t| + slack reaches half the gap around u, t
        being the sum's rounding error. A sum exactly known (no slack) rounds as the FMA."""
        work, bits = self.work, self.bits
        u: Array = p + c
        t = _sum_error(p, c, u, work)
        np.abs(t, out=t)
        if slack is None:  # half the ulp of p, from its exponent bits (subnormals: 2^-1074)
            np.bitwise_and(p.view(np.int64), _EXPONENT, out=bits)
            slack = np.multiply(bits.view(np.float64), 2.0**-53)
            slack += 2.0**-1074
            exact = p == 0
        else:
            exact = slack == 0
        t += slack
        # half the gap around u: half its ulp, halved again at a power of two (the gap below)
        np.bitwise_and(u.view(np.int64), _MANTISSA, out=bits)
        at_power = bits == 0
        np.bitwise_and(u.view(np.int64), _EXPONENT, out=bits)
        np.multiply(bits.view(np.float64), 2.0**-53, out=work)
        work[at_power] *= 0.5
        safe = t < work
        safe |= exact & (u != 0)
        self.doubtful |= ~safe
        return u


def _sum_error(a: Any, b: Any, s: Array, work: Array) -> Array:
    """a + b - s exactly, s the rounded sum (Knuth's TwoSum)."""
    t: Array = np.subtract(s, a)  # b' = s - a, then (a - (s - b')) + (b - b')
    np.subtract(s, t, out=work)
    np.subtract(a, work, out=work)
    np.subtract(b, t, out=t)
    t += work
    return t


def _split(a: Any) -> tuple[Any, Any]:
    """Veltkamp's split of a into halves of 26 bits, whose products are exact."""
    t = a * 134217729.0  # 2^27 + 1
    high = t - (t - a)
    return high, a - high


def _product_error(a: Any, b: Any, p: Array) -> Array:
    """a b - p exactly, p the rounded product (Dekker)."""
    ah, al = _split(a)
    bh, bl = _split(b)
    e: Array = ah * bh - p
    e += ah * bl
    e += al * bh
    e += al * bl
    return e


_Fast = _Float32FMA | _Float64FMA


def _run(kernel: Kernel, x: Array, fast: Callable[[int], _Fast]) -> Array:
    """A kernel with the cheaper FMAs, and again with the exact ones where they were doubtful."""

    def run(flat: Array) -> Array:
        screen = fast(flat.size)
        out = kernel(flat, screen)
        if screen.doubtful.any():
            again = np.flatnonzero(screen.doubtful)
            out[again] = kernel(flat[again], _EXACT)
        return out

    return _by_chunks(run, x)


_CHUNK = 1 << 15  # elements at a time: a kernel's arrays then stay in the CPU's caches


def _by_chunks(f: Callable[[Array], Array], x: Array) -> Array:
    """f, elementwise, over x's elements a chunk at a time."""
    flat = x.reshape(-1)
    with np.errstate(all="ignore"):
        if flat.size <= _CHUNK:
            return f(flat).reshape(x.shape)
        out = np.empty_like(flat)
        for start in range(0, flat.size, _CHUNK):
            out[start : start + _CHUNK] = f(flat[start : start + _CHUNK])
    return out.reshape(x.shape)


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
    x = np.minimum(np.maximum(_flushed(x), _EXP_LO), _EXP_HI)  # NaN passes through
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
    return _flushed(z)


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
    return _log32_of(_flushed(x), fused)


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


def _log1p(x: Array, far: Callable[[Array], Array], fast: Callable[[int], _Fast]) -> Array:
    """log1p(x): the rational function near 0, `far` (log(1 + x)) elsewhere."""
    with np.errstate(all="ignore"):
        x = _flushed(x)
        near = np.abs(x) < x.dtype.type(_LOG1P_EDGE)
        if near.all():
            return _run(_log1p_near_zero, x, fast)
        out = np.empty_like(x)
        out[~near] = far(x[~near])
        if near.any():
            out[near] = _run(_log1p_near_zero, x[near], fast)
    return out


# --- XLA's float64 exp (CreateExpF64: Cephes' rational function, 2^n in four factors) ---

_EXP64_LO, _EXP64_HI = -708.3964185322641, 709.782712893384
_LOG2E = 1.4426950408889634073599
_EXP64_C1, _EXP64_C2 = 0.693145751953125, 1.42860682030941723212e-6
_EXP64_C2_HIGH = _f64(0x3EB7F7D1CF79ABCA & ~((1 << 23) - 1))  # C2 to 30 bits
_EXP64_C2_LOW = _EXP64_C2 - _EXP64_C2_HIGH
_EXP64_P = (1.26177193074810590878e-4, 3.02994407707441961300e-2, 1.0)
_EXP64_Q = (3.00198505138664455042e-6, 2.52448340349684104192e-3, 2.27265548208155028766e-1, 2.0)
_ONE_BITS = 0x3FF0000000000000


def _exp64(x: Array, fused: Fused) -> Array:
    x = _flushed(x)
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
    return _flushed(p)


# --- glibc's log (e_log.c, FMA variant) behind the SVID wrapper (w_log_compat.c) ---

# __log_data.tab (e_log_data.c): "1/c log(c)" for each of the 128 subintervals, in order.
_LOG_TAB = """
0x1.734f0c3e0de9fp+0 -0x1.7cc7f79e69000p-2; 0x1.713786a2ce91fp+0 -0x1.76feec20d0000p-2;
0x1.6f26008fab5a0p+0 -0x1.713e31351e000p-2; 0x1.6d1a61f138c7dp+0 -0x1.6b85b38287800p-2;
0x1.6b1490bc5b4d1p+0 -0x1.65d5590807800p-2; 0x1.69147332f0cbap+0 -0x1.602d076180000p-2;
0x1.6719f18224223p+0 -0x1.5a8ca86909000p-2; 0x1.6524f99a51ed9p+0 -0x1.54f4356035000p-2;
0x1.63356aa8f24c4p+0 -0x1.4f637c36b4000p-2; 0x1.614b36b9ddc14p+0 -0x1.49da7fda85000p-2;
0x1.5f66452c65c4cp+0 -0x1.445923989a800p-2; 0x1.5d867b5912c4fp+0 -0x1.3edf439b0b800p-2;
0x1.5babccb5b90dep+0 -0x1.396ce448f7000p-2; 0x1.59d61f2d91a78p+0 -0x1.3401e17bda000p-2;
0x1.5805612465687p+0 -0x1.2e9e2ef468000p-2; 0x1.56397cee76bd3p+0 -0x1.2941b3830e000p-2;
0x1.54725e2a77f93p+0 -0x1.23ec58cda8800p-2; 0x1.52aff42064583p+0 -0x1.1e9e129279000p-2;
0x1.50f22dbb2bddfp+0 -0x1.1956d2b48f800p-2; 0x1.4f38f4734ded7p+0 -0x1.141679ab9f800p-2;
0x1.4d843cfde2840p+0 -0x1.0edd094ef9800p-2; 0x1.4bd3ec078a3c8p+0 -0x1.09aa518db1000p-2;
0x1.4a27fc3e0258ap+0 -0x1.047e65263b800p-2; 0x1.4880524d48434p+0 -0x1.feb224586f000p-3;
0x1.46dce1b192d0bp+0 -0x1.f474a7517b000p-3; 0x1.453d9d3391854p+0 -0x1.ea4443d103000p-3;
0x1.43a2744b4845ap+0 -0x1.e020d44e9b000p-3; 0x1.420b54115f8fbp+0 -0x1.d60a22977f000p-3;
0x1.40782da3ef4b1p+0 -0x1.cc00104959000p-3; 0x1.3ee8f5d57fe8fp+0 -0x1.c202956891000p-3;
0x1.3d5d9a00b4ce9p+0 -0x1.b81178d811000p-3; 0x1.3bd60c010c12bp+0 -0x1.ae2c9ccd3d000p-3;
0x1.3a5242b75dab8p+0 -0x1.a45402e129000p-3; 0x1.38d22cd9fd002p+0 -0x1.9a877681df000p-3;
0x1.3755bc5847a1cp+0 -0x1.90c6d69483000p-3; 0x1.35dce49ad36e2p+0 -0x1.87120a645c000p-3;
0x1.34679984dd440p+0 -0x1.7d68fb4143000p-3; 0x1.32f5cceffcb24p+0 -0x1.73cb83c627000p-3;
0x1.3187775a10d49p+0 -0x1.6a39a9b376000p-3; 0x1.301c8373e3990p+0 -0x1.60b3154b7a000p-3;
0x1.2eb4ebb95f841p+0 -0x1.5737d76243000p-3; 0x1.2d50a0219a9d1p+0 -0x1.4dc7b8fc23000p-3;
0x1.2bef9a8b7fd2ap+0 -0x1.4462c51d20000p-3; 0x1.2a91c7a0c1babp+0 -0x1.3b08abc830000p-3;
0x1.293726014b530p+0 -0x1.31b996b490000p-3; 0x1.27dfa5757a1f5p+0 -0x1.2875490a44000p-3;
0x1.268b39b1d3bbfp+0 -0x1.1f3b9f879a000p-3; 0x1.2539d838ff5bdp+0 -0x1.160c8252ca000p-3;
0x1.23eb7aac9083bp+0 -0x1.0ce7f57f72000p-3; 0x1.22a012ba940b6p+0 -0x1.03cdc49fea000p-3;
0x1.2157996cc4132p+0 -0x1.f57bdbc4b8000p-4; 0x1.201201dd2fc9bp+0 -0x1.e370896404000p-4;
0x1.1ecf4494d480bp+0 -0x1.d17983ef94000p-4; 0x1.1d8f5528f6569p+0 -0x1.bf9674ed8a000p-4;
0x1.1c52311577e7cp+0 -0x1.adc79202f6000p-4; 0x1.1b17c74cb26e9p+0 -0x1.9c0c3e7288000p-4;
0x1.19e010c2c1ab6p+0 -0x1.8a646b372c000p-4; 0x1.18ab07bb670bdp+0 -0x1.78d01b3ac0000p-4;
0x1.1778a25efbcb6p+0 -0x1.674f145380000p-4; 0x1.1648d354c31dap+0 -0x1.55e0e6d878000p-4;
0x1.151b990275fddp+0 -0x1.4485cdea1e000p-4; 0x1.13f0ea432d24cp+0 -0x1.333d94d6aa000p-4;
0x1.12c8b7210f9dap+0 -0x1.22079f8c56000p-4; 0x1.11a3028ecb531p+0 -0x1.10e4698622000p-4;
0x1.107fbda8434afp+0 -0x1.ffa6c6ad20000p-5; 0x1.0f5ee0f4e6bb3p+0 -0x1.dda8d4a774000p-5;
0x1.0e4065d2a9fcep+0 -0x1.bbcece4850000p-5; 0x1.0d244632ca521p+0 -0x1.9a1894012c000p-5;
0x1.0c0a77ce2981ap+0 -0x1.788583302c000p-5; 0x1.0af2f83c636d1p+0 -0x1.5715e67d68000p-5;
0x1.09ddb98a01339p+0 -0x1.35c8a49658000p-5; 0x1.08cabaf52e7dfp+0 -0x1.149e364154000p-5;
0x1.07b9f2f4e28fbp+0 -0x1.e72c082eb8000p-6; 0x1.06ab58c358f19p+0 -0x1.a55f152528000p-6;
0x1.059eea5ecf92cp+0 -0x1.63d62cf818000p-6; 0x1.04949cdd12c90p+0 -0x1.228fb8caa0000p-6;
0x1.038c6c6f0ada9p+0 -0x1.c317b20f90000p-7; 0x1.02865137932a9p+0 -0x1.419355daa0000p-7;
0x1.0182427ea7348p+0 -0x1.81203c2ec0000p-8; 0x1.008040614b195p+0 -0x1.0040979240000p-9;
0x1.fe01ff726fa1ap-1 0x1.feff384900000p-9; 0x1.fa11cc261ea74p-1 0x1.7dc41353d0000p-7;
0x1.f6310b081992ep-1 0x1.3cea3c4c28000p-6; 0x1.f25f63ceeadcdp-1 0x1.b9fc114890000p-6;
0x1.ee9c8039113e7p-1 0x1.1b0d8ce110000p-5; 0x1.eae8078cbb1abp-1 0x1.58a5bd001c000p-5;
0x1.e741aa29d0c9bp-1 0x1.95c8340d88000p-5; 0x1.e3a91830a99b5p-1 0x1.d276aef578000p-5;
0x1.e01e009609a56p-1 0x1.07598e598c000p-4; 0x1.dca01e577bb98p-1 0x1.253f5e30d2000p-4;
0x1.d92f20b7c9103p-1 0x1.42edd8b380000p-4; 0x1.d5cac66fb5ccep-1 0x1.606598757c000p-4;
0x1.d272caa5ede9dp-1 0x1.7da76356a0000p-4; 0x1.cf26e3e6b2ccdp-1 0x1.9ab434e1c6000p-4;
0x1.cbe6da2a77902p-1 0x1.b78c7bb0d6000p-4; 0x1.c8b266d37086dp-1 0x1.d431332e72000p-4;
0x1.c5894bd5d5804p-1 0x1.f0a3171de6000p-4; 0x1.c26b533bb9f8cp-1 0x1.067152b914000p-3;
0x1.bf583eeece73fp-1 0x1.147858292b000p-3; 0x1.bc4fd75db96c1p-1 0x1.2266ecdca3000p-3;
0x1.b951e0c864a28p-1 0x1.303d7a6c55000p-3; 0x1.b65e2c5ef3e2cp-1 0x1.3dfc33c331000p-3;
0x1.b374867c9888bp-1 0x1.4ba366b7a8000p-3; 0x1.b094b211d304ap-1 0x1.5933928d1f000p-3;
0x1.adbe885f2ef7ep-1 0x1.66acd2418f000p-3; 0x1.aaf1d31603da2p-1 0x1.740f8ec669000p-3;
0x1.a82e63fd358a7p-1 0x1.815c0f51af000p-3; 0x1.a5740ef09738bp-1 0x1.8e92954f68000p-3;
0x1.a2c2a90ab4b27p-1 0x1.9bb3602f84000p-3; 0x1.a01a01393f2d1p-1 0x1.a8bed1c2c0000p-3;
0x1.9d79f24db3c1bp-1 0x1.b5b515c01d000p-3; 0x1.9ae2505c7b190p-1 0x1.c2967ccbcc000p-3;
0x1.9852ef297ce2fp-1 0x1.cf635d5486000p-3; 0x1.95cbaeea44b75p-1 0x1.dc1bd3446c000p-3;
0x1.934c69de74838p-1 0x1.e8c01b8cfe000p-3; 0x1.90d4f2f6752e6p-1 0x1.f5509c0179000p-3;
0x1.8e6528effd79dp-1 0x1.00e6c121fb800p-2; 0x1.8bfce9fcc007cp-1 0x1.071b80e93d000p-2;
0x1.899c0dabec30ep-1 0x1.0d46b9e867000p-2; 0x1.87427aa2317fbp-1 0x1.13687334bd000p-2;
0x1.84f00acb39a08p-1 0x1.1980d67234800p-2; 0x1.82a49e8653e55p-1 0x1.1f8ffe0cc8000p-2;
0x1.8060195f40260p-1 0x1.2595fd7636800p-2; 0x1.7e22563e0a329p-1 0x1.2b9300914a800p-2;
0x1.7beb377dcb5adp-1 0x1.3187210436000p-2; 0x1.79baa679725c2p-1 0x1.377266dec1800p-2;
0x1.77907f2170657p-1 0x1.3d54ffbaf3000p-2; 0x1.756cadbd6130cp-1 0x1.432eee32fe000p-2
"""


@lru_cache(maxsize=2)
def _pairs(text: str) -> Array:
    """A table written as "a b; c d; ..." in hexadecimal floats."""
    return np.array([[float.fromhex(v) for v in row.split()] for row in text.split(";")])


@lru_cache(maxsize=1)
def _log_table() -> tuple[Array, Array, Array, Array]:
    """1/c (split in two halves of 26 bits, for exact products) and log(c)."""
    table = _pairs(_LOG_TAB)
    invc = table[:, 0].copy()
    high, low = _split(invc)
    return invc, high, low, table[:, 1].copy()


_LN2HI, _LN2LO = float.fromhex("0x1.62e42fefa3800p-1"), float.fromhex("0x1.ef35793c76730p-45")
_LOG_A = tuple(
    float.fromhex(a)
    for a in ("-0x1.0000000000001p-1", "0x1.555555551305bp-2", "-0x1.fffffffeb459p-3",
              "0x1.999b324f10111p-3", "-0x1.55575e506c89fp-3")
)  # fmt: skip
_LOG_B = tuple(
    float.fromhex(b)
    for b in ("-0x1p-1", "0x1.5555555555577p-2", "-0x1.ffffffffffdcbp-3", "0x1.999999995dd0cp-3",
              "-0x1.55555556745a7p-3", "0x1.24924a344de3p-3", "-0x1.fffffa4423d65p-4",
              "0x1.c7184282ad6cap-4", "-0x1.999eb43b068ffp-4", "0x1.78182f7afd085p-4",
              "-0x1.5521375d145cdp-4")
)  # fmt: skip
_NEAR_LO, _NEAR_HI = 0x3FEE000000000000, 0x3FF1090000000000  # 1 - 2^-4, 1 + 0x1.09p-4
_LOG_OFF = 0x3FE6000000000000


def _log64(x: Array) -> Array:
    """log(x): the wrapper answers x <= 0 (with DAZ, subnormals are 0): -inf at zero, NaN
    below; __log takes the rest: near 1 a polynomial in r = x - 1, elsewhere x = 2^k z with
    log(z) = log(c) + log1p(z/c - 1) from a table of 128 c."""
    return _by_chunks(_log64_chunk, x)


def _log64_chunk(x: Array) -> Array:
    with np.errstate(all="ignore"):
        read = _flushed(x)
        out = np.full_like(x, np.nan)
        out[read == 0] = -np.inf
        out[x == np.inf] = np.inf
        ix = x.view(np.uint64)
        near = (ix - np.uint64(_NEAR_LO)) < np.uint64(_NEAR_HI - _NEAR_LO)
        main = (read > 0) & (read < np.inf)
        main &= ~near
        if near.any():
            out[near] = _run(_log_near_one, x[near], _Float64FMA)
        if main.all():
            out = _run(_log_main, x, _Float64FMA)
        elif main.any():
            out[main] = _run(_log_main, x[main], _Float64FMA)
    return out


def _log_near_one(x: Array, fused: Fused) -> Array:
    b = _LOG_B
    r = x - 1.0
    r2 = r * r
    r3 = r * r2
    b12 = fused(r2, b[3], fused(r, b[2], b[1]))
    b45 = fused(r2, b[6], fused(r, b[5], b[4]))
    b7 = fused(r3, b[10], fused(r2, b[9], fused(r, b[8], b[7])))
    poly = fused(fused(b7, r3, b45), r3, b12)
    # r split into rhi (its top 26 bits) and rlo; FMAs, but their products are exact
    w = r * 2.0**27
    rhi = (r + w) - w
    rlo = r - rhi
    rhi2 = rhi * rhi
    hi = r + rhi2 * b[0]
    lo = (r - hi) + rhi2 * b[0]
    lo = fused.accurate(b[0] * rlo, rhi + r, lo)
    y = hi + fused(poly, r3, lo)
    y[x == 1.0] = 0.0
    return y


def _log_main(x: Array, fused: Fused) -> Array:
    invc_of, high_of, low_of, logc_of = _log_table()
    ix = x.view(np.uint64)
    tmp = ix - np.uint64(_LOG_OFF)
    i = ((tmp >> np.uint64(45)) & np.uint64(127)).astype(np.intp)
    kd = (tmp.view(np.int64) >> 52).astype(np.float64)
    z = (ix - (tmp & np.uint64(0xFFF << 52))).view(np.float64)
    logc = logc_of[i]
    r = _times_minus_one(z, invc_of[i], high_of[i], low_of[i])
    w = kd * _LN2HI
    w += logc  # an FMA, but exact: the table makes k ln2hi + log(c) exact
    hi = w + r
    w -= hi
    w += r
    lo = fused.accurate(kd, _LN2LO, w)
    a = _LOG_A
    r2 = r * r
    r3 = r * r2
    a12 = fused(r, a[2], a[1])
    lo = fused.accurate(r2, a[0], lo)
    poly = fused(fused(r, a[4], a[3]), r2, a12)
    y = fused(r3, poly, lo)
    y += hi
    return y


def _times_minus_one(z: Array, invc: Array, high: Array, low: Array) -> Array:
    """fma(z, invc, -1) where z invc is within 2^-7 of 1: the product p is rounded, p - 1 is
    exact (Sterbenz), and so is p's rounding error (Dekker), so one rounding remains."""
    p = z * invc
    zh, zl = _split(z)
    error = zh * high
    error -= p
    error += zh * low
    error += zl * high
    error += zl * low
    p -= 1.0
    p += error
    return p


# --- glibc's sinf and cosf (s_sinf.c, s_cosf.c: computed in double) ---

_HPI_INV = float.fromhex("0x1.45F306DC9C883p+23")  # 2/pi * 2^24
_HPI = float.fromhex("0x1.921FB54442D18p0")
_PI63 = float.fromhex("0x1.921FB54442D18p-62")
_HPI_HIGH = _f64(0x3FF921FB54442D18 & ~0x1FFF)  # pi/2 to 41 bits
_HPI_LOW = _HPI - _HPI_HIGH
_COS_C = tuple(
    float.fromhex(c)
    for c in ("0x1p0", "-0x1.ffffffd0c621cp-2", "0x1.55553e1068f19p-5", "-0x1.6c087e89a359dp-10",
              "0x1.99343027bf8c3p-16")
)  # fmt: skip
_SIN_S = tuple(
    float.fromhex(s)
    for s in ("-0x1.555545995a603p-3", "0x1.1107605230bc4p-7", "-0x1.994eb3774cf24p-13")
)  # fmt: skip
_INV_PIO4 = np.array(
    [0xA2, 0xA2F9, 0xA2F983, 0xA2F9836E, 0xF9836E4E, 0x836E4E44, 0x6E4E4415, 0x4E441529,
     0x441529FC, 0x1529FC27, 0x29FC2757, 0xFC2757D1, 0x2757D1F5, 0x57D1F534, 0xD1F534DD,
     0xF534DDC0, 0x34DDC0DB, 0xDDC0DB62, 0xC0DB6295, 0xDB629599, 0x6295993C, 0x95993C43,
     0x993C4390, 0x3C439041],
    dtype=np.uint64,
)  # fmt: skip


def _sinf_poly(x: Array, x2: Array, odd: Array, fused: Fused) -> Array:
    """sinf_poly with the first table: the sine polynomial in x, or where `odd` the cosine
    polynomial. (The second table negates the cosine's coefficients, and the sign table
    negates x: each negates the result exactly, so the caller applies them afterwards.)"""
    s, c = _SIN_S, _COS_C
    x3 = x2 * x
    x7 = x2 * x3
    sine = fused(fused(x2, s[2], s[1]), x7, fused(x3, s[0], x))
    x4 = np.multiply(x2, x2, out=x3)
    x6 = np.multiply(x2, x4, out=x7)
    cosine = fused(fused(x2, c[4], c[3]), x6, fused(x4, c[2], fused(x2, c[1], c[0])))
    np.copyto(sine, cosine, where=odd)
    return sine


def _reduce_fast(x: Array) -> tuple[Array, Array]:
    """x - n pi/2 rounded once (the FMA), n the nearest quadrant, for |x| < 120 (n = 0 and
    x itself below pi/4, as in the small branch).

    pi/2 splits into a high part with 41 bits and the rest: n has at most 7 bits, so both
    products are exact, and x - n * high is exact (Sterbenz: the two are within a factor 2
    for n != 0); one rounding remains."""
    n = np.trunc(x * _HPI_INV).astype(np.int32)
    n += 0x800000
    n >>= 24
    nd = n.astype(np.float64)
    out = x - nd * _HPI_HIGH
    nd *= _HPI_LOW
    out -= nd
    return out, n


def _reduce_large(bits: Array) -> tuple[Array, Array]:
    """reduce_large: x mod pi/2 from 4/pi to 192 bits in fixed point, for 120 <= |x| < inf."""
    xi = bits.astype(np.uint64)
    index = ((xi >> np.uint64(26)) & np.uint64(15)).astype(np.intp)
    shift = (xi >> np.uint64(23)) & np.uint64(7)
    m = ((xi & np.uint64(0xFFFFFF)) | np.uint64(0x800000)) << shift
    res0 = (m * _INV_PIO4[index]) & np.uint64(0xFFFFFFFF)  # a 32-bit product
    res1 = m * _INV_PIO4[index + 4]
    res2 = m * _INV_PIO4[index + 8]
    res0 = (res2 >> np.uint64(32)) | (res0 << np.uint64(32))
    res0 += res1
    n = (res0 + np.uint64(1 << 61)) >> np.uint64(62)
    res0 -= n << np.uint64(62)
    return res0.view(np.int64).astype(np.float64) * _PI63, n.astype(np.int32)


def _sin_or_cos(y: Array, cosine: bool) -> Array:
    """glibc's sinf or cosf of float32 y. With plain multiplies and adds in place of the FMAs
    the double result moves by a few of its ulps at most, so it rounds to the same float32
    unless it lies that close to halfway between two; those are computed again with FMAs."""

    def run(flat: Array) -> Array:
        wide = _sincosf(flat, cosine, _PLAIN)
        low = wide.view(np.uint64) & np.uint64(_LOW29)
        low -= np.uint64(_HALF29 - _MARGIN)
        doubtful = low < np.uint64(2 * _MARGIN)
        if doubtful.any():
            again = np.flatnonzero(doubtful)
            wide[again] = _sincosf(flat[again], cosine, _EXACT)
        return wide.astype(np.float32)

    return _by_chunks(run, y)


_MARGIN = 1 << 6  # ulps of the double result (the FMAs move it by 3 at most)


def _sincosf(y: Array, cosine: bool, fused: Fused) -> Array:
    """sinf or cosf before the final rounding to float32."""
    bits = y.view(np.uint32)
    top = (bits >> 20) & 0x7FF
    x, n = _reduce_fast(y.astype(np.float64))
    out = _quadrant(x, n, n, cosine, fused)
    large = top >= 0x42F
    if large.any():
        finite = large & (top < 0x7F8)
        x, n = _reduce_large(bits[finite])
        sign = (bits[finite] >> 31).astype(np.int32)
        out[finite] = _quadrant(x, n, n + sign, cosine, fused)
        out[large & ~finite] = np.nan
    tiny = top < 0x398  # returns y itself (even subnormal), or 1
    out[tiny] = 1.0 if cosine else y[tiny]
    return out


def _quadrant(x: Array, n: Array, q: Array, cosine: bool, fused: Fused) -> Array:
    """sinf_poly(x * sign[q & 3], x * x, table[q & 2 != 0], n (or n ^ 1 for cosf))."""
    odd = (n & 1).astype(bool)
    if cosine:
        odd = ~odd
    out = _sinf_poly(x, x * x, odd, fused)
    # sign[q & 3] is -1 for q & 3 in (1, 2), and the second table (q & 2) negates the
    # cosine: bit 1 of q + 1, or of q for the cosine, flips the result's sign bit
    q = q + ~odd
    q &= 2
    out.view(np.uint64)[...] ^= q.astype(np.uint64) << np.uint64(62)
    return out


# --- glibc's expf (e_expf.c), for float16 exp ---

_EXPF_TAB = np.array(
    [0x3FF0000000000000, 0x3FEFD9B0D3158574, 0x3FEFB5586CF9890F, 0x3FEF9301D0125B51,
     0x3FEF72B83C7D517B, 0x3FEF54873168B9AA, 0x3FEF387A6E756238, 0x3FEF1E9DF51FDEE1,
     0x3FEF06FE0A31B715, 0x3FEEF1A7373AA9CB, 0x3FEEDEA64C123422, 0x3FEECE086061892D,
     0x3FEEBFDAD5362A27, 0x3FEEB42B569D4F82, 0x3FEEAB07DD485429, 0x3FEEA47EB03A5585,
     0x3FEEA09E667F3BCD, 0x3FEE9F75E8EC5F74, 0x3FEEA11473EB0187, 0x3FEEA589994CCE13,
     0x3FEEACE5422AA0DB, 0x3FEEB737B0CDC5E5, 0x3FEEC49182A3F090, 0x3FEED503B23E255D,
     0x3FEEE89F995AD3AD, 0x3FEEFF76F2FB5E47, 0x3FEF199BDD85529C, 0x3FEF3720DCEF9069,
     0x3FEF5818DCFBA487, 0x3FEF7C97337B9B5F, 0x3FEFA4AFA2A490DA, 0x3FEFD0765B6E4540],
    dtype=np.uint64,
)  # fmt: skip
_EXPF_SHIFT = float.fromhex("0x1.8p52")
_EXPF_INVLN2N = float.fromhex("0x1.71547652b82fep+5")  # 32 / ln 2
_EXPF_C = tuple(
    float.fromhex(c)
    for c in ("0x1.c6af84b912394p-20", "0x1.ebfce50fac4f3p-13", "0x1.62e42ff0c52d6p-6")
)  # fmt: skip


def _expf(y: Array, fused: Fused) -> Array:
    """expf in double: 2^(k/32) from a table times a cubic in r, z = x 32/ln2 = k + r."""
    x = y.astype(np.float64)
    kd = fused(_EXPF_INVLN2N, x, _EXPF_SHIFT)  # rounds z to an integer k in the low bits
    ki = kd.view(np.uint64)
    kd = kd - _EXPF_SHIFT
    r = fused(_EXPF_INVLN2N, x, -kd)
    t = _EXPF_TAB[(ki & np.uint64(31)).astype(np.intp)] + (ki << np.uint64(47))
    s = t.view(np.float64)
    z = fused(r, _EXPF_C[0], _EXPF_C[1])
    poly = fused(z, r * r, fused(r, _EXPF_C[2], 1.0))
    out = _flushed((poly * s).astype(np.float32))
    # beyond log(2^128) an overflow, below log(2^-149) an underflow (x + x for NaN)
    above = y > np.float32(float.fromhex("0x1.62e42ep6"))
    below = y < np.float32(float.fromhex("-0x1.9d1d9ep6"))
    return np.where(above, np.float32(np.inf), np.where(below, np.float32(0), out))


# --- glibc's logf (e_logf.c), for the last elements of small float32 arrays ---

# __logf_data.tab (e_logf_data.c): "1/c log(c)" for each of the 16 subintervals, in order.
_LOGF_TAB = """
0x1.661ec79f8f3bep+0 -0x1.57bf7808caadep-2; 0x1.571ed4aaf883dp+0 -0x1.2bef0a7c06ddbp-2;
0x1.49539f0f010bp+0 -0x1.01eae7f513a67p-2; 0x1.3c995b0b80385p+0 -0x1.b31d8a68224e9p-3;
0x1.30d190c8864a5p+0 -0x1.6574f0ac07758p-3; 0x1.25e227b0b8eap+0 -0x1.1aa2bc79c81p-3;
0x1.1bb4a4a1a343fp+0 -0x1.a4e76ce8c0e5ep-4; 0x1.12358f08ae5bap+0 -0x1.1973c5a611cccp-4;
0x1.0953f419900a7p+0 -0x1.252f438e10c1ep-5; 0x1p+0 0x0p+0;
0x1.e608cfd9a47acp-1 0x1.aa5aa5df25984p-5; 0x1.ca4b31f026aap-1 0x1.c5e53aa362eb4p-4;
0x1.b2036576afce6p-1 0x1.526e57720db08p-3; 0x1.9c2d163a1aa2dp-1 0x1.bc2860d22477p-3;
0x1.886e6037841edp-1 0x1.1058bc8a07ee1p-2; 0x1.767dcf5534862p-1 0x1.4043057b6ee09p-2
"""
_LOGF_LN2 = float.fromhex("0x1.62e42fefa39efp-1")
_LOGF_A = tuple(
    float.fromhex(a)
    for a in ("-0x1.00ea348b88334p-2", "0x1.5575b0be00b6ap-2", "-0x1.ffffef20a4123p-2")
)  # fmt: skip


def _logf(y: Array, fused: Fused) -> Array:
    """logf in double: x = 2^k z, log(z) = log(c) + log1p(z/c - 1) from a table of 16 c."""
    ix = y.view(np.uint32)
    # A subnormal x is normalised as x * 2^23, which DAZ reads as 0 * 2^23.
    subnormal = (ix > 0) & (ix < 0x800000)
    ix = np.where(subnormal, np.uint32((-23 << 23) & 0xFFFFFFFF), ix)
    tmp = ix - np.uint32(0x3F330000)
    i = ((tmp >> np.uint32(19)) & np.uint32(15)).astype(np.intp)
    kd = (tmp.view(np.int32) >> 23).astype(np.float64)
    z = (ix - (tmp & np.uint32(0xFF800000))).view(np.float32).astype(np.float64)
    table = _pairs(_LOGF_TAB)
    r = fused(z, table[i, 0], -1.0)
    y0 = fused(kd, _LOGF_LN2, table[i, 1])
    r2 = r * r
    p = fused(r2, _LOGF_A[0], fused(r, _LOGF_A[1], _LOGF_A[2]))
    out = fused(r2, p, r + y0).astype(np.float32)
    out = np.where(ix == 0x3F800000, np.float32(0), out)
    out = np.where(y < 0, np.float32(np.nan), out)
    out = np.where(np.isnan(y), y, out)  # a NaN is returned as it came
    return np.where(y == 0, np.float32(-np.inf), np.where(y == np.inf, y, out))


def _tail(n: int) -> int:
    """How many of an array's last elements XLA's float32 exp and log leave to libm: an array
    of at most 16 goes in vectors of 8 and one of the remaining n % 8, XLA has its own code for
    vectors of 1, 2, 4 and 8, and a vector of another width calls expf or logf per element."""
    rest = n % 8
    return rest if n <= 16 and rest in (3, 5, 6, 7) else 0


def _float32(kernel: Kernel, libm: Kernel, x: Array) -> Array:
    out = _run(kernel, x, _Float32FMA)
    tail = _tail(x.size)
    if tail:
        with np.errstate(all="ignore"):
            out.reshape(-1)[-tail:] = libm(x.reshape(-1)[-tail:], _EXACT)
    return out


# --- the kernels by dtype ---


@lru_cache(maxsize=4)
def _half_table(name: str) -> Array:
    """A float16 kernel on all 65,536 inputs: the float32 libm function, rounded."""
    every = np.arange(1 << 16, dtype=np.uint16).view(np.float16).astype(np.float32)
    with np.errstate(all="ignore"):
        if name == "exp":
            values = _expf(every, _EXACT)
        else:
            values = _sincosf(every, name == "cos", _EXACT).astype(np.float32)
        table: Array = values.astype(np.float16)
    return table


def _by_table(name: str, x: Array) -> Array:
    out: Array = _half_table(name)[x.view(np.uint16)]
    return out


def _through_float32(kernel: Kernel, x: Array) -> Array:
    """A float16 op of a fused kernel: XLA's float32 code, rounded."""
    wide = _run(kernel, x.astype(np.float32), _Float32FMA)
    with np.errstate(all="ignore"):
        return wide.astype(np.float16)


def exp(x: Array) -> Array:
    """jnp.exp: expf for float16, XLA's own exp for float32 and float64."""
    if x.dtype == F16:
        return _by_table("exp", x)
    if x.dtype == F32:
        return _float32(_exp32, _expf, x)
    return _run(_exp64, x, _Float64FMA)


def fused_exp(x: Array) -> Array:
    """exp inside a fused kernel: XLA's own exp, float16 through float32, and no libm for
    the last elements of small arrays."""
    if x.dtype == F16:
        return _through_float32(_exp32, x)
    if x.dtype == F32:
        return _run(_exp32, x, _Float32FMA)
    return _run(_exp64, x, _Float64FMA)


def log1p(x: Array) -> Array:
    """log1p inside a fused kernel (XLA's), float16 through float32."""
    if x.dtype == F16:
        with np.errstate(all="ignore"):
            return log1p(x.astype(np.float32)).astype(np.float16)
    if x.dtype == F32:
        return _log1p(x, lambda v: _run(_log1p32_far, v, _Float32FMA), _Float32FMA)
    return _log1p(x, lambda v: _log64(v + 1.0), _Float64FMA)


def log(x: Array) -> Array:
    """jnp.log: logf for float16 (numpy's float16 log agrees on every input), XLA's own log
    for float32, glibc's for float64."""
    if x.dtype == F16:
        with np.errstate(all="ignore"):
            return np.log(x)
    if x.dtype == F32:
        return _float32(_log32, _logf, x)
    return _log64(x)


def sin(x: Array) -> Array:
    """jnp.sin: glibc's sinf (float16 rounded from it), glibc's sin for float64 (numpy's)."""
    if x.dtype == F16:
        return _by_table("sin", x)
    if x.dtype == F32:
        return _sin_or_cos(x, False)
    with np.errstate(all="ignore"):
        return np.sin(x)  # sin(x) = x for tiny x, subnormals included


def cos(x: Array) -> Array:
    """jnp.cos: glibc's cosf (float16 rounded from it), glibc's cos for float64 (numpy's)."""
    if x.dtype == F16:
        return _by_table("cos", x)
    if x.dtype == F32:
        return _sin_or_cos(x, True)
    with np.errstate(all="ignore"):
        return np.cos(x)
