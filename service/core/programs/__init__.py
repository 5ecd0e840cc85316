"""Programs in x: their syntax, their true one-sided derivatives, and each framework's autodiff."""

from __future__ import annotations

from service.core.programs.emulation import Framework
from service.core.programs.jax import JAX
from service.core.programs.tensorflow import TENSORFLOW
from service.core.programs.torch import PYTORCH

FRAMEWORKS: dict[str, Framework] = {f.name: f for f in (PYTORCH, JAX, TENSORFLOW)}
# Kernels whose last bit the emulation does not reproduce: the frameworks compute them with
# their own vectorised approximations (MKL VML or SLEEF in PyTorch, XLA's and Eigen's
# polynomials), not with the C library numpy uses.
APPROXIMATE_KERNELS = ("exp", "log", "sin", "cos", "sqrt", "softplus", "pow")
