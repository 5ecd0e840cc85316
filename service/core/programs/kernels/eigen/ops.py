"""TensorFlow's transcendental ops as Eigen runs them: each op's packet functions (exp_log.py,
sincos.py, logistic.py, power.py) on whole packets, and on the rest the scalar functions, which
call the C library (glibc 2.36, under DAZ and FTZ) or divide.
"""

from __future__ import annotations

from functools import partial

import numpy as np

from service.core.programs.kernels.eigen.exp_log import exp32, exp64, generic_log1p, log32, log64
from service.core.programs.kernels.eigen.logistic import (
    logistic32,
    logistic64,
    logistic_half,
    logistic_tail32,
    logistic_tail64,
    one_over,
    reciprocal32,
)
from service.core.programs.kernels.eigen.packets import (
    F16,
    F32,
    F64,
    Kernel,
    Op,
    apply,
    flushed,
    path,
    put,
    run,
)
from service.core.programs.kernels.eigen.power import generic_pow
from service.core.programs.kernels.eigen.sincos import sincos32
from service.core.programs.kernels.glibc import exp as glibc_exp
from service.core.programs.kernels.glibc import log as glibc_log
from service.core.programs.kernels.glibc import log1p as glibc_log1p
from service.core.programs.kernels.glibc import pow as glibc_pow
from service.core.programs.kernels.glibc.float import cosf, expf, logf, sinf
from service.core.programs.machine import Array, bitwise_select

# TensorFlow links exp, log and pow at their oldest symbol versions, whose wrappers change no
# value here, and expf, logf and powf at GLIBC_2.27; each runs under DAZ and FTZ.
_EXPF, _LOGF = partial(expf, daz=True), partial(logf, daz=True)
_EXP, _LOG = partial(glibc_exp.exp, daz=True), partial(glibc_log.log, daz=True)

_EXP_OP = Op(exp32, _EXPF, exp64, _EXP)
_LOG_OP = Op(log32, _LOGF, log64, _LOG)
_SIN_OP = Op(lambda v: sincos32(v, True), partial(sinf, daz=True), np.sin, np.sin)
_COS_OP = Op(lambda v: sincos32(v, False), partial(cosf, daz=True), np.cos, np.cos)
_RECIPROCAL_OP = Op(reciprocal32, one_over, one_over, one_over)
_LOGISTIC_OP = Op(logistic32, logistic_tail32, logistic64, logistic_tail64)
_LOG1P_OP = Op(
    generic_log1p,
    partial(glibc_log1p.log1pf, daz=True),
    generic_log1p,
    partial(glibc_log1p.log1p, daz=True),
)


def exp(x: Array) -> Array:
    """tf.exp: pexp_float or pexp_double, then expf or exp."""
    return apply(_EXP_OP, x)


def log(x: Array) -> Array:
    """tf.math.log: plog_float or plog_double, then logf or log."""
    return apply(_LOG_OP, x)


def sin(x: Array) -> Array:
    """tf.sin: psin_float, then sinf; double has no packet sine without AVX2: sin throughout."""
    return apply(_SIN_OP, x)


def cos(x: Array) -> Array:
    """tf.cos: pcos_float, then cosf; double: cos throughout."""
    return apply(_COS_OP, x)


def reciprocal(x: Array) -> Array:
    """tf.math.reciprocal (scalar_inverse_op): preciprocal, then 1 / x. Double's preciprocal
    is a division."""
    return apply(_RECIPROCAL_OP, x)


def sigmoid(x: Array) -> Array:
    """tf.math.sigmoid (scalar_logistic_op): float's own packet code, then e / (1 + e) with
    e = expf(min(x, 16.6355324)); double's generic e / (1 + e) with e = pexp(x), then exp;
    half's generic one, each step rounded to half."""
    if x.dtype == F16:
        return run(
            logistic_half(path(_EXP_OP, F16, True)), logistic_half(path(_EXP_OP, F16, False)), x
        )
    return apply(_LOGISTIC_OP, x)


def softplus(x: Array) -> Array:
    """tf.math.softplus (tensorflow/core/kernels/softplus_op.h): x above -t, exp(x) below t,
    log1p(exp(x)) between, t = log(epsilon) + 2 in the dtype, with exp and log1p as each path
    computes them."""
    dtype = x.dtype
    # NumTraits<T>::epsilon(): the machine epsilon, but 2^-13 for Eigen::half (Half.h)
    epsilon = np.array(2.0**-13 if dtype == F16 else np.finfo(dtype).eps, dtype)
    log_epsilon = _LOG(epsilon) if dtype == F64 else _LOGF(epsilon.astype(F32)).astype(dtype)
    t = log_epsilon + np.array(2, dtype)

    def kernel_of(packet: bool) -> Kernel:
        exp_of, log1p_of = path(_EXP_OP, dtype, packet), path(_LOG1P_OP, dtype, packet)

        def kernel(v: Array) -> Array:
            e = exp_of(v)
            return bitwise_select(v > -t, v, bitwise_select(v < t, e, log1p_of(e)))

        return kernel

    return run(kernel_of(True), kernel_of(False), x)


def pow(x: Array, y: float) -> Array:
    """tf.pow(x, y) for a number y (scalar_pow_op with y bound, cwise_ops.h scalar_right):
    generic_pow, then powf or pow; half has no packet pow: powf throughout."""
    b = float(np.array(y, x.dtype))
    op = Op(
        lambda v: generic_pow(v, b), lambda v: glibc_pow.powf(v, b, daz=True),
        lambda v: generic_pow(v, b), lambda v: glibc_pow.pow(v, b, daz=True),
    )  # fmt: skip
    if x.dtype == F16:
        return run(path(op, F16, True), path(op, F16, False), x, vectorised=False)
    return apply(op, x)


def sqrt_grad(y: Array, g: Array) -> Array:
    """SqrtGrad (cwise_ops_gradients.h, scalar_sqrt_gradient_op) of y = sqrt(x) and the
    gradient g: on packets (0.5 / y) g, +0 where g is 0 (mul_no_nan); on the rest 0 where g
    is 0, else (0.5 g) / y. Half packets round each op to half, as half arithmetic does."""
    half = np.array(0.5, y.dtype)

    def packet(b: Array, h: Array) -> Array:
        return put(flushed(flushed(half / b) * h), flushed(h) == 0, 0)

    def scalar(b: Array, h: Array) -> Array:
        return put(flushed(flushed(half * h) / b), flushed(h) == 0, 0)

    return run(packet, scalar, y, g)
