"""Which subgradient to return at a kink: framework presets and explicit choices.

The presets pin, per function and kink, the value each framework's built-in op
returns as its gradient there (see the table in the project's ReLU semantics
reference; the fixture under tests/fixtures records the frameworks' real output).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, get_args

import numpy as np

from service.core.catalogue import Function, Kink, Params
from service.core.errors import Invalid

Framework = Literal["pytorch", "jax", "tensorflow"]
Convention = Literal["pytorch", "jax", "tensorflow", "left", "right", "midpoint"]
FRAMEWORKS: tuple[Framework, ...] = get_args(Framework)
CONVENTIONS: tuple[Convention, ...] = get_args(Convention)
DEFAULT_CONVENTION: Convention = "pytorch"

NAN = math.nan


@dataclass(frozen=True)
class Preset:
    """What one framework's op returns at each kink; `op` is None when it has no such op."""

    op: str | None
    at_kinks: Callable[[Params], tuple[float, ...]] = field(default=lambda params: ())
    notes: tuple[str, ...] = ()


def _constant(*values: float) -> Callable[[Params], tuple[float, ...]]:
    return lambda params: values


_NAN_AT_JUMP = (
    "there is no subgradient at the jump, so the service returns NaN at 0 whatever the preset"
)

PRESETS: dict[str, dict[Framework, Preset]] = {
    "relu": {
        "pytorch": Preset(
            "torch.nn.functional.relu",
            _constant(0.0),
            (
                "PyTorch returns -0.0 for relu(-0.0); the service always returns +0.0",
                "PyTorch's gradient at NaN is 1; the service returns NaN",
            ),
        ),
        "jax": Preset(
            "jax.nn.relu",
            _constant(0.0),
            (
                "JAX's gradient at NaN is 0; the service returns NaN",
                "JAX flushes float32 and float64 subnormals to 0 on the CPU, so jax.nn.relu and "
                "its gradient are 0 at 1.4e-45 (float32); the service returns 1.4e-45 and 1",
            ),
        ),
        "tensorflow": Preset(
            "tf.nn.relu",
            _constant(0.0),
            (
                "TensorFlow returns -0.0 for relu(-0.0); the service always returns +0.0",
                "TensorFlow's gradient at NaN is 0; the service returns NaN",
                "On the CPU TensorFlow's gradient at a float32 or float64 subnormal such as "
                "1.4e-45 is 0; the service returns 1",
            ),
        ),
    },
    "leaky_relu": {
        "pytorch": Preset(
            "torch.nn.functional.leaky_relu", lambda params: (params["negative_slope"],)
        ),
        "jax": Preset("jax.nn.leaky_relu", _constant(1.0)),
        "tensorflow": Preset(
            "tf.nn.leaky_relu",
            lambda params: (float(np.float32(params["negative_slope"])),),
            (
                "TensorFlow keeps alpha as a float32 attribute, so even in float64 it uses "
                "float32(negative_slope) in the value and gradient at every x < 0 and in the "
                "gradient at 0 (with 0.01, leaky_relu(-1.0) is -0.009999999776482582)",
            ),
        ),
    },
    "relu6": {
        "pytorch": Preset("torch.nn.functional.relu6", _constant(0.0, 0.0)),
        "jax": Preset("jax.nn.relu6", _constant(0.0, 0.0)),
        "tensorflow": Preset("tf.nn.relu6", _constant(0.0, 0.0)),
    },
    "hardtanh": {
        "pytorch": Preset("torch.nn.functional.hardtanh", _constant(0.0, 0.0)),
        "jax": Preset(
            "jax.nn.hard_tanh",
            _constant(1.0, 1.0),
            (
                "jax.nn.hard_tanh has fixed bounds -1, 1, so hardtanh with other bounds "
                "imitates no JAX op",
            ),
        ),
        "tensorflow": Preset(
            "keras.ops.hard_tanh",
            _constant(1.0, 1.0),
            (
                "keras.ops.hard_tanh has fixed bounds -1, 1, so hardtanh with other bounds "
                "imitates no TensorFlow op",
            ),
        ),
    },
    "abs": {
        "pytorch": Preset(
            "torch.abs",
            _constant(0.0),
            ("PyTorch's gradient at NaN is 0; the service returns NaN",),
        ),
        "jax": Preset(
            "jax.numpy.abs",
            _constant(1.0),
            (
                "JAX's gradient at NaN is -1; the service returns NaN",
                "JAX flushes float32 and float64 subnormals to 0 on the CPU, so its gradient "
                "at -1.4e-45 is 1; the service returns -1",
            ),
        ),
        "tensorflow": Preset(
            "tf.math.abs",
            _constant(0.0),
            (
                "On the CPU TensorFlow's gradient at a float32 or float64 subnormal such as "
                "-1.4e-45 is 0; the service returns its sign",
            ),
        ),
    },
    "step": {
        "pytorch": Preset(
            "torch.heaviside",
            _constant(NAN),
            (
                "PyTorch raises 'derivative for aten::heaviside is not implemented'",
                _NAN_AT_JUMP,
            ),
        ),
        "jax": Preset(
            "jax.numpy.heaviside",
            _constant(NAN),
            ("jax.grad of jax.numpy.heaviside is 0 at the jump too", _NAN_AT_JUMP),
        ),
        "tensorflow": Preset(
            "tf.experimental.numpy.heaviside",
            _constant(NAN),
            (
                "tf.experimental.numpy.heaviside has no gradient: tf.GradientTape returns None",
                "tf.experimental.numpy.heaviside(x, 0) is 0 at NaN; the service returns NaN",
                _NAN_AT_JUMP,
            ),
        ),
    },
    "softplus": {
        "pytorch": Preset(
            "torch.nn.functional.softplus",
            notes=(
                "torch.nn.functional.softplus has threshold = 20: where beta * x > 20 it returns "
                "x and gradient 1; the service has no threshold",
            ),
        ),
        "jax": Preset("jax.nn.softplus", notes=("jax.nn.softplus has no beta; beta = 1",)),
        "tensorflow": Preset("tf.math.softplus", notes=("tf.math.softplus has no beta; beta = 1",)),
    },
    "squared_relu": {
        "pytorch": Preset("torch.nn.functional.relu(x) ** 2", _constant(0.0)),
        "jax": Preset("jax.nn.relu(x) ** 2", _constant(0.0)),
        "tensorflow": Preset("tf.square(tf.nn.relu(x))", _constant(0.0)),
    },
}


