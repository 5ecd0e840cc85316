"""Programs in x: their syntax, their true one-sided derivatives, and each framework's autodiff."""

from __future__ import annotations

from service.core.programs.emulation import Framework
from service.core.programs.jax import JAX
from service.core.programs.tensorflow import TENSORFLOW
from service.core.programs.torch import PYTORCH

FRAMEWORKS: dict[str, Framework] = {f.name: f for f in (PYTORCH, JAX, TENSORFLOW)}
