"""The explorer: a program's true derivatives beside each framework's autodiff. No HTTP here."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from service.core.errors import Invalid
from service.core.programs import FRAMEWORKS, emulation, exact, syntax
from service.core.programs.examples import EXAMPLES
from service.programs.schemas import MAX_KERNEL_POINTS, ExampleInfo, ProgramRequest
from service.wire import arrays, dtypes

_WORDS = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


def _points(request: ProgramRequest) -> np.ndarray:
    numbers = [_WORDS[p] if isinstance(p, str) else p for p in request.x]
    with np.errstate(over="ignore"):
        return np.array(numbers, dtype=dtypes.BY_NAME[request.dtype].numpy)


def _framework(
    name: str, node: syntax.Node, x: np.ndarray, lower: Any, upper: Any
) -> dict[str, Any]:
    framework = FRAMEWORKS[name]
    result: dict[str, Any] = {
        "ops": syntax.written_with(node, tuple(framework.ops.items())),
        "value": None,
        "derivative": None,
        "in_subdifferential": None,
        "error": None,
    }
    try:
        run = emulation.run(framework, node, x)
    except Invalid as error:
        return {**result, "ops": None, "error": error.message}
    except emulation.NoDerivative as error:
        return {**result, "error": str(error)}
    inside = ((run.derivative >= lower) & (run.derivative <= upper)).tolist()
    known = (~np.isnan(lower) & ~np.isnan(run.derivative)).tolist()
    return {
        **result,
        "value": arrays.to_json(run.value),
        "derivative": arrays.to_json(run.derivative),
        "in_subdifferential": [i if k else None for i, k in zip(inside, known, strict=True)],
    }


def evaluate(request: ProgramRequest) -> dict[str, Any]:
    try:
        node = syntax.parse(request.program)
    except Invalid as error:
        raise error.within("body") from None
    x = _points(request)
    calls = emulation.kernel_calls(node)
    if calls * x.size > MAX_KERNEL_POINTS:
        raise Invalid(
            f"the program calls exp, log, sin, cos, sqrt, softplus or a power {calls} times, at "
            f"{x.size} points: {calls * x.size:,} kernel evaluations; at most "
            f"{MAX_KERNEL_POINTS:,} (fewer points or calls)",
            ("body", "program"),
        )
    value, left, right = exact.evaluate(node, x)
    lower, upper = np.fmin(left, right), np.fmax(left, right)
    unknown = np.isnan(left) | np.isnan(right)
    lower[unknown], upper[unknown] = np.nan, np.nan
    return {
        "program": syntax.unparse(node),
        "dtype": request.dtype,
        "x": arrays.to_json(x),
        "value": arrays.to_json(value),
        "left": arrays.to_json(left),
        "right": arrays.to_json(right),
        "lower": arrays.to_json(lower),
        "upper": arrays.to_json(upper),
        "frameworks": {
            name: _framework(name, node, x, lower, upper)
            for name in dict.fromkeys(request.frameworks)
        },
    }


def examples() -> list[ExampleInfo]:
    return [ExampleInfo(name=e.name, program=e.program, shows=e.shows) for e in EXAMPLES]
