"""Graphs of a catalogue function and of its subgradient, as a plot draws them.

A graph is polylines (broken at jumps and wherever the curve does not exist), dots (a filled
dot is a point of the graph, an open dot a limit it does not take) and vertical segments (a
subdifferential at a kink, both ends included). Points on a straight stretch are dropped, so
a piecewise-linear function costs a few points and a curve about a hundred.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from service.core import evaluate
from service.core.catalogue import CATALOGUE, Function, Kink

Point = tuple[float, float]

SAMPLES = 241
# A point is dropped when the line through its neighbours passes within this share of the
# graph's height of it: far below a pixel at any size a page draws.
FLATNESS = 1e-4
DIGITS = 6


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    filled: bool


@dataclass(frozen=True)
class Segment:
    x: float
    lower: float
    upper: float


@dataclass(frozen=True)
class Graph:
    lo: float
    hi: float
    pieces: tuple[tuple[Point, ...], ...]
    dots: tuple[Dot, ...] = ()
    segments: tuple[Segment, ...] = ()


def x_range(kinks: tuple[Kink, ...]) -> tuple[float, float]:
    """Every kink with a margin, and at least [-3.5, 3.5]."""
    xs = [k.x for k in kinks]
    return min([-2.0, *xs]) - 1.5, max([2.0, *xs]) + 1.5


def _grid(lo: float, hi: float, kinks: tuple[Kink, ...]) -> np.ndarray:
    inside = [k.x for k in kinks if lo <= k.x <= hi]
    return np.unique(np.concatenate([np.linspace(lo, hi, SAMPLES), inside])).astype(np.float64)


def _round(value: float) -> float:
    return float(f"{value:.{DIGITS}g}") + 0.0


def _simplify(points: list[Point], tolerance: float) -> tuple[Point, ...]:
    """Drops every point that lies on the straight line between the points kept around it."""
    if len(points) <= 2:
        return tuple((_round(x), _round(y)) for x, y in points)
    kept = [points[0]]
    for index in range(1, len(points) - 1):
        (x0, y0), (x1, y1), (x2, y2) = kept[-1], points[index], points[index + 1]
        on_line = y0 + (y2 - y0) * (x1 - x0) / (x2 - x0)
        if abs(on_line - y1) > tolerance:
            kept.append(points[index])
    kept.append(points[-1])
    return tuple((_round(x), _round(y)) for x, y in kept)


def _pieces(xs: np.ndarray, ys: np.ndarray, breaks: dict[float, Point | None]) -> list[list[Point]]:
    """Polylines through (x, y), broken where y is not finite and at each x in `breaks`, which
    maps a break to the (end of the left piece, start of the right piece) y values."""
    pieces: list[list[Point]] = []
    piece: list[Point] = []
    for x, y in zip(xs.tolist(), ys.tolist(), strict=True):
        if x in breaks:
            ends = breaks[x]
            if ends is not None and math.isfinite(ends[0]):
                piece.append((x, ends[0]))
            pieces.append(piece)
            piece = [(x, ends[1])] if ends is not None and math.isfinite(ends[1]) else []
        elif math.isfinite(y):
            piece.append((x, y))
        else:
            pieces.append(piece)
            piece = []
    pieces.append(piece)
    return [p for p in pieces if p]


def _graph(
    lo: float,
    hi: float,
    pieces: list[list[Point]],
    dots: list[Dot],
    segments: tuple[Segment, ...] = (),
) -> Graph:
    ys = [y for piece in pieces for _, y in piece]
    height = (max(ys) - min(ys)) if ys else 1.0
    tolerance = FLATNESS * (height or 1.0)
    return Graph(
        lo=_round(lo),
        hi=_round(hi),
        pieces=tuple(_simplify(piece, tolerance) for piece in pieces),
        dots=tuple(Dot(_round(d.x), _round(d.y), d.filled) for d in dots),
        segments=tuple(Segment(_round(s.x), _round(s.lower), _round(s.upper)) for s in segments),
    )


@dataclass(frozen=True)
class _Setting:
    fn: Function
    params: dict[str, float]
    kinks: tuple[Kink, ...]
    lo: float
    hi: float
    xs: np.ndarray


def _setting(name: str, params: tuple[tuple[str, float], ...]) -> _Setting:
    fn = CATALOGUE[name]
    resolved = fn.resolve(dict(params))
    kinks = fn.kinks(resolved)
    lo, hi = x_range(kinks)
    return _Setting(fn, resolved, kinks, lo, hi, _grid(lo, hi, kinks))


@lru_cache(maxsize=256)
def _function_graph(name: str, params: tuple[tuple[str, float], ...]) -> Graph:
    at = _setting(name, params)
    fn, kinks, lo, hi, xs = at.fn, at.kinks, at.lo, at.hi, at.xs
    ys = evaluate.value(fn, xs, at.params)
    jumps: dict[float, Point | None] = {
        k.x: (k.left_limit, k.right_limit) for k in kinks if not k.continuous
    }
    dots: list[Dot] = []
    for k in kinks:
        if k.continuous or not lo <= k.x <= hi:
            continue
        dots += [Dot(k.x, y, False) for y in sorted({k.left_limit, k.right_limit} - {k.value})]
        dots.append(Dot(k.x, k.value, True))
    return _graph(lo, hi, _pieces(xs, ys, jumps), dots)


@lru_cache(maxsize=256)
def _subgradient_graph(name: str, params: tuple[tuple[str, float], ...]) -> Graph:
    at = _setting(name, params)
    fn, kinks, lo, hi, xs = at.fn, at.kinks, at.lo, at.hi, at.xs
    with np.errstate(all="ignore"):
        ys = fn.derivative(xs, at.params)

    def side(value: float | None) -> float:
        return math.nan if value is None else value

    breaks: dict[float, Point | None] = {
        k.x: (side(k.left_derivative), side(k.right_derivative))
        for k in kinks
        if not k.differentiable
    }
    dots: list[Dot] = []
    segments: list[Segment] = []
    for k in kinks:
        if k.differentiable or not lo <= k.x <= hi:
            continue
        if k.subdifferential is not None:
            lower, upper = k.subdifferential
            segments.append(Segment(k.x, lower, upper))
            dots += [Dot(k.x, lower, True), Dot(k.x, upper, True)]
        else:  # a jump: the one-sided derivatives that exist, as limits of the curve
            dots += [
                Dot(k.x, d, False) for d in (k.left_derivative, k.right_derivative) if d is not None
            ]
    return _graph(lo, hi, _pieces(xs, ys, breaks), dots, tuple(segments))


def _key(params: dict[str, float]) -> tuple[tuple[str, float], ...]:
    return tuple(sorted(params.items()))


def function_graph(name: str, params: dict[str, float]) -> Graph:
    """The graph of f (parameters resolved and checked by the catalogue)."""
    return _function_graph(name, _key(params))


def subgradient_graph(name: str, params: dict[str, float]) -> Graph:
    """The graph of f' where it exists, with the subdifferential at every kink."""
    return _subgradient_graph(name, _key(params))
