"""exact.evaluate against a referee: every value and one-sided derivative within 1 ulp.

The referee interprets the program's tree itself in mpmath, 600 bits beyond the smallest step
it takes: + - * of dyadic numbers are exact there, comparisons are exact, and the piecewise
primitives follow their definitions (step(u) = 0 for u <= 0, sign(0) = 0, leaky_relu(u, a) = u
for u >= 0, clamp as min(max(u, lo), hi)). A one-sided derivative is a difference quotient
(f(x0 + s h) - f(x0)) / (s h) with h = 2^-200 times x0's binade (2^-1274 at 0, below every
subnormal's spacing), taken again with h * 2^-64: a change that does not shrink with h is a jump
(NaN), a quotient that grows as h shrinks is an infinite derivative, and no change at all is
checked again at twice the precision before it counts as a zero derivative. An output passes
when it is NaN exactly where the truth is, never -0.0, and otherwise within one ulp of the
truth, the ulp being np.spacing of the true value in the dtype.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import mpmath
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.core.errors import Invalid
from service.core.programs import exact
from service.core.programs.syntax import (
    Binary,
    Call,
    Const,
    Neg,
    Node,
    Power,
    Var,
    Where,
    children,
    parse,
    unparse,
)

MP = mpmath.MPContext()
MP.prec = 600
Mpf = Any  # mpmath has no type stubs
DTYPES: list[type[np.floating[Any]]] = [np.float32, np.float64]

# --- the referee -----------------------------------------------------------------------------

NAN = MP.mpf("nan")


def _min_max(u: Mpf, low: Mpf, high: Mpf) -> Mpf:
    return MP.mpf(min(max(u, low), high))


def _call(name: str, args: list[Mpf], params: tuple[float, ...]) -> Mpf:
    u = args[0]
    if name in ("log", "sqrt") and u < 0:
        return NAN
    if name == "log" and u == 0:
        return MP.mpf("-inf")
    primitives: dict[str, Callable[[], Mpf]] = {
        "relu": lambda: MP.mpf(max(u, 0)),
        "leaky_relu": lambda: u if u >= 0 else MP.mpf(params[0]) * u,
        "relu6": lambda: _min_max(u, 0, 6),
        "hardtanh": lambda: _min_max(u, MP.mpf(params[0]), MP.mpf(params[1])),
        "clamp": lambda: _min_max(u, MP.mpf(params[0]), MP.mpf(params[1])),
        "abs": lambda: abs(u),
        "sign": lambda: MP.mpf(0 if u == 0 else 1 if u > 0 else -1),
        "step": lambda: MP.mpf(0 if u <= 0 else 1),
        "max": lambda: MP.mpf(max(args)),
        "min": lambda: MP.mpf(min(args)),
        "softplus": lambda: MP.log1p(MP.exp(u)),
        "exp": lambda: MP.exp(u),
        "log": lambda: MP.log(u),
        "sin": lambda: MP.sin(u),
        "cos": lambda: MP.cos(u),
        "sqrt": lambda: MP.sqrt(u),
    }
    return primitives[name]()


def _holds(op: str, a: Mpf, b: Mpf) -> bool:
    return {  # type: ignore[no-any-return]
        "<": a < b,
        "<=": a <= b,
        ">": a > b,
        ">=": a >= b,
        "==": a == b,
        "!=": a != b,
    }[op]


def truth(node: Node, x: Mpf) -> Mpf:
    """The program's value at x, from its tree, at 600 bits (NaN outside its domain)."""
    match node:
        case Var():
            return x
        case Const(value):
            return MP.mpf(value)
        case Neg(arg):
            return -truth(arg, x)
        case Binary(op, left, right):
            a, b = truth(left, x), truth(right, x)
            if MP.isnan(a) or MP.isnan(b):
                return NAN
            if op == "/":
                return NAN if b == 0 else a / b
            return {"+": a + b, "-": a - b, "*": a * b}[op]
        case Power(base, exponent):
            a = truth(base, x)
            return NAN if (a == 0 and exponent < 0) or MP.isnan(a) else a**exponent
        case Call(name, args, params):
            values = [truth(arg, x) for arg in args]
            return NAN if any(MP.isnan(v) for v in values) else _call(name, values, params)
        case Where(op, left, right, then, otherwise):
            a, b = truth(left, x), truth(right, x)
            if MP.isnan(a) or MP.isnan(b):
                return NAN
            return truth(then if _holds(op, a, b) else otherwise, x)
    raise AssertionError(node)


