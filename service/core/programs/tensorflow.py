"""TensorFlow 2.21 on the CPU (Eigen): each primitive's kernel and registered gradient.

ReluGrad and Relu6Grad multiply the gradient by a 0/1 mask; tf.maximum's gradient goes wholly
to x where x >= y (so max(x, 0) has 1 at 0); leaky_relu keeps alpha as a float32 attribute in
every dtype; tf.experimental.numpy.heaviside has no gradient. The transcendental kernels, and
those their gradients call (reciprocal, sigmoid, pow, SqrtGrad), are Eigen's packet functions
and glibc's, as the kernels/eigen package computes them.
"""

from __future__ import annotations

import numpy as np

from service.core.programs import common
from service.core.programs.emulation import Backward, Framework, Rule
from service.core.programs.kernels import eigen
from service.core.programs.machine import Array, Machine
from service.core.programs.syntax import Call, Const, Node

P = tuple[float, ...]


def _max_value(m: Machine, x: Array, y: Array, larger: bool, scalar: bool = False) -> Array:
    """maximum(x, y) (minimum unless `larger`); `scalar`: all of it in the scalar loop."""
    a, b = m.read(x), m.read(y)
    # At a tie (-0.0 and 0.0) Eigen's packets return b, its scalar loop (all of float16) a.
    if scalar:
        a_wins = (a >= b) if larger else (a <= b)
    else:
        a, b = np.broadcast_arrays(a, b)
        a_wins = ((a > b) if larger else (a < b)) | ((a == b) & ~m.vector_body(a, b))
    return m.select(np.isnan(a) | np.isnan(b), np.add(a, b), m.select(a_wins, a, b))


