"""Evaluation use cases: metadata of the catalogue, graphs and batch evaluation. No HTTP here."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Literal, TypeVar

from pydantic import BaseModel

from service.core import graphs
from service.core.catalogue import CATALOGUE, Function, Kink, get_function
from service.core.conventions import (
    CONVENTIONS,
    DEFAULT_CONVENTION,
    FRAMEWORKS,
    PRESETS,
    Convention,
    kink_values,
)
from service.core.errors import Invalid
from service.core.evaluate import compute
from service.core.programs import FRAMEWORKS as EMULATORS
from service.core.programs import emulation, syntax
from service.evaluation.schemas import (
    FunctionGraphs,
    FunctionInfo,
    Graph,
    KinkInfo,
    Mode,
    ParamInfo,
    PresetInfo,
    SubgradientOptions,
    ValueOptions,
)
from service.wire import dtypes
from service.wire.arrays import FloatArray
from service.wire.dtypes import DType

Kind = Literal["value", "subgradient"]
MODE_OUTPUTS: dict[Mode, tuple[str, ...]] = {
    "point": ("subgradient",),
    "interval": ("lower", "upper"),
    "one_sided": ("left", "right"),
}


@dataclass
class Evaluation:
    function: str
    params: dict[str, float]
    dtype: DType
    shape: tuple[int, ...]
    outputs: dict[str, FloatArray]
    mode: Mode | None = None
    convention: Convention | None = None
    at_kink: float | None = None


def _as_program(fn: Function, params: dict[str, float]) -> syntax.Node:
    """The catalogue function as the framework op it stands for."""
    x = syntax.Var()
    if fn.name == "squared_relu":
        return syntax.Power(syntax.Call("relu", (x,)), 2)
    if fn.name == "softplus" and params["beta"] != 1.0:
        raise Invalid(
            "emulate covers softplus with beta = 1 (jax.nn.softplus and tf.math.softplus have "
            "no beta)",
            ("params", "beta"),
        )
    extra = tuple(params[p.name] for p in fn.params if fn.name != "softplus")
    return syntax.Call(fn.name, (x,), extra)


def _emulated(
    fn: Function,
    params: dict[str, float],
    x: FloatArray,
    options: ValueOptions,
    names: tuple[str, ...],
) -> dict[str, FloatArray]:
    if isinstance(options, SubgradientOptions) and (
        options.convention is not None or options.at_kink is not None
    ):
        raise Invalid(
            "emulate returns the framework's own gradient: drop convention and at_kink",
            ("emulate",),
        )
    if set(names) - {"value", "subgradient"}:
        raise Invalid("emulate gives one gradient per element: use mode point", ("mode",))
    assert options.emulate is not None
    framework = EMULATORS[options.emulate]
    node = _as_program(fn, params)
    try:
        if names == ("value",):
            return {"value": emulation.forward(framework, node, x)}
        run = emulation.run(framework, node, x)
    except Invalid as error:
        raise Invalid(error.message, ("emulate",)) from None
    except emulation.NoDerivative as error:
        raise Invalid(f"{options.emulate}: {error}", ("emulate",)) from None
    found = {"value": run.value, "subgradient": run.derivative}
    return {name: found[name] for name in names}


def evaluate_outputs(
    name: str,
    x: FloatArray,
    options: ValueOptions,
    names: tuple[str, ...],
    *,
    may_overwrite_x: bool = False,
) -> Evaluation:
    """The named outputs (value, subgradient, lower, upper, left, right) for x."""
    fn = get_function(name)
    params = fn.resolve(options.params)
    result = Evaluation(fn.name, params, dtypes.of(x.dtype).name, x.shape, {})
    per_kink: tuple[float, ...] = ()
    if options.emulate is not None:
        result.outputs = _emulated(fn, params, x, options, names)
        return result
    if "subgradient" in names:
        assert isinstance(options, SubgradientOptions)
        per_kink = kink_values(fn, params, options.convention, options.at_kink)
        result.at_kink = None if options.at_kink is None else options.at_kink + 0.0
        result.convention = (
            None if options.at_kink is not None else (options.convention or DEFAULT_CONVENTION)
        )
    result.outputs = compute(fn, x, params, names, per_kink, in_place=may_overwrite_x)
    return result


def evaluate(
    name: str, x: FloatArray, options: ValueOptions, *, may_overwrite_x: bool = False
) -> Evaluation:
    """f(x), or its subgradients as the options' mode says; x's dtype is the output dtype."""
    if not isinstance(options, SubgradientOptions):
        return evaluate_outputs(name, x, options, ("value",), may_overwrite_x=may_overwrite_x)
    if options.mode != "point" and (options.convention is not None or options.at_kink is not None):
        raise Invalid(
            "convention and at_kink choose one subgradient, so they apply to mode point only, "
            f"not {options.mode}",
            ("mode",),
        )
    result = evaluate_outputs(name, x, options, MODE_OUTPUTS[options.mode])
    result.mode = options.mode
    return result


def _none_for_nan(value: float) -> float | None:
    """kink_values gives NaN at a kink where no subgradient exists; the metadata says null."""
    return None if math.isnan(value) else value


M = TypeVar("M", bound=BaseModel)


def _read(model: type[M], source: object, **given: Any) -> M:
    """The model with each field not `given` read from the attribute of that name."""
    fields = {name: getattr(source, name) for name in model.model_fields if name not in given}
    return model(**fields, **given)


def _kink_info(fn: Function, params: dict[str, float], index: int, kink: Kink) -> KinkInfo:
    conventions: dict[str, float | None] = {}
    for convention in CONVENTIONS:
        try:
            conventions[convention] = _none_for_nan(kink_values(fn, params, convention)[index])
        except Invalid:
            conventions[convention] = None
    return _read(KinkInfo, kink, conventions=conventions)


def describe(name: str, given: dict[str, float] | None = None) -> FunctionInfo:
    fn = get_function(name)
    params = fn.resolve(given)
    return FunctionInfo(
        name=fn.name,
        title=fn.title,
        formula=fn.formula,
        latex=fn.latex,
        convex=fn.convex,
        params=[_read(ParamInfo, p, range=p.range_text()) for p in fn.params],
        param_values=params,
        kinks=[_kink_info(fn, params, i, kink) for i, kink in enumerate(fn.kinks(params))],
        presets={
            framework: PresetInfo(
                op=PRESETS[fn.name][framework].op, notes=list(PRESETS[fn.name][framework].notes)
            )
            for framework in FRAMEWORKS
        },
    )


@cache
def catalogue() -> list[FunctionInfo]:
    return [describe(name) for name in CATALOGUE]


GraphOf = Literal["function", "subgradient"]


@lru_cache(maxsize=512)
def graph(name: str, params: tuple[tuple[str, float], ...], of: GraphOf) -> Graph:
    """The graph of f or of its subgradient, for resolved parameters given as sorted pairs."""
    make = graphs.function_graph if of == "function" else graphs.subgradient_graph
    return Graph.model_validate(make(name, dict(params)), from_attributes=True)


def function_graphs(name: str, given: dict[str, float] | None = None) -> FunctionGraphs:
    params = tuple(sorted(get_function(name).resolve(given).items()))
    return FunctionGraphs(
        function=graph(name, params, "function"), subgradient=graph(name, params, "subgradient")
    )
