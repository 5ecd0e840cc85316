from __future__ import annotations

import math

import pytest

from service.core.catalogue import CATALOGUE, UnknownFunction, get_function
from service.core.errors import Invalid


def test_catalogue_has_the_eight_functions() -> None:
    assert list(CATALOGUE) == [
        "relu",
        "leaky_relu",
        "relu6",
        "hardtanh",
        "abs",
        "step",
        "softplus",
        "squared_relu",
    ]


def test_unknown_function() -> None:
    with pytest.raises(UnknownFunction):
        get_function("gelu")


@pytest.mark.parametrize("name", list(CATALOGUE))
def test_every_function_declares_formulas(name: str) -> None:
    fn = CATALOGUE[name]
    assert fn.formula
    assert fn.latex
    assert fn.title


def test_relu_kink_is_continuous_not_differentiable() -> None:
    (kink,) = CATALOGUE["relu"].kinks({})
    assert (kink.x, kink.value, kink.left_limit, kink.right_limit) == (0, 0, 0, 0)
    assert (kink.left_derivative, kink.right_derivative) == (0, 1)
    assert kink.continuous
    assert not kink.differentiable
    assert kink.subdifferential == (0, 1)


@pytest.mark.parametrize(
    ("name", "params", "expected"),
    [
        ("leaky_relu", {"negative_slope": 0.2}, [(0.0, (0.2, 1.0))]),
        ("relu6", {}, [(0.0, (0.0, 1.0)), (6.0, (0.0, 1.0))]),
        ("hardtanh", {}, [(-1.0, (0.0, 1.0)), (1.0, (0.0, 1.0))]),
        ("hardtanh", {"min_val": -3, "max_val": 2}, [(-3.0, (0.0, 1.0)), (2.0, (0.0, 1.0))]),
        ("abs", {}, [(0.0, (-1.0, 1.0))]),
        ("squared_relu", {}, [(0.0, (0.0, 0.0))]),
        ("softplus", {}, []),
    ],
)
def test_subdifferentials_at_kinks(
    name: str, params: dict[str, float], expected: list[tuple[float, tuple[float, float]]]
) -> None:
    fn = CATALOGUE[name]
    kinks = fn.kinks(fn.resolve(params))
    assert [(k.x, k.subdifferential) for k in kinks] == expected


def test_relu6_kink_at_six_has_left_derivative_one() -> None:
    at_six = CATALOGUE["relu6"].kinks({})[1]
    assert (at_six.left_derivative, at_six.right_derivative) == (1.0, 0.0)
    assert at_six.value == 6.0


def test_step_is_not_continuous_at_zero() -> None:
    (kink,) = CATALOGUE["step"].kinks({})
    assert (kink.value, kink.left_limit, kink.right_limit) == (0, 0, 1)
    assert kink.left_derivative == 0
    assert kink.right_derivative is None
    assert not kink.continuous
    assert not kink.differentiable
    assert kink.subdifferential is None
    assert "not continuous" in kink.note


def test_squared_relu_breakpoint_is_differentiable() -> None:
    (kink,) = CATALOGUE["squared_relu"].kinks({})
    assert kink.differentiable
    assert kink.continuous


def test_defaults_are_filled_in() -> None:
    assert CATALOGUE["leaky_relu"].resolve({}) == {"negative_slope": 0.01}
    assert CATALOGUE["hardtanh"].resolve({"max_val": 3}) == {"min_val": -1.0, "max_val": 3.0}


@pytest.mark.parametrize(
    ("name", "params", "bad"),
    [
        ("leaky_relu", {"negative_slope": 1.0}, "negative_slope"),
        ("leaky_relu", {"negative_slope": -0.1}, "negative_slope"),
        ("leaky_relu", {"negative_slope": math.nan}, "negative_slope"),
        ("softplus", {"beta": 0.0}, "beta"),
        ("softplus", {"beta": math.inf}, "beta"),
        ("hardtanh", {"min_val": 1.0, "max_val": 1.0}, "min_val"),
        ("hardtanh", {"min_val": 2.0}, "min_val"),
        ("relu", {"negative_slope": 0.1}, "negative_slope"),
        ("relu6", {"beta": True}, "beta"),
    ],
)
def test_invalid_params_name_the_parameter(name: str, params: dict[str, float], bad: str) -> None:
    with pytest.raises(Invalid) as caught:
        CATALOGUE[name].resolve(params)
    assert caught.value.loc == ("params", bad)
    assert bad in caught.value.message


def test_boolean_param_is_refused() -> None:
    with pytest.raises(Invalid):
        CATALOGUE["leaky_relu"].resolve({"negative_slope": True})


def test_param_range_text() -> None:
    (slope,) = CATALOGUE["leaky_relu"].params
    assert slope.range_text() == "[0, 1)"
    (beta,) = CATALOGUE["softplus"].params
    assert beta.range_text() == "(0, 1e+06]"
