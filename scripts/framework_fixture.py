"""Record what PyTorch, JAX and TensorFlow return at the catalogue's kinks.

Run in an environment that has the frameworks (they are not dependencies of the
service), e.g.:

    python -m venv /tmp/fw && /tmp/fw/bin/pip install torch==2.13.0 jax jaxlib tensorflow-cpu
    /tmp/fw/bin/python scripts/framework_fixture.py > tests/fixtures/framework_kinks.json

For every function, framework, dtype and kink it records the gradient of the
framework's built-in op there; also relu(-0.0) and relu'(NaN), and autodiff of
the programs in the semantics reference that compute a function other than
the one their derivative suggests. Frameworks that are not installed are left
out; a framework without the op records null with the reason, and so does one
that refuses the gradient or has none (TensorFlow's tape returns None).

Every input is built from a numpy array of the exact dtype, never from a Python
scalar: TensorFlow caches constants made from Python scalars and -0.0 == 0.0, so
a tensor made from the Python float -0.0 after one made from 0.0 holds +0.0. The
script checks that each framework's input has the value and sign bit asked for.
"""

from __future__ import annotations

import json
import math
import os
import sys
from collections.abc import Callable
from typing import Any

import numpy as np

# (function, params, kinks) in the catalogue's terms
CASES: list[tuple[str, dict[str, float], list[float]]] = [
    ("relu", {}, [0.0]),
    ("leaky_relu", {"negative_slope": 0.01}, [0.0]),
    ("leaky_relu", {"negative_slope": 0.2}, [0.0]),
    ("relu6", {}, [0.0, 6.0]),
    ("hardtanh", {"min_val": -1.0, "max_val": 1.0}, [-1.0, 1.0]),
    ("abs", {}, [0.0]),
    ("step", {}, [0.0]),
    ("softplus", {"beta": 1.0}, [0.0]),
    ("squared_relu", {}, [0.0]),
]
PROGRAMS = [
    "relu(x)",
    "relu(-x) + x",
    "(relu(x) + relu(-x) + x) / 2",
    "relu(x) - relu(-x)",
    "relu(-x) + x - relu(x)",
    "relu(x) + relu(-x)",
    "relu(x)**2",
]
DTYPES = ["float16", "float32", "float64"]


def _number(value: float) -> float | str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def _exact(x: float, dtype: str) -> np.ndarray:
    """x as a 0-d numpy array of `dtype`, with x's value and sign bit (checked)."""
    a = np.array(x, dtype=dtype)
    assert a.dtype == np.dtype(dtype)
    assert bool(np.signbit(a)) == (math.copysign(1.0, x) < 0), (x, dtype)
    assert a == x or (math.isnan(x) and np.isnan(a)), (x, dtype)
    return a


def _same_input(given: np.ndarray, got: Any) -> None:
    """The framework's input holds exactly the numpy array it was built from."""
    got = np.asarray(got)
    assert got.dtype == given.dtype, (got.dtype, given.dtype)
    assert bool(np.signbit(got)) == bool(np.signbit(given)), (got, given)
    assert got == given or (np.isnan(got) and np.isnan(given)), (got, given)


def torch_ops() -> tuple[str, dict[str, Callable[..., Any] | None], Callable[..., Any]]:
    import torch
    import torch.nn.functional as F  # noqa: N812 - the name every PyTorch user knows

    ops: dict[str, Callable[..., Any] | None] = {
        "relu": lambda x, p: F.relu(x),
        "leaky_relu": lambda x, p: F.leaky_relu(x, p["negative_slope"]),
        "relu6": lambda x, p: F.relu6(x),
        "hardtanh": lambda x, p: F.hardtanh(x, p["min_val"], p["max_val"]),
        "abs": lambda x, p: torch.abs(x),
        "step": lambda x, p: torch.heaviside(x, torch.zeros_like(x)),
        "softplus": lambda x, p: F.softplus(x, p["beta"]),
        "squared_relu": lambda x, p: F.relu(x) ** 2,
    }

    def grad(
        op: Callable[..., Any], x: float, params: dict[str, float], dtype: str
    ) -> tuple[float, float]:
        given = _exact(x, dtype)
        t = torch.from_numpy(given.copy()).requires_grad_(True)
        assert t.dtype == getattr(torch, dtype)
        assert bool(torch.signbit(t)) == bool(np.signbit(given))
        _same_input(given, t.detach().numpy())
        y = op(t, params)
        y.backward()
        assert t.grad is not None
        return float(y.detach()), float(t.grad)

    return f"torch {torch.__version__}", ops, grad