def _step(x0: float) -> Mpf:
    """2^-200 times the binade of x0; at 0, 2^-1274, far below the smallest subnormal."""
    return MP.ldexp(1, (math.frexp(x0)[1] - 1 if x0 else -1074) - 200)


def one_sided(node: Node, x0: Mpf, f0: Mpf, h: Mpf, side: int) -> Mpf | None:
    """The derivative from the side `side` (+1 right, -1 left): NaN where there is none (a
    jump, outside the domain), None where the referee takes no view (an infinite value)."""
    if MP.isinf(f0):
        return None
    quotients, changes = [], []
    for step in (h, h * MP.ldexp(1, -64)):
        moved = truth(node, x0 + side * step)
        if MP.isnan(moved) or MP.isinf(moved):
            return NAN
        changes.append(moved - f0)
        quotients.append((moved - f0) / (side * step))
    if changes[1] == 0:
        if MP.prec > 8000:
            return MP.mpf(0)
        with MP.workprec(2 * MP.prec):  # no change: constant there, or a change too small?
            return one_sided(node, x0, truth(node, x0), h, side)
    if abs(changes[1]) > abs(changes[0]) * MP.ldexp(1, -16):  # the change does not shrink
        return NAN
    if abs(quotients[1]) > abs(quotients[0]) * MP.ldexp(1, 16):  # the slope grows without end
        return MP.mpf("inf") * MP.sign(quotients[1])
    return quotients[1]


def referee(node: Node, x: float) -> tuple[Mpf, Mpf | None, Mpf | None]:
    """(value, left, right) at x, 600 bits beyond the smallest step, so that x0 + h is exact
    and f(x0 + h) - f(x0) keeps its bits (exp(x) - 1 at 5e-324 needs some 1900)."""
    h = _step(x)
    with MP.workprec(MP.prec - int(MP.log(h, 2)) + 64):
        x0 = MP.mpf(x)
        f0 = truth(node, x0)
        if MP.isnan(f0):
            return NAN, NAN, NAN
        return +f0, one_sided(node, x0, f0, h, -1), one_sided(node, x0, f0, h, 1)


def within_an_ulp(got: np.floating[Any], true: Mpf | None, dtype: type[np.floating[Any]]) -> bool:
    if true is None:
        return True
    if MP.isnan(true) or math.isnan(got):
        return bool(MP.isnan(true) and math.isnan(got))
    if got == 0 and math.copysign(1.0, float(got)) < 0:
        return False  # never -0.0
    with np.errstate(over="ignore"):
        rounded = dtype(float(true))
    if np.isinf(rounded) or math.isinf(got):
        return bool(got == rounded)
    ulp = MP.mpf(float(np.spacing(abs(rounded))))
    return bool(abs(MP.mpf(float(got)) - true) <= ulp)


def same(got: list[float], expected: tuple[float, ...]) -> bool:
    """Equal element by element, NaN equal to NaN, -0.0 unequal to 0.0."""
    return all(
        (math.isnan(e) and math.isnan(g)) or (g == e and math.copysign(1, g) == math.copysign(1, e))
        for g, e in zip(got, expected, strict=True)
    )


