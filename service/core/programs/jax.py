"""JAX 0.10 on the CPU (XLA): each primitive's forward and the transpose of its JVP rule.

XLA's max and min are IEEE 754-2019 maximum and minimum (NaN wins, -0 < +0); jax.grad of max
and min shares the cotangent at a tie (0.5 each); relu and relu6 have custom JVPs that pass it
only strictly inside; integer powers are products by repeated squaring. exp, log, sin, cos
and softplus compute as XLA's CPU code and the C library it calls do (kernels/xla.py).
"""

from __future__ import annotations

import numpy as np

from service.core.programs import common
from service.core.programs.emulation import Backward, Framework, Rule
from service.core.programs.kernels import xla
from service.core.programs.machine import Array, Machine

P = tuple[float, ...]


def _maximum(m: Machine, x: Array, y: Array, larger: bool) -> Array:
    a, b = np.broadcast_arrays(m.read(x), m.read(y))
    wins = (a > b) if larger else (a < b)
    tie_a = (a == b) & (np.signbit(b) if larger else np.signbit(a))
    picked = m.select(wins | tie_a, a, b)
    return m.select(np.isnan(a) | np.isnan(b), np.add(a, b), picked)


def _extremum(larger: bool) -> Rule:
    def rule(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
        x, y = a
        z = _maximum(m, x, y, larger)
        half, one = m.array(0.5), m.array(1)

        def share(mine: Array, other: Array) -> Array:
            return m.select(m.eq(mine, z), m.select(m.eq(other, z), half, one), 0)

        return z, lambda g: [m.mul(g, share(x, y)), m.mul(g, share(y, x))]

    return rule


def _inside(mask_of: str) -> Rule:
    """relu and relu6: the custom JVP passes the tangent where x is strictly inside."""

    def rule(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
        (x,) = a
        # maximum(x, 0): x where it reads as positive, else +0 (NaN stays)
        positive = m.smallest_normal if m.flush else np.finfo(m.dtype).smallest_subnormal
        value = common.positive_part(m, x, positive)
        if mask_of == "relu6":
            value = _maximum(m, value, m.array(6), False)

        def backward(g: Array) -> list[Array | None]:
            inside = x >= positive
            if mask_of == "relu6":
                inside &= m.lt(x, m.array(6))
            return [m.select(inside, g, 0)]

        return value, backward

    return rule


def _leaky_relu(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    (x,), slope = a, m.array(p[0])
    keep = m.ge(x, m.array(0))
    value = m.select(keep, x, m.mul(slope, x))
    return value, lambda g: [m.add(m.select(keep, g, 0), m.mul(slope, m.select(keep, 0, g)))]


def _hard_tanh(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    (x,) = a
    above, below = m.gt(x, m.array(1)), m.lt(x, m.array(-1))
    value = m.write(m.select(above, 1, m.select(below, -1, x)))
    return value, lambda g: [m.select(above | below, 0, g)]


def _clip(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    """jnp.clip: maximum(low, x), then minimum(high, that)."""
    (x,) = a
    low, high = m.array(p[0]), m.array(p[1])
    lifted, back_low = _extremum(True)(m, [low, x], ())
    value, back_high = _extremum(False)(m, [high, lifted], ())
    return value, lambda g: [back_low(back_high(g)[1])[1]]  # type: ignore[arg-type]


def _abs(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    (x,) = a
    positive = m.ge(x, m.array(0))
    # The transpose of select(p, g, -g) adds both branches: select(p, g, 0) + -select(p, 0, g).
    return np.abs(x), lambda g: [m.add(m.select(positive, g, 0), m.neg(m.select(positive, 0, g)))]


def _sign(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    (x,) = a
    zero = m.array(0)
    read = m.read(x)
    value = m.select(m.gt(x, zero), 1, m.select(m.lt(x, zero), -1, np.copysign(zero, read)))
    return m.select(np.isnan(x), x, value), lambda g: [None]  # a symbolic zero: nothing flows


def _heaviside(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    (x,) = a
    zero = m.array(0)
    below, above, nan = m.lt(x, zero), m.gt(x, zero), np.isnan(x)
    value = m.select(below, 0, m.select(above, 1, m.select(nan, x, 0)))
    return value, lambda g: [m.select(~below & ~above & nan, g, 0)]


def _softplus(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    """logaddexp(x, 0), one fused kernel: max(x, 0) + log1p(exp(-|x|)), x where it is NaN.
    Its custom JVP is exp(x - value), with +inf (only) read as 0 in both."""
    (x,) = a
    top = _maximum(m, x, m.array(0), True)
    value = m.add(top, xla.log1p(xla.fused_exp(m.neg(np.abs(x)))))
    value = m.select(np.isnan(x), x, value)
    finite_x, finite_value = (m.select(v == np.inf, 0, v) for v in (x, value))
    weight = xla.fused_exp(m.sub(finite_x, finite_value))
    return value, lambda g: [m.mul(g, weight)]


def _kernel(m: Machine, x: Array, name: str) -> Array:
    """exp, sin or cos as XLA computes it."""
    result: Array = getattr(xla, name)(x)
    return result


def _log(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    (x,) = a
    return xla.log(x), lambda g: [m.div(g, x)]


def _sqrt(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    value = m.unary(np.sqrt, a[0])
    half = m.div(m.array(0.5), value)
    return value, lambda g: [m.mul(g, half)]


def integer_power(m: Machine, x: Array, n: int) -> Array:
    """lax.integer_pow: products by repeated squaring, 1 / that for a negative n."""
    if n == 0:
        return m.ones(x)
    k, base, acc = abs(n), x, None
    while k:
        if k & 1:
            acc = base if acc is None else m.mul(acc, base)
        k >>= 1
        if k:
            base = m.mul(base, base)
    assert acc is not None
    return m.div(m.array(1), acc) if n < 0 else acc.copy()


def _pow(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    (x,), n = a, int(p[0])
    value = integer_power(m, x, n)
    if n == 0:
        return value, lambda g: [m.zeros(g)]
    factor = m.mul(m.array(n), integer_power(m, x, n - 1))
    return value, lambda g: [m.mul(g, factor)]


def _div(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    """x / y. Where y is a number that XLA sees as a constant it multiplies by the reciprocal
    instead: always in the backward pass, and in the forward pass when x was computed from
    the differentiated variable without carrying its derivative (a where on a comparison)."""
    x, y = a
    if p:
        reciprocal = m.div(m.array(1), y)
        value = m.mul(x, reciprocal) if p[1] else m.div(x, y)
        return value, lambda g: [m.mul(g, reciprocal), None]
    inverse_square = integer_power(m, y, -2)
    return m.div(x, y), lambda g: [m.div(g, y), m.neg(m.mul(m.mul(g, inverse_square), x))]


OPS = {
    "where": "jax.numpy.where",
    "^": "**",
    "relu": "jax.nn.relu",
    "leaky_relu": "jax.nn.leaky_relu",
    "relu6": "jax.nn.relu6",
    "hardtanh": "jax.nn.hard_tanh",
    "abs": "jax.numpy.abs",
    "sign": "jax.numpy.sign",
    "step": "jax.numpy.heaviside(x, 0)",
    "max": "jax.numpy.maximum",
    "min": "jax.numpy.minimum",
    "clamp": "jax.numpy.clip",
    "softplus": "jax.nn.softplus",
    "exp": "jax.numpy.exp",
    "log": "jax.numpy.log",
    "sin": "jax.numpy.sin",
    "cos": "jax.numpy.cos",
    "sqrt": "jax.numpy.sqrt",
}


def _check(name: str, params: tuple[float, ...]) -> str | None:
    if name == "hardtanh" and params != (-1.0, 1.0):
        return "jax.nn.hard_tanh has fixed bounds -1, 1"
    return None


JAX = Framework(
    name="jax",
    flushes=True,
    shifts_untaped=True,
    last_argument_first=frozenset({"*", "/", "max", "min"}),
    ops=OPS,
    check=_check,
    rules={
        **common.shared(_kernel),
        "relu": _inside("relu"),
        "relu6": _inside("relu6"),
        "leaky_relu": _leaky_relu,
        "hardtanh": _hard_tanh,
        "clamp": _clip,
        "abs": _abs,
        "sign": _sign,
        "step": _heaviside,
        "max": _extremum(True),
        "min": _extremum(False),
        "softplus": _softplus,
        "log": _log,
        "sqrt": _sqrt,
        "pow": _pow,
        "+": common.add,
        "-": common.sub,
        "*": common.mul,
        "/": _div,
    },
)
