from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.core import evaluate
from service.core.catalogue import CATALOGUE, Function
from service.core.conventions import (
    CONVENTIONS,
    FRAMEWORKS,
    PRESETS,
    Convention,
    kink_values,
)
from service.core.errors import Invalid

DTYPES = [np.float16, np.float32, np.float64]
FUNCTIONS = list(CATALOGUE.values())


def _array(values: list[float], dtype: type[np.floating]) -> np.ndarray:
    return np.array(values, dtype=dtype)


def _is_positive_zero(value: float) -> bool:
    return value == 0 and math.copysign(1.0, value) > 0


# --- the relu rows of the contract, for every dtype --------------------------------------


@pytest.mark.parametrize("dtype", DTYPES)
def test_relu_negative_inputs(dtype: type[np.floating]) -> None:
    relu = CATALOGUE["relu"]
    x = _array([-math.inf, -1e3, -1.0, -float(np.finfo(dtype).smallest_subnormal)], dtype)
    y = evaluate.value(relu, x, {})
    assert y.dtype == dtype
    assert all(_is_positive_zero(v) for v in y.tolist())
    assert evaluate.subgradient(relu, x, {}, (0.5,)).tolist() == [0, 0, 0, 0]
    lower, upper = evaluate.interval(relu, x, {})
    assert lower.tolist() == upper.tolist() == [0, 0, 0, 0]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("t", [0.0, 0.25, 0.5, 1.0])
def test_relu_at_both_zeros(dtype: type[np.floating], t: float) -> None:
    relu = CATALOGUE["relu"]
    x = _array([0.0, -0.0], dtype)
    y = evaluate.value(relu, x, {})
    assert all(_is_positive_zero(v) for v in y.tolist()), "never -0.0"
    assert evaluate.subgradient(relu, x, {}, (t,)).tolist() == [t, t]
    lower, upper = evaluate.interval(relu, x, {})
    assert lower.tolist() == [0, 0]
    assert upper.tolist() == [1, 1]


@pytest.mark.parametrize("dtype", DTYPES)
def test_relu_positive_inputs_including_subnormals(dtype: type[np.floating]) -> None:
    relu = CATALOGUE["relu"]
    tiny = np.finfo(dtype).smallest_subnormal
    x = _array([float(tiny), 1.0, 123.5, math.inf], dtype)
    y = evaluate.value(relu, x, {})
    assert y.dtype == dtype
    assert y.tolist() == x.tolist()
    assert y[0] > 0, "subnormals are not flushed"
    assert evaluate.subgradient(relu, x, {}, (0.0,)).tolist() == [1, 1, 1, 1]
    lower, upper = evaluate.interval(relu, x, {})
    assert lower.tolist() == upper.tolist() == [1, 1, 1, 1]


# --- every function, kink and dtype ------------------------------------------------------


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("fn", FUNCTIONS, ids=lambda f: f.name)
def test_nan_in_gives_nan_out_everywhere(fn: Function, dtype: type[np.floating]) -> None:
    params = fn.resolve()
    x = _array([math.nan, 1.0, math.nan], dtype)
    outputs = evaluate.compute(fn, x, params, evaluate.OUTPUTS, kink_values(fn, params, "left"))
    for name, out in outputs.items():
        assert out.dtype == dtype, name
        assert np.isnan(out[[0, 2]]).all(), name
        assert not np.isnan(out[1]), name


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("fn", FUNCTIONS, ids=lambda f: f.name)
def test_no_negative_zero_from_any_value(fn: Function, dtype: type[np.floating]) -> None:
    params = fn.resolve()
    x = _array([-0.0, 0.0, -1.0, -math.inf, 1.0], dtype)
    y = evaluate.value(fn, x, params)
    assert not any(v == 0 and math.copysign(1, v) < 0 for v in y.tolist())


INFINITY_LIMITS = {
    # name: (f(-inf), f(inf), f'(-inf), f'(inf))
    "relu": (0, math.inf, 0, 1),
    "leaky_relu": (-math.inf, math.inf, 0.01, 1),
    "relu6": (0, 6, 0, 0),
    "hardtanh": (-1, 1, 0, 0),
    "abs": (math.inf, math.inf, -1, 1),
    "step": (0, 1, 0, 0),
    "softplus": (0, math.inf, 0, 1),
    "squared_relu": (0, math.inf, 0, math.inf),
}


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("fn", FUNCTIONS, ids=lambda f: f.name)
def test_infinities_follow_the_limit(fn: Function, dtype: type[np.floating]) -> None:
    params = fn.resolve()
    x = _array([-math.inf, math.inf], dtype)
    low, high, d_low, d_high = INFINITY_LIMITS[fn.name]
    assert evaluate.value(fn, x, params).tolist() == [low, high]
    got = evaluate.subgradient(fn, x, params, kink_values(fn, params)).tolist()
    assert got == pytest.approx([d_low, d_high], rel=1e-3)


