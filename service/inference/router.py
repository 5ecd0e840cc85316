"""/v2: every catalogue function served as a model of the Open Inference Protocol. The work is
service.py's, shared with the gRPC service; this module reads and writes HTTP."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import asdict
from typing import Annotated, Any

import numpy as np
from fastapi import APIRouter, Path, Request
from starlette.responses import Response

from service.core.catalogue import CATALOGUE, Function
from service.core.errors import Invalid, TooLarge
from service.errors import BadRequest, NotFound, PayloadTooLarge, ServiceError, Unprocessable
from service.http import structure
from service.http.body import BodyReader, header_number
from service.http.openapi import INFERENCE_ERROR, Responses, errors, example, inline_schema
from service.http.responses import BufferResponse
from service.http.structure import JsonLimits
from service.inference import protocol
from service.inference.protocol import Plan
from service.inference.service import (
    Unknown,
    describe,
    metadata,
    model,
    repository_index,
    server_metadata,
    statistics,
)
from service.inference.service import infer as run_inference
from service.settings import Settings
from service.state import state_of
from service.wire import arrays
from service.wire.arrays import FloatArray

router = APIRouter(prefix="/v2", tags=["inference"])

HEADER_LENGTH = "Inference-Header-Content-Length"
ModelName = Annotated[
    str, Path(description="a catalogue function", json_schema_extra={"enum": list(CATALOGUE)})
]
_ERRORS = {
    400: "the request does not follow the protocol",
    404: "no such model or version",
    413: "the body or the element count is over the limit",
}


def _errors(*statuses: int) -> Responses:
    return errors(_ERRORS, *statuses, content=INFERENCE_ERROR)


_VERSION = {
    "parameters": [
        {
            "name": "version",
            "in": "path",
            "required": True,
            "description": "the model's version; every model has only version 1",
            "schema": {"type": "string", "enum": ["1"]},
        }
    ]
}
Endpoint = Callable[..., Coroutine[Any, Any, Any]]


def _model_route(
    suffix: str,
    operation_id: str,
    summary: str,
    method: str = "GET",
    openapi_extra: dict[str, Any] | None = None,
    **options: Any,
) -> Callable[[Endpoint], Endpoint]:
    """Registers one handler at both forms of a model's path: /models/{name}<suffix> and
    /models/{name}/versions/{version}<suffix> (operation `operation_id` and its Version twin).
    The handler reads the version, if any, from the path (_model)."""

    def register(endpoint: Endpoint) -> Endpoint:
        for path, op, title, more in (
            ("/models/{name}", operation_id, summary, {}),
            (
                "/models/{name}/versions/{version}",
                _versioned(operation_id),
                f"{summary}, one version",
                _VERSION,
            ),
        ):
            router.add_api_route(
                path + suffix,
                endpoint,
                methods=[method],
                operation_id=op,
                summary=title,
                openapi_extra={**(openapi_extra or {}), **more},
                **options,
            )
        return endpoint

    return register


def _versioned(operation_id: str) -> str:
    """modelInfer -> modelVersionInfer."""
    return "modelVersion" + operation_id.removeprefix("model")


def _protocol_error(exc: Invalid) -> ServiceError:
    """The protocol's answer to input it cannot use: 413 over a limit, 400 otherwise."""
    if isinstance(exc, TooLarge):
        return PayloadTooLarge(describe(exc))
    return BadRequest(describe(exc))


def _model(request: Request, name: str) -> Function:
    """The model, when it and the version in the path (if any) exist."""
    try:
        return model(name, request.path_params.get("version"))
    except Unknown as exc:
        raise NotFound(str(exc)) from None


@router.get(
    "",
    operation_id="serverMetadata",
    summary="Server metadata",
    responses=example(server_metadata()),
)
async def get_server_metadata() -> dict[str, Any]:
    return server_metadata()


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


_INDEX_BODY = {
    "requestBody": {
        "required": False,
        "content": {"application/json": {"schema": inline_schema(protocol.RepositoryIndexRequest)}},
    }
}


@router.post(
    "/repository/index",
    operation_id="repositoryIndex",
    summary="Repository index: every model, its version and state",
    openapi_extra=_INDEX_BODY,
    responses={
        **example(repository_index()[:1]),
        **_errors(400, 404),
    },
)
async def get_repository_index(request: Request) -> list[dict[str, str]]:
    try:
        asked = protocol.repository_request(await request.body())
        return repository_index(asked.repository_name)
    except Invalid as exc:
        raise _protocol_error(exc) from None
    except Unknown as exc:
        raise NotFound(str(exc)) from None


# Before /models/{name}, which would take "stats" for a model's name.
@router.get(
    "/models/stats",
    operation_id="serverStatistics",
    summary="Inference statistics of every model (this process's)",
    responses=example({"model_stats": statistics()[:1]}),
)
async def all_statistics() -> dict[str, Any]:
    return {"model_stats": statistics()}


@_model_route("", "modelMetadata", "Model metadata", responses=_errors(404))
async def model_metadata(name: ModelName, request: Request) -> dict[str, Any]:
    return asdict(metadata(_model(request, name)))


@_model_route("/ready", "modelReady", "Model readiness", responses=_errors(404))
async def model_ready(name: ModelName, request: Request) -> dict[str, Any]:
    return {"name": _model(request, name).name, "ready": True}


@_model_route(
    "/stats",
    "modelStatistics",
    "Inference statistics (this process's)",
    responses={**example({"model_stats": statistics("relu")}), **_errors(404)},
)
async def model_statistics(name: ModelName, request: Request) -> dict[str, Any]:
    fn = _model(request, name)
    return {"model_stats": statistics(fn.name, request.path_params.get("version", ""))}


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
            raise Invalid(f"input x is binary, but the {HEADER_LENGTH} header is missing")
    except Invalid as exc:
        raise _protocol_error(exc) from None
    x = np.empty(plan.shape, plan.element_type.numpy)
    await reader.read_into(arrays.byte_view(x), "binary tensor data")
    return plan, x


_INFER_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": inline_schema(protocol.InferenceRequest)},
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
        },
    }
}


@_model_route(
    "/infer",
    "modelInfer",
    "Inference: value, subgradient, lower, upper, left, right",
    method="POST",
    openapi_extra=_INFER_BODY,
    responses=_errors(),
    response_class=Response,
)
async def infer(name: ModelName, request: Request) -> Response:
    state = state_of(request)
    fn = _model(request, name)

    async def decode() -> tuple[Plan, FloatArray]:
        plan, x = await _read(request, fn, state.settings)
        state.metrics.elements.inc(x.size)
        return plan, x

    try:
        return await run_inference(fn, decode, _encode)
    except Invalid as exc:
        raise _protocol_error(exc) from None


def _encode(plan: Plan, model_name: str, outputs: dict[str, FloatArray]) -> Response:
    head, tails = protocol.response(plan, model_name, outputs)
    if not tails:
        return Response(head, media_type="application/json")
    return BufferResponse(
        [head, *tails], "application/octet-stream", {HEADER_LENGTH: str(len(head))}
    )
