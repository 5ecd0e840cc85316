from __future__ import annotations

import numpy as np
import pytest

from service.core import evaluate
from service.core.catalogue import CATALOGUE
from service.core.graphs import Dot, Segment, function_graph, subgradient_graph


def test_relu_is_three_points_and_its_subgradient_two_pieces_and_a_segment() -> None:
    f = function_graph("relu", {})
    assert f.pieces == (((-3.5, 0.0), (0.0, 0.0), (3.5, 3.5)),)
    assert f.dots == ()
    g = subgradient_graph("relu", {})
    assert g.pieces == (((-3.5, 0.0), (0.0, 0.0)), ((0.0, 1.0), (3.5, 1.0)))
    assert g.segments == (Segment(0.0, 0.0, 1.0),)
    # The subdifferential is closed: its ends are filled dots.
    assert set(g.dots) == {Dot(0.0, 0.0, True), Dot(0.0, 1.0, True)}


def test_a_jump_breaks_the_line_with_the_value_filled_and_the_other_limit_open() -> None:
    f = function_graph("step", {})
    assert len(f.pieces) == 2
    assert f.pieces[0][-1] == (0.0, 0.0)
    assert f.pieces[1][0] == (0.0, 1.0)
    assert set(f.dots) == {Dot(0.0, 0.0, True), Dot(0.0, 1.0, False)}
    assert subgradient_graph("step", {}).segments == ()  # no subdifferential at a jump


def test_the_range_covers_every_kink() -> None:
    f = function_graph("relu6", {})
    assert f.lo == -3.5
    assert f.hi == 7.5
    assert len(subgradient_graph("relu6", {}).segments) == 2


@pytest.mark.parametrize("name", ["softplus", "squared_relu"])
def test_a_curve_stays_within_a_pixel_of_the_function(name: str) -> None:
    fn = CATALOGUE[name]
    params = fn.resolve({})
    (piece,) = function_graph(name, params).pieces
    assert 10 < len(piece) < 120
    xs = np.array([x for x, _ in piece])
    dense = np.linspace(xs[0], xs[-1], 2001)
    drawn = np.interp(dense, xs, [y for _, y in piece])
    exact = evaluate.value(fn, dense, params)
    height = float(exact.max() - exact.min())
    assert float(np.max(np.abs(drawn - exact))) < 2e-3 * height


def test_parameters_move_the_kinks() -> None:
    g = subgradient_graph("hardtanh", {"min_val": -2.0, "max_val": 0.5})
    assert [s.x for s in g.segments] == [-2.0, 0.5]
    leaky = subgradient_graph("leaky_relu", {"negative_slope": 0.2})
    assert leaky.segments == (Segment(0.0, 0.2, 1.0),)