def _fmt(value: float) -> str:
    return f"{value:g}"


def _interval_text(kink: Kink) -> str:
    sub = kink.subdifferential
    return "empty" if sub is None else f"[{_fmt(sub[0])}, {_fmt(sub[1])}]"


def _checked_at_kink(fn: Function, kinks: tuple[Kink, ...], at_kink: float) -> tuple[float, ...]:
    if not math.isfinite(at_kink):
        raise Invalid(f"at_kink must be a finite number, got {at_kink!r}", ("at_kink",))
    for kink in kinks:
        sub = kink.subdifferential
        if sub is None:
            raise Invalid(
                f"{fn.name} has no subgradient at x = {_fmt(kink.x)} (it is not continuous "
                "there), so no value can be chosen for its kink",
                ("at_kink",),
            )
        if not sub[0] <= at_kink <= sub[1]:
            raise Invalid(
                f"{_fmt(at_kink)} is not a subgradient of {fn.name} at "
                f"x = {_fmt(kink.x)}: the subdifferential there is {_interval_text(kink)}",
                ("at_kink",),
            )
    return tuple(at_kink + 0.0 for _ in kinks)  # -0.0 is 0: the service never answers -0.0


def _one_sided(kink: Kink, convention: Convention) -> float:
    left = NAN if kink.left_derivative is None else kink.left_derivative
    right = NAN if kink.right_derivative is None else kink.right_derivative
    if convention == "left":
        return left
    if convention == "right":
        return right
    return (left + right) / 2


def preset_for(fn: Function, framework: Framework) -> Preset:
    preset = PRESETS[fn.name][framework]
    if preset.op is None:
        reason = "; ".join(preset.notes)
        raise Invalid(
            f"no {framework} convention for {fn.name}: {reason}; use left, right, midpoint "
            "or an explicit at_kink",
            ("convention",),
        )
    return preset


def kink_values(
    fn: Function,
    params: Params,
    convention: Convention | None = None,
    at_kink: float | None = None,
) -> tuple[float, ...]:
    """The subgradient to return at each of fn's kinks, NaN where none exists."""
    if convention is not None and at_kink is not None:
        raise Invalid("give either convention or at_kink, not both", ("at_kink",))
    kinks = fn.kinks(params)
    if at_kink is not None:
        return _checked_at_kink(fn, kinks, at_kink)
    chosen = convention or DEFAULT_CONVENTION
    if chosen in FRAMEWORKS:
        values = preset_for(fn, chosen).at_kinks(params)
    else:
        values = tuple(_one_sided(kink, chosen) for kink in kinks)
    return tuple(
        v if k.subdifferential is not None else NAN for k, v in zip(kinks, values, strict=True)
    )
