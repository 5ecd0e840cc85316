"""/v2: every catalogue function served as a model of the Open Inference Protocol."""

from __future__ import annotations

from typing import Annotated, Any

import numpy as np
from fastapi import APIRouter, Path, Request
from pydantic import ValidationError
from starlette.responses import Response

from service import __version__
from service.core.catalogue import CATALOGUE, CatalogueError, Function, get_function
from service.core.evaluate import OUTPUTS
from service.dependencies import settings_of
from service.errors import BadRequest, NotFound, PayloadTooLarge, Unprocessable
from service.evaluation import arrays
from service.evaluation.arrays import FloatArray
from service.evaluation.service import evaluate_outputs
from service.http import structure
from service.http.body import BodyReader, header_number
from service.http.openapi import example, inline_schema
from service.http.responses import BufferResponse
from service.http.structure import JsonLimits
from service.http.threads import run_sized
from service.inference import protocol
from service.inference.protocol import Plan, ProtocolError
from service.settings import Settings

router = APIRouter(prefix="/v2", tags=["inference"])

HEADER_LENGTH = "Inference-Header-Content-Length"
ModelName = Annotated[
    str, Path(description="a catalogue function", json_schema_extra={"enum": list(CATALOGUE)})
]
_ERROR = {"content": {"application/json": {"example": {"error": "message"}}}}
_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "the request does not follow the protocol", **_ERROR},
    404: {"description": "no such model or version", **_ERROR},
    413: {"description": "the body or the element count is over the limit", **_ERROR},
}


def _model(name: str, version: str | None = None) -> str:
    if name not in CATALOGUE:
        raise NotFound(f"no model named {name!r}; models: {', '.join(CATALOGUE)}")
    if version is not None and version != "1":
        raise NotFound(f"model {name!r} has only version 1")
    return name


@router.get(
    "",
    operation_id="serverMetadata",
    summary="Server metadata",
    responses=example(
        {"name": "relu-service", "version": "0.1.0", "extensions": ["binary_tensor_data"]}
    ),
)
async def server_metadata() -> dict[str, Any]:
    return {"name": "relu-service", "version": __version__, "extensions": ["binary_tensor_data"]}


@router.get(
    "/health/live", operation_id="serverLive", summary="Liveness", responses=example({"live": True})
)
async def live() -> dict[str, bool]:
    return {"live": True}


@router.get(
    "/health/ready",
    operation_id="serverReady",
    summary="Readiness",
    responses=example({"ready": True}),
)
async def ready() -> dict[str, bool]:
    return {"ready": True}


def _metadata(name: str) -> dict[str, Any]:
    fn = get_function(name)
    tensor = {"datatype": "FP32", "shape": [-1]}
    return {
        "name": fn.name,
        "versions": ["1"],
        "platform": "numpy",
        "inputs": [{"name": protocol.INPUT_NAME, **tensor}],
        "outputs": [{"name": output, **tensor} for output in OUTPUTS],
        "parameters": {
            "description": f"{fn.title}: {fn.formula}; FP16, FP32 and FP64 inputs of any shape",
            "function_parameters": [p.name for p in fn.params],
        },
    }


@router.get(
    "/models/{name}",
    operation_id="modelMetadata",
    summary="Model metadata",
    responses={404: _ERRORS[404]},
)
async def model_metadata(name: ModelName) -> dict[str, Any]:
    return _metadata(_model(name))


@router.get(
    "/models/{name}/versions/{version}",
    operation_id="modelVersionMetadata",
    summary="Model metadata of one version",
    responses={404: _ERRORS[404]},
)
async def model_version_metadata(name: ModelName, version: str) -> dict[str, Any]:
    return _metadata(_model(name, version))


@router.get(
    "/models/{name}/ready",
    operation_id="modelReady",
    summary="Model readiness",
    responses={404: _ERRORS[404]},
)
async def model_ready(name: ModelName) -> dict[str, Any]:
    return {"name": _model(name), "ready": True}


@router.get(
    "/models/{name}/versions/{version}/ready",
    operation_id="modelVersionReady",
    summary="Model readiness of one version",
    responses={404: _ERRORS[404]},
)
async def model_version_ready(name: ModelName, version: str) -> dict[str, Any]:
    return {"name": _model(name, version), "ready": True}


async def _read(request: Request, fn: Function, settings: Settings) -> tuple[Plan, FloatArray]:
    """The request's plan and input x; the binary tail is streamed into x's memory."""
    reader = BodyReader(request)
    header_length = header_number(request, HEADER_LENGTH)
    if header_length is not None and header_length > settings.max_json_bytes:
        raise PayloadTooLarge(
            f"the inference header declares {header_length} bytes, more than the JSON limit "
            f"of {settings.max_json_bytes}"
        )
    if header_length is None:
        raw = bytes(await reader.read_rest())
    else:
        raw = await reader.read_exactly(header_length, "inference header")
    try:
        structure.check(raw, JsonLimits(settings.max_json_containers))
    except Unprocessable as exc:
        raise BadRequest(exc.detail) from None
    try:
        header = protocol.parse_header(raw)
        plan = protocol.plan(header, tuple(p.name for p in fn.params), settings.max_elements)
        if plan.binary_size is None:
            x = protocol.json_input(plan, settings.max_elements)
            if header_length is not None:
                await reader.read_into(memoryview(b""), "inference header")
            return plan, x
        if header_length is None:
            raise ProtocolError(f"input x is binary, but the {HEADER_LENGTH} header is missing")
    except arrays.TooManyElements as exc:
        raise PayloadTooLarge(exc.message) from None
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        raise BadRequest(f"{'.'.join(map(str, first['loc']))}: {first['msg']}") from None
    except ProtocolError as exc:
        raise BadRequest(str(exc)) from None
    x = np.empty(plan.shape, plan.dtype)
    await reader.read_into(arrays.byte_view(x), "binary tensor data")
    return plan, x


async def _infer(request: Request, name: str, settings: Settings) -> Response:
    fn = get_function(name)
    plan, x = await _read(request, fn, settings)
    request.app.state.metrics.elements.inc(x.size)

    def run() -> Response:
        try:
            result = evaluate_outputs(name, x, plan.options, plan.outputs, may_overwrite_x=True)
        except CatalogueError as exc:
            raise BadRequest(exc.message) from None
        head, tails = protocol.response(plan, fn.name, result.outputs)
        if not tails:
            return Response(head, media_type="application/json")
        return BufferResponse(
            [head, *tails], "application/octet-stream", {HEADER_LENGTH: str(len(head))}
        )

    return await run_sized(run, x.size)


_INFER_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": inline_schema(protocol.InferenceRequest)},
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
        },
    }
}


@router.post(
    "/models/{name}/infer",
    operation_id="modelInfer",
    summary="Inference: value, subgradient, lower, upper, left, right",
    openapi_extra=_INFER_BODY,
    responses=_ERRORS,
    response_class=Response,
)
async def infer(name: ModelName, request: Request) -> Response:
    return await _infer(request, _model(name), settings_of(request))


@router.post(
    "/models/{name}/versions/{version}/infer",
    operation_id="modelVersionInfer",
    summary="Inference on one version",
    openapi_extra=_INFER_BODY,
    responses=_ERRORS,
    response_class=Response,
)
async def infer_version(name: ModelName, version: str, request: Request) -> Response:
    return await _infer(request, _model(name, version), settings_of(request))