def mismatches(node: Node, x: np.ndarray) -> list[str]:
    """Every output of exact.evaluate at x that is not within an ulp of the referee's."""
    value, left, right = exact.evaluate(node, x)
    assert value.dtype == left.dtype == right.dtype == x.dtype
    assert value.shape == left.shape == right.shape == x.shape
    found = []
    for i, point in enumerate(x.tolist()):
        expected = referee(node, point)
        for name, out, true in zip(
            ("value", "left", "right"), (value, left, right), expected, strict=True
        ):
            if not within_an_ulp(out[i], true, x.dtype.type):
                shown = "no view" if true is None else MP.nstr(true, 20)
                found.append(
                    f"{unparse(node)} at x = {point!r} ({x.dtype}): {name} {out[i]!r}, "
                    f"truth {shown}"
                )
    return found


def around(kinks: list[float], dtype: type[np.floating[Any]]) -> list[np.floating[Any]]:
    """Each kink in the dtype and its two neighbours."""
    points = np.array(kinks, dtype=dtype)
    return [
        *points,
        *np.nextafter(points, dtype(np.inf)),
        *np.nextafter(points, dtype(-np.inf)),
    ]


# --- curated programs --------------------------------------------------------------------------

# Each program with the points where it has a kink, a jump or an edge of its domain.
CURATED: list[tuple[str, list[float]]] = [
    ("relu(x) - relu(-x)", [0]),
    ("relu(-x) + x - relu(x)", [0]),
    ("relu(x) - relu(-x) - x", [0]),
    ("max(x, x)", [0]),
    ("min(x, -x)", [0]),
    ("abs(x)", [0]),
    ("abs(x - 1) + abs(x + 1)", [-1, 1]),
    ("x * abs(x)", [0]),
    ("relu(x)^2", [0]),
    ("relu(x^2)", [0]),
    ("relu(relu(x) - x)", [0]),
    ("where(x > 0, x, 0)", [0]),
    ("where(x <= 1, x^2, 2 * x - 1)", [1]),
    ("where(x == 0, 1, x + 1)", [0]),
    ("step(x)", [0]),
    ("sign(x)", [0]),
    ("sign(x) * x", [0]),
    ("leaky_relu(x)", [0]),
    ("leaky_relu(x, 0.2)", [0]),
    ("relu6(x)", [0, 6]),
    ("clamp(x, 0, 1)", [0, 1]),
    ("hardtanh(x, -2, 3)", [-2, 3]),
    ("hardtanh(x)", [-1, 1]),
    ("sqrt(x)", [0]),
    ("log(x)", [0, 1]),
    ("softplus(x)", [0]),
    ("max(x, 0) + log(1 + exp(-abs(x)))", [0]),
    ("exp(x) - 1", [0]),
    ("x^3 - x", [-1, 0, 1]),
    ("(relu(x) + relu(-x) + x) / 2", [0]),
    ("sin(x) * relu(x)", [0]),
    ("1 / (1 + x^2)", [0]),
    ("min(x, 1 - x)", [0.5]),
]
RNG = np.random.default_rng(20240601)
# Ordinary points and small ones (down to 1e-8), of both signs.
RANDOM = np.concatenate(
    [RNG.normal(0, 3, 10), RNG.choice([-1, 1], 10) * 10.0 ** RNG.uniform(-8, 0, 10)]
)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize(("program", "kinks"), CURATED, ids=[p for p, _ in CURATED])
def test_curated_programs(program: str, kinks: list[float], dtype: type[np.floating[Any]]) -> None:
    """At its kinks, their neighbours, ±0.0 and random points, every output is within an ulp."""
    points = [*around(kinks, dtype), dtype(0.0), dtype(-0.0), *RANDOM.astype(dtype)]
    found = mismatches(parse(program), np.array(points, dtype=dtype))
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    ("program", "x", "expected"),
    [
        ("relu(x) - relu(-x)", 0.0, (0.0, 1.0, 1.0)),
        ("relu(-x) + x - relu(x)", 0.0, (0.0, 0.0, 0.0)),
        ("max(x, x)", 0.0, (0.0, 1.0, 1.0)),
        ("abs(x)", 0.0, (0.0, -1.0, 1.0)),
        ("step(x)", 0.0, (0.0, 0.0, math.nan)),
        ("sign(x)", 0.0, (0.0, math.nan, math.nan)),
        ("where(x == 0, 5, x)", 0.0, (5.0, math.nan, math.nan)),
        ("sqrt(x)", 0.0, (0.0, math.nan, math.inf)),
        ("sqrt(x)", -1.0, (math.nan, math.nan, math.nan)),
        ("log(x)", -1.0, (math.nan, math.nan, math.nan)),
        ("clamp(x, 0, 1)", 1.0, (1.0, 1.0, 0.0)),
        ("leaky_relu(x, 0.25)", -0.0, (0.0, 0.25, 1.0)),
    ],
)
def test_known_points(program: str, x: float, expected: tuple[float, float, float]) -> None:
    """A few answers written out by hand, the referee aside."""
    got = [float(a[0]) for a in exact.evaluate(parse(program), np.array([x]))]
    assert same(got, expected), got