def _extremum(larger: bool) -> Rule:
    def rule(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
        x, y = a
        x_wins = m.ge(x, y) if larger else m.le(x, y)
        value = _max_value(m, x, y, larger)
        return value, lambda g: [m.select(x_wins, g, 0), m.select(x_wins, 0, g)]

    return rule


def _masked(m: Machine, g: Array, mask: np.ndarray) -> list[Array | None]:
    """ReluGrad and Relu6Grad: g times a 0/1 mask (a flushed g times 0 or 1 is never
    subnormal, so the product needs no flushing)."""
    return [np.multiply(m.read(g), mask, dtype=m.dtype)]


def _relu(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    (x,) = a
    zero = m.array(0)
    if not m.step:  # float16: Eigen's scalar loop throughout
        return _max_value(m, x, zero, True), lambda g: _masked(m, g, m.gt(x, zero))
    # The vector body's answer everywhere (x where it reads as positive, else +0), then the
    # scalar tail's last few elements as the general rule has them.
    value = common.positive_part(m, x, m.smallest_normal)
    flat, tail = value.reshape(-1), x.size % m.step
    if tail:
        flat[-tail:] = _max_value(m, x.reshape(-1)[-tail:], zero, True, scalar=True)
    return value, lambda g: _masked(m, g, x >= m.smallest_normal)


def _relu6(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    (x,) = a
    zero, six = m.array(0), m.array(6)
    value = _max_value(m, _max_value(m, x, zero, True), six, False)
    return value, lambda g: _masked(m, g, m.gt(x, zero) & m.lt(x, six))


def _leaky_relu(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    (x,) = a
    alpha = m.array(float(np.float32(p[0])))
    positive = m.gt(x, m.array(0))
    value = m.select(positive, x, m.mul(x, alpha))
    return value, lambda g: [m.select(positive, g, m.mul(g, alpha))]


def _clip_by_value(call: Call) -> Node:
    """tf.clip_by_value(u, low, high) is maximum(minimum(u, high), low); keras's hard_tanh is
    clip_by_value(u, -1, 1)."""
    low, high = call.params if call.name == "clamp" else (-1.0, 1.0)
    return Call("max", (Call("min", (call.args[0], Const(high))), Const(low)))


def _sign_of(m: Machine, x: Array) -> Array:
    """Eigen's sign: a subnormal (read as zero) comes back as its absolute value."""
    zero = m.array(0)
    value = m.select(m.gt(x, zero), 1, m.select(m.lt(x, zero), -1, np.abs(x)))
    return m.select(np.isnan(x), x, value)


def _abs(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    (x,) = a
    return np.abs(x), lambda g: [m.mul(g, _sign_of(m, x))]


def _sign(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    return _sign_of(m, a[0]), lambda g: [m.zeros(g)]


def _heaviside(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    (x,) = a
    zero = m.array(0)
    value = m.select(m.lt(x, zero), 0, m.select(m.gt(x, zero), 1, 0))
    return value, lambda g: [None]


def _kernel(m: Machine, x: Array, name: str) -> Array:
    """exp, sin or cos as Eigen computes it (their gradients, CosGrad's -grad * sin(x)
    included, are common.transcendental's)."""
    result: Array = getattr(eigen, name)(x)
    return result


def _softplus(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    """Softplus's registered gradient (nn_grad.py) is grad * sigmoid(x), not SoftplusGrad."""
    (x,) = a
    return eigen.softplus(x), lambda g: [m.mul(g, eigen.sigmoid(x))]


def _log(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    """LogGrad: grad * reciprocal(x), whose float kernel refines rcpps's estimate."""
    (x,) = a
    return eigen.log(x), lambda g: [m.mul(g, eigen.reciprocal(x))]


def _sqrt(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    """SqrtGrad: (0.5 / y) * grad, 0 where grad is 0 (or 0.5 * grad / y in the scalar tail)."""
    value = m.unary(np.sqrt, a[0])
    return value, lambda g: [eigen.sqrt_grad(value, g)]


def _pow(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    """x ** n is tf.pow(x, n) with n a tensor of x's dtype; PowGrad: grad * n * pow(x, n - 1)."""
    (x,), n = a, m.array(p[0])
    value = eigen.pow(x, p[0])
    below = m.sub(n, m.array(1))
    return value, lambda g: [m.mul(m.mul(g, n), eigen.pow(x, float(below)))]


def _div(m: Machine, a: list[Array], p: P) -> tuple[Array, Backward]:
    x, y = a
    return m.div(x, y), lambda g: [m.div(g, y), m.mul(g, m.div(m.div(m.neg(x), y), y))]


OPS = {
    "where": "tf.where",
    "^": "**",
    "relu": "tf.nn.relu",
    "leaky_relu": "tf.nn.leaky_relu",
    "relu6": "tf.nn.relu6",
    "hardtanh": "keras.ops.hard_tanh",
    "abs": "tf.math.abs",
    "sign": "tf.math.sign",
    "step": "tf.experimental.numpy.heaviside(x, 0)",
    "max": "tf.math.maximum",
    "min": "tf.math.minimum",
    "clamp": "tf.clip_by_value",
    "softplus": "tf.math.softplus",
    "exp": "tf.math.exp",
    "log": "tf.math.log",
    "sin": "tf.math.sin",
    "cos": "tf.math.cos",
    "sqrt": "tf.math.sqrt",
}


def _check(name: str, params: tuple[float, ...]) -> str | None:
    if name == "hardtanh" and params != (-1.0, 1.0):
        return "keras.ops.hard_tanh has fixed bounds -1, 1 (clamp is tf.clip_by_value)"
    return None


TENSORFLOW = Framework(
    name="tensorflow",
    flushes=True,
    breadth_first=True,
    composites={"clamp": _clip_by_value, "hardtanh": _clip_by_value},
    step_bytes={"float32": 32, "float64": 32},  # one AVX packet; float16 has no packet path
    ops=OPS,
    check=_check,
    rules={
        **common.shared(_kernel),
        "relu": _relu,
        "relu6": _relu6,
        "leaky_relu": _leaky_relu,
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
