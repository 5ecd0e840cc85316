"""The Open Inference Protocol over gRPC: inference.GRPCInferenceService, as Triton's
grpc_service.proto defines it and tritonclient.grpc calls it, served by grpc.aio on the HTTP
app's event loop while the app runs (app.py's lifespan), in every worker process.

Each method adapts service.py, as the /v2 routes do; ModelInfer counts against the same rate
limit as the HTTP inference route (one budget per client address), and a message may be as
large as an HTTP binary body. Methods not served (streaming, model configuration, shared
memory, load and unload, trace and log settings) answer UNIMPLEMENTED.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar
from urllib.parse import unquote

import grpc
from google.protobuf.message import Message
from limits import parse

from service.core.errors import Invalid, TooLarge
from service.inference import grpc_codec
from service.inference.proto import grpc_service_pb2 as pb
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
from service.operations.clients import client_address, networks
from service.state import AppState
from service.wire.arrays import FloatArray

log = logging.getLogger(__name__)
SERVICE = "inference.GRPCInferenceService"
Context = grpc.aio.ServicerContext[Any, Any]
Req = TypeVar("Req", bound=Message)
Resp = TypeVar("Resp", bound=Message)


class RateLimited(Exception):
    def __init__(self, message: str, retry_after_s: int) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


def _peer_address(peer: str) -> str:
    """The host in a gRPC peer string: "ipv4:127.0.0.1:5000", "ipv6:%5B::1%5D:5000"."""
    kind, _, rest = unquote(peer).partition(":")
    if kind in ("ipv4", "ipv6"):
        return rest.rpartition(":")[0].strip("[]")
    return peer


class Servicer:
    def __init__(self, state: AppState) -> None:
        self.state = state
        self.limit = parse(state.settings.rate_limit_evaluation)
        self.trusted = networks(state.settings.trusted_proxies)

    async def server_live(
        self, request: pb.ServerLiveRequest, context: Context
    ) -> pb.ServerLiveResponse:
        return pb.ServerLiveResponse(live=True)

    async def server_ready(
        self, request: pb.ServerReadyRequest, context: Context
    ) -> pb.ServerReadyResponse:
        return pb.ServerReadyResponse(ready=True)

    async def model_ready(
        self, request: pb.ModelReadyRequest, context: Context
    ) -> pb.ModelReadyResponse:
        model(request.name, request.version)
        return pb.ModelReadyResponse(ready=True)

    async def server_metadata(
        self, request: pb.ServerMetadataRequest, context: Context
    ) -> pb.ServerMetadataResponse:
        return pb.ServerMetadataResponse(**server_metadata())

    async def model_metadata(
        self, request: pb.ModelMetadataRequest, context: Context
    ) -> pb.ModelMetadataResponse:
        return grpc_codec.model_metadata(metadata(model(request.name, request.version)))

    async def repository_index(
        self, request: pb.RepositoryIndexRequest, context: Context
    ) -> pb.RepositoryIndexResponse:
        models = repository_index(request.repository_name)
        return pb.RepositoryIndexResponse(
            models=[pb.RepositoryIndexResponse.ModelIndex(**m) for m in models]
        )

    async def model_statistics(
        self, request: pb.ModelStatisticsRequest, context: Context
    ) -> pb.ModelStatisticsResponse:
        found = statistics(request.name, request.version)
        return pb.ModelStatisticsResponse(model_stats=[pb.ModelStatistics(**s) for s in found])

    async def model_infer(
        self, request: pb.ModelInferRequest, context: Context
    ) -> pb.ModelInferResponse:
        await self._admit(context)
        fn = model(request.model_name, request.model_version)
        settings, metrics = self.state.settings, self.state.metrics

        async def decode() -> tuple[Plan, FloatArray]:
            plan, x = grpc_codec.decode(request, fn, settings.max_elements)
            metrics.elements.inc(x.size)
            return plan, x

        return await run_inference(fn, decode, grpc_codec.response)

    async def _admit(self, context: Context) -> None:
        """The HTTP inference route's rate limit, counted under the same key."""
        forwarded = [
            (b"x-forwarded-for", value.encode("latin-1"))
            for key, value in context.invocation_metadata() or ()
            if key == "x-forwarded-for" and isinstance(value, str)
        ]
        scope = {"client": (_peer_address(context.peer()), 0), "headers": forwarded}
        client = client_address(scope, self.trusted)
        allowed, stats = await self.state.limiter.hit(self.limit, "evaluation", client)
        if not allowed:
            retry_after = max(1, math.ceil(stats.reset_time - time.time()))
            raise RateLimited(
                f"over the limit of {self.limit.amount} evaluation requests per "
                f"{self.limit.get_expiry()} s from this address; retry in {retry_after} s",
                retry_after,
            )