@pytest.mark.parametrize("dtype", [np.float16, *DTYPES])
def test_nan_in_nan_out_and_no_negative_zero(dtype: type[np.floating[Any]]) -> None:
    """NaN in gives NaN in all three outputs; -0.0 in gives +0.0 out, in x's dtype."""
    node = parse("relu(-x) + x - relu(x) + x * abs(x)")
    value, left, right = exact.evaluate(node, np.array([math.nan, -0.0, 1.0], dtype=dtype))
    for out in (value, left, right):
        assert out.dtype == dtype
        assert math.isnan(out[0])
        assert not math.isnan(out[2])
    assert math.copysign(1.0, float(value[1])) == 1.0


def test_shape_is_kept() -> None:
    """A 2-D x gives 2-D outputs, element by element."""
    x = np.array([[-1.0, 0.0], [2.0, -3.0]])
    value, left, right = exact.evaluate(parse("abs(x)"), x)
    assert value.tolist() == [[1.0, 0.0], [2.0, 3.0]]
    assert left.tolist() == [[-1.0, -1.0], [1.0, -1.0]]
    assert right.tolist() == [[-1.0, 1.0], [1.0, -1.0]]


# --- defects found by the referee, each at its smallest input --------------------------------

TINY = 5e-324  # the smallest subnormal: 1 + TINY needs 1075 bits


@pytest.mark.parametrize(
    ("program", "x"),
    [
        ("(x + 1) - 1", 1e-10),  # the value: 1 + x needs 86 bits
        ("exp(x) - 1", 1e-10),
        ("x^3 - x", float(np.nextafter(1.0, 2.0))),  # 2^-51 + 3 * 2^-104 + 2^-156
        ("where(x + 1 > 1, 1, 0)", TINY),  # the value: 1, as x > 0
        ("relu((x - 1) + 1)", TINY),  # the left derivative: 1, as x > 0
        ("hardtanh(1 + x, -2, 1) + x", TINY),  # the left derivative: 1, hardtanh is at its top
    ],
)
def test_exact_under_cancellation(program: str, x: float) -> None:
    """The truth survives a cancellation that a 64-bit long double does not: in the value, and
    in which piece a primitive's argument is in, hence in the derivatives."""
    found = mismatches(parse(program), np.array([x]))
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    ("program", "expected"),
    [
        ("where(x^5 > 0, x, -x)", (0.0, -1.0, 1.0)),  # |x|
        ("where(x^6 > 0, x, 0)", (0.0, 1.0, 1.0)),  # x
        ("step(x^5)", (0.0, 0.0, math.nan)),
        ("sign(x^5)", (0.0, math.nan, math.nan)),
    ],
)
def test_sides_decided_beyond_the_fourth_order(
    program: str, expected: tuple[float, float, float]
) -> None:
    """The side of a kink is the sign of the argument's first nonzero Taylor coefficient, even
    when that is the fifth or later (powers go to 16)."""
    got = [float(a[0]) for a in exact.evaluate(parse(program), np.array([0.0]))]
    assert same(got, expected), got
    assert not mismatches(parse(program), np.array([0.0]))


