"""Programs worth running through autodiff, and what each one shows."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Example:
    name: str
    program: str
    shows: str


EXAMPLES: tuple[Example, ...] = (
    Example(
        "identity written with relu",
        "relu(x) - relu(-x)",
        "The identity: its derivative is 1 everywhere, but every framework's autodiff returns 0 "
        "at x = 0, outside the subdifferential {1}.",
    ),
    Example(
        "zero written with relu",
        "relu(-x) + x - relu(x)",
        "The zero function: autodiff returns 1 at x = 0 in every framework, where the derivative "
        "is 0 (Bolte and Pauwels: an artificial critical point, met with probability zero).",
    ),
    Example(
        "abs as relu(x) + relu(-x)",
        "relu(x) + relu(-x)",
        "Equals abs(x); autodiff returns 0 at x = 0, inside the subdifferential [-1, 1], while "
        "abs(x) itself gets 0 from PyTorch and TensorFlow and 1 from JAX.",
    ),
    Example(
        "relu as max",
        "max(x, 0)",
        "relu written as a maximum: torch.maximum and jnp.maximum split the gradient at the tie "
        "(0.5), tf.maximum gives it all to x (1), relu itself gives 0. All lie in [0, 1].",
    ),
    Example(
        "relu as where",
        "where(x > 0, x, 0)",
        "relu written with a select: the gradient at 0 follows the branch the comparison "
        "takes, here the constant 0, in every framework.",
    ),
    Example(
        "relu as clamp",
        "clamp(x, 0, 1000)",
        "torch.clamp passes the gradient at its bounds (1 at x = 0), jnp.clip splits it at the "
        "tie (0.5), tf.clip_by_value passes it (1).",
    ),
    Example(
        "relu as relu(-x) + x",
        "relu(-x) + x",
        "Equals relu(x), yet autodiff returns 1 at x = 0 where relu gives 0: the same function "
        "written two ways gets two gradients (Bolte and Pauwels).",
    ),
    Example(
        "logaddexp with max and abs",
        "max(x, 0) + log(1 + exp(-abs(x)))",
        "softplus written the stable way, as jax.numpy.logaddexp once was: the max and the "
        "abs meet at 0, where the true derivative is 1/2. PyTorch returns 0.5 (0.5 from "
        "maximum, abs'(0) = 0), JAX 0 (0.5 - 0.5, since its abs'(0) = 1) and TensorFlow 1 "
        "(maximum gives x all of it).",
    ),
    Example(
        "Kakade and Lee: a smooth function autodiff gets wrong",
        "relu(x) - relu(-x) - x",
        "The zero function again (Kakade and Lee, 2018): differentiable with derivative 0, yet "
        "autodiff returns -1 at x = 0, outside every subdifferential.",
    ),
    Example(
        "Kakade and Lee: the chain rule through a kink",
        "relu(relu(x) - x)",
        "Equals relu(-x): derivative -1 left of 0 and 0 right of it, subdifferential [-1, 0] "
        "at 0. Every framework returns 0, inside it here, but only because relu'(0) = 0 "
        "kills the inner kink's contribution.",
    ),
    Example(
        "squared relu",
        "relu(x)^2",
        "Differentiable everywhere (C1): the derivative at 0 is 0 and autodiff agrees, "
        "whatever relu'(0) is, because it is multiplied by relu(0) = 0.",
    ),
)
