"""The Open Inference Protocol's use cases, for /v2 over HTTP and for gRPC alike: the catalogue
as a model repository, metadata, statistics, and the one inference pipeline. No HTTP and no
gRPC here: a transport decodes its request into a Plan and x (protocol.py checks both the
same way) and encodes the outputs; everything between is this module's."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from service import __version__
from service.core.catalogue import CATALOGUE, Function, get_function
from service.core.errors import Invalid
from service.core.evaluate import OUTPUTS
from service.evaluation.service import evaluate_outputs
from service.http.threads import run_sized
from service.inference.protocol import INPUT_NAME, Plan, in_parameters
from service.inference.statistics import Statistics, Timing
from service.wire import dtypes
from service.wire.arrays import MAX_DEPTH, FloatArray

SERVER_NAME = "relu-service"
VERSION = "1"
PLATFORM = "numpy"
# What this server serves beyond the core protocol: Triton's binary tensors (HTTP), request
# parameters, the repository index (every model is always loaded: no load or unload) and
# per-model statistics.
EXTENSIONS = ("binary_tensor_data", "parameters", "model_repository", "statistics")
# The metadata gives one datatype per tensor: the service's default (float64, as under /v1).
# Every datatype in ACCEPTED is taken, and the outputs come back in the input's datatype.
DEFAULT_DATATYPE = "FP64"
ACCEPTED = tuple(t.datatype for t in dtypes.ELEMENT_TYPES)
# One axis of any length: what every client can send. The protocol has no notation for "any
# rank"; x may have from 0 to MAX_DEPTH axes, and the outputs have x's shape.
METADATA_SHAPE = (-1,)

STATISTICS = Statistics(CATALOGUE)
T = TypeVar("T")


class Unknown(LookupError):
    """No model, version or repository of that name."""


def model(name: str, version: str | None = None) -> Function:
    """The model (a catalogue function), when it and the version (if any) exist."""
    if name not in CATALOGUE:
        raise Unknown(f"no model named {name!r}; models: {', '.join(CATALOGUE)}")
    if version and version != VERSION:
        raise Unknown(f"model {name!r} has only version {VERSION}, not {version!r}")
    return get_function(name)


def server_metadata() -> dict[str, Any]:
    return {"name": SERVER_NAME, "version": __version__, "extensions": list(EXTENSIONS)}


@dataclass(frozen=True)
class TensorMetadata:
    name: str
    datatype: str
    shape: tuple[int, ...]


@dataclass(frozen=True)
class ModelMetadata:
    name: str
    versions: tuple[str, ...]
    platform: str
    inputs: tuple[TensorMetadata, ...]
    outputs: tuple[TensorMetadata, ...]
    # Not in the protocol's metadata (nor in gRPC's message): what its fields cannot say.
    parameters: dict[str, Any]


def metadata(fn: Function) -> ModelMetadata:
    def tensor(name: str) -> TensorMetadata:
        return TensorMetadata(name, DEFAULT_DATATYPE, METADATA_SHAPE)

    return ModelMetadata(
        name=fn.name,
        versions=(VERSION,),
        platform=PLATFORM,
        inputs=(tensor(INPUT_NAME),),
        outputs=tuple(tensor(output) for output in OUTPUTS),
        parameters={
            "description": f"{fn.title}: {fn.formula}",
            "datatypes": list(ACCEPTED),
            "max_rank": MAX_DEPTH,
            "function_parameters": [p.name for p in fn.params],
        },
    )


def repository_index(repository: str = "") -> list[dict[str, str]]:
    """Every model, always loaded and ready. This server has one repository, unnamed."""
    if repository:
        raise Unknown(f"no repository named {repository!r}; this server has one, unnamed")
    return [
        {"name": name, "version": VERSION, "state": "READY", "reason": ""} for name in CATALOGUE
    ]


def statistics(name: str = "", version: str = "") -> list[dict[str, Any]]:
    """Triton's model_stats: of one model, or of every model when no name is given."""
    names = [model(name, version).name] if name else list(CATALOGUE)
    return [{"name": n, "version": VERSION, **STATISTICS.of(n)} for n in names]


def describe(exc: Invalid) -> str:
    """An error's message, prefixed with where it is ("parameters.at_kink: ...")."""
    where = ".".join(map(str, exc.loc))
    return f"{where}: {exc.message}" if where else exc.message


Decode = Callable[[], Awaitable[tuple[Plan, FloatArray]]]
Encode = Callable[[Plan, str, dict[str, FloatArray]], T]


async def infer(fn: Function, decode: Decode, encode: Encode[T]) -> T:
    """Decode, evaluate, encode: one inference, timed into the model's statistics. Large
    arrays are evaluated and encoded on a worker thread; errors are Invalid (or the
    transport's own, from decode) and count as failures."""
    start = time.perf_counter_ns()
    try:
        plan, x = await decode()
        decoded = time.perf_counter_ns()

        def run() -> tuple[T, int, int, int]:
            began = time.perf_counter_ns()
            try:
                result = evaluate_outputs(
                    fn.name, x, plan.options, plan.outputs, may_overwrite_x=True
                )
            except Invalid as exc:
                raise exc.relocated(in_parameters) from None
            computed = time.perf_counter_ns()
            answer = encode(plan, fn.name, result.outputs)
            return answer, began, computed, time.perf_counter_ns()

        answer, began, computed, done = await run_sized(run, x.size)
    except BaseException:  # a cancelled request too
        STATISTICS.failed(fn.name, time.perf_counter_ns() - start)
        raise
    STATISTICS.succeeded(
        fn.name,
        Timing(
            total=done - start,
            compute_input=decoded - start,
            queue=began - decoded,
            compute_infer=computed - began,
            compute_output=done - computed,
        ),
    )
    return answer
