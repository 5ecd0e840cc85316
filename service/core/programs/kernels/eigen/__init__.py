"""Transcendental kernels as TensorFlow 2.21 computes them on the CPU (Eigen), in numpy.

TensorFlow's element-wise kernels are Eigen expressions (tensorflow/core/kernels/cwise_ops.h).
The wheel is built for AVX without FMA, so Eigen's packet functions (the pinned Eigen's
Eigen/src/Core/arch/Default/GenericPacketMathFunctions.h, with arch/AVX/PacketMath.h and
MathFunctions.h) run 8 floats or 4 doubles at a time, and each pmadd is a multiply then an
add, each rounded: plain numpy arithmetic in the same order. An array's last n % 8 floats
(n % 4 doubles) take Eigen's scalar path, which calls the C library: glibc 2.36 (the glibc
package). TensorFlow sets DAZ and FTZ: arithmetic reads a subnormal as zero and writes one as
zero, while selects, sign operations and integer tests see the bits as they are.

packets.py: the executor and numbers as the instructions see them; exp_log.py: exp, log and
log1p; sincos.py: float sine and cosine; logistic.py: reciprocal and the logistic function;
power.py: pow in double-word arithmetic; ops.py: the ops TensorFlow's kernels run.
"""

from service.core.programs.kernels.eigen.ops import (
    cos,
    exp,
    log,
    pow,
    reciprocal,
    sigmoid,
    sin,
    softplus,
    sqrt_grad,
)

__all__ = ["cos", "exp", "log", "pow", "reciprocal", "sigmoid", "sin", "softplus", "sqrt_grad"]
