"""Requests and responses of the evaluation routes in JSON, .npy and raw bytes.

Reading turns a request into an array and validated options; writing turns an
Evaluation into the format the client accepts. Binary bodies are streamed into
a preallocated array and answered from the result's own memory.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import orjson
from fastapi import Request
from starlette.responses import Response

from service.core.errors import Invalid, Loc
from service.errors import Unprocessable, validated
from service.evaluation.schemas import (
    FUNCTION_PARAM_FIELDS,
    SubgradientOptions,
    SubgradientRequest,
    ValueOptions,
    ValueQuery,
    ValueRequest,
)
from service.evaluation.service import Evaluation, Kind
from service.http import structure
from service.http.body import BodyReader
from service.http.negotiation import MEDIA_TYPES, Format, body_format, response_format
from service.http.responses import BufferResponse
from service.http.structure import JsonLimits
from service.settings import Settings
from service.wire import arrays, dtypes, npy
from service.wire.arrays import FloatArray


class Source:
    """Where the options came from, to name locations as the client wrote them."""

    def __init__(self, place: str, alias: bool) -> None:
        self.place = place
        self.alias = alias

    def locate(self, loc: Loc) -> Loc:
        if self.alias and loc[:1] == ("at_kink",):
            loc = ("at_zero", *loc[1:])
        if self.place == "query" and loc[:1] == ("params",):
            loc = loc[1:]
        return (self.place, *loc)

    def error(self, exc: Invalid) -> Invalid:
        return exc.relocated(self.locate)


# Where a body field this route does not have belongs.
_BODY_HINTS = {
    **{
        name: f"{name} is a parameter of the function: send it inside params, as "
        f'{{"params": {{"{name}": ...}}}}'
        for name in FUNCTION_PARAM_FIELDS
    },
    "at_zero": "at_zero is the relu routes' name for at_kink; here it is at_kink",
    **{
        name: f"{name} chooses among subgradients: send it to the subgradient route"
        for name in ("mode", "convention", "at_kink")
    },
}


def _take_alias(data: dict[str, Any], place: str) -> None:
    """On the relu routes at_zero is another name for at_kink."""
    if data.get("at_zero") is None:
        data.pop("at_zero", None)
        return
    if data.get("at_kink") is not None:
        raise Unprocessable("give at_zero or at_kink, not both", (place, "at_zero"))
    data["at_kink"] = data.pop("at_zero")


async def _read_json(
    request: Request, kind: Kind, alias: bool, settings: Settings
) -> tuple[FloatArray, ValueOptions]:
    raw = await BodyReader(request).read_rest()
    body = structure.loads(raw.data, JsonLimits(settings.max_json_containers))
    if not isinstance(body, dict):
        raise Unprocessable('the body must be a JSON object like {"x": [...]}', ("body",))
    if alias:
        _take_alias(body, "body")
    model = ValueRequest if kind == "value" else SubgradientRequest
    options = validated(model, body, "body", _BODY_HINTS)
    assert isinstance(options, (ValueRequest, SubgradientRequest))
    try:
        x = arrays.from_json(options.x, options.dtype, settings.max_elements)
    except Invalid as exc:
        raise exc.within("body", "x") from None
    options.x = None  # the nested lists are no longer needed
    return x, options


def _query_options(query: ValueQuery, kind: Kind, dtype: str, alias: bool) -> ValueOptions:
    data: dict[str, Any] = {
        **query.model_dump(exclude_none=True, exclude={"shape", "dtype", *FUNCTION_PARAM_FIELDS}),
        "dtype": dtype,
        "params": query.given(),
    }
    if alias:
        _take_alias(data, "query")
    return validated(SubgradientOptions if kind == "subgradient" else ValueOptions, data, "query")


async def _read_npy(reader: BodyReader, query: ValueQuery, settings: Settings) -> FloatArray:
    for name in ("dtype", "shape"):
        if getattr(query, name) is not None:
            raise Unprocessable(
                f"a .npy body carries its own {name}; drop the query parameter", ("query", name)
            )
    prefix = await reader.read_exactly(npy.PREFIX, ".npy header")
    try:
        length = npy.header_length(prefix)
        header = prefix + await reader.read_exactly(length - npy.PREFIX, ".npy header")
        dtype, shape, fortran = npy.parse_header(header, settings.max_elements)
    except Invalid as exc:
        raise exc.within("body") from None
    array: FloatArray = np.empty(shape, dtype, order="F" if fortran else "C")
    await reader.read_into(arrays.byte_view(array), ".npy data")
    if not dtype.isnative:
        array = array.astype(dtype.newbyteorder("="))
    return array


async def _read_raw(reader: BodyReader, query: ValueQuery, settings: Settings) -> FloatArray:
    if query.dtype is None:
        # Raw bytes say nothing of their type: read with a guessed one, they would be garbage.
        raise Unprocessable(
            "raw bytes need their element type: add dtype=float16, float32 or float64",
            ("query", "dtype"),
        )
    dtype = dtypes.BY_NAME[query.dtype].numpy
    try:
        shape = arrays.parse_shape(query.shape, settings.max_elements)
    except Invalid as exc:
        raise exc.within("query", "shape") from None
    if shape is None and reader.declared is None:
        data = await reader.read_rest()
        if data.size % dtype.itemsize:
            raise Unprocessable(
                f"{data.size} bytes is not a whole number of {dtype.name} elements", ("body",)
            )
        arrays.too_many(data.size // dtype.itemsize, settings.max_elements)
        return data.view(dtype)
    if shape is None:
        assert reader.declared is not None
        if reader.declared % dtype.itemsize:
            raise Unprocessable(
                f"{reader.declared} bytes is not a whole number of {dtype.name} elements",
                ("body",),
            )
        shape = (reader.declared // dtype.itemsize,)
    arrays.too_many(math.prod(shape), settings.max_elements)
    expected = math.prod(shape) * dtype.itemsize
    if reader.declared is not None and reader.declared != expected:
        raise Unprocessable(
            f"the body has {reader.declared} bytes, but shape {list(shape)} of {dtype.name} "
            f"needs {expected}",
            ("body",),
        )
    array: FloatArray = np.empty(shape, dtype)
    await reader.read_into(arrays.byte_view(array), "raw data")
    return array


async def read(
    request: Request, kind: Kind, query: ValueQuery, settings: Settings, alias: bool = False
) -> tuple[FloatArray, ValueOptions, Source]:
    fmt = body_format(request.headers.get("content-type"))
    if fmt == "json":
        given = query.model_dump(exclude_none=True)
        if given:
            raise Unprocessable(
                "query parameters are for binary bodies; a JSON body carries its own options",
                ("query", next(iter(given))),
            )
        x, options = await _read_json(request, kind, alias, settings)
        return x, options, Source("body", alias)
    source = Source("query", alias)
    reader = BodyReader(request)
    x = await (_read_npy if fmt == "npy" else _read_raw)(reader, query, settings)
    options = _query_options(query, kind, dtypes.of(x.dtype).name, alias)
    return x, options, source


def _json_response(result: Evaluation) -> Response:
    body: dict[str, Any] = {
        "function": result.function,
        "params": result.params,
        "dtype": result.dtype,
        "shape": list(result.shape),
    }
    if result.mode is not None:
        body["mode"] = result.mode
        if result.mode == "point":
            body["convention"] = result.convention
            body["at_kink"] = result.at_kink
    for name, array in result.outputs.items():
        body[name] = arrays.to_json(array)
    return Response(orjson.dumps(body), media_type=MEDIA_TYPES["json"])


def write(result: Evaluation, fmt: Format) -> Response:
    if fmt == "json":
        return _json_response(result)
    outputs = list(result.outputs.values())
    array = outputs[0] if len(outputs) == 1 else np.stack(outputs, axis=-1)
    headers = {
        "X-Array-Dtype": result.dtype,
        "X-Array-Shape": ",".join(map(str, array.shape)),
        "X-Array-Outputs": ",".join(result.outputs),
        "X-Function": result.function,
    }
    parts: list[bytes | memoryview] = [arrays.byte_view(np.ascontiguousarray(array))]
    if fmt == "npy":
        parts.insert(0, npy.header(array.dtype, array.shape))
    return BufferResponse(parts, MEDIA_TYPES[fmt], headers)


def negotiate(request: Request) -> Format:
    return response_format(request.headers.get("accept"))
