"""Inference requests and responses: the JSON header, tensors and binary tails."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import orjson
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from service.core.errors import Invalid, Loc
from service.core.evaluate import OUTPUTS
from service.evaluation.schemas import SubgradientOptions
from service.wire import arrays, dtypes
from service.wire.arrays import FloatArray

INPUT_NAME = "x"
DEFAULT_OUTPUTS = ("value", "subgradient")
# Triton's reserved request parameters: accepted and ignored.
RESERVED_PARAMETERS = {
    "sequence_id",
    "sequence_start",
    "sequence_end",
    "priority",
    "timeout",
    "headers",
}
OPTION_PARAMETERS = {"convention", "at_kink", "emulate", "binary_data_output"}


class TensorInput(BaseModel):
    name: str
    shape: list[int]
    datatype: str
    parameters: dict[str, Any] = Field(default_factory=dict)
    data: Any = None


class RequestedOutput(BaseModel):
    name: str
    parameters: dict[str, Any] = Field(default_factory=dict)


class InferenceRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str | None = None
    parameters: dict[str, Any] = Field(default_factory=dict)
    inputs: list[TensorInput]
    outputs: list[RequestedOutput] | None = None


class RepositoryIndexRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    repository_name: str = ""
    ready: bool = False  # every model is always ready: the index is the same either way


@dataclass(frozen=True)
class Plan:
    """What a request asks for, once its header is read."""

    request: InferenceRequest
    tensor: TensorInput
    element_type: dtypes.ElementType
    shape: tuple[int, ...]
    binary_size: int | None
    outputs: tuple[str, ...]
    binary_outputs: frozenset[str]
    options: SubgradientOptions


def parse_header(raw: bytes) -> Any:
    """The JSON header; Triton's clients write NaN and Infinity as bare literals, so
    those are accepted here too (by the standard library's parser, only when needed)."""
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        try:
            return json.loads(raw)
        except (ValueError, RecursionError):
            raise Invalid(f"the inference header is not valid JSON: {exc}") from None


def repository_request(raw: bytes) -> RepositoryIndexRequest:
    """The repository index's body: a JSON object, or nothing (tritonclient sends nothing)."""
    if not raw.strip():
        return RepositoryIndexRequest()
    try:
        return RepositoryIndexRequest.model_validate(parse_header(raw))
    except ValidationError as exc:
        raise _invalid(exc) from None


def _is_true(value: Any) -> bool:
    return value is True


def in_parameters(loc: Loc) -> Loc:
    """An option's location (params.beta, at_kink) among the request's "parameters"."""
    return ("parameters", *(loc[1:] if loc[:1] == ("params",) else loc))


def _invalid(exc: ValidationError, move: Callable[[Loc], Loc] = lambda loc: loc) -> Invalid:
    first = exc.errors(include_url=False)[0]
    return Invalid(first["msg"], move(tuple(first["loc"])))


def plan(header: Any, function_param_names: tuple[str, ...], max_elements: int) -> Plan:
    """The request's plan, from its JSON header (HTTP) or the same shape built from a
    ModelInferRequest (gRPC): every rule of the protocol is checked here, once."""
    try:
        request = InferenceRequest.model_validate(header)
    except ValidationError as exc:
        raise _invalid(exc) from None
    if len(request.inputs) != 1 or request.inputs[0].name != INPUT_NAME:
        given = [t.name for t in request.inputs]
        raise Invalid(f"expected exactly one input named {INPUT_NAME!r}, got {given}")
    tensor = request.inputs[0]
    if tensor.datatype not in dtypes.BY_DATATYPE:
        raise Invalid(
            f"input x has datatype {tensor.datatype}; use one of {', '.join(dtypes.BY_DATATYPE)}"
        )
    try:
        shape = arrays.check_shape(tensor.shape, max_elements)
    except Invalid as exc:
        raise exc.within("inputs", 0, "shape") from None
    count = math.prod(shape)
    element_type = dtypes.BY_DATATYPE[tensor.datatype]
    dtype = element_type.numpy
    binary_size = tensor.parameters.get("binary_data_size")
    if binary_size is not None:
        if not isinstance(binary_size, int) or binary_size != count * dtype.itemsize:
            raise Invalid(
                f"input x: binary_data_size is {binary_size!r}, but shape {tensor.shape} of "
                f"{tensor.datatype} needs {count * dtype.itemsize} bytes"
            )
        if tensor.data is not None:
            raise Invalid("input x has both data and binary_data_size")
    elif tensor.data is None:
        raise Invalid("input x has neither data nor binary_data_size")

    unknown = (
        set(request.parameters)
        - OPTION_PARAMETERS
        - RESERVED_PARAMETERS
        - set(function_param_names)
    )
    if unknown:
        accepted = sorted(OPTION_PARAMETERS | set(function_param_names))
        raise Invalid(f"unknown request parameters {sorted(unknown)}; accepted: {accepted}")
    requested = request.outputs or [RequestedOutput(name=n) for n in DEFAULT_OUTPUTS]
    names: tuple[str, ...] = tuple(o.name for o in requested)
    bad = [n for n in names if n not in OUTPUTS]
    if bad or len(set(names)) != len(names):
        raise Invalid(f"outputs must be distinct names from {list(OUTPUTS)}, got {list(names)}")
    all_binary = _is_true(request.parameters.get("binary_data_output"))
    binary = frozenset(
        o.name for o in requested if all_binary or _is_true(o.parameters.get("binary_data"))
    )
    try:
        options = SubgradientOptions.model_validate(
            {
                "dtype": element_type.name,
                "params": {
                    k: v for k, v in request.parameters.items() if k in function_param_names
                },
                "convention": request.parameters.get("convention"),
                "at_kink": request.parameters.get("at_kink"),
                "emulate": request.parameters.get("emulate"),
            }
        )
    except ValidationError as exc:
        raise _invalid(exc, in_parameters) from None
    return Plan(
        request=request,
        tensor=tensor,
        element_type=element_type,
        shape=shape,
        binary_size=binary_size,
        outputs=names,
        binary_outputs=binary,
        options=options,
    )


def json_input(plan: Plan, max_elements: int) -> FloatArray:
    """Input x from its "data" field, flat or nested, reshaped to its declared shape."""
    try:
        array = arrays.from_json(plan.tensor.data, plan.element_type.name, max_elements)
    except Invalid as exc:
        raise exc.within("inputs", 0, "data") from None
    if array.size != math.prod(plan.shape):
        raise Invalid(
            f"input x has {array.size} elements in data, but its shape {list(plan.shape)} "
            f"needs {math.prod(plan.shape)}"
        )
    return array.reshape(plan.shape)


def binary_input(plan: Plan, data: bytes) -> FloatArray:
    """Input x from its raw little-endian bytes (their length is checked by plan), in memory
    of its own that the evaluation may overwrite."""
    x = np.empty(plan.shape, plan.element_type.numpy)
    arrays.byte_view(x)[:] = data
    return x


def response(
    plan: Plan, model_name: str, outputs: dict[str, FloatArray]
) -> tuple[bytes, list[memoryview]]:
    """The JSON header and the binary tails, in output order."""
    tensors: list[dict[str, Any]] = []
    tails: list[memoryview] = []
    for name, array in outputs.items():
        tensor: dict[str, Any] = {
            "name": name,
            "datatype": dtypes.of(array.dtype).datatype,
            "shape": list(array.shape),
        }
        if name in plan.binary_outputs:
            tail = arrays.byte_view(np.ascontiguousarray(array))
            tensor["parameters"] = {"binary_data_size": tail.nbytes}
            tails.append(tail)
        else:
            tensor["data"] = arrays.to_json(array.reshape(-1))
        tensors.append(tensor)
    body: dict[str, Any] = {"model_name": model_name, "model_version": "1", "outputs": tensors}
    if plan.request.id is not None:
        body["id"] = plan.request.id
    return orjson.dumps(body), tails
