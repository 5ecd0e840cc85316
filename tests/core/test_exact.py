"""Exact mode: every output within 1 ulp of the true value, with mpmath as the referee.

The referee evaluates each function from its definition at 200 bits (the piecewise
functions exactly, softplus through mpmath's exp and log1p) on the very input the
service saw. An output passes when it is NaN exactly where the truth is, never -0.0,
infinite exactly where the truth rounds to an infinity in that dtype, and otherwise
within one ulp of the truth, the ulp being the spacing of the dtype at the true value.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.core import evaluate
from service.core.catalogue import CATALOGUE, Function
from service.core.conventions import kink_values

MP = mpmath.MPContext()
MP.prec = 200

DTYPES = [np.float16, np.float32, np.float64]
Mpf = Any  # mpmath has no type stubs

CASES: list[tuple[str, dict[str, float]]] = [
    ("relu", {}),
    ("leaky_relu", {}),
    ("leaky_relu", {"negative_slope": 0.2}),
    ("leaky_relu", {"negative_slope": 0.3}),
    ("relu6", {}),
    ("hardtanh", {}),
    ("hardtanh", {"min_val": -2.0, "max_val": 3.0}),
    ("hardtanh", {"min_val": -1e6, "max_val": 0.5}),
    ("abs", {}),
    ("step", {}),
    ("softplus", {}),
    ("softplus", {"beta": 0.5}),
    ("softplus", {"beta": 2.0}),
    ("softplus", {"beta": 1e6}),
    ("squared_relu", {}),
]


def _case_id(case: tuple[str, dict[str, float]]) -> str:
    name, params = case
    return name + "".join(f"-{v:g}" for v in params.values())


def _cases_and_dtypes() -> list[object]:
    return [
        pytest.param(case, dtype, id=f"{_case_id(case)}-{dtype.__name__}")
        for case in CASES
        for dtype in DTYPES
    ]


# --- the referee ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Truth:
    """f(x) and its one-sided derivatives; None where a derivative does not exist."""

    value: Mpf
    left: Mpf | None
    right: Mpf | None
    continuous: bool = True


def _piecewise(value: Mpf, left_slope: Mpf, right_slope: Mpf, jump: bool = False) -> Truth:
    return Truth(value, left_slope, None if jump else right_slope, not jump)


def _relu(x: Mpf, p: dict[str, float]) -> Truth:
    return _piecewise(max(x, 0), int(x > 0), int(x >= 0))


def _leaky_relu(x: Mpf, p: dict[str, float]) -> Truth:
    a = MP.mpf(p["negative_slope"])
    return _piecewise(x if x >= 0 else a * x, 1 if x > 0 else a, 1 if x >= 0 else a)


def _clip(x: Mpf, low: Mpf, high: Mpf) -> Truth:
    return _piecewise(min(max(x, low), high), int(low < x <= high), int(low <= x < high))


def _relu6(x: Mpf, p: dict[str, float]) -> Truth:
    return _clip(x, 0, 6)


def _hardtanh(x: Mpf, p: dict[str, float]) -> Truth:
    return _clip(x, MP.mpf(p["min_val"]), MP.mpf(p["max_val"]))


def _abs(x: Mpf, p: dict[str, float]) -> Truth:
    return _piecewise(abs(x), 1 if x > 0 else -1, 1 if x >= 0 else -1)


def _step(x: Mpf, p: dict[str, float]) -> Truth:
    return _piecewise(int(x > 0), 0, 0, jump=x == 0)


def _squared_relu(x: Mpf, p: dict[str, float]) -> Truth:
    positive = max(x, 0)
    return _piecewise(positive * positive, 2 * positive, 2 * positive)


def _softplus(x: Mpf, p: dict[str, float]) -> Truth:
    beta = MP.mpf(p["beta"])
    if MP.isinf(x):
        value, slope = (MP.inf, MP.mpf(1)) if x > 0 else (MP.mpf(0), MP.mpf(0))
    elif x >= 0:  # log(1 + e^z) = z + log(1 + e^-z): no 2^(10^308) on the way
        e = MP.exp(-beta * x)
        value, slope = x + MP.log1p(e) / beta, 1 / (1 + e)
    else:
        e = MP.exp(beta * x)
        value, slope = MP.log1p(e) / beta, e / (1 + e)
    return Truth(value, slope, slope)


REFEREE: dict[str, Callable[[Mpf, dict[str, float]], Truth]] = {
    "relu": _relu,
    "leaky_relu": _leaky_relu,
    "relu6": _relu6,
    "hardtanh": _hardtanh,
    "abs": _abs,
    "step": _step,
    "softplus": _softplus,
    "squared_relu": _squared_relu,
}


def truth(name: str, x: float, params: dict[str, float]) -> Truth | None:
    """The referee's answer at x (None for NaN: every output must be NaN)."""
    if math.isnan(x):
        return None
    return REFEREE[name](MP.mpf(x), params)


