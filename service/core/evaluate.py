"""Vectorised evaluation of a catalogue function and its (sub)derivatives.

The element-wise contract: NaN in gives NaN out in every output, infinities
follow the limit, subnormals are kept, and no output is ever -0.0.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from service.core.catalogue import Array, Function, Kink, Params, _cut

_BoolArray = npt.NDArray[np.bool_]


def _kink_masks(fn: Function, x: Array, params: Params) -> list[tuple[Kink, _BoolArray]]:
    return [(kink, x == _cut(kink.x, x.dtype)) for kink in fn.kinks(params)]


def _flat(x: Array) -> Array:
    """A 1-D view (0-d arrays would turn every ufunc result into a scalar)."""
    return x.reshape(-1)


def value(fn: Function, x: Array, params: Params, *, in_place: bool = False) -> Array:
    flat = _flat(x)
    with np.errstate(all="ignore"):
        y = fn.value(flat, params, out=flat if in_place else None)
        np.add(y, 0, out=y)  # -0.0 + 0.0 is +0.0; every other value is unchanged
    return y.reshape(x.shape)


def _derivative_with_kinks(
    fn: Function, x: Array, params: Params, per_kink: tuple[float, ...]
) -> Array:
    flat = _flat(x)
    with np.errstate(all="ignore"):
        out = fn.derivative(flat, params)
    for (_, mask), at_kink in zip(_kink_masks(fn, flat, params), per_kink, strict=True):
        np.putmask(out, mask, at_kink)
    np.putmask(out, np.isnan(flat), np.nan)
    return out.reshape(x.shape)


def subgradient(fn: Function, x: Array, params: Params, per_kink: tuple[float, ...]) -> Array:
    """One subgradient per element; `per_kink` (from conventions.kink_values) fills the kinks."""
    return _derivative_with_kinks(fn, x, params, per_kink)


def _bounds(kinks: list[Kink], pick: int) -> tuple[float, ...]:
    return tuple(np.nan if k.subdifferential is None else k.subdifferential[pick] for k in kinks)


def interval(fn: Function, x: Array, params: Params) -> tuple[Array, Array]:
    """The subdifferential [lower, upper] per element (NaN where there is none)."""
    kinks = list(fn.kinks(params))
    return (
        _derivative_with_kinks(fn, x, params, _bounds(kinks, 0)),
        _derivative_with_kinks(fn, x, params, _bounds(kinks, 1)),
    )


def _side(kinks: list[Kink], left: bool) -> tuple[float, ...]:
    chosen = (k.left_derivative if left else k.right_derivative for k in kinks)
    return tuple(np.nan if d is None else d for d in chosen)


def one_sided(fn: Function, x: Array, params: Params) -> tuple[Array, Array]:
    """The left and right derivatives per element (NaN where one does not exist)."""
    kinks = list(fn.kinks(params))
    return (
        _derivative_with_kinks(fn, x, params, _side(kinks, True)),
        _derivative_with_kinks(fn, x, params, _side(kinks, False)),
    )


OUTPUTS = ("value", "subgradient", "lower", "upper", "left", "right")


def compute(
    fn: Function,
    x: Array,
    params: Params,
    names: tuple[str, ...],
    per_kink: tuple[float, ...] = (),
    *,
    in_place: bool = False,
) -> dict[str, Array]:
    """The named outputs for x; `in_place` lets a lone value output reuse x's memory."""
    out: dict[str, Array] = {}
    if "value" in names:
        out["value"] = value(fn, x, params, in_place=in_place and names == ("value",))
    if "subgradient" in names:
        out["subgradient"] = subgradient(fn, x, params, per_kink)
    if "lower" in names or "upper" in names:
        out["lower"], out["upper"] = interval(fn, x, params)
    if "left" in names or "right" in names:
        out["left"], out["right"] = one_sided(fn, x, params)
    return {name: out[name] for name in names}
