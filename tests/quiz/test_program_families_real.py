"""The code a program item shows runs in its framework and gives the item's key."""

from __future__ import annotations

import os
from typing import Any

import numpy as np
import pytest

from service.quiz.core.families import programs

if not os.environ.get("CI"):
    pytest.importorskip("torch")
    pytest.importorskip("jax")
    pytest.importorskip("tensorflow")

CASES = [
    (text, scale, shift)
    for texts in programs.PROGRAMS.values()
    for text in texts
    for scale, shift in ((1, 0.0), (2, 1.0), (-1, -1.0), (0.5, 2.0))
]


def autodiff(framework: str, code: str, at: float) -> float | None:
    """What the framework returns for the shown code's derivative at a float32 x."""
    if framework == "pytorch":
        import torch

        x = torch.tensor(at, requires_grad=True)
        eval(code, {"torch": torch, "x": x}).backward()
        return float(x.grad) if x.grad is not None else None
    if framework == "jax":
        import jax
        import jax.numpy as jnp

        def f(x: Any) -> Any:
            return eval(code, {"jax": jax, "jnp": jnp, "x": x})

        return float(jax.grad(f)(np.float32(at)))
    import keras
    import tensorflow as tf

    variable = tf.Variable(np.float32(at))
    with tf.GradientTape() as tape:
        y = eval(code, {"tf": tf, "keras": keras, "x": variable})
    grad = tape.gradient(y, variable)
    return None if grad is None else float(grad)


@pytest.mark.parametrize("framework", ["pytorch", "jax", "tensorflow"])
@pytest.mark.parametrize(("text", "scale", "shift"), CASES)
def test_the_shown_code_gives_the_key(
    framework: str, text: str, scale: float, shift: float
) -> None:
    node = programs.transformed(text, scale, shift)
    code = programs.code(framework, node)  # the item's own text, run as the learner would
    assert autodiff(framework, code, shift) == programs.returned(framework, node, shift), code