# --- ulps ----------------------------------------------------------------------------------


def ulp(t: Mpf, dtype: type[np.floating]) -> Mpf:
    """The spacing of dtype's numbers at the real number t (subnormal spacing near 0)."""
    info = np.finfo(dtype)
    exponent = info.minexp if t == 0 else max(int(MP.frexp(t)[1]) - 1, info.minexp)
    return MP.ldexp(1, exponent - info.nmant)


@functools.cache
def _overflow(dtype: type[np.floating]) -> Mpf:
    """The magnitude from which reals round to infinity: max + ulp/2 (a tie goes to inf)."""
    big = MP.mpf(float(np.finfo(dtype).max))
    return big + ulp(big, dtype) / 2


def rounds_to_infinity(t: Mpf, dtype: type[np.floating]) -> bool:
    return bool(abs(t) >= _overflow(dtype))


def ulp_error(got: float, t: Mpf | None, dtype: type[np.floating]) -> float:
    """How far got is from t in ulps; inf for a wrong NaN, infinity or sign of zero."""
    if got == 0 and math.copysign(1.0, got) < 0:
        return math.inf  # -0.0 is never an answer
    if t is None or MP.isnan(t):
        return 0.0 if math.isnan(got) else math.inf
    if math.isnan(got):
        return math.inf
    if MP.isinf(t) or rounds_to_infinity(t, dtype):
        return 0.0 if math.isinf(got) and (got > 0) == (t > 0) else math.inf
    if math.isinf(got):
        return math.inf
    return float(abs(MP.mpf(got) - t) / ulp(t, dtype))


# --- what the service answers, output by output --------------------------------------------


def outputs(
    fn: Function, x: np.ndarray, params: dict[str, float]
) -> dict[str, tuple[np.ndarray, Callable[[Truth], Mpf | None]]]:
    """Each output of the service at x, with how to read its true value off a Truth."""
    per_kink = kink_values(fn, params, "midpoint")
    left, right = evaluate.one_sided(fn, x, params)
    lower, upper = evaluate.interval(fn, x, params)
    subgradient = evaluate.subgradient(fn, x, params, per_kink)

    def bound(pick: Callable[[Mpf, Mpf], Mpf]) -> Callable[[Truth], Mpf | None]:
        def read(t: Truth) -> Mpf | None:
            if not t.continuous or t.left is None or t.right is None:
                return None
            return pick(t.left, t.right)

        return read

    return {
        "value": (evaluate.value(fn, x.copy(), params), lambda t: t.value),
        "value in place": (evaluate.value(fn, x.copy(), params, in_place=True), lambda t: t.value),
        "left": (left, lambda t: t.left),
        "right": (right, lambda t: t.right),
        "lower": (lower, bound(min)),
        "upper": (upper, bound(max)),
        # off the kinks a subgradient is the derivative; at one, the chosen midpoint
        "subgradient": (
            subgradient,
            lambda t: t.left if t.left == t.right else bound(lambda a, b: (a + b) / 2)(t),
        ),
    }


@dataclass(frozen=True)
class Miss:
    output: str
    x: float
    got: float
    true: str
    ulps: float

    def __str__(self) -> str:
        return f"{self.output}({self.x!r}) = {self.got!r}, true {self.true}: {self.ulps:.3g} ulp"


def measure(
    name: str, params: dict[str, float], xs: Iterable[float], dtype: type[np.floating]
) -> tuple[dict[str, float], list[Miss]]:
    """The worst ulp error per output, and every output more than 1 ulp off."""
    fn = CATALOGUE[name]
    params = fn.resolve(params)
    x = cast(xs, dtype)
    truths = [truth(name, float(v), params) for v in x]
    worst: dict[str, float] = {}
    misses: list[Miss] = []
    for output, (got, read) in outputs(fn, x, params).items():
        assert got.dtype == dtype, output
        worst[output] = 0.0
        for v, g, t in zip(x.tolist(), got.tolist(), truths, strict=True):
            expected = None if t is None else read(t)
            err = ulp_error(g, expected, dtype)
            worst[output] = max(worst[output], err)
            if err > 1:
                shown = "NaN" if expected is None else MP.nstr(expected, 25)
                misses.append(Miss(output, v, g, shown, err))
    return worst, misses


def assert_within_one_ulp(
    name: str, params: dict[str, float], xs: Iterable[float], dtype: type[np.floating]
) -> None:
    _, misses = measure(name, params, xs, dtype)
    assert not misses, f"{len(misses)} outputs off by more than 1 ulp:\n" + "\n".join(
        str(m) for m in misses[:20]
    )