@pytest.mark.parametrize(
    ("program", "x", "dtype"),
    [("log(x)", TINY, np.float64), ("exp(x)", 100.0, np.float32), ("x * 2", 3e38, np.float32)],
)
def test_overflow_rounds_to_infinity_quietly(
    program: str, x: float, dtype: type[np.floating[Any]]
) -> None:
    """A value or derivative beyond the dtype's range is infinite, without a RuntimeWarning
    (evaluate computes under errstate, and so should it round)."""
    value, _, right = exact.evaluate(parse(program), np.array([x], dtype=dtype))
    assert math.isinf(value[0]) or math.isinf(right[0])
    assert not mismatches(parse(program), np.array([x], dtype=dtype))


def test_clamp_with_crossed_bounds_is_refused() -> None:
    """clamp(x, 1, 0) would be 0 in torch.clamp and jnp.clip but 1 in tf.clip_by_value (the
    order of its min and max), so a program with crossed bounds is refused."""
    with pytest.raises(Invalid, match="lower bound 1 is above 0"):
        parse("clamp(x, 1, 0)")


def test_left_derivative_of_a_pole() -> None:
    """1/x at 0: the left limit is -inf and the value +inf, a jump; no left derivative."""
    _, left, _ = exact.evaluate(parse("1 / x"), np.array([0.0]))
    assert math.isnan(left[0])


@pytest.mark.parametrize(
    ("program", "slope"), [("x * 3", 3.0), ("3 * x", 3.0), ("x / 0.5", 2.0), ("x + x + x", 3.0)]
)
def test_constant_factor_at_infinity(program: str, slope: float) -> None:
    """At ±inf a linear program's derivative is its slope, the limit of its derivative (as
    the catalogue has it for relu and leaky_relu), however the slope is written."""
    value, left, right = exact.evaluate(parse(program), np.array([-math.inf, math.inf]))
    assert value.tolist() == [-math.inf, math.inf]
    assert left.tolist() == [slope, slope]
    assert right.tolist() == [slope, slope]


# --- generated piecewise-linear programs ---------------------------------------------------------

DYADIC = (0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0)
PARAMS = (-2.0, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0)
COMPARISONS = ("<", "<=", ">", ">=", "==", "!=")


