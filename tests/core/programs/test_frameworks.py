"""The emulation against the real PyTorch, JAX and TensorFlow (the optional `frameworks` extra).

Bit for bit, NaN equal to NaN, for every catalogue function, dtype and edge set, and for
hypothesis programs built from the primitives and arithmetic, and for the frameworks' own
kernels of exp, log, sin, cos, sqrt, softplus and general powers on wide inputs at odd array
lengths (a kernel's vectorised body and its scalar tail may compute differently).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.core.errors import Invalid
from service.core.programs import FRAMEWORKS, emulation
from service.core.programs.examples import EXAMPLES, Example
from service.core.programs.syntax import Binary, Call, Const, Neg, Node, Power, Var, Where, parse

if not os.environ.get("CI"):
    pytest.importorskip("torch")
    pytest.importorskip("jax")
    pytest.importorskip("tensorflow")

from tests.conftest import ROOT
from tests.core.programs.real import RUNNERS, NoOp

DTYPES = (np.float16, np.float32, np.float64)
NAMES = tuple(FRAMEWORKS)
TRANSCENDENTAL = ("exp", "log", "sin", "cos", "sqrt", "softplus")


def edges(dtype: type[np.floating]) -> np.ndarray:
    info = np.finfo(dtype)
    kinks = np.array([0.0, 1.0, -1.0, 6.0, 0.5, 1 / 3, 20.0], dtype=dtype)
    special = [
        -np.inf,
        np.inf,
        np.nan,
        -0.0,
        0.0,
        info.smallest_subnormal,
        -info.smallest_subnormal,
        info.smallest_normal,
        -info.smallest_normal,
        info.max,
        -info.max,
        2.0,
        -2.0,
        100.0,
    ]
    rng = np.random.default_rng(7)
    return np.concatenate(
        [
            np.array(special, dtype=dtype),
            kinks,
            np.nextafter(kinks, np.array(np.inf, dtype)),
            np.nextafter(kinks, np.array(-np.inf, dtype)),
            (rng.standard_normal(40) * 3).astype(dtype),
        ]
    )


def same_bits(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    width = a.dtype.itemsize
    equal = (a.view(f"u{width}") == b.view(f"u{width}")) if a.dtype == b.dtype else a == b
    return equal | (np.isnan(a) & np.isnan(b))


def compare(framework: str, node: Node, x: np.ndarray) -> None:
    try:
        real_value, real_grad = RUNNERS[framework](node, x)
    except NoOp:
        with pytest.raises((emulation.NoDerivative, Invalid)):
            emulation.run(FRAMEWORKS[framework], node, x)
        return
    result = emulation.run(FRAMEWORKS[framework], node, x)
    for what, real, ours in (
        ("value", real_value, result.value),
        ("grad", real_grad, result.derivative),
    ):
        bad = ~same_bits(real.astype(x.dtype), ours)
        assert not bad.any(), (
            f"{framework} {what} of {node} differs at x={x[bad][:5]}: real {real[bad][:5]}, "
            f"emulated {ours[bad][:5]}"
        )


CATALOGUE = (
    "relu(x)",
    "leaky_relu(x)",
    "leaky_relu(x, 0.2)",
    "relu6(x)",
    "hardtanh(x)",
    "hardtanh(x, -2, 3)",
    "abs(x)",
    "step(x)",
    "relu(x)^2",
    "softplus(x)",
)


@pytest.mark.parametrize("framework", NAMES)
@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: d.__name__)
@pytest.mark.parametrize("program", CATALOGUE)
def test_catalogue_functions_are_bit_for_bit(framework: str, dtype: type, program: str) -> None:
    node = parse(program)
    x = edges(dtype)
    try:
        FRAMEWORKS[framework].refuse(node)
    except Exception:
        with pytest.raises(NoOp):
            RUNNERS[framework](node, x)
        return
    compare(framework, node, x)


@pytest.mark.parametrize("framework", NAMES)
@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: d.__name__)
@pytest.mark.parametrize("program", ["relu(x)", "max(x, 0)", "leaky_relu(x, 0.2)", "abs(x)"])
def test_large_arrays_are_bit_for_bit(framework: str, dtype: type, program: str) -> None:
    """Arrays long enough for the fast selects and with a scalar tail of odd length."""
    x = np.tile(edges(dtype), 200)[:20_003]
    compare(framework, parse(program), x)


@pytest.mark.parametrize("framework", NAMES)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.program)
def test_the_curated_examples_are_bit_for_bit(framework: str, example: Example) -> None:
    x = np.array([0.0, -0.0, 1.0, -1.0, 0.5, -2.0], np.float64)
    compare(framework, parse(example.program), x)


# x used several times, where the order its gradients are added in shows in the last bit:
# JAX's derivative of x + c is x's own (no op of its own), and its product, quotient, max and
# min pass their last argument's gradient first.
ORDERED = (
    "(x + 0.0) - x * x",
    "(0.5 + x) - x * x",
    "(x - 1) * x - x * x",
    "x * (x - 1) - x * x",
    "(x - 1) / x + x",
    "x / (x + 3) - x",
    "max(x + 1, 2 * x) - x",
    "min(x - 1, x * 0.5) + x",
    "where(x > 0, x + 1, x - 1) * x",
    "(x + 0.1) * (x + 0.2) * (x + 0.3) - x",
)


@pytest.mark.parametrize("framework", NAMES)
@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: d.__name__)
@pytest.mark.parametrize("program", ORDERED)
def test_gradients_reach_x_in_the_frameworks_order(
    framework: str, dtype: type, program: str
) -> None:
    x = np.array([1 / 3, 0.3333, 0.1, 2.7, -1.3, 0.0, -0.0, 1.0, -1.0, 0.5], dtype)
    compare(framework, parse(program), np.concatenate([x, np.nextafter(x, np.inf)]))


# A single point is a 0-d array, whose results numpy hands back as scalars: a float64 one
# must still be x's value, not a number of the program.
ZERO_D = ("(0.0 + abs(x)) ** -1", "abs(x) * abs(x)", "relu(x) ** -2", "(x - x) ** 3 + x")


@pytest.mark.parametrize("framework", NAMES)
@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: d.__name__)
@pytest.mark.parametrize("program", ZERO_D)
@pytest.mark.parametrize("point", [0.0, -0.0, 1.5, -2.0])
def test_a_single_point_is_x_not_a_number_of_the_program(
    framework: str, dtype: type, program: str, point: float
) -> None:
    compare(framework, parse(program), np.array(point, dtype))


PIECEWISE = ("relu", "relu6", "abs", "sign", "step")
NUMBERS = st.sampled_from([0.0, 1.0, 2.0, 0.5, 0.1, 3.0, 6.0, 0.25, 1.5])


def programs() -> st.SearchStrategy[Node]:
    leaves = st.one_of(st.just(Var()), st.just(Var()), NUMBERS.map(Const))

    def grow(inner: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
        ops = [
            st.builds(Neg, inner),
            st.builds(Binary, st.sampled_from(["+", "-", "*"]), inner, inner),
            st.builds(
                lambda a, c: Binary("/", a, Const(c)), inner, st.sampled_from([2.0, 3.0, 0.1, 7.0])
            ),
            st.builds(lambda c, a: Binary("/", Const(c), a), st.sampled_from([1.0, 3.0]), inner),
            st.builds(lambda n, a: Call(n, (a,)), st.sampled_from(PIECEWISE), inner),
            st.builds(
                lambda a, s: Call("leaky_relu", (a,), (s,)),
                inner,
                st.sampled_from([0.01, 0.2, 0.3]),
            ),
            st.builds(lambda a: Call("hardtanh", (a,), (-1.0, 1.0)), inner),
            st.builds(
                lambda n, a, b: Call(n, (a, b)), st.sampled_from(["max", "min"]), inner, inner
            ),
            st.builds(
                lambda a, lo: Call("clamp", (a,), (lo, lo + 1.0)),
                inner,
                st.sampled_from([0.0, -1.0, 0.5]),
            ),
            st.builds(
                Where,
                st.sampled_from(["<", "<=", ">", ">=", "==", "!="]),
                inner,
                inner,
                inner,
                inner,
            ),
            st.builds(Power, inner, st.sampled_from([2, 3, 4, 5, -1, -2, -3])),
            st.builds(lambda n, a: Call(n, (a,)), st.sampled_from(TRANSCENDENTAL), inner),
        ]
        return st.one_of(*ops)

    return st.recursive(leaves, grow, max_leaves=8)


POINTS = np.array([0.0, -0.0, 1.0, -1.0, 0.5, 6.0, 2.0, -3.0, 1 / 3, 1e-3, np.nan, np.inf, -np.inf])


@pytest.mark.parametrize("framework", NAMES)
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_generated_programs_are_bit_for_bit(framework: str, data: st.DataObject) -> None:
    node = data.draw(programs())
    dtype = data.draw(st.sampled_from(DTYPES))
    x = np.concatenate([POINTS, np.nextafter(POINTS[:9], np.inf)]).astype(dtype)
    compare(framework, node, x)


KERNELS = ("exp(x)", "log(x)", "sin(x)", "cos(x)", "sqrt(x)", "softplus(x)", "x^5", "x^(-3)")


def kernel_inputs(dtype: type[np.floating]) -> np.ndarray:
    """Every edge, wide normals and uniforms, and magnitudes spread over the whole range with
    both signs: the range reductions, the polynomials and the overflow edges of each kernel."""
    rng = np.random.default_rng(11)
    info = np.finfo(dtype)
    spread = np.ldexp(rng.uniform(1, 2, 2000), rng.integers(info.minexp - 10, info.maxexp, 2000))
    with np.errstate(over="ignore"):
        parts = [
            edges(dtype),
            rng.normal(0, 3, 3000),
            rng.uniform(-100, 100, 2000),
            rng.uniform(-1e4, 1e4, 1000),
            np.where(rng.random(2000) < 0.5, -1, 1) * spread,
            np.log(info.max) + rng.normal(0, 1, 200),
            np.log(info.tiny) + rng.normal(0, 1, 200),
        ]
        return np.concatenate([np.asarray(p, dtype=dtype) for p in parts])


@pytest.mark.parametrize("framework", NAMES)
@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: d.__name__)
@pytest.mark.parametrize("program", [*KERNELS, "exp(sin(x)) * log(x)", "softplus(2 * x - 1)"])
@pytest.mark.parametrize("length", [7, 17, 1003, None])
def test_kernels_are_bit_for_bit(
    framework: str, dtype: type, program: str, length: int | None
) -> None:
    """Arrays of odd lengths too: a kernel may compute a short array's last elements with
    another function than its vector body's."""
    x = kernel_inputs(dtype)
    compare(framework, parse(program), x[:length])