# --- the inputs ----------------------------------------------------------------------------


def cast(values: Iterable[float], dtype: type[np.floating]) -> np.ndarray:
    """values rounded to dtype, those beyond its range to an infinity without a warning."""
    with np.errstate(over="ignore"):
        return np.array(list(values), dtype=dtype)


def _neighbours(c: float, dtype: type[np.floating]) -> list[float]:
    """c rounded to dtype and the numbers either side (both sides of c if it is not exact)."""
    at = cast([c], dtype)[0]
    down = np.nextafter(at, dtype(-math.inf), dtype=dtype)
    up = np.nextafter(at, dtype(math.inf), dtype=dtype)
    return [float(v) for v in (down, at, up)]


def edges(dtype: type[np.floating]) -> list[float]:
    info = np.finfo(dtype)
    tiny, normal, big = (
        float(info.smallest_subnormal),
        float(info.smallest_normal),
        float(info.max),
    )
    magnitudes = [0.0, tiny, 2 * tiny, normal - tiny, normal, 0.5, 1.0, big / 2, big, math.inf]
    magnitudes += [float(np.nextafter(dtype(big), dtype(0)))]
    return [s * m for m in magnitudes for s in (1.0, -1.0)] + [math.nan]


def kink_points(fn: Function, params: dict[str, float], dtype: type[np.floating]) -> list[float]:
    return [v for k in fn.kinks(fn.resolve(params)) for v in _neighbours(k.x, dtype)]


# beta * x where softplus changes regime: float16/32/64 underflow and saturation,
# the frameworks' threshold of 20, and exp's overflow and subnormal edges
SOFTPLUS_Z = [
    -1e4, -800.0, -746.0, -745.2, -745.0, -740.0, -709.8, -708.4, -708.0, -700.0,
    -200.0, -104.0, -103.3, -100.0, -88.7, -87.3, -50.0, -40.0, -37.5, -36.7, -36.0,
    -25.0, -20.0, -17.4, -16.6, -10.4, -9.7, -8.3, -5.0, -1.3650541335223725, -1.0,
    -0.5, -0.1, -1e-5, -1e-10, -1e-20, 1e-20, 1e-10, 1e-5, 0.1, 0.5, 1.0, 5.0, 7.6,
    8.3, 10.0, 15.0, 16.6, 17.4, 20.0, 25.0, 33.3, 36.0, 36.7, 37.5, 40.0, 44.4, 45.0,
    50.0, 100.0, 700.0, 710.0, 746.0, 1e4,
]  # fmt: skip

# finite x where beta * x overflows float64 though softplus(x) is about x
SOFTPLUS_OVERFLOW = [
    (2.0, 1.7976931348623157e308),
    (2.0, 1e308),
    (2.0, 9e307),
    (1e6, 1e303),
]


def softplus_points(params: dict[str, float], dtype: type[np.floating]) -> list[float]:
    beta = params.get("beta", 1.0)
    grid = np.linspace(-120.0, 50.0, 461)  # every 0.37 across the curved part
    points = [v for z in SOFTPLUS_Z for v in _neighbours(z / beta, dtype)]
    points += cast(grid / beta, dtype).tolist()
    points += [s * x for b, x in SOFTPLUS_OVERFLOW if b == beta for s in (1.0, -1.0)]
    return points


def random_points(seed: int = 0) -> list[float]:
    rng = np.random.default_rng(seed)
    return [float(v) for scale in (1.0, 10.0, 1000.0) for v in rng.standard_normal(150) * scale]


def all_points(name: str, params: dict[str, float], dtype: type[np.floating]) -> list[float]:
    points = edges(dtype) + kink_points(CATALOGUE[name], params, dtype) + random_points()
    if name == "softplus":
        points += softplus_points(params, dtype)
    return points


# --- the tests -----------------------------------------------------------------------------


@pytest.mark.parametrize(("case", "dtype"), _cases_and_dtypes())
def test_every_output_within_one_ulp(
    case: tuple[str, dict[str, float]], dtype: type[np.floating]
) -> None:
    """Edges, kinks and their neighbours, softplus's regimes and random inputs."""
    name, params = case
    assert_within_one_ulp(name, params, all_points(name, params, dtype), dtype)


@pytest.mark.parametrize(("beta", "x"), SOFTPLUS_OVERFLOW)
def test_softplus_is_finite_where_beta_times_x_overflows(beta: float, x: float) -> None:
    """softplus(x) is x + log1p(e^-bx)/b, so x itself, even when b*x is beyond float64."""
    fn = CATALOGUE["softplus"]
    params = fn.resolve({"beta": beta})
    at = np.array([x, -x])
    assert evaluate.value(fn, at.copy(), params).tolist() == [x, 0.0]
    left, right = evaluate.one_sided(fn, at, params)
    assert left.tolist() == right.tolist() == [1.0, 0.0]