def jax_ops() -> tuple[str, dict[str, Callable[..., Any] | None], Callable[..., Any]]:
    import jax

    jax.config.update("jax_enable_x64", True)  # else float64 arrays are silently float32
    import jax.numpy as jnp

    ops: dict[str, Callable[..., Any] | None] = {
        "relu": lambda x, p: jax.nn.relu(x),
        "leaky_relu": lambda x, p: jax.nn.leaky_relu(x, p["negative_slope"]),
        "relu6": lambda x, p: jax.nn.relu6(x),
        "hardtanh": lambda x, p: jax.nn.hard_tanh(x),
        "abs": lambda x, p: jnp.abs(x),
        "step": lambda x, p: jnp.heaviside(x, jnp.zeros_like(x)),
        "softplus": lambda x, p: jax.nn.softplus(x),
        "squared_relu": lambda x, p: jax.nn.relu(x) ** 2,
    }

    def grad(
        op: Callable[..., Any], x: float, params: dict[str, float], dtype: str
    ) -> tuple[float, float]:
        given = _exact(x, dtype)
        value = jnp.asarray(given)
        assert value.dtype == given.dtype, (value.dtype, given.dtype)
        _same_input(given, value)
        return float(op(value, params)), float(jax.grad(lambda v: op(v, params))(value))

    return f"jax {jax.__version__}", ops, grad


def tf_ops() -> tuple[str, dict[str, Callable[..., Any] | None], Callable[..., Any]]:
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    import keras
    import tensorflow as tf

    assert keras.backend.backend() == "tensorflow"

    def hard_tanh(x: Any, p: dict[str, float]) -> Any:
        if (p["min_val"], p["max_val"]) != (-1.0, 1.0):
            raise ValueError("keras.ops.hard_tanh has fixed bounds -1, 1")
        return keras.ops.hard_tanh(x)

    ops: dict[str, Callable[..., Any] | None] = {
        "relu": lambda x, p: tf.nn.relu(x),
        "leaky_relu": lambda x, p: tf.nn.leaky_relu(x, alpha=p["negative_slope"]),
        "relu6": lambda x, p: tf.nn.relu6(x),
        "hardtanh": hard_tanh,
        "abs": lambda x, p: tf.math.abs(x),
        "step": lambda x, p: tf.experimental.numpy.heaviside(x, tf.zeros_like(x)),
        "softplus": lambda x, p: tf.math.softplus(x),
        "squared_relu": lambda x, p: tf.square(tf.nn.relu(x)),
    }

    def grad(
        op: Callable[..., Any], x: float, params: dict[str, float], dtype: str
    ) -> tuple[float, float]:
        given = _exact(x, dtype)
        t = tf.Variable(given)
        assert t.dtype == getattr(tf, dtype)
        _same_input(given, t.numpy())
        with tf.GradientTape() as tape:
            y = op(t, params)
        gradient = tape.gradient(y, t)
        if gradient is None:
            raise LookupError("tf.GradientTape.gradient returned None: the op has no gradient")
        return float(y.numpy()), float(gradient.numpy())

    return f"tensorflow {tf.__version__}", ops, grad


FRAMEWORKS = {"pytorch": torch_ops, "jax": jax_ops, "tensorflow": tf_ops}


def _program(relu: Callable[[Any], Any], text: str) -> Callable[[Any, dict[str, float]], Any]:
    return lambda x, p: eval(text, {"relu": relu, "x": x})  # the fixed strings above


def main() -> None:
    rows: list[dict[str, Any]] = []
    versions: dict[str, str] = {}
    for framework, load in FRAMEWORKS.items():
        try:
            version, ops, grad = load()
        except ImportError as exc:
            print(f"skipping {framework}: {exc}", file=sys.stderr)
            continue
        versions[framework] = version
        relu_op = ops["relu"]
        assert relu_op is not None

        def relu(v: Any, op: Callable[..., Any] = relu_op) -> Any:
            return op(v, {})

        cases = [(name, params, kinks, ops[name]) for name, params, kinks in CASES]
        cases += [(f"program: {text}", {}, [0.0], _program(relu, text)) for text in PROGRAMS]
        for name, params, kinks, op in cases:
            for dtype in DTYPES:
                points = [("kink", k) for k in kinks]
                if name == "relu":
                    points += [("negative zero", -0.0), ("nan", math.nan)]
                for where, x in points:
                    row: dict[str, Any] = {
                        "framework": framework,
                        "function": name,
                        "params": params,
                        "dtype": dtype,
                        "point": where,
                        "x": _number(x),
                    }
                    if op is None:
                        row.update(value=None, gradient=None, error=f"{framework} has no such op")
                    else:
                        try:
                            value, gradient = grad(op, x, params, dtype)
                            row.update(
                                value=_number(value),
                                value_sign_bit=math.copysign(1.0, value) < 0,
                                gradient=_number(gradient),
                            )
                        except Exception as exc:  # a framework refusing is a fact worth recording
                            row.update(
                                value=None,
                                gradient=None,
                                error=f"{type(exc).__name__}: {exc}".strip()[:200],
                            )
                    rows.append(row)
    json.dump({"versions": versions, "rows": rows}, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