def test_leaky_relu_with_zero_slope_at_minus_infinity() -> None:
    fn = CATALOGUE["leaky_relu"]
    y = evaluate.value(fn, np.array([-math.inf]), {"negative_slope": 0.0})
    assert y.tolist() == [0.0]


def _kink_points(fn: Function, params: dict[str, float], dtype: type[np.floating]) -> list[float]:
    points = []
    for kink in fn.kinks(params):
        if float(dtype(kink.x)) == kink.x:
            points.append(kink.x)
    return points


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("convention", CONVENTIONS)
@pytest.mark.parametrize("fn", FUNCTIONS, ids=lambda f: f.name)
def test_at_each_kink(fn: Function, convention: Convention, dtype: type[np.floating]) -> None:
    params = fn.resolve()
    if convention in FRAMEWORKS and PRESETS[fn.name][convention].op is None:
        with pytest.raises(Invalid, match=r"no .* convention"):
            kink_values(fn, params, convention)
        return
    per_kink = kink_values(fn, params, convention)
    for kink, at_kink in zip(fn.kinks(params), per_kink, strict=True):
        x = _array([kink.x], dtype)
        assert evaluate.value(fn, x, params).tolist() == [dtype(kink.value)]
        sub = evaluate.subgradient(fn, x, params, per_kink)
        lower, upper = evaluate.interval(fn, x, params)
        left, right = evaluate.one_sided(fn, x, params)
        expected_left = math.nan if kink.left_derivative is None else kink.left_derivative
        expected_right = math.nan if kink.right_derivative is None else kink.right_derivative
        np.testing.assert_array_equal(left, _array([expected_left], dtype))
        np.testing.assert_array_equal(right, _array([expected_right], dtype))
        if kink.subdifferential is None:
            assert np.isnan(sub).all()
            assert np.isnan(lower).all()
            assert np.isnan(upper).all()
        else:
            np.testing.assert_array_equal(sub, _array([at_kink], dtype))
            np.testing.assert_array_equal(lower, _array([kink.subdifferential[0]], dtype))
            np.testing.assert_array_equal(upper, _array([kink.subdifferential[1]], dtype))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("fn", FUNCTIONS, ids=lambda f: f.name)
def test_one_ulp_off_a_kink_is_off_the_kink(fn: Function, dtype: type[np.floating]) -> None:
    params = fn.resolve()
    for kink in fn.kinks(params):
        if kink.left_derivative is None or kink.right_derivative is None:
            continue
        at = dtype(kink.x)
        below = np.nextafter(at, dtype(-math.inf), dtype=dtype)
        above = np.nextafter(at, dtype(math.inf), dtype=dtype)
        x = np.array([below, above], dtype=dtype)
        got = evaluate.subgradient(fn, x, params, kink_values(fn, params, "midpoint"))
        expected = [kink.left_derivative, kink.right_derivative]
        if fn.name == "squared_relu":
            assert got.tolist() == pytest.approx([0, 2 * float(above)])
        else:
            assert got.tolist() == pytest.approx(expected, rel=1e-3)


def test_kink_not_representable_in_dtype_is_never_hit() -> None:
    fn = CATALOGUE["hardtanh"]
    params = fn.resolve({"min_val": 0.1, "max_val": 0.3})
    x = np.array([0.1], dtype=np.float16)  # 0.0999755859375 < 0.1: left of the kink
    assert evaluate.subgradient(fn, x, params, (0.5, 0.5)).tolist() == [0.0]
    assert evaluate.value(fn, x, params).tolist() == [float(np.float16(0.1))]


def test_value_in_place_reuses_the_input_memory() -> None:
    x = np.array([-1.0, 2.0], dtype=np.float32)
    y = evaluate.value(CATALOGUE["relu"], x, {}, in_place=True)
    assert np.shares_memory(x, y)
    assert x.tolist() == [0.0, 2.0]


def test_zero_dimensional_input_keeps_its_shape() -> None:
    y = evaluate.value(CATALOGUE["relu"], np.array(-0.0), {})
    assert y.shape == ()
    assert _is_positive_zero(float(y))