def test_softplus_derivative_rounds_to_the_nearest_double() -> None:
    """The logistic at -1.3650541335223725 is 0.2034201009525947197...: 0.20342010095259472."""
    fn = CATALOGUE["softplus"]
    left, _ = evaluate.one_sided(fn, np.array([-1.3650541335223725]), fn.resolve())
    assert left.tolist() == [0.20342010095259472]  # float64 alone gave ...947, 1.07 ulp off


@pytest.mark.parametrize("beta", [1e-300, 1e-250, 1e-200, 1e-150, 1e-120])
def test_softplus_with_tiny_beta_where_its_value_is_e_to_beta_x_over_beta(beta: float) -> None:
    """With beta x below -1000 the value is still a normal float64 for a tiny beta."""
    zs = np.random.default_rng(1).uniform(-1450, -1000, 300)
    assert_within_one_ulp("softplus", {"beta": beta}, (zs / beta).tolist(), np.float64)


def test_a_kink_beyond_the_dtype_range_is_compared_without_a_warning() -> None:
    """A kink that float16 cannot hold is compared in float64, quietly (warnings are errors)."""
    fn = CATALOGUE["hardtanh"]
    params = fn.resolve({"min_val": -1e6, "max_val": 0.5})
    left, _ = evaluate.one_sided(fn, np.array([-1.0], dtype=np.float16), params)
    assert left.tolist() == [1.0]


@pytest.mark.parametrize("in_place", [False, True])
def test_leaky_relu_rounds_slope_times_x_once(in_place: bool) -> None:
    """-1.304f * 0.3 is -0.391200006008...: float32(0.3) first gave -0.39120004, 1 ulp off."""
    fn = CATALOGUE["leaky_relu"]
    params = fn.resolve({"negative_slope": 0.3})
    x = np.array([-1.304, 2.5], dtype=np.float32)
    y = evaluate.value(fn, x.copy(), params, in_place=in_place)
    assert y.tolist() == [float(np.float32(-0.3912000060081482)), 2.5]
    left, right = evaluate.one_sided(fn, x, params)
    assert left.dtype == right.dtype == np.float32
    assert left.tolist() == right.tolist() == [float(np.float32(0.3)), 1.0]


def test_referee_agrees_with_known_values() -> None:
    """The referee itself: softplus(0) = log 2, and ulp(1) in float16 is 2^-10."""
    t = truth("softplus", 0.0, {"beta": 1.0})
    assert t is not None
    assert float(t.value) == math.log(2)
    assert float(t.left) == 0.5
    assert ulp(MP.mpf(1), np.float16) == MP.mpf(2) ** -10
    assert ulp(MP.mpf(0), np.float64) == MP.mpf(float(np.finfo(np.float64).smallest_subnormal))
    assert rounds_to_infinity(MP.mpf(65520), np.float16)
    assert not rounds_to_infinity(MP.mpf(65519), np.float16)
    assert ulp_error(-0.0, MP.mpf(0), np.float64) == math.inf


def _floats(dtype: type[np.floating]) -> st.SearchStrategy[float]:
    width = {np.float16: 16, np.float32: 32, np.float64: 64}[dtype]
    return st.floats(width=width)


@pytest.mark.parametrize("dtype", DTYPES)
@settings(max_examples=120, deadline=None)
@given(data=st.data())
def test_any_input_within_one_ulp(dtype: type[np.floating], data: st.DataObject) -> None:
    """Whatever the function, parameters and inputs, within 1 ulp."""
    name, params = data.draw(st.sampled_from(CASES))
    xs = data.draw(st.lists(_floats(dtype), min_size=1, max_size=10))
    assert_within_one_ulp(name, params, xs, dtype)


@pytest.mark.parametrize("dtype", DTYPES)
@settings(max_examples=120, deadline=None)
@given(
    data=st.data(),
    beta=st.floats(min_value=0, max_value=1e6, exclude_min=True)
    | st.sampled_from([1e-300, 5e-324, 1e-120, 1e6]),
)
def test_softplus_any_beta_within_one_ulp(
    dtype: type[np.floating], beta: float, data: st.DataObject
) -> None:
    """Every beta in (0, 1e6], including the subnormal ones, at any input."""
    xs = data.draw(st.lists(_floats(dtype), min_size=1, max_size=10))
    zs = data.draw(st.lists(st.floats(-1500, 60), max_size=5))  # beta x: the curved part
    assert_within_one_ulp("softplus", {"beta": beta}, xs + [z / beta for z in zs], dtype)