def _status(exc: Exception) -> tuple[grpc.StatusCode, str, tuple[tuple[str, str], ...]]:
    """The status code, message and trailing metadata of an error; HTTP's statuses in
    parentheses."""
    if isinstance(exc, Unknown):  # 404
        return grpc.StatusCode.NOT_FOUND, str(exc), ()
    if isinstance(exc, TooLarge):  # 413
        return grpc.StatusCode.RESOURCE_EXHAUSTED, describe(exc), ()
    if isinstance(exc, Invalid):  # 400
        return grpc.StatusCode.INVALID_ARGUMENT, describe(exc), ()
    if isinstance(exc, RateLimited):  # 429 with Retry-After
        return (
            grpc.StatusCode.RESOURCE_EXHAUSTED,
            str(exc),
            (("retry-after", str(exc.retry_after_s)),),
        )
    log.error("gRPC request failed", exc_info=exc)
    return grpc.StatusCode.INTERNAL, "internal error; the server's log has the details", ()


def _method(
    behavior: Callable[[Req, Context], Awaitable[Resp]],
    request_type: type[Req],
    response_type: type[Resp],
) -> grpc.RpcMethodHandler[Req, Resp]:
    async def handle(request: Req, context: Context) -> Resp:
        try:
            return await behavior(request, context)
        except Exception as exc:
            code, message, trailing = _status(exc)
        await context.abort(code, message, trailing)

    return grpc.unary_unary_rpc_method_handler(
        handle,
        request_deserializer=request_type.FromString,
        response_serializer=response_type.SerializeToString,
    )


def handler(servicer: Servicer) -> grpc.GenericRpcHandler:
    s = servicer
    return grpc.method_handlers_generic_handler(
        SERVICE,
        {
            "ServerLive": _method(s.server_live, pb.ServerLiveRequest, pb.ServerLiveResponse),
            "ServerReady": _method(s.server_ready, pb.ServerReadyRequest, pb.ServerReadyResponse),
            "ModelReady": _method(s.model_ready, pb.ModelReadyRequest, pb.ModelReadyResponse),
            "ServerMetadata": _method(
                s.server_metadata, pb.ServerMetadataRequest, pb.ServerMetadataResponse
            ),
            "ModelMetadata": _method(
                s.model_metadata, pb.ModelMetadataRequest, pb.ModelMetadataResponse
            ),
            "ModelInfer": _method(s.model_infer, pb.ModelInferRequest, pb.ModelInferResponse),
            "RepositoryIndex": _method(
                s.repository_index, pb.RepositoryIndexRequest, pb.RepositoryIndexResponse
            ),
            "ModelStatistics": _method(
                s.model_statistics, pb.ModelStatisticsRequest, pb.ModelStatisticsResponse
            ),
        },
    )


def address(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


async def start(state: AppState, port: int) -> tuple[grpc.aio.Server, int]:
    """A started server on the settings' host and this port (0: any free port), and the port.
    SO_REUSEPORT lets every worker process listen on the same port; the kernel spreads the
    connections between them."""
    settings = state.settings
    server = grpc.aio.server(
        options=[
            ("grpc.so_reuseport", 1),
            ("grpc.max_receive_message_length", settings.max_body_bytes),
        ]
    )
    server.add_generic_rpc_handlers((handler(Servicer(state)),))
    where = address(settings.host, port)
    try:
        bound = server.add_insecure_port(where)
    except RuntimeError:
        bound = 0
    if not bound:
        raise RuntimeError(
            f"cannot listen for gRPC on {where}: another program holds the port (or the host "
            "is not this machine's); set RELU_GRPC_PORT to a free port, or to 0 to turn gRPC off"
        )
    await server.start()
    return server, bound


@asynccontextmanager
async def serving(state: AppState) -> AsyncIterator[int | None]:
    """gRPC while the app runs, and its port; nothing in exam mode or with grpc_port 0. On
    the way out, RPCs in flight get the shutdown grace; new ones are refused (UNAVAILABLE)."""
    settings = state.settings
    if settings.exam_mode or not settings.grpc_port:
        yield None
        return
    server, port = await start(state, settings.grpc_port)
    log.info("Open Inference Protocol over gRPC on %s", address(settings.host, port))
    try:
        yield port
    finally:
        await server.stop(settings.shutdown_grace_s)