def test_compute_returns_requested_outputs_in_order() -> None:
    x = np.array([0.0])
    out = evaluate.compute(CATALOGUE["abs"], x, {}, ("right", "value", "lower"))
    assert list(out) == ["right", "value", "lower"]
    assert [v.tolist() for v in out.values()] == [[1.0], [0.0], [-1.0]]


def test_softplus_is_accurate_in_float16() -> None:
    fn = CATALOGUE["softplus"]
    x = np.array([-20.0, 0.0, 3.0, 20.0], dtype=np.float16)
    expected = [math.log1p(math.exp(float(v))) for v in x]
    assert evaluate.value(fn, x, {"beta": 1.0}).tolist() == [float(np.float16(e)) for e in expected]


# --- properties --------------------------------------------------------------------------

finite = st.floats(min_value=-100, max_value=100, allow_nan=False, allow_infinity=False)


def _points(fn: Function, params: dict[str, float]) -> st.SearchStrategy[float]:
    kinks = [k.x for k in fn.kinks(params)]
    return finite | st.sampled_from(kinks) if kinks else finite


PARAMS = {
    "relu": {},
    "leaky_relu": {"negative_slope": 0.2},
    "relu6": {},
    "hardtanh": {"min_val": -2.0, "max_val": 0.5},
    "abs": {},
    "step": {},
    "softplus": {"beta": 2.0},
    "squared_relu": {},
}


@pytest.mark.parametrize("fn", FUNCTIONS, ids=lambda f: f.name)
@settings(max_examples=60, deadline=None)
@given(data=st.data(), t=st.floats(min_value=0, max_value=1))
def test_subgradient_lies_in_the_interval(fn: Function, data: st.DataObject, t: float) -> None:
    params = fn.resolve(PARAMS[fn.name])
    x = np.array(data.draw(st.lists(_points(fn, params), min_size=1, max_size=20)))
    lower, upper = evaluate.interval(fn, x, params)
    choices: list[tuple[float, ...]] = []
    for convention in CONVENTIONS:
        try:
            choices.append(kink_values(fn, params, convention))
        except Invalid:
            continue
    if all(k.subdifferential is not None for k in fn.kinks(params)):
        lo = max((k.subdifferential[0] for k in fn.kinks(params) if k.subdifferential), default=0)
        hi = min((k.subdifferential[1] for k in fn.kinks(params) if k.subdifferential), default=1)
        if lo <= hi:
            choices.append(kink_values(fn, params, at_kink=lo + (hi - lo) * t))
    for per_kink in choices:
        sub = evaluate.subgradient(fn, x, params, per_kink)
        defined = ~np.isnan(lower)
        assert np.all((lower[defined] <= sub[defined]) & (sub[defined] <= upper[defined]))
        assert np.isnan(sub[~defined]).all()


@pytest.mark.parametrize("fn", [f for f in FUNCTIONS if f.convex], ids=lambda f: f.name)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_left_not_above_right_where_convex(fn: Function, data: st.DataObject) -> None:
    params = fn.resolve(PARAMS[fn.name])
    x = np.array(data.draw(st.lists(_points(fn, params), min_size=1, max_size=20)))
    left, right = evaluate.one_sided(fn, x, params)
    assert np.all(left <= right)


def _quotient(fn: Function, params: dict[str, float], x: float, h: float) -> float:
    at = np.array([x, x + h])
    fx, fxh = evaluate.value(fn, at, params).tolist()
    return (fxh - fx) / h


@pytest.mark.parametrize("fn", FUNCTIONS, ids=lambda f: f.name)
@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_difference_quotients_approach_one_sided_derivatives(
    fn: Function, data: st.DataObject
) -> None:
    params = fn.resolve(PARAMS[fn.name])
    x = data.draw(_points(fn, params))
    kinks = [k.x for k in fn.kinks(params)]
    others = [abs(k - x) for k in kinks if k != x]
    h = min([1e-6, *(d / 4 for d in others)])
    if h < 1e-9:
        return  # too close to another kink to separate the pieces in float64
    left, right = (float(v[0]) for v in evaluate.one_sided(fn, np.array([x]), params))
    for side, derivative in ((h, right), (-h, left)):
        quotient = _quotient(fn, params, x, side)
        if math.isnan(derivative):
            assert abs(quotient) > 1e3, "a missing one-sided derivative is a diverging quotient"
        else:
            assert quotient == pytest.approx(derivative, abs=1e-4, rel=1e-4)
