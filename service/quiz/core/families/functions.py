"""The catalogue as the families use it: values, derivatives and kinks of its functions at single
points, and what each framework's built-in version returns at a kink."""

from __future__ import annotations

import numpy as np

from service.core import evaluate
from service.core.catalogue import CATALOGUE, Kink, Params
from service.core.conventions import Framework, kink_values

FRAMEWORK_NAMES = {"pytorch": "PyTorch", "jax": "JAX", "tensorflow": "TensorFlow"}


def value(name: str, x: float, params: Params | None = None) -> float:
    fn = CATALOGUE[name]
    return float(evaluate.value(fn, np.array([x], dtype=np.float64), fn.resolve(params))[0])


def derivative(name: str, x: float, params: Params | None = None) -> float:
    """f'(x) away from kinks (at a kink, the left derivative: callers avoid kinks)."""
    fn = CATALOGUE[name]
    resolved = fn.resolve(params)
    return float(evaluate.one_sided(fn, np.array([x], dtype=np.float64), resolved)[0][0])


def kink(name: str, index: int = 0, params: Params | None = None) -> Kink:
    fn = CATALOGUE[name]
    return fn.kinks(fn.resolve(params))[index]


def corners(name: str, params: Params, shift: float = 0.0) -> tuple[float, ...]:
    """The kinks where the function is not differentiable, moved right by `shift`."""
    fn = CATALOGUE[name]
    return tuple(k.x + shift for k in fn.kinks(fn.resolve(params)) if not k.differentiable)


def sides(at: Kink) -> tuple[float, float]:
    """The one-sided derivatives at a kink where both exist."""
    assert at.left_derivative is not None
    assert at.right_derivative is not None
    return at.left_derivative, at.right_derivative


def bounds(at: Kink) -> tuple[float, float]:
    """The ends of the subdifferential at a kink where it exists."""
    assert at.subdifferential is not None
    return at.subdifferential


def framework_at_kink(name: str, framework: Framework, params: Params | None = None) -> float:
    """What the framework's built-in version of a function with one kink returns at that kink."""
    (returned,) = kink_values(CATALOGUE[name], params or {}, framework)
    return returned


RELU = kink("relu")
RELU_LEFT, RELU_RIGHT = sides(RELU)
