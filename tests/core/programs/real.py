"""Programs run through the real frameworks' own ops and reverse-mode autodiff (the referee).

Needs the optional `frameworks` extra (torch, jax, tensorflow). Inputs are built from numpy
arrays of the exact dtype (never Python scalars, which TensorFlow caches so that -0.0 can come
back as +0.0); numbers in a program are Python floats, as a user writes them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import numpy as np

from service.core.programs.syntax import Binary, Call, Const, Neg, Node, Power, Var, Where

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
Result = tuple[np.ndarray, np.ndarray]


class NoOp(Exception):
    """The framework has no op for a primitive (or no gradient through it)."""


def _compare(op: str, a: Any, b: Any) -> Any:
    return {
        "<": lambda: a < b,
        "<=": lambda: a <= b,
        ">": lambda: a > b,
        ">=": lambda: a >= b,
        "==": lambda: a == b,
        "!=": lambda: a != b,
    }[op]()


def _arith(op: str, a: Any, b: Any) -> Any:
    return {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b, "/": lambda: a / b}[op]()


def _build(
    node: Node,
    x: Any,
    call: Callable[[str, list[Any], tuple[float, ...]], Any],
    tensor: Callable[[float], Any],
    where: Callable[[Any, Any, Any], Any],
    literal: Callable[[float], Any] | None = None,
) -> Any:
    def go(n: Node) -> Any:
        match n:
            case Var():
                return x
            case Const(value):
                return value
            case Neg(arg):
                return -go(arg)
            case Binary(op, left, right):
                a, b = go(left), go(right)
                if literal is not None and isinstance(a, float) != isinstance(b, float):
                    a, b = (literal(v) if isinstance(v, float) else v for v in (a, b))
                try:
                    return _arith(op, a, b)
                except ZeroDivisionError as error:  # a number divided by zero
                    raise NoOp(str(error)) from None
            case Power(base, exponent):
                b = go(base)
                try:
                    return b**exponent
                except (ZeroDivisionError, OverflowError) as error:  # a power of a number
                    raise NoOp(str(error)) from None
            case Call(name, args, params):
                values = [go(a) for a in args]
                values = [tensor(v) if isinstance(v, float) else v for v in values]
                return call(name, values, params)
            case Where(op, left, right, then, otherwise):
                cond = _compare(op, go(left), go(right))
                if isinstance(cond, bool):  # two numbers compared: a constant condition
                    cond = tensor(1.0 if cond else 0.0) > tensor(0.5)
                a, b = go(then), go(otherwise)
                return where(
                    cond,
                    tensor(a) if isinstance(a, float) else a,
                    tensor(b) if isinstance(b, float) else b,
                )
        raise AssertionError(n)

    return go(node)


def run_torch(node: Node, x: np.ndarray) -> Result:
    import torch
    import torch.nn.functional as F  # noqa: N812

    dtype = getattr(torch, x.dtype.name)

    def tensor(v: float) -> Any:
        return torch.from_numpy(np.array(v, dtype=x.dtype))

    def call(name: str, a: list[Any], p: tuple[float, ...]) -> Any:
        ops: dict[str, Callable[[], Any]] = {
            "relu": lambda: torch.relu(a[0]),
            "leaky_relu": lambda: F.leaky_relu(a[0], p[0]),
            "relu6": lambda: F.relu6(a[0]),
            "hardtanh": lambda: F.hardtanh(a[0], p[0], p[1]),
            "abs": lambda: torch.abs(a[0]),
            "sign": lambda: torch.sign(a[0]),
            "step": lambda: torch.heaviside(a[0], torch.zeros((), dtype=dtype)),
            "max": lambda: torch.maximum(a[0], a[1]),
            "min": lambda: torch.minimum(a[0], a[1]),
            "clamp": lambda: torch.clamp(a[0], p[0], p[1]),
            "softplus": lambda: F.softplus(a[0]),
            "exp": lambda: torch.exp(a[0]),
            "log": lambda: torch.log(a[0]),
            "sin": lambda: torch.sin(a[0]),
            "cos": lambda: torch.cos(a[0]),
            "sqrt": lambda: torch.sqrt(a[0]),
        }
        return ops[name]()

    t = torch.from_numpy(x.copy()).requires_grad_(True)
    y = _build(node, t, call, tensor, torch.where)
    if isinstance(y, float):
        y = torch.full_like(t, y)
    if y.shape != t.shape:
        y = y.expand(t.shape)
    value = y.detach().numpy().copy()
    if not y.requires_grad:
        return value, np.zeros_like(x)
    try:
        (grad,) = torch.autograd.grad(y, t, torch.ones_like(y), allow_unused=True)
    except RuntimeError as error:
        raise NoOp(str(error)) from None
    return value, np.zeros_like(x) if grad is None else grad.numpy().copy()


def run_jax(node: Node, x: np.ndarray) -> Result:
    import jax
    import jax.numpy as jnp

    jax.config.update("jax_enable_x64", True)

    def tensor(v: float) -> Any:
        return jnp.asarray(np.array(v, dtype=x.dtype))

    def call(name: str, a: list[Any], p: tuple[float, ...]) -> Any:
        if name == "hardtanh" and p != (-1.0, 1.0):
            raise NoOp("jax.nn.hard_tanh has fixed bounds -1, 1")
        ops: dict[str, Callable[[], Any]] = {
            "relu": lambda: jax.nn.relu(a[0]),
            "leaky_relu": lambda: jax.nn.leaky_relu(a[0], p[0]),
            "relu6": lambda: jax.nn.relu6(a[0]),
            "hardtanh": lambda: jax.nn.hard_tanh(a[0]),
            "abs": lambda: jnp.abs(a[0]),
            "sign": lambda: jnp.sign(a[0]),
            "step": lambda: jnp.heaviside(a[0], 0.0),
            "max": lambda: jnp.maximum(a[0], a[1]),
            "min": lambda: jnp.minimum(a[0], a[1]),
            "clamp": lambda: jnp.clip(a[0], p[0], p[1]),
            "softplus": lambda: jax.nn.softplus(a[0]),
            "exp": lambda: jnp.exp(a[0]),
            "log": lambda: jnp.log(a[0]),
            "sin": lambda: jnp.sin(a[0]),
            "cos": lambda: jnp.cos(a[0]),
            "sqrt": lambda: jnp.sqrt(a[0]),
        }
        return ops[name]()

    def f(t: Any) -> Any:
        y = _build(node, t, call, tensor, jnp.where)
        return jnp.broadcast_to(jnp.asarray(y, dtype=x.dtype), t.shape)

    value, vjp = jax.vjp(f, jnp.asarray(x))
    (grad,) = vjp(jnp.ones_like(value))
    return np.asarray(value).copy(), np.asarray(grad).copy()


def run_tensorflow(node: Node, x: np.ndarray) -> Result:
    import tensorflow as tf

    def tensor(v: float) -> Any:
        return tf.constant(np.array(v, dtype=x.dtype))

    def call(name: str, a: list[Any], p: tuple[float, ...]) -> Any:
        if name == "hardtanh":
            if p != (-1.0, 1.0):
                raise NoOp("keras.ops.hard_tanh has fixed bounds -1, 1")
            import keras

            return keras.ops.hard_tanh(a[0])
        ops: dict[str, Callable[[], Any]] = {
            "relu": lambda: tf.nn.relu(a[0]),
            "leaky_relu": lambda: tf.nn.leaky_relu(a[0], alpha=p[0]),
            "relu6": lambda: tf.nn.relu6(a[0]),
            "abs": lambda: tf.abs(a[0]),
            "sign": lambda: tf.sign(a[0]),
            "step": lambda: tf.experimental.numpy.heaviside(a[0], tensor(0.0)),
            "max": lambda: tf.maximum(a[0], a[1]),
            "min": lambda: tf.minimum(a[0], a[1]),
            "clamp": lambda: tf.clip_by_value(a[0], tensor(p[0]), tensor(p[1])),
            "softplus": lambda: tf.math.softplus(a[0]),
            "exp": lambda: tf.exp(a[0]),
            "log": lambda: tf.math.log(a[0]),
            "sin": lambda: tf.sin(a[0]),
            "cos": lambda: tf.cos(a[0]),
            "sqrt": lambda: tf.sqrt(a[0]),
        }
        return ops[name]()

    t = tf.Variable(x)
    with tf.GradientTape() as tape:
        # Numbers become tensors from numpy: TensorFlow's cache of Python-scalar constants
        # would hand back a +0.0 made earlier for a -0.0 (they compare equal).
        y = _build(node, tf.identity(t), call, tensor, tf.where, literal=tensor)
        y = tf.broadcast_to(tensor(y) if isinstance(y, float) else y, t.shape)
    grad = tape.gradient(y, t, output_gradients=tf.ones_like(y))
    value = y.numpy().copy()
    return value, np.zeros_like(x) if grad is None else grad.numpy().copy()


RUNNERS: dict[str, Callable[[Node, np.ndarray], Result]] = {
    "pytorch": run_torch,
    "jax": run_jax,
    "tensorflow": run_tensorflow,
}
