"""PyTorch 2.13 on the CPU: each primitive's forward kernel and backward formula.

The backward formulas are those of PyTorch's derivatives.yaml (threshold_backward for relu,
hardtanh_backward for relu6 and hardtanh, where(self == other, grad / 2, grad) for maximum ...).
"""

from __future__ import annotations

import numpy as np

from service.core.programs import common
from service.core.programs.emulation import Backward, Framework, Rule
from service.core.programs.kernels import pytorch as kernels
from service.core.programs.machine import Array, Machine

P = tuple[float, ...]


def _relu(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    (x,) = a
    value = m.select(x < 0, 0, x)  # keeps -0.0 and NaN
    return value, lambda g: [m.select(value <= 0, 0, g)]


def _leaky_relu(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    (x,), slope = a, m.scalar(p[0])
    positive = x > 0
    value = m.select(positive, x, m.mul(x, slope))
    return value, lambda g: [m.select(positive, g, m.mul(g, slope))]


def _hardtanh(low: float, high: float) -> Rule:
    def rule(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
        return _clip(m, a[0], low, high, inclusive=False)

    return rule


def _hardtanh_params(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    return _clip(m, a[0], p[0], p[1], inclusive=False)


def _clamp(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    return _clip(m, a[0], p[0], p[1], inclusive=True)


def _clip(m: Machine, x: Array, low: float, high: float, inclusive: bool) -> tuple[Array, Backward]:
    """x between low and high, x itself at a tie (-0.0 stays), NaN kept.

    hardtanh_backward passes the gradient strictly inside; clamp_backward at the bounds too.
    """
    lo, hi = m.scalar(low), m.scalar(high)
    value = m.select(x < lo, lo, m.select(x > hi, hi, x))
    inside = ((x >= lo) & (x <= hi)) if inclusive else ((x > lo) & (x < hi))
    if not inclusive:  # hardtanh_backward's scalar tail tests "outside": NaN passes the gradient
        inside = inside | (np.isnan(x) & ~m.vector_body(x))
    return value, lambda g: [m.select(inside, g, 0)]


def _abs(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    (x,) = a
    return np.abs(x), lambda g: [m.mul(g, _sign_value(m, x))]


def _sign_value(m: Machine, x: Array) -> Array:
    return m.select(x > 0, 1, m.select(x < 0, -1, 0))  # sign(NaN) is 0


def _sign(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    (x,) = a
    return _sign_value(m, x), lambda g: [m.zeros(g)]


def _step(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    (x,) = a
    value = m.select(x > 0, 1, 0)  # heaviside(x, 0): x == 0 ? 0 : x > 0, so 0 at NaN

    def backward(g: Array) -> list[Array | None]:
        from service.core.programs.emulation import NoDerivative

        raise NoDerivative("PyTorch raises: derivative for aten::heaviside is not implemented")

    return value, backward


def _extremum(larger: bool) -> Rule:
    def rule(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
        x, y = np.broadcast_arrays(*a)
        nan = np.isnan(x) | np.isnan(y)
        # At a tie (-0.0 and 0.0) the vector body returns y, the scalar tail x.
        x_wins = ((x > y) if larger else (x < y)) | ((x == y) & ~m.vector_body(x, y))
        value = m.select(nan, np.add(x, y), m.select(x_wins, x, y))
        equal = x == y
        x_loses, y_loses = ((x < y), (x > y)) if larger else ((x > y), (x < y))

        def backward(g: Array) -> list[Array | None]:
            shared = m.select(equal, m.div(g, m.scalar(2)), g)
            return [m.select(x_loses, 0, shared), m.select(y_loses, 0, shared)]

        return value, backward

    return rule


def _wide_body(m: Machine, x: Array) -> Array:
    """The vector body of a kernel that has an AVX-512 build (softplus, pow): two 512-bit
    vectors a step, where the piecewise-linear kernels take two 256-bit ones."""
    size = int(np.size(x))
    step = 128 // m.dtype.itemsize
    body: Array = (np.arange(size) < size - size % step).reshape(np.shape(x))
    return body


def _softplus(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    """One kernel each way (in float32 for float16): x itself above the threshold 20, else
    log1p(exp(x)); the backward g e^x / (e^x + 1). exp and log1p are Sleef's in the vector
    body and the C library's in the scalar tail (Activation.cpp, softplus_kernel)."""
    x = m.wide(a[0])
    body = _wide_body(m, x)
    over = x > 20
    with np.errstate(all="ignore"):
        z = kernels.softplus_exp(x, body)
        value = m.write(np.where(over, x, kernels.softplus_log1p(z, body)))

    def backward(g: Array) -> list[Array | None]:
        wide = m.wide(g)
        with np.errstate(all="ignore"):
            return [m.write(np.where(over, wide, wide * z / (z + 1)))]

    return value, backward


def _kernel(m: Machine, x: Array, name: str) -> Array:
    """A transcendental kernel as PyTorch computes it (kernels.pytorch): MKL's for float32 and
    float64, Sleef's float32 functions for float16 exp, sin and cos. float16 log and sqrt
    are numpy's float32 functions rounded, which equal PyTorch's on every float16 value."""
    if m.dtype != np.float16:
        result: Array = getattr(kernels, name)(x)
        return result
    if name in ("exp", "sin", "cos"):
        return kernels.half(name, x)
    return m.unary(getattr(np, name), x)


def _log(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    (x,) = a
    return _kernel(m, x, "log"), lambda g: [m.div(g, x)]


def _sqrt(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    value = _kernel(m, a[0], "sqrt")
    return value, lambda g: [m.div(g, m.mul(m.scalar(2), value))]


def _power(m: Machine, base: Array, n: int) -> Array:
    """pow(x, n) as one kernel: products for 2 and 3, reciprocals for -1 and -2, else pow
    (float16 has none of the shortcuts: every n but 0 and 1 is a pow)."""
    x = m.wide(base)
    with np.errstate(all="ignore"):
        if n == 0:
            return m.ones(base)
        if n == 1:
            return base.copy()
        if m.dtype != np.float16 and n in (2, 3):
            return m.write(x * x if n == 2 else x * x * x)
        if m.dtype != np.float16 and n in (-1, -2):
            return m.write(1 / x if n == -1 else 1 / (x * x))
        return m.write(kernels.power(x, float(n), _wide_body(m, x)))


def _pow(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    (x,), n = a, int(p[0])
    value = _power(m, x, n)
    if n == 0:
        return value, lambda g: [m.zeros(g)]
    return value, lambda g: [m.mul(g, m.mul(m.scalar(n), _power(m, x, n - 1)))]


def _rdiv(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    """number / x is x.reciprocal() * number in PyTorch."""
    number, x = a
    with np.errstate(all="ignore"):
        reciprocal = m.write(1 / m.wide(x))  # reciprocal_kernel

    def backward(g: Array) -> list[Array | None]:
        g1 = m.mul(g, number)
        return [None, m.mul(m.neg(g1), m.mul(reciprocal, reciprocal))]

    return m.mul(reciprocal, number), backward


def _arith(op: str) -> Rule:
    """+, - and /: PyTorch's differ from the shared ones (* is shared)."""

    def rule(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
        x, y = a
        if op in "+-":  # a number added to float16 is rounded to float16 first
            x, y = x.astype(m.dtype, copy=False), y.astype(m.dtype, copy=False)
            if op == "+":
                return m.add(x, y), lambda g: [g, g]
            return m.sub(x, y), lambda g: [g, m.neg(g)]
        return m.div(x, y), lambda g: [m.div(g, y), m.mul(m.neg(g), m.div(m.div(x, y), y))]

    return rule


OPS = {
    "where": "torch.where",
    "^": "**",
    "relu": "torch.relu",
    "leaky_relu": "torch.nn.functional.leaky_relu",
    "relu6": "torch.nn.functional.relu6",
    "hardtanh": "torch.nn.functional.hardtanh",
    "abs": "torch.abs",
    "sign": "torch.sign",
    "step": "torch.heaviside(x, 0)",
    "max": "torch.maximum",
    "min": "torch.minimum",
    "clamp": "torch.clamp",
    "softplus": "torch.nn.functional.softplus",
    "exp": "torch.exp",
    "log": "torch.log",
    "sin": "torch.sin",
    "cos": "torch.cos",
    "sqrt": "torch.sqrt",
}

PYTORCH = Framework(
    name="pytorch",
    flushes=False,
    wide_half=True,
    step_bytes={"float16": 64, "float32": 64, "float64": 64},  # two 256-bit vectors a step
    ops=OPS,
    rules={
        **common.shared(_kernel),
        "relu": _relu,
        "leaky_relu": _leaky_relu,
        "relu6": _hardtanh(0.0, 6.0),
        "hardtanh": _hardtanh_params,
        "clamp": _clamp,
        "abs": _abs,
        "sign": _sign,
        "step": _step,
        "max": _extremum(True),
        "min": _extremum(False),
        "softplus": _softplus,
        "log": _log,
        "sqrt": _sqrt,
        "pow": _pow,
        "rdiv": _rdiv,
        "*": common.mul,
        **{op: _arith(op) for op in "+-/"},
    },
)