def _linear(expression: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    constant = st.sampled_from(DYADIC).map(Const)
    bounds = st.tuples(st.sampled_from(PARAMS), st.sampled_from(PARAMS)).map(sorted).map(tuple)
    return st.one_of(
        st.builds(Neg, expression),
        st.builds(Binary, st.sampled_from(["+", "-"]), expression, expression),
        st.builds(Binary, st.just("*"), constant, expression),
        st.builds(Binary, st.just("*"), expression, constant),
        st.builds(Call, st.sampled_from(["relu", "abs"]), st.tuples(expression)),
        st.builds(Call, st.sampled_from(["max", "min"]), st.tuples(expression, expression)),
        st.builds(Call, st.sampled_from(["clamp", "hardtanh"]), st.tuples(expression), bounds),
        st.builds(Call, st.just("relu6"), st.tuples(expression)),
        st.builds(
            Call,
            st.just("leaky_relu"),
            st.tuples(expression),
            st.tuples(st.sampled_from([0.125, 0.25, 0.5, 2.0])),
        ),
        st.builds(
            Where, st.sampled_from(COMPARISONS), expression, expression, expression, expression
        ),
    )


LEAVES = st.just(Var()) | st.sampled_from(DYADIC).map(Const)
PROGRAMS = st.recursive(LEAVES, _linear, max_leaves=8)


def _exact(node: Node, x: Fraction) -> Fraction:
    """A piecewise-linear program's value in rationals (to find its kinks)."""
    match node:
        case Var():
            return x
        case Const(value):
            return Fraction(value)
        case Neg(arg):
            return -_exact(arg, x)
        case Binary(op, left, right):
            a, b = _exact(left, x), _exact(right, x)
            return {"+": a + b, "-": a - b, "*": a * b}[op]
        case Call(name, args, params):
            u = [_exact(arg, x) for arg in args]
            bounds = {"relu": (0.0, math.inf), "relu6": (0.0, 6.0)}.get(name, params)
            if name == "abs":
                return abs(u[0])
            if name in ("max", "min"):
                return max(u) if name == "max" else min(u)
            if name == "leaky_relu":
                return u[0] if u[0] >= 0 else Fraction(params[0]) * u[0]
            low, high = bounds  # relu, relu6, clamp, hardtanh
            above = max(u[0], Fraction(low))
            return above if math.isinf(high) else min(above, Fraction(high))
        case Where(op, left, right, then, otherwise):
            chosen = _holds(op, _exact(left, x), _exact(right, x))
            return _exact(then if chosen else otherwise, x)
    raise AssertionError(node)


def _crossings(g: Callable[[Fraction], Fraction], breaks: list[Fraction]) -> set[Fraction]:
    """Where g, linear between consecutive breaks, is zero (not where it is zero throughout)."""
    edges = [breaks[0] - 4, *breaks, breaks[-1] + 4] if breaks else [Fraction(-4), Fraction(4)]
    found = set()
    for low, high in itertools.pairwise(edges):
        p, q = low + (high - low) / 3, low + 2 * (high - low) / 3
        gp, gq = g(p), g(q)
        if gp != gq:
            root = p - gp * (q - p) / (gq - gp)
            if (low <= root or low == edges[0]) and (root <= high or high == edges[-1]):
                found.add(root)
    return found


def kinks(node: Node) -> set[Fraction]:
    """Every point where a piecewise-linear program may not be differentiable (a superset)."""
    below = set().union(*[kinks(child) for child in children(node)])
    breaks = sorted(below)
    differences: list[Callable[[Fraction], Fraction]] = []
    match node:
        case Call("relu" | "abs" | "leaky_relu", (arg,)):
            differences = [lambda t: _exact(arg, t)]
        case Call("relu6", (arg,)):
            differences = [lambda t: _exact(arg, t), lambda t: _exact(arg, t) - 6]
        case Call("clamp" | "hardtanh", (arg,), (low, high)):
            differences = [lambda t: _exact(arg, t) - Fraction(low)]
            differences += [lambda t: _exact(arg, t) - Fraction(high)]
        case Call("max" | "min", (a, b)):
            differences = [lambda t: _exact(a, t) - _exact(b, t)]
        case Where(_, left, right):
            differences = [lambda t: _exact(left, t) - _exact(right, t)]
    for difference in differences:
        below |= _crossings(difference, breaks)
    return below


@settings(
    max_examples=600,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(PROGRAMS)
def test_generated_programs_at_their_kinks(node: Node) -> None:
    """At every kink of a generated piecewise-linear program and the floats either side of it,
    in float32 and float64, every output is within an ulp of the referee's."""
    found = sorted(kinks(node), key=lambda k: (abs(k.denominator), abs(k)))[:12]
    for dtype in DTYPES:
        points = np.array([*around([float(k) for k in found], dtype), 0.0], dtype=dtype)
        problems = mismatches(node, points)
        assert not problems, "\n".join(problems)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    PROGRAMS,
    st.lists(st.floats(-100, 100, allow_subnormal=False), min_size=1, max_size=4),
)
def test_generated_programs_at_random_points(node: Node, points: list[float]) -> None:
    """Away from the kinks too, in float32 and float64."""
    for dtype in DTYPES:
        problems = mismatches(node, np.array(points, dtype=dtype))
        assert not problems, "\n".join(problems)