def test_the_recorded_fixture_equals_a_live_run(tmp_path: Path) -> None:
    """tests/fixtures/framework_kinks.json is what the recording script writes today."""
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "framework_fixture.py")],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    recorded = json.loads((ROOT / "tests" / "fixtures" / "framework_kinks.json").read_text())
    assert json.loads(run.stdout) == recorded


@pytest.mark.parametrize("framework", NAMES)
@pytest.mark.parametrize("program", ["x + 1e-40", "x * 1e-40", "max(x, 1e-40)", "x - 1e-40 * 2"])
def test_subnormal_numbers_in_a_program_are_bit_for_bit(framework: str, program: str) -> None:
    """A number that is subnormal in float32 is flushed where the framework flushes."""
    compare(framework, parse(program), edges(np.float32))


@pytest.mark.parametrize("framework", NAMES)
@pytest.mark.parametrize("dtype", [np.float32, np.float64], ids=lambda d: d.__name__)
@pytest.mark.parametrize("program", ["x * 0.125", "x / 8", "x * x", "(x - 1) * 0.5 + 1"])
def test_results_that_underflow_from_normal_inputs_are_bit_for_bit(
    framework: str, dtype: type[np.floating], program: str
) -> None:
    """No input is subnormal, yet a product or quotient is: flushed where the framework
    flushes, kept where it does not."""
    tiny = np.finfo(dtype).smallest_normal
    x = np.concatenate([edges(dtype), np.array([4, 3, -5, 2**20], dtype) * tiny])
    compare(framework, parse(program), x[~((x != 0) & (np.abs(x) < tiny))])
